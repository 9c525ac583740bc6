/**
 * Opening the platform's data: the database (PGlite in DATA_DIR or the PostgreSQL server
 * of DATABASE_URL), migrated to the latest version. Shared by the server and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

export interface OpenOptions {
  /** Seed the demo when this start creates the embedded database. */
  seedNewDatabase?: boolean;
}

export async function openPlatformData(config: Config, options: OpenOptions = {}): Promise<Booted> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const pgliteDir = path.join(config.dataDir, 'pglite');
    const open = () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir, poolSize: config.databasePoolSize });
    if (!config.databaseUrl && !fs.existsSync(path.join(pgliteDir, 'PG_VERSION'))) {
      await prepareInChild(pgliteDir, options.seedNewDatabase ?? false);
    }
    const database = await open();
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

/** Creates, migrates and (optionally) seeds a new embedded database in a child process; see prepare-new.ts. */
function prepareInChild(pgliteDir: string, seed: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(new URL('./prepare-new.ts', import.meta.url));
    const child = spawn(process.execPath, [script, pgliteDir, seed ? '1' : '0'], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Preparing the new database failed (exit code ${code}).`))));
  });
}
