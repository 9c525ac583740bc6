/**
 * Nothing acknowledged is ever lost: the real server (a child process) takes a burst of
 * concurrent submissions and is killed with SIGKILL in the middle of it; after a restart on
 * the same database every code it answered 201 for is found, with the contact given.
 * Submissions interrupted by the kill are then retried with their Idempotency-Key: each one
 * either turns out to have been committed (the same code comes back, replayed) or is taken
 * now, so in the end the database holds every submission exactly once.
 *
 * Runs on the engine of the test run: a temporary PGlite data directory, or with DATABASE_URL
 * a new database on that PostgreSQL server (dropped after).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServerDatabase, killAllServers, spawnServer, type ServerDatabase, type SpawnedServer } from './spawn-server.ts';

const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';
/** Submissions in the burst, at most this many in flight, and the kill after this many 201s. */
const TOTAL = 400;
const IN_FLIGHT = 40;
const KILL_AFTER = 100;
const SERVER_ENV = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'true',
  // The test's own address is a trusted gateway: the burst must not be rate-limited.
  INQUIRY_RATE_LIMIT_ALLOW: '127.0.0.1,::1,::ffff:127.0.0.1',
};
const RUN = randomBytes(4).toString('hex');
const EMAIL_DOMAIN = `crash-${RUN}.example.vn`;

interface Submission {
  i: number;
  key: string;
  email: string;
  body: string;
}

function submission(i: number): Submission {
  const email = `nguoi.gui.${i}@${EMAIL_DOMAIN}`;
  return {
    i,
    key: `crash-${RUN}-${i}`,
    email,
    body: JSON.stringify({
      kind: 'question',
      field: 'khac',
      title: `Hỏi về thủ tục cấp giấy phép số ${i}`,
      content: `Tôi muốn hỏi thủ tục, hồ sơ và thời hạn giải quyết cho trường hợp số ${i}. Xin cảm ơn cơ quan.`,
      name: `Nguyễn Văn Thử ${i}`,
      email,
      consentPrivacy: true,
      consentPublish: false,
    }),
  };
}

