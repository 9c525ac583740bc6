/**
 * The real server as a child process (src/main.ts on this very Node, or `npm start`'s command
 * line) over a database of its own, for tests and benchmarks that need a process to kill or
 * to load from outside: a throw-away PGlite data directory, or a new database on the
 * PostgreSQL server of a URL (created here, dropped by `destroy`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/platform/db/create-db.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ServerDatabase {
  readonly engine: Engine;
  /** What the server's environment needs to use it: DATA_DIR, or DATABASE_URL. */
  readonly env: Readonly<Record<string, string>>;
  /** A description for reports: the data directory or the database URL. */
  readonly where: string;
  /** Opens it from this process (PGlite: only while no server holds the directory). */
  open(): Promise<DatabaseHandle>;
  /** Removes the directory, or drops the database (with its connections, e.g. of a killed server). */
  destroy(): Promise<void>;
}

export interface ServerDatabaseOptions {
  engine: Engine;
  /** PostgreSQL: the server's URL (any database on it); the new database is created there. */
  serverUrl?: string;
  /** PostgreSQL: the database's name (dropped first if it exists); default a random cong_spawn_… name. */
  name?: string;
  /** PGlite: the DATA_DIR to use (emptied first); default a new temporary directory. */
  dataDir?: string;
}

export async function createServerDatabase(options: ServerDatabaseOptions): Promise<ServerDatabase> {
  if (options.engine === 'pglite') {
    const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cong-spawn-'));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    return {
      engine: 'pglite',
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      where: dataDir,
      open: () => openDatabase({ dataDir: path.join(dataDir, 'pglite') }),
      async destroy() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = options.serverUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = options.name ?? `cong_spawn_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name: ${name}`);
  await adminQuery(serverUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url.toString() },
    where: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
    async destroy() {
      // A server killed with SIGKILL leaves its sessions for PostgreSQL to notice; force ends them.
      for (let attempt = 0; ; attempt++) {
        try {
          await adminQuery(serverUrl, [`drop database if exists ${name} with (force)`]);
          return;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
  };
}

async function adminQuery(serverUrl: string, statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const s of statements) await admin.query(s);
  } finally {
    await admin.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface SpawnedServer {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Milliseconds from spawn until /readyz answered 200. */
  readonly readyMs: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 64 KB of its stdout and stderr, for failure messages. */
  output(): string;
  /** SIGKILL (kill -9): no shutdown of any kind. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful stop); SIGKILL after `timeoutMs`. Resolves once it is gone. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface SpawnOptions {
  /** Added to this process's environment (DATA_DIR/DATABASE_URL, settings). PORT and HOST are set here. */
  env: Record<string, string>;
  /**
   * 'main' (default): `<this node> src/main.ts`. 'start-script': package.json's `start` command
   * line through a shell, exactly as `npm start` runs it (node_modules/.bin first on PATH).
   */
  command?: 'main' | 'start-script';
  /** Extra Node options before the script (command 'main' only), e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** How long to wait for /readyz (a first start on PGlite creates and seeds the database). */
  readyTimeoutMs?: number;
  /** Also echo the server's output to this process's stderr. */
  echo?: boolean;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** SIGKILLs every server this process spawned and has not seen exit (afterAll, error paths). */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGKILL');
      await gone;
    }),
  );
}

export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' };
  // Never inherit the test runner's own variables that would change the server (e.g. VITEST is harmless, NODE_OPTIONS is not).
  delete env.NODE_OPTIONS;
  let child: ChildProcess;
  if (options.command === 'start-script') {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    env.PATH = `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`;
    child = spawn('sh', ['-c', `exec ${pkg.scripts.start}`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, 'src', 'main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  running.add(child);
  const started = performance.now();
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-65_536);
    if (options.echo) process.stderr.write(chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server was not ready within ${options.readyTimeoutMs ?? 120_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyMs = performance.now() - started;
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    pid: child.pid!,
    port,
    url,
    readyMs,
    exited,
    output: () => out,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 30_000) {
      if (!gone()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
