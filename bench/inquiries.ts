/**
 * npm run bench:inquiries — sustained submissions of citizens' requests (POST /api/v1/inquiries)
 * to the real server, started as `npm start` runs it (NODE_ENV=production, LOG_LEVEL=warn), on
 * PostgreSQL and on PGlite. Each request is a distinct valid submission with its own
 * Idempotency-Key, and its 201 comes only after the transaction committed. N keep-alive
 * connections (node:http, not autocannon: a run must end with every request answered, so that
 * the 201s can be counted against the database exactly) for a fixed time after a warm-up;
 * reports requests/s, p50/p95/p99 latency, non-2xx answers by status, and checks afterwards
 * that the database holds exactly as many new requests as there were 201 answers (and that a
 * replay and the look-up by code and contact answer as specified). Also printed, to see where
 * the time goes: the server process's CPU time per submission and, on PostgreSQL, transactions
 * and rows written per submission (pg_stat_database).
 *
 * Targets: ≥ 500 submissions/s on PostgreSQL, ≥ 100/s on PGlite, no 5xx, no network error,
 * nothing missing or extra in the database; the exit code is 1 when one is missed.
 *
 * Settings: BENCH_ENGINES=postgres,pglite (default both); BENCH_SECONDS (20); BENCH_WARMUP_SECONDS
 * (3); BENCH_CONNECTIONS (32); BENCH_KEEP=1 keeps the database afterwards. PostgreSQL:
 * BENCH_DATABASE_URL or DATABASE_URL (a server URL; the throw-away database
 * cong_bench_inquiries is created there and dropped afterwards), else
 * postgres://postgres@127.0.0.1:5432/postgres. PGlite: data/bench-inquiries-pglite.
 * The server is this machine's too: it shares the cores with the load generator (and PostgreSQL).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createServerDatabase, killAllServers, spawnServer, type ServerDatabase, type SpawnedServer } from '../test/spawn-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean) as ('postgres' | 'pglite')[];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const KEEP = process.env.BENCH_KEEP === '1';
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET: Record<string, number> = { postgres: 500, pglite: 100 };
const SERVER_ENV = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'true',
  // The load generator is a trusted gateway: it must not be rate-limited.
  INQUIRY_RATE_LIMIT_ALLOW: '127.0.0.1,::1,::ffff:127.0.0.1',
};
const KINDS = ['question', 'feedback', 'petition', 'complaint', 'denunciation'] as const;
const RUN = randomBytes(3).toString('hex');
const EMAIL_DOMAIN = `bench-${RUN}.example.vn`;

/** Submission number n: distinct contact, text and key. */
function submission(n: number): { body: string; key: string } {
  return {
    key: `bench-${RUN}-${n}`,
    body: JSON.stringify({
      kind: KINDS[n % KINDS.length],
      field: 'khac',
      title: `Đề nghị hướng dẫn thủ tục hành chính số ${n}`,
      content:
        `Kính gửi cơ quan, tôi đề nghị được hướng dẫn về hồ sơ, trình tự và thời hạn giải quyết thủ tục trong trường hợp số ${n}. ` +
        'Gia đình tôi đã nộp hồ sơ tại bộ phận một cửa nhưng chưa nhận được phản hồi. Xin trân trọng cảm ơn.',
      name: `Trần Thị Bình ${n}`,
      email: `cong.dan.${n}@${EMAIL_DOMAIN}`,
      phone: `09${String(10_000_000 + (n % 89_999_999)).padStart(8, '0')}`,
      address: `Số ${(n % 300) + 1} phố Hàng Bài, phường Hoàn Kiếm, Hà Nội`,
      consentPrivacy: true,
      consentPublish: n % 2 === 0,
    }),
  };
}

interface LoadResult {
  seconds: number;
  requests: number;
  created: number;
  byStatus: Map<number, number>;
  errors: number;
  firstError?: string;
  latencies: Float64Array;
  /** [submission number, code] of every 201. */
  acknowledged: [number, string][];
}

let nextSubmission = 0;

/**
 * `connections` workers, each with its own keep-alive socket, send submissions back to back
 * until `seconds` have passed; every request started is awaited, so every commit is counted.
 */
