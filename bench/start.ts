/**
 * npm run bench:start — cold start and idle memory of the server, as `npm start` runs it:
 * first on an empty data directory (creates the database, migrates, seeds the demo), then
 * again on the now-seeded directory. Reports time until the portal home answers 200, and
 * resident memory (VmRSS) after 5 s idle. Targets: 5 s seeded, 15 s empty, < 250 MB.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

const ROOT = path.resolve(import.meta.dirname, '..');

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

/** The `npm start` command line (package.json scripts.start), so this measures exactly that command. */
export function startScript(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start;
}

/** Runs the start script as npm would (a shell, node_modules/.bin first on PATH); `exec` keeps the pid node's. */
export function spawnStart(env: NodeJS.ProcessEnv) {
  return spawn('sh', ['-c', `exec ${startScript()}`], {
    cwd: ROOT,
    env: { ...process.env, ...env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function measure(label: string, dataDir: string): Promise<{ label: string; readyMs: number; homeMs: number; idleRssMb: number; stopMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnStart({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' });
  const deadline = started + 60_000;
  let homeMs = -1;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { host: `localhost:${port}` } });
      await res.arrayBuffer();
      if (res.status === 200) {
        homeMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (homeMs < 0) {
    child.kill('SIGKILL');
    throw new Error(`${label}: the server did not serve the home page within 60 s`);
  }
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  const readyMs = performance.now() - started;
  if (ready.status !== 200) throw new Error(`${label}: /readyz answered ${ready.status}`);
  await new Promise((r) => setTimeout(r, 5000));
  const idleRssMb = rssMb(child.pid!);
  const stopping = performance.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  return { label, readyMs: Math.round(readyMs), homeMs: Math.round(homeMs), idleRssMb, stopMs: Math.round(performance.now() - stopping) };
}

if (import.meta.main) await run();

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-bench-start-'));
  try {
    const rows = [await measure('empty data directory (creates, migrates, seeds)', dir), await measure('seeded data directory', dir)];
    console.log(`\nCold start of \`npm start\` (${startScript()}), embedded PGlite`);
    console.log('| run | home page 200 (ms) | idle RSS after 5 s (MB) | graceful stop (ms) |');
    console.log('|---|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.label} | ${r.homeMs} | ${r.idleRssMb} | ${r.stopMs} |`);
    console.log(`\nNode ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
    const [empty, seeded] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const ok = empty.homeMs < 15_000 && seeded.homeMs < 5_000 && rows.every((r) => r.idleRssMb < 250);
    console.log(ok ? 'Targets met (15 s empty, 5 s seeded, < 250 MB idle).' : 'TARGETS MISSED (15 s empty, 5 s seeded, < 250 MB idle).');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
