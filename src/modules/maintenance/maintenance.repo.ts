/** The only SQL of maintenance windows and the sites' notice periods. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { MaintenanceScope } from '../../platform/db/schema.ts';

export interface WindowRow {
  id: number;
  scope: MaintenanceScope;
  starts_at: Date;
  expected_end_at: Date;
  description_vi: string;
  description_en: string;
  emergency: boolean;
  emergency_reason: string;
  created_at: Date;
  cancelled_at: Date | null;
  site_ids: number[];
}

async function withSites(db: DbOrTx, rows: Omit<WindowRow, 'site_ids'>[]): Promise<WindowRow[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('maintenance_window_sites')
    .select(['window_id', 'site_id'])
    .where(
      'window_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({ ...r, site_ids: links.filter((l) => l.window_id === r.id).map((l) => l.site_id) }));
}

const COLUMNS = [
  'id',
  'scope',
  'starts_at',
  'expected_end_at',
  'description_vi',
  'description_en',
  'emergency',
  'emergency_reason',
  'created_at',
  'cancelled_at',
] as const;

/** Windows not cancelled and not over at `now`: what banners and maintenance pages come from. */
export async function openWindows(db: DbOrTx, now: Date): Promise<WindowRow[]> {
  const rows = await db
    .selectFrom('maintenance_windows')
    .select(COLUMNS)
    .where('cancelled_at', 'is', null)
    .where('expected_end_at', '>', now)
    .orderBy('starts_at')
    .execute();
  return withSites(db, rows);
}

/** The latest windows affecting a site, whatever their state (the admin list). */
export async function windowsOf(db: DbOrTx, siteId: number, limit = 100): Promise<WindowRow[]> {
  const rows = await db
    .selectFrom('maintenance_windows')
    .select(COLUMNS)
    .where('id', 'in', db.selectFrom('maintenance_window_sites').select('window_id').where('site_id', '=', siteId))
    .orderBy('starts_at', 'desc')
    .limit(limit)
    .execute();
  return withSites(db, rows);
}

export async function findWindow(db: DbOrTx, id: number): Promise<WindowRow | undefined> {
  const row = await db.selectFrom('maintenance_windows').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? (await withSites(db, [row]))[0] : undefined;
}

export interface NewWindow {
  scope: MaintenanceScope;
  starts_at: Date;
  expected_end_at: Date;
  description_vi: string;
  description_en: string;
  emergency: boolean;
  emergency_reason: string;
  notice_working_days: number;
  created_by: number | null;
}

export async function insertWindow(db: DbOrTx, w: NewWindow, siteIds: readonly number[]): Promise<number> {
  const { id } = await db.insertInto('maintenance_windows').values(w).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('maintenance_window_sites')
    .values(siteIds.map((site_id) => ({ window_id: id, site_id })))
    .execute();
  return id;
}

export async function cancelWindow(db: DbOrTx, id: number, by: number | null): Promise<boolean> {
  const r = await db
    .updateTable('maintenance_windows')
    .set({ cancelled_at: new Date(), cancelled_by: by })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Each site's notice period in working days, for the sites that set one. */
export async function noticeDays(db: DbOrTx, siteIds: readonly number[]): Promise<Map<number, number>> {
  if (siteIds.length === 0) return new Map();
  const rows = await db.selectFrom('maintenance_settings').select(['site_id', 'notice_working_days']).where('site_id', 'in', siteIds).execute();
  return new Map(rows.map((r) => [r.site_id, r.notice_working_days]));
}

export async function setNoticeDays(db: DbOrTx, siteId: number, days: number): Promise<void> {
  await db
    .insertInto('maintenance_settings')
    .values({ site_id: siteId, notice_working_days: days })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ notice_working_days: days, updated_at: new Date() }))
    .execute();
}

export const MAINTENANCE_CHANNEL = 'cong_maintenance';

/** Tells every process (after commit) that windows changed. */
export async function notifyChange(db: DbOrTx): Promise<void> {
  await sql`select pg_notify(${MAINTENANCE_CHANNEL}, '')`.execute(db);
}

/** Demo: one window a month ahead on a demo ward, unless it has one already (one statement). */
export async function seedDemoWindow(db: DbOrTx, siteCode: string): Promise<number> {
  const r = await sql`with site as (select id from sites where code = ${siteCode}),
    w as (
      insert into maintenance_windows (starts_at, expected_end_at, description_vi, description_en, notice_working_days)
      select date_trunc('day', now()) + interval '30 days 1 hour', date_trunc('day', now()) + interval '30 days 5 hours',
        'Nâng cấp máy chủ và phần mềm cổng thông tin.', 'Server and portal software upgrade.', 7
      from site where not exists (select 1 from maintenance_window_sites s where s.site_id = site.id)
      returning id)
    insert into maintenance_window_sites (window_id, site_id) select w.id, site.id from w, site`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