async function submit(base: string, s: Submission): Promise<{ status: number; code?: string; replayed: boolean; text: string }> {
  const res = await fetch(`${base}/api/v1/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': s.key },
    body: s.body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let code: string | undefined;
  if (res.status === 201) code = (JSON.parse(text) as { code?: string }).code;
  return { status: res.status, ...(code ? { code } : {}), replayed: res.headers.get('idempotent-replayed') === 'true', text };
}

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

let database: ServerDatabase | undefined;
let server: SpawnedServer | undefined;

beforeAll(async () => {
  database = await createServerDatabase({ engine: ENGINE });
});

afterAll(async () => {
  await killAllServers();
  await database?.destroy();
});

it(`keeps every acknowledged submission through kill -9 (${ENGINE})`, async () => {
  const db = database!;
  const env = { ...db.env, ...SERVER_ENV };
  // First start on the empty database: migrations and the demo seed (≈ 15 s on PGlite).
  server = await spawnServer({ env, readyTimeoutMs: 180_000 });
  const first = server;

  // The burst: IN_FLIGHT workers; the KILL_AFTER-th 201 kills the server outright.
  const all = Array.from({ length: TOTAL }, (_, i) => submission(i));
  const acknowledged = new Map<number, string>(); // submission → code
  const interrupted: Submission[] = [];
  const unexpected: string[] = [];
  let next = 0;
  let killedAt = -1;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (killedAt < 0 && next < TOTAL) {
        const s = all[next++]!;
        try {
          const r = await submit(first.url, s);
          if (r.status === 201 && r.code) {
            acknowledged.set(s.i, r.code);
            if (acknowledged.size >= KILL_AFTER && killedAt < 0) {
              killedAt = next;
              first.child.kill('SIGKILL');
            }
          } else {
            unexpected.push(`#${s.i}: ${r.status} ${r.text.slice(0, 300)}`);
          }
        } catch {
          interrupted.push(s); // no answer: the connection died with the server
        }
      }
    }),
  );
  // Had the kill not come (too few 201s), stop it anyway so that the failure is reported, not a hang.
  if (killedAt < 0) first.child.kill('SIGKILL');
  const exit = await first.exited;
  expect(
    unexpected.length,
    `answers other than 201 before the kill: ${unexpected.length}, e.g.\n${unexpected.slice(0, 5).join('\n')}\nserver output:\n${first.output()}`,
  ).toBe(0);
  expect(killedAt, `the kill came in the middle of the burst (${acknowledged.size} acknowledged, ${interrupted.length} without an answer)`).toBeGreaterThan(0);
  expect(exit.signal, 'the server was killed by the test, not stopped otherwise').toBe('SIGKILL');
  expect(killedAt).toBeLessThan(TOTAL);
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
  const codes = [...acknowledged.values()];
  expect(new Set(codes).size, 'codes are distinct').toBe(codes.length);
  for (const code of codes) expect(code).toMatch(/^HD-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // Restart on the same database (PGlite recovers from its write-ahead log).
  server = await spawnServer({ env, readyTimeoutMs: 120_000 });
  const second = server;

  // Every acknowledged code is there, for its contact.
  const lost: string[] = [];
  await pool([...acknowledged], 10, async ([i, code]) => {
    const res = await fetch(`${second.url}/api/v1/inquiries/${code}?contact=${encodeURIComponent(all[i]!.email)}`);
    const text = await res.text();
    if (res.status !== 200 || (JSON.parse(text) as { code?: string }).code !== code) lost.push(`${code} (#${i}): ${res.status} ${text.slice(0, 200)}`);
  });
  expect(lost, `acknowledged before the kill but not found after the restart (${lost.length} of ${acknowledged.size})`).toEqual([]);

  // The look-up is not answering everything: an unknown code and a wrong contact are 404.
  const [someI, someCode] = [...acknowledged][0]!;
  expect((await fetch(`${second.url}/api/v1/inquiries/${someCode}?contact=${encodeURIComponent(`khac@${EMAIL_DOMAIN}`)}`)).status).toBe(404);
  expect((await fetch(`${second.url}/api/v1/inquiries/HD-0000-0000-0000?contact=${encodeURIComponent(all[someI]!.email)}`)).status).toBe(404);

  // A replay of an acknowledged submission answers its code again, not a new request.
  const replay = await submit(second.url, all[someI]!);
  expect(replay.status, replay.text).toBe(201);
  expect(replay.code).toBe(someCode);
  expect(replay.replayed).toBe(true);

  // Submissions cut off by the kill, retried with their key: committed ones come back replayed.
  let replayedAfterCrash = 0;
  const retryFailures: string[] = [];
  await pool(interrupted, 10, async (s) => {
    const r = await submit(second.url, s);
    if (r.status !== 201 || !r.code) retryFailures.push(`#${s.i}: ${r.status} ${r.text.slice(0, 200)}`);
    else {
      acknowledged.set(s.i, r.code);
      if (r.replayed) replayedAfterCrash++;
    }
  });
  expect(retryFailures).toEqual([]);

  // Stop, then count in the database itself: every submission attempted is there exactly once.
  await second.stop();
  const handle = await db.open();
  try {
    const rows = await sql<{ code: string; email: string }>`select code, email from inquiries where email like ${`%@${EMAIL_DOMAIN}`}`.execute(handle.db);
    const stored = new Map(rows.rows.map((r) => [r.code, r.email]));
    expect(rows.rows.length, 'one stored request per submission attempted (none lost, none doubled)').toBe(acknowledged.size);
    for (const [i, code] of acknowledged) expect(stored.get(code), `#${i} ${code}`).toBe(all[i]!.email);
  } finally {
    await handle.close();
  }
  console.log(
    `[${ENGINE}] first start ${Math.round(first.readyMs)} ms; killed after ${KILL_AFTER} acknowledgements with ${interrupted.length} in flight ` +
      `(${replayedAfterCrash} of them had committed); restart ${Math.round(second.readyMs)} ms; ${acknowledged.size} stored, none lost`,
  );
}, 240_000);
