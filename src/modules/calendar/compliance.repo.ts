/**
 * The SQL of the compliance dashboard and of the deadline reminders.
 *
 * `publicationTimes` and `contentTitles` read the content module's tables (content_items,
 * content_revisions) directly, through the narrowest queries that answer the question: when a
 * site's items were first published, and what an item is called. Modules normally do not read
 * each other's tables; better would be an event from the content module on first publication
 * (or a function it exports) so that the calendar module keeps its own record. Until then,
 * these two functions are the only places that know those tables here.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { DeadlineRow } from './deadlines.repo.ts';

/** First publications of the sites' items (any language, live or not now) in [from, to). */
export async function publicationTimes(db: DbOrTx, siteIds: readonly number[], from: Date, to: Date): Promise<{ site_id: number; at: Date }[]> {
  if (siteIds.length === 0) return [];
  const r = await sql<{ site_id: number; at: Date }>`select site_id, first_published_at as at from content_items
    where site_id in (${sql.join(siteIds)}) and first_published_at >= ${from} and first_published_at < ${to}
    order by first_published_at`.execute(db);
  return r.rows.map((row) => ({ site_id: row.site_id, at: new Date(row.at) }));
}

/** The title of content items (of the live revision, else the working one), for the deadline lists. */
export async function contentTitles(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: number; title: string }>`select i.id, r.title from content_items i
    join content_revisions r on r.id = coalesce(i.live_revision_id, i.working_revision_id)
    where i.id in (${sql.join([...new Set(ids)])})`.execute(db);
  return new Map(r.rows.map((row) => [row.id, row.title]));
}

/** Open deadlines, soonest due first: the base of every list below. */
function openDeadlines(db: DbOrTx) {
  return db.selectFrom('deadlines').selectAll().where('met_at', 'is', null).orderBy('due_at').orderBy('id');
}

/** Open deadlines of the sites due in [from, to]. */
export function openDueBetween(db: DbOrTx, siteIds: readonly number[], from: Date, to: Date): Promise<DeadlineRow[]> {
  if (siteIds.length === 0) return Promise.resolve([]);
  return openDeadlines(db).where('site_id', 'in', siteIds).where('due_at', '>=', from).where('due_at', '<=', to).execute();
}

/** Open deadlines of the sites already past due at `now`, oldest first. */
export function openOverdue(db: DbOrTx, siteIds: readonly number[], now: Date, limit = 500): Promise<DeadlineRow[]> {
  if (siteIds.length === 0) return Promise.resolve([]);
  return openDeadlines(db).where('site_id', 'in', siteIds).where('due_at', '<', now).limit(limit).execute();
}

/** Open deadlines with an owner, not reminded yet, due in [now, until]. */
export function toRemind(db: DbOrTx, now: Date, until: Date, limit: number): Promise<DeadlineRow[]> {
  return openDeadlines(db)
    .where('reminded_at', 'is', null)
    .where((eb) => eb.or([eb('owner_id', 'is not', null), eb('agency', '!=', '')]))
    .where('due_at', '>=', now)
    .where('due_at', '<=', until)
    .limit(limit)
    .execute();
}

/** Open deadlines past due at `now`, not escalated yet. */
export function toEscalate(db: DbOrTx, now: Date, limit: number): Promise<DeadlineRow[]> {
  return openDeadlines(db).where('escalated_at', 'is', null).where('due_at', '<', now).limit(limit).execute();
}

/**
 * Sets reminded_at unless it is set or the deadline was met meanwhile; true when this call set
 * it (another process running the same job at once gets false, so one mail goes out).
 */
export async function markReminded(db: DbOrTx, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('deadlines')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .where('met_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The same for escalated_at. */
export async function markEscalated(db: DbOrTx, id: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('deadlines')
    .set({ escalated_at: at })
    .where('id', '=', id)
    .where('escalated_at', 'is', null)
    .where('met_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
