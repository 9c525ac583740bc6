/**
 * npm run bench:pages — throughput and latency of the public article and home pages with
 * 10,000 published items, cached and uncached, against a minimal Node `http` server that
 * returns the same bytes. 32 connections for 15 s each (wrk when installed — `apt-get install
 * wrk` — else autocannon), server and load generator on this machine. Targets (issue #4): cached ≥ 70 % of the minimal server;
 * uncached article p99 < 50 ms and home p99 < 100 ms on PostgreSQL.
 *
 * Database: BENCH_DATABASE_URL or DATABASE_URL (a server URL; a fresh database is created
 * there and dropped afterwards), else the local postgres://postgres@127.0.0.1:5432/postgres.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { spawnStart } from './start.ts';

const _ROOT = path.resolve(import.meta.dirname, '..');
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 32;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.status === 200) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}`);
}

/** The server exactly as `npm start` runs it (see bench/start.ts). */
function startServer(databaseUrl: string, port: number, pageCache: boolean): ChildProcess {
  return spawnStart({ DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PAGE_CACHE: String(pageCache), SEED_DEMO: 'true' });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await exited;
}

interface Row {
  what: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** wrk (C, Debian package) when installed: it parses responses far faster than a JS load generator, so it measures the server, not itself. */
const WRK = spawnSync('wrk', ['--version']).error === undefined ? 'wrk' : undefined;

function ms(value: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

async function load(what: string, url: string): Promise<Row> {
  if (WRK) {
    // Asynchronously: the minimal server runs in this very process and must keep answering.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK, ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', url]);
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.once('error', reject);
      child.once('exit', () => resolve(text));
    });
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
    const p50 = ms(/\n\s+50%\s+(\S+)/.exec(out)?.[1] ?? '');
    const p99 = ms(/\n\s+99%\s+(\S+)/.exec(out)?.[1] ?? '');
    const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors:.*?(\d+)/.exec(out)?.[1] ?? 0);
    return { what, rps: Math.round(rps), p50, p99, errors };
  }
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { host: new URL(url).host } });
  return { what, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Bulk-publishes ITEMS news items on the portal: the benchmark's data, not a product path. */
async function fillItems(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>("select id from sites where code = 'hanoi'");
    const siteId = rows[0]!.id;
    const cat = await client.query<{ id: number }>("select id from categories where site_id = $1 and slug = 'tin-tuc-su-kien'", [siteId]);
    const body = `<p>${'Nội dung tin tức minh họa về cải cách hành chính và chuyển đổi số của Thành phố. '.repeat(40)}</p>`;
    await client.query('begin');
    await client.query(
      `insert into content_items (site_id, type, lang, slug, category_id, stage, visibility, published_at, first_published_at)
       select $1, 'news', 'vi', 'tin-thu-nghiem-' || g, $2, null, 'live', now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
       from generate_series(1, $3::int) g`,
      [siteId, cat.rows[0]?.id ?? null, ITEMS],
    );
    await client.query(
      `insert into content_revisions (item_id, number, title, summary, body_html, fields, source, author_name)
       select i.id, 1, 'Tin thử nghiệm số ' || substr(i.slug, 16) || ' về cải cách hành chính', 'Tóm tắt tin thử nghiệm.', $2, '{"event_date":"2026-11-20"}'::jsonb, 'Văn phòng UBND Thành phố', 'Ban Biên tập'
       from content_items i where i.site_id = $1 and i.slug like 'tin-thu-nghiem-%'`,
      [siteId, body],
    );
    await client.query(
      `update content_items i set working_revision_id = r.id, live_revision_id = r.id
       from content_revisions r where r.item_id = i.id and i.slug like 'tin-thu-nghiem-%'`,
    );
    await client.query('commit');
    await client.query('analyze');
    return `tin-thu-nghiem-${Math.floor(ITEMS / 2)}`;
  } finally {
    await client.end();
  }
}

async function minimalServer(body: Buffer, contentType: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `cong_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;
const rows: Row[] = [];
let server: ChildProcess | undefined;
try {
  // First start: migrate and seed the demo, then add the items.
  let port = await freePort();
  server = startServer(dbUrl.toString(), port, true);
  await waitFor(`http://127.0.0.1:${port}/readyz`, server);
  await waitFor(`http://127.0.0.1:${port}/`, server);
  await stop(server);
  const slug = await fillItems(dbUrl.toString());
  const article = `/tin/${slug}`;

  for (const cached of process.env.BENCH_ONLY_UNCACHED ? [false] : [true, false]) {
    port = await freePort();
    server = startServer(dbUrl.toString(), port, cached);
    await waitFor(`http://127.0.0.1:${port}/readyz`, server);
    const base = `http://localhost:${port}`;
    for (const [name, p] of [
      ['article', article],
      ['home', '/'],
    ] as const) {
      const probe = await fetch(`${base}${p}`);
      if (probe.status !== 200) throw new Error(`${p} answered ${probe.status}`);
      const bytes = Buffer.from(await probe.arrayBuffer());
      rows.push(await load(`${name} page, ${cached ? 'cached' : 'uncached'}`, `${base}${p}`));
      if (cached) {
        const minimal = await minimalServer(bytes, probe.headers.get('content-type') ?? 'text/html');
        rows.push(await load(`minimal http server, same ${bytes.length} bytes as ${name}`, `http://127.0.0.1:${minimal.port}/`));
        await minimal.close();
      }
    }
    await stop(server);
  }
} finally {
  // An error must not leave a server running (it would hold this process's output open).
  if (server) await stop(server);
  if (process.env.BENCH_KEEP_DB) console.log(`Kept database ${dbUrl.toString()}`);
  else await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
}

console.log(`\nPublic pages, ${ITEMS} published items, PostgreSQL, ${CONNECTIONS} connections × ${DURATION} s (${WRK ? 'wrk' : 'autocannon'}, same machine)`);
console.log('| what | req/s | p50 ms | p99 ms | errors |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.what} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`);
const find = (w: string) => rows.find((r) => r.what.startsWith(w))!;
for (const name of ['article', 'home']) {
  const minimal = rows.find((r) => r.what.startsWith('minimal') && r.what.endsWith(name))!;
  const cached = find(`${name} page, cached`);
  const uncached = find(`${name} page, uncached`);
  console.log(
    `${name}: cached = ${Math.round((cached.rps / minimal.rps) * 100)} % of the minimal server (target ≥ 70 %); uncached p99 ${uncached.p99} ms (target < ${name === 'article' ? 50 : 100} ms)`,
  );
}
