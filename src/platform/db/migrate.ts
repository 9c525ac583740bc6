/**
 * Forward-only, versioned migrations. Each runs in its own transaction together with the
 * row that records it, so a failed migration leaves no trace and the next start retries it.
 * A PostgreSQL advisory lock keeps several processes starting at once from racing.
 *
 * Kysely's own Migrator runs all pending migrations in one transaction and supports
 * "down"; we want one transaction each and no way back, hence this small runner.
 */
import { sql, type Kysely } from 'kysely';
import { migrations, type Migration } from './migrations/index.ts';

/** Arbitrary constant naming the lock: "cong" in ASCII. */
const MIGRATION_LOCK_KEY = 0x636f6e67;

export interface MigrationResult {
  applied: { version: number; name: string }[];
  current: number;
}

export async function migrate(db: Kysely<any>, list: readonly Migration[] = migrations): Promise<MigrationResult> {
  checkOrder(list);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const done = new Set((await sql<{ version: number }>`select version from schema_migrations`.execute(conn)).rows.map((r) => r.version));
      const applied: MigrationResult['applied'] = [];
      for (const m of list) {
        if (done.has(m.version)) continue;
        await conn.transaction().execute(async (tx) => {
          await m.up(tx);
          await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(tx);
        });
        applied.push({ version: m.version, name: m.name });
      }
      const current = Math.max(0, ...list.map((m) => m.version).filter((v) => done.has(v) || applied.some((a) => a.version === v)));
      return { applied, current };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

function checkOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at ${m.name}: expected version ${i + 1}, got ${m.version}.`);
  });
}
