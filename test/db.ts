/**
 * A fresh, migrated database for each test file, on the engine CI asks for: PGlite in
 * memory by default, or a new database on the PostgreSQL server of DATABASE_URL (created
 * for the file and dropped after it).
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/create-db.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { Migration } from '../src/platform/db/migrations/index.ts';

export interface TestDatabase extends DatabaseHandle {
  /** postgres:// URL of the file's own database, when on PostgreSQL. */
  url: string | undefined;
  /** Closes and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

/** `list`: migrate only so far (a migration's own test fills the older schema, then migrates the rest). */
export async function createTestDatabase(list?: readonly Migration[]): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrate(handle.db, list);
    return { ...handle, url: undefined, destroy: () => handle.close() };
  }
  const pg = (await import('pg')).default;
  const name = `cong_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(handle.db, list);
  return {
    ...handle,
    url: url.toString(),
    async destroy() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      // Closed connections may take a moment to leave the server; forcing would make the
      // server kill them mid-goodbye and their clients throw.
      for (let attempt = 0; ; attempt++) {
        try {
          await dropper.query(`drop database if exists ${name}`);
          break;
        } catch (err) {
          if (attempt >= 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await dropper.end();
    },
  };
}
