/**
 * Migration 0010 (the directory): existing answering agencies and the free-text units of role
 * grants become units of their site's directory — matched by name within the site (case and
 * spaces aside), created when none matches — and nothing is dropped, on PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/platform/db/migrate.ts';
import { migrations } from '../src/platform/db/migrations/index.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase(migrations.filter((m) => m.version < 10));
});
afterAll(async () => {
  await db?.destroy();
});

describe('0010_directory', () => {
  it('turns agencies and grants’ units into directory units, matched by name within the site', async () => {
    const k = db.db;
    const site = async (code: string, kind: string, parent: number | null) =>
      (
        await sql<{
          id: number;
        }>`insert into sites (code, kind, parent_id, name_vi, name_en) values (${code}, ${kind}, ${parent}, ${code}, ${code}) returning id`.execute(k)
      ).rows[0]!.id;
    const city = await site('thanhpho', 'portal', null);
    const ward = await site('phuong', 'ward', city);
    const person = async (email: string) =>
      (await sql<{ id: number }>`insert into accounts (email, name, password_hash) values (${email}, 'Người', 'x') returning id`.execute(k)).rows[0]!.id;
    const a = await person('a@kiem-thu.example');
    const b = await person('b@kiem-thu.example');
    const c = await person('c@kiem-thu.example');
    await sql`insert into inquiry_agencies (site_id, name, hotline_default, position) values (${city}, 'Sở Nội vụ', true, 0), (${city}, 'Sở Xây dựng', false, 1), (${ward}, 'Sở Nội vụ', false, 0)`.execute(
      k,
    );
    await sql`insert into role_grants (account_id, site_id, role, unit) values
      (${a}, ${city}, 'agency_responder', '  sở xây dựng '),
      (${b}, ${city}, 'agency_responder', 'Phòng không có cơ quan'),
      (${c}, ${ward}, 'agency_responder', 'Sở Nội vụ'),
      (${c}, ${city}, 'auditor', null)`.execute(k);

    await migrate(k);

    const units = await k.selectFrom('directory_units').select(['id', 'site_id', 'name_vi']).orderBy('id').execute();
    // One unit per name and site: the agencies' names, and the grant's name that matched none.
    expect(units.map((u) => [u.site_id, u.name_vi]).sort()).toEqual(
      [
        [city, 'Phòng không có cơ quan'],
        [city, 'Sở Nội vụ'],
        [city, 'Sở Xây dựng'],
        [ward, 'Sở Nội vụ'],
      ].sort(),
    );
    const unitOf = (siteId: number, name: string) => units.find((u) => u.site_id === siteId && u.name_vi === name)!.id;
    const agencies = await k.selectFrom('inquiry_agencies').select(['site_id', 'unit_id', 'hotline_default']).execute();
    expect(agencies).toHaveLength(3);
    expect(agencies).toContainEqual({ site_id: city, unit_id: unitOf(city, 'Sở Nội vụ'), hotline_default: true });
    expect(agencies).toContainEqual({ site_id: ward, unit_id: unitOf(ward, 'Sở Nội vụ'), hotline_default: false });
    const grants = await k.selectFrom('role_grants').select(['account_id', 'site_id', 'unit_id']).execute();
    expect(grants).toHaveLength(4);
    expect(grants).toContainEqual({ account_id: a, site_id: city, unit_id: unitOf(city, 'Sở Xây dựng') });
    expect(grants).toContainEqual({ account_id: b, site_id: city, unit_id: unitOf(city, 'Phòng không có cơ quan') });
    expect(grants).toContainEqual({ account_id: c, site_id: ward, unit_id: unitOf(ward, 'Sở Nội vụ') });
    expect(grants).toContainEqual({ account_id: c, site_id: city, unit_id: null });
    // A grant cannot name a unit of another site.
    await expect(sql`update role_grants set unit_id = ${unitOf(ward, 'Sở Nội vụ')} where account_id = ${a}`.execute(k)).rejects.toThrow();
  });
});
