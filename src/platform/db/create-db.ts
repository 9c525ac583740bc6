/**
 * Opens the database: PGlite in the data directory when DATABASE_URL is unset, a pool to
 * the PostgreSQL server otherwise. Both speak the same SQL through Kysely.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A repo function accepts either; a transaction is passed down the same way. */
export type DbOrTx = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly engine: Engine;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /**
   * Calls `onMessage` for every NOTIFY on `channel`, from this process or any other one on
   * the same database (PostgreSQL LISTEN/NOTIFY; PGlite delivers its own). Returns a stop function.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' for a throw-away database. */
  dataDir?: string;
  /** A PGlite data-directory tarball to start from (test template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** int8 (count(*), bigint ids) as JS numbers on both engines; our counts stay far below 2^53. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * PGlite's shared_buffers defaults to 128 MB, which alone takes resident memory past the
 * 250 MB idle budget; 8 MB is plenty for one small site (measured: ~345 MB → ~210 MB).
 */
const PGLITE_CONF = ['shared_buffers=8MB'];

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? 'memory://', options.loadDataDir);
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<DatabaseHandle> {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  types.setTypeParser(INT8_OID, (v: string) => Number(v));
  types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
  // JIT compilation pays off for long analytical queries; for ours (many short ones, some
  // with high estimated costs such as ranked search) it adds tens of milliseconds of compile time.
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'cong', options: '-c jit=off' });
  // A connection the server ends while idle (restart, administrator) must not crash the
  // process: the pool drops it and opens a new one on the next query.
  pool.on('error', (err) => console.error(`Database connection lost: ${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners: { end(): Promise<void> }[] = [];
  const listen = async (channel: string, onMessage: (payload: string) => void) => {
    // A dedicated connection: LISTEN must stay on one session, outside the pool.
    const client = new pg.default.Client({ connectionString: databaseUrl, application_name: 'cong-listen' });
    client.on('error', (err) => console.error(`Database notification connection lost: ${err.message}`));
    await client.connect();
    client.on('notification', (msg) => {
      if (msg.channel === channel) onMessage(msg.payload ?? '');
    });
    await client.query(`listen ${quoteIdent(channel)}`);
    listeners.push(client);
    return async () => {
      await client.end().catch(() => {});
    };
  };
  return handle(db, 'postgres', listen, async () => {
    await Promise.all(listeners.map((l) => l.end().catch(() => {})));
  });
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const [{ PGlite }, { unaccent }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  const onDisk = !dataDir.startsWith('memory://');
  const options = {
    dataDir,
    extensions: { unaccent, pg_trgm },
    postgresqlconf: PGLITE_CONF,
    parsers: { [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
    ...(loadDataDir ? { loadDataDir } : {}),
  };
  if (onDisk && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // Creating the cluster (initdb) grows PGlite's WebAssembly memory to ~500 MB, which it
    // never gives back. Create it in a throw-away instance, then open it afresh.
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    await (await PGlite.create(options)).close();
  }
  // A process killed outright (kill -9, power loss) leaves PGlite's postmaster.pid behind, and
  // PGlite then waits forever on open. Our own lock file (data-dir-lock.ts, taken before this)
  // already guarantees that no other process has the directory open, so the file is stale.
  if (onDisk) fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
  const pglite = await PGlite.create(options);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const listen = async (channel: string, onMessage: (payload: string) => void) => {
    const stop = await pglite.listen(channel, onMessage);
    return async () => {
      if (!pglite.closed) await stop();
    };
  };
  return handle(db, 'pglite', listen);
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad channel name: ${name}`);
  return name;
}

function handle(db: Db, engine: Engine, listen: DatabaseHandle['listen'], beforeClose: () => Promise<void> = async () => {}): DatabaseHandle {
  let closed = false;
  return {
    db,
    engine,
    listen,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await beforeClose();
      await db.destroy();
    },
  };
}

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export function withTx<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