async function drive(port: number, seconds: number, connections: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const byStatus = new Map<number, number>();
  const acknowledged: [number, string][] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const one = (n: number) =>
    new Promise<void>((resolve) => {
      const { body, key } = submission(n);
      const t0 = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/inquiries',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            const status = res.statusCode ?? 0;
            byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
            const text = Buffer.concat(chunks).toString();
            if (status === 201) {
              try {
                acknowledged.push([n, (JSON.parse(text) as { code: string }).code]);
              } catch {
                // counted by status; the database check will tell
              }
            } else if (firstError === undefined) firstError = `${status} ${text.slice(0, 300)}`;
            resolve();
          });
          res.on('error', (err) => {
            errors++;
            firstError ??= err.message;
            resolve();
          });
        },
      );
      req.on('error', (err) => {
        errors++;
        firstError ??= err.message;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) await one(nextSubmission++);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const created = byStatus.get(201) ?? 0;
  return {
    seconds: elapsed,
    requests: latencies.length + errors,
    created,
    byStatus,
    errors,
    ...(firstError ? { firstError } : {}),
    latencies: Float64Array.from(latencies).sort(),
    acknowledged,
  };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** User + system CPU seconds of a process so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Requests in the database (the table of the inquiries module). */
async function countStored(database: ServerDatabase): Promise<number> {
  const handle = await database.open();
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from inquiries`.execute(handle.db);
    return rows[0]!.n;
  } finally {
    await handle.close();
  }
}

/** PostgreSQL's own counters for the database: commits and rows written, to relate to submissions. */
async function pgCounters(database: ServerDatabase): Promise<{ commits: number; inserted: number; updated: number; fetched: number } | undefined> {
  if (database.engine !== 'postgres') return undefined;
  const name = new URL(database.where).pathname.slice(1);
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ commits: string; inserted: string; updated: string; fetched: string }>(
      'select xact_commit as commits, tup_inserted as inserted, tup_updated as updated, tup_fetched as fetched from pg_stat_database where datname = $1',
      [name],
    );
    const r = rows[0]!;
    return { commits: Number(r.commits), inserted: Number(r.inserted), updated: Number(r.updated), fetched: Number(r.fetched) };
  } finally {
    await client.end();
  }
}

interface Row {
  engine: string;
  firstStartMs: number;
  load: LoadResult;
  warmupCreated: number;
  storedNew: number;
  perSubmission?: { commits: number; inserted: number; updated: number };
  lookupOk: boolean;
  /** CPU time of the server process (user + system) per submission. */
  serverCpuMs: number;
  /** This machine's 1-minute load average as the measured run began (other work slows every figure). */
  loadAverage: number;
  replayOk: boolean;
}

async function measure(engine: 'postgres' | 'pglite'): Promise<Row> {
  console.log(`\n${engine}:`);
  const database = await createServerDatabase(
    engine === 'postgres'
      ? { engine, serverUrl: SERVER_URL, name: 'cong_bench_inquiries' }
      : { engine, dataDir: path.join(ROOT, 'data', 'bench-inquiries-pglite') },
  );
  let server: SpawnedServer | undefined;
  try {
    // First start: migrations and the demo seed; then the count before any submission.
    server = await spawnServer({ env: { ...database.env, ...SERVER_ENV }, command: 'start-script', readyTimeoutMs: 180_000 });
    const firstStartMs = server.readyMs;
    console.log(`  first start (migrate + seed): ${Math.round(firstStartMs)} ms`);
    await server.stop();
    const before = await countStored(database);
    const c0 = await pgCounters(database);

    server = await spawnServer({ env: { ...database.env, ...SERVER_ENV }, command: 'start-script', readyTimeoutMs: 120_000 });
    const warmup = await drive(server.port, WARMUP_SECONDS, CONNECTIONS);
    console.log(
      `  warm-up: ${warmup.created} submissions in ${warmup.seconds.toFixed(1)} s${warmup.firstError ? ` (first failure: ${warmup.firstError})` : ''}`,
    );
    const loadAverage = os.loadavg()[0]!;
    const cpu0 = cpuSeconds(server.pid);
    const load = await drive(server.port, SECONDS, CONNECTIONS);
    const serverCpuMs = ((cpuSeconds(server.pid) - cpu0) * 1000) / Math.max(1, load.created);
    console.log(
      `  ${load.created} submissions in ${load.seconds.toFixed(1)} s = ${Math.round(load.created / load.seconds)}/s; p50 ${percentile(load.latencies, 50).toFixed(1)} ms, p99 ${percentile(load.latencies, 99).toFixed(1)} ms`,
    );
    if (load.firstError) console.log(`  first failure: ${load.firstError}`);

    // The product's own checks on what was just written: a replay of the last acknowledged
    // submission answers its code again, and the look-up finds it by its contact only.
    let lookupOk = false;
    let replayOk = false;
    const last = load.acknowledged[load.acknowledged.length - 1];
    if (last) {
      const [n, code] = last;
      const s = submission(n);
      const contact = (JSON.parse(s.body) as { email: string }).email;
      const res = await fetch(`${server.url}/api/v1/inquiries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': s.key },
        body: s.body,
      });
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      replayOk = res.status === 201 && body.code === code && res.headers.get('idempotent-replayed') === 'true';
      const found = await fetch(`${server.url}/api/v1/inquiries/${code}?contact=${encodeURIComponent(contact)}`);
      const foundBody = (await found.json().catch(() => ({}))) as { code?: string };
      const wrong = await fetch(`${server.url}/api/v1/inquiries/${code}?contact=${encodeURIComponent(`khac@${EMAIL_DOMAIN}`)}`);
      await wrong.arrayBuffer();
      lookupOk = found.status === 200 && foundBody.code === code && wrong.status === 404;
    }

    await server.stop();
    const storedNew = (await countStored(database)) - before;
    // Read once the server's sessions have ended (a session reports its counters when it ends, or
    // when idle only every 10 s), over everything this server did: start, warm-up, run, checks.
    if (c0) await new Promise((r) => setTimeout(r, 500));
    const c1 = await pgCounters(database);
    const submitted = warmup.created + load.created;
    const perSubmission =
      c0 && c1 && submitted > 0
        ? { commits: (c1.commits - c0.commits) / submitted, inserted: (c1.inserted - c0.inserted) / submitted, updated: (c1.updated - c0.updated) / submitted }
        : undefined;
    return {
      engine,
      firstStartMs,
      load,
      warmupCreated: warmup.created,
      storedNew,
      ...(perSubmission ? { perSubmission } : {}),
      lookupOk,
      replayOk,
      serverCpuMs,
      loadAverage,
    };
  } catch (err) {
    if (server) console.error(server.output());
    throw err;
  } finally {
    await killAllServers();
    if (KEEP) console.log(`  kept ${database.where}`);
    else await database.destroy();
  }
}

