/** The only SQL of the directory: the units of the sites, in a tree per site. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { DirectoryUnitsTable } from '../../platform/db/schema.ts';

export type UnitRow = Selectable<DirectoryUnitsTable>;

/** Units of the given sites (or every site), in their order at each level. */
export function units(db: DbOrTx, siteIds: readonly number[] | 'all', includeRetired: boolean): Promise<UnitRow[]> {
  if (siteIds !== 'all' && siteIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('directory_units').selectAll();
  if (siteIds !== 'all') q = q.where('site_id', 'in', siteIds);
  if (!includeRetired) q = q.where('retired', '=', false);
  return q.orderBy('site_id').orderBy('position').orderBy('id').execute();
}

export function unitById(db: DbOrTx, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('directory_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Another unit of the site with this name (names compared without case). */
export async function nameTaken(db: DbOrTx, siteId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('directory_units').select('id').where('site_id', '=', siteId).where(sql<boolean>`lower(name_vi) = lower(${name})`);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export function insertUnit(db: DbOrTx, row: Insertable<DirectoryUnitsTable>): Promise<UnitRow> {
  return db.insertInto('directory_units').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUnit(db: DbOrTx, id: number, patch: Updateable<DirectoryUnitsTable>): Promise<UnitRow> {
  return db
    .updateTable('directory_units')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The next position at a level of a site's tree. */
export async function nextPosition(db: DbOrTx, siteId: number, parentId: number | null): Promise<number> {
  const r = await db
    .selectFrom('directory_units')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('n'))
    .where('site_id', '=', siteId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  return Number(r?.n ?? 1);
}

/**
 * The units of these names on a site, created (at the top level) when none has the name: two
 * statements whatever the number of names. Names are compared without case.
 */
export async function ensureUnits(db: DbOrTx, siteId: number, names: readonly string[], kind: UnitRow['kind'] = 'unit'): Promise<UnitRow[]> {
  if (names.length === 0) return [];
  await sql`insert into directory_units (site_id, name_vi, kind, position)
    select ${siteId}, n.name, ${kind}, 100 + n.ord::integer from unnest(${sql.val(names)}::text[]) with ordinality as n(name, ord)
    on conflict (site_id, lower(name_vi)) do nothing`.execute(db);
  return db
    .selectFrom('directory_units')
    .selectAll()
    .where('site_id', '=', siteId)
    .where(sql<boolean>`lower(name_vi) = any(${sql.val(names.map((n) => n.toLowerCase()))}::text[])`)
    .execute();
}

/** True when the site has an active unit with a focal person for information supply. */
export async function hasFocalPerson(db: DbOrTx, siteId: number): Promise<boolean> {
  const r = await db
    .selectFrom('directory_units')
    .select('id')
    .where('site_id', '=', siteId)
    .where('retired', '=', false)
    .where(sql<boolean>`btrim(focal_name) <> ''`)
    .executeTakeFirst();
  return r !== undefined;
}

/** The demo's units of many sites in one statement (skips those that exist). */
export async function insertMany(db: DbOrTx, rows: readonly Insertable<DirectoryUnitsTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto('directory_units')
    .values([...rows])
    .onConflict((oc) => oc.expression(sql`site_id, lower(name_vi)`).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Units after `afterId`, by id (rebuilding the search index in batches). */
export function unitsAfter(db: DbOrTx, afterId: number, limit: number): Promise<UnitRow[]> {
  return db.selectFrom('directory_units').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export interface SeedUnit {
  site_id: number;
  name_vi: string;
  name_en: string;
  kind: UnitRow['kind'];
  /** The unit above, by name (within the site); null at the top. */
  parent: string | null;
  focal_name: string;
  focal_title: string;
  email: string;
  phone: string;
  address: string;
  position: number;
}

/** Many units of many sites, the top level then the level below (two statements); those that exist are kept. */
export async function seedUnits(db: DbOrTx, rows: readonly SeedUnit[]): Promise<number> {
  let added = 0;
  for (const top of [true, false]) {
    const part = rows.filter((r) => (r.parent === null) === top);
    if (part.length === 0) continue;
    const r = await sql`insert into directory_units (site_id, parent_id, name_vi, name_en, kind, focal_name, focal_title, email, phone, address, position)
      select r.site_id, p.id, r.name_vi, r.name_en, r.kind, r.focal_name, r.focal_title, r.email, r.phone, r.address, r.position
      from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as r(site_id integer, parent text, name_vi text, name_en text, kind text,
        focal_name text, focal_title text, email text, phone text, address text, position integer)
      left join directory_units p on p.site_id = r.site_id and lower(p.name_vi) = lower(r.parent)
      where r.parent is null or p.id is not null
      on conflict (site_id, lower(name_vi)) do nothing`.execute(db);
    added += Number(r.numAffectedRows ?? 0);
  }
  return added;
}
