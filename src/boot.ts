/**
 * Opening the platform's data: the database (PGlite in DATA_DIR or the PostgreSQL server
 * of DATABASE_URL), migrated to the latest version. Shared by the server and the CLI.
 */
import path from 'node:path';
import type { Config } from './platform/config.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/create-db.ts';
import { lockDataDir } from './platform/db/data-dir-lock.ts';
import { migrate, type MigrationResult } from './platform/db/migrate.ts';

export interface Booted {
  database: DatabaseHandle;
  migrations: MigrationResult;
  /** Closes the database and releases the data-directory lock. */
  close(): Promise<void>;
}

export async function openPlatformData(config: Config): Promise<Booted> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: path.join(config.dataDir, 'pglite'),
      poolSize: config.databasePoolSize,
    });
    const migrations = await migrate(database.db);
    return {
      database,
      migrations,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