const rows: Row[] = [];
try {
  for (const engine of ENGINES) rows.push(await measure(engine));
} finally {
  await killAllServers();
}

console.log(
  `\nInquiry submissions, POST /api/v1/inquiries, ${CONNECTIONS} connections × ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, server as \`npm start\` (NODE_ENV=production), same machine`,
);
console.log('| engine | submissions/s | p50 ms | p95 ms | p99 ms | max ms | 201 | non-2xx | network errors | new rows in database (incl. warm-up) | target |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|');
let failed = false;
const problems: string[] = [];
for (const r of rows) {
  const { load } = r;
  const rps = load.created / load.seconds;
  const target = TARGET[r.engine] ?? 0;
  const non2xx = [...load.byStatus].filter(([s]) => s < 200 || s >= 300);
  const fivexx = non2xx.filter(([s]) => s >= 500).reduce((a, [, c]) => a + c, 0);
  const expected = r.warmupCreated + load.created;
  const okRate = rps >= target;
  if (!okRate) problems.push(`${r.engine}: ${Math.round(rps)}/s is below the target of ${target}/s`);
  if (fivexx > 0) problems.push(`${r.engine}: ${fivexx} answers 5xx`);
  if (load.errors > 0) problems.push(`${r.engine}: ${load.errors} network errors`);
  if (r.storedNew !== expected) problems.push(`${r.engine}: the database holds ${r.storedNew} new requests for ${expected} answers 201`);
  if (!r.lookupOk) problems.push(`${r.engine}: look-up by code and contact did not answer as specified`);
  if (!r.replayOk) problems.push(`${r.engine}: a replay with the same Idempotency-Key did not answer the same code with Idempotent-Replayed: true`);
  console.log(
    `| ${r.engine} | ${Math.round(rps)} | ${percentile(load.latencies, 50).toFixed(1)} | ${percentile(load.latencies, 95).toFixed(1)} | ${percentile(load.latencies, 99).toFixed(1)} | ${percentile(load.latencies, 100).toFixed(1)} | ${load.created} | ${non2xx.map(([s, c]) => `${s}: ${c}`).join(', ') || '0'} | ${load.errors} | ${r.storedNew} of ${expected} ${r.storedNew === expected ? '✓' : '✗'} | ≥ ${target} ${okRate ? '✓' : '✗'} |`,
  );
}
for (const r of rows) {
  if (r.perSubmission) {
    const p = r.perSubmission;
    console.log(
      `${r.engine}: per submission ${p.commits.toFixed(2)} transactions committed (a statement outside a transaction counts as one), ${p.inserted.toFixed(2)} rows inserted, ${p.updated.toFixed(2)} rows updated (pg_stat_database over the whole second start, warm-up included)`,
    );
  }
  console.log(
    `${r.engine}: server process CPU ${r.serverCpuMs.toFixed(2)} ms per submission; load average ${r.loadAverage.toFixed(2)} as the run began; first start (migrate + seed the demo) ${(r.firstStartMs / 1000).toFixed(1)} s`,
  );
}
console.log(`Node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
if (problems.length > 0) {
  failed = true;
  console.log(`\nTARGETS MISSED:\n- ${problems.join('\n- ')}`);
} else console.log('\nTargets met.');
if (failed) process.exitCode = 1;
