/** The only SQL of the calendar: the years the platform admin edited, and their days. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';

export interface StoredDay {
  day: string;
  year: number;
  kind: 'off' | 'make_up';
  name: string;
  source: string;
}

export interface StoredYear {
  year: number;
  source: string;
  updated_by: number | null;
  updated_at: Date;
}

export function listYears(db: DbOrTx): Promise<StoredYear[]> {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export async function listDays(db: DbOrTx): Promise<StoredDay[]> {
  const r = await sql<StoredDay>`select day::text as day, year, kind, name, source from calendar_days order by day`.execute(db);
  return r.rows;
}

/** Replaces a year's days (the whole year is edited at once). */
export async function replaceYear(db: DbOrTx, year: number, source: string, updatedBy: number | null, days: readonly Omit<StoredDay, 'year'>[]): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year, source, updated_by: updatedBy })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source, updated_by: updatedBy, updated_at: sql<Date>`now()` }))
    .execute();
  await db.deleteFrom('calendar_days').where('year', '=', year).execute();
  if (days.length > 0)
    await db
      .insertInto('calendar_days')
      .values(days.map((d) => ({ ...d, year })))
      .execute();
}

/** Back to the product's own data for that year. */
export async function deleteYear(db: DbOrTx, year: number): Promise<boolean> {
  const r = await db.deleteFrom('calendar_years').where('year', '=', year).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
