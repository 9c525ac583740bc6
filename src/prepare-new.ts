/**
 * Runs as a short-lived child process on the very first start with an empty embedded
 * database: creates it, migrates it and seeds the demo. PGlite's WebAssembly memory only
 * grows, and creating and filling a database takes it to several hundred MB; when this
 * process exits all of that is returned, and the server opens the ready database at its
 * small idle size. (A worker thread does not give the memory back to the system.)
 *
 * Usage (by boot.ts only): node src/prepare-new.ts <pglite dir> <seed: 0|1>
 */
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/create-db.ts';
import { migrate } from './platform/db/migrate.ts';
import { createModules, seedDemo } from './modules.ts';

const [pgliteDir, seedFlag] = process.argv.slice(2);
if (!pgliteDir) throw new Error('usage: prepare-new.ts <pglite dir> <0|1>');
const seed = seedFlag === '1';
const config = loadConfig({ ...process.env, DATABASE_URL: '' });
const database = await openDatabase({ dataDir: pgliteDir });
try {
  await migrate(database.db);
  if (seed) await seedDemo(createModules({ config, db: database.db, engine: database.engine, ping: database.ping }));
} finally {
  await database.close();
}
