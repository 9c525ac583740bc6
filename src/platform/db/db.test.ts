import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, onPostgres, type TestDatabase } from '../../../test/db.ts';
import { migrate } from './migrate.ts';
import { withTx } from './create-db.ts';
import type { Migration } from './migrations/index.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

describe(`database (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs on the engine the environment asks for', () => {
    expect(db.engine).toBe(onPostgres ? 'postgres' : 'pglite');
  });

  it('has unaccent and pg_trgm for Vietnamese search', async () => {
    const { rows } = await sql<{
      u: string;
      s: number;
    }>`select unaccent('Thủ tục hành chính Đà Nẵng') as u, similarity('hanh chinh', 'hành chính') as s`.execute(db.db);
    expect(rows[0]!.u).toBe('Thu tuc hanh chinh Da Nang');
    expect(typeof rows[0]!.s).toBe('number');
  });

  it('records applied migrations and applies nothing twice', async () => {
    const again = await migrate(db.db);
    expect(again.applied).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(db.db);
    expect(rows[0]!.n).toBe(again.current);
    expect(again.current).toBeGreaterThanOrEqual(2);
  });

  it('runs each migration in its own transaction: a failing one leaves no trace', async () => {
    const current = (await migrate(db.db)).current;
    const good: Migration = {
      version: current + 1,
      name: 'test_good',
      up: async (d) => void (await sql`create table test_good (id int)`.execute(d)),
    };
    const bad: Migration = {
      version: current + 2,
      name: 'test_bad',
      up: async (d) => {
        await sql`create table test_bad (id int)`.execute(d);
        await sql`select * from no_such_table`.execute(d);
      },
    };
    const { migrations } = await import('./migrations/index.ts');
    await expect(migrate(db.db, [...migrations, good, bad])).rejects.toThrow(/no_such_table/);
    const tables = await sql<{ t: string | null; b: string | null }>`select to_regclass('test_good')::text as t, to_regclass('test_bad')::text as b`.execute(
      db.db,
    );
    expect(tables.rows[0]).toEqual({ t: 'test_good', b: null });
    const versions = await sql<{ version: number }>`select version from schema_migrations order by version`.execute(db.db);
    expect(versions.rows.map((r) => r.version)).toContain(current + 1);
    expect(versions.rows.map((r) => r.version)).not.toContain(current + 2);
  });

  it('refuses a migration list with a gap', async () => {
    const { migrations } = await import('./migrations/index.ts');
    await expect(migrate(db.db, [...migrations, { version: 99, name: 'gap', up: async () => {} }])).rejects.toThrow(/out of order/);
  });

  it('commits a transaction as a whole or not at all', async () => {
    await sql`create table tx_probe (v text not null)`.execute(db.db);
    await expect(
      withTx(db.db, async (tx) => {
        await sql`insert into tx_probe values ('a')`.execute(tx);
        await sql`insert into tx_probe values (null)`.execute(tx);
      }),
    ).rejects.toThrow();
    await withTx(db.db, async (tx) => {
      await sql`insert into tx_probe values ('b')`.execute(tx);
    });
    const { rows } = await sql<{ v: string }>`select v from tx_probe`.execute(db.db);
    expect(rows.map((r) => r.v)).toEqual(['b']);
  });

  it('serialises concurrent transactions without losing writes', async () => {
    await sql`create table counter (n int not null)`.execute(db.db);
    await sql`insert into counter values (0)`.execute(db.db);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withTx(db.db, async (tx) => {
          const { rows } = await sql<{ n: number }>`select n from counter for update`.execute(tx);
          await sql`update counter set n = ${rows[0]!.n + 1}`.execute(tx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from counter`.execute(db.db);
    expect(rows[0]!.n).toBe(10);
  });

  it('returns count(*) as a number on both engines', async () => {
    const row = await db.db
      .selectFrom('sites')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(0);
  });
});
