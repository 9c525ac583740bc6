/** The only SQL of the content module. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { ContentItemRow, ContentRevisionRow, ContentStage } from '../../platform/db/schema.ts';

export interface NewRevision {
  item_id: number;
  number: number;
  title: string;
  summary: string;
  body_html: string;
  fields: Record<string, unknown>;
  cover_media_id: number | null;
  cover_caption: string;
  attachments: number[];
  source: string;
  author_name: string;
  is_reference: boolean;
  topic_ids: number[];
  change_note: string;
  created_by: number | null;
}

export async function insertItem(
  db: DbOrTx,
  row: Pick<
    ContentItemRow,
    | 'site_id'
    | 'type'
    | 'lang'
    | 'slug'
    | 'category_id'
    | 'provider_id'
    | 'publish_at'
    | 'unpublish_at'
    | 'review_interval_days'
    | 'translation_group'
    | 'origin_item_id'
  > & { stage: ContentStage; featured: boolean },
): Promise<ContentItemRow> {
  return db.insertInto('content_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findItem(db: DbOrTx, id: number): Promise<ContentItemRow | undefined> {
  return db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The item, locked for the rest of the transaction: two editors saving at once are serialised. */
export function lockItem(db: DbOrTx, id: number): Promise<ContentItemRow | undefined> {
  return db.selectFrom('content_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateItem(db: DbOrTx, id: number, patch: Partial<Omit<ContentItemRow, 'id' | 'version' | 'created_at'>>): Promise<ContentItemRow> {
  return db
    .updateTable('content_items')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function slugTaken(db: DbOrTx, siteId: number, lang: string, slug: string): Promise<boolean> {
  const r = await db
    .selectFrom('content_items')
    .select('id')
    .where('site_id', '=', siteId)
    .where('lang', '=', lang)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertRevision(db: DbOrTx, r: NewRevision): Promise<ContentRevisionRow> {
  return db
    .insertInto('content_revisions')
    .values({ ...r, fields: JSON.stringify(r.fields), attachments: JSON.stringify(r.attachments), topic_ids: JSON.stringify(r.topic_ids) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findRevision(db: DbOrTx, id: number): Promise<ContentRevisionRow | undefined> {
  return db.selectFrom('content_revisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRevisions(db: DbOrTx, itemId: number): Promise<ContentRevisionRow[]> {
  return db.selectFrom('content_revisions').selectAll().where('item_id', '=', itemId).orderBy('number', 'desc').execute();
}

export async function nextRevisionNumber(db: DbOrTx, itemId: number): Promise<number> {
  const r = await db
    .selectFrom('content_revisions')
    .select((eb) => eb.fn.max<number>('number').as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertTransition(
  db: DbOrTx,
  t: {
    item_id: number;
    revision_id: number | null;
    from_stage: string | null;
    to_stage: string | null;
    action: string;
    actor_id: number | null;
    reason_code: string | null;
    comment: string;
  },
): Promise<void> {
  await db.insertInto('content_transitions').values(t).execute();
}

export function listTransitions(db: DbOrTx, itemId: number) {
  return db
    .selectFrom('content_transitions')
    .leftJoin('accounts', 'accounts.id', 'content_transitions.actor_id')
    .select([
      'content_transitions.id',
      'content_transitions.action',
      'content_transitions.from_stage',
      'content_transitions.to_stage',
      'content_transitions.reason_code',
      'content_transitions.comment',
      'content_transitions.at',
      'content_transitions.actor_id',
      'accounts.name as actor_name',
    ])
    .where('content_transitions.item_id', '=', itemId)
    .orderBy('content_transitions.id')
    .execute();
}

/** Who last moved the item to `action` (the emergency publisher, for the review rule). */
export async function lastActorOf(db: DbOrTx, itemId: number, action: string): Promise<number | null> {
  const r = await db
    .selectFrom('content_transitions')
    .select('actor_id')
    .where('item_id', '=', itemId)
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r?.actor_id ?? null;
}

/**
 * Puts `ids` (items of one site) in translation group `group`, or in none with null. Other
 * items of their former groups, or already in `group`, leave their group: a group holds
 * one item per language.
 */
export async function setTranslationGroup(db: DbOrTx, siteId: number, ids: readonly number[], group: number | null): Promise<void> {
  const former = (
    await db.selectFrom('content_items').select('translation_group').where('id', 'in', ids).where('translation_group', 'is not', null).execute()
  ).map((r) => r.translation_group!);
  const groups = [...new Set(group === null ? former : [...former, group])];
  if (groups.length) {
    await db
      .updateTable('content_items')
      .set({ translation_group: null })
      .where('site_id', '=', siteId)
      .where('translation_group', 'in', groups)
      .where('id', 'not in', ids)
      .execute();
  }
  await db.updateTable('content_items').set({ translation_group: group }).where('site_id', '=', siteId).where('id', 'in', ids).execute();
}

export async function workflowSettings(db: DbOrTx, siteId: number): Promise<{ approval_steps: number; forbid_self_approval: boolean } | undefined> {
  return db.selectFrom('workflow_settings').select(['approval_steps', 'forbid_self_approval']).where('site_id', '=', siteId).executeTakeFirst();
}

export async function upsertWorkflowSettings(db: DbOrTx, siteId: number, steps: number, forbidSelf: boolean): Promise<void> {
  await db
    .insertInto('workflow_settings')
    .values({ site_id: siteId, approval_steps: steps, forbid_self_approval: forbidSelf })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ approval_steps: steps, forbid_self_approval: forbidSelf, updated_at: new Date() }))
    .execute();
}

/** Items in one workflow stage on a site, newest change first, with their working title. */
export function itemsInStage(db: DbOrTx, siteId: number, stages: readonly ContentStage[], providerId?: number) {
  let q = db
    .selectFrom('content_items')
    .innerJoin('content_revisions', 'content_revisions.id', 'content_items.working_revision_id')
    .select([
      'content_items.id',
      'content_items.type',
      'content_items.stage',
      'content_items.publish_at',
      'content_items.updated_at',
      'content_items.provider_id',
      'content_revisions.title',
    ])
    .where('content_items.site_id', '=', siteId)
    .where('content_items.stage', 'in', stages);
  if (providerId !== undefined) q = q.where('content_items.provider_id', '=', providerId);
  return q.orderBy('content_items.updated_at', 'desc').limit(200).execute();
}

export function dueToPublish(db: DbOrTx, now: Date): Promise<{ id: number }[]> {
  return db.selectFrom('content_items').select('id').where('stage', '=', 'scheduled').where('publish_at', '<=', now).orderBy('publish_at').limit(100).execute();
}

export function dueToUnpublish(db: DbOrTx, now: Date): Promise<{ id: number }[]> {
  return db
    .selectFrom('content_items')
    .select('id')
    .where('visibility', '=', 'live')
    .where('unpublish_at', '<=', now)
    .orderBy('unpublish_at')
    .limit(100)
    .execute();
}

export function overdueReviews(db: DbOrTx, siteId: number, now: Date) {
  return db
    .selectFrom('content_items')
    .innerJoin('content_revisions', 'content_revisions.id', 'content_items.live_revision_id')
    .select(['content_items.id', 'content_items.next_review_at', 'content_revisions.title'])
    .where('content_items.site_id', '=', siteId)
    .where('content_items.visibility', '=', 'live')
    .where('content_items.next_review_at', '<=', now)
    .orderBy('content_items.next_review_at')
    .execute();
}

/** Live items past their review date, not reminded since `remindedBefore`. */
export function reviewsToRemind(db: DbOrTx, now: Date, remindedBefore: Date) {
  return db
    .selectFrom('content_items')
    .innerJoin('content_revisions', 'content_revisions.id', 'content_items.live_revision_id')
    .select(['content_items.id', 'content_items.site_id', 'content_revisions.title'])
    .where('content_items.visibility', '=', 'live')
    .where('content_items.next_review_at', '<=', now)
    .where((eb) => eb.or([eb('content_items.review_reminded_at', 'is', null), eb('content_items.review_reminded_at', '<', remindedBefore)]))
    .limit(200)
    .execute();
}

export async function insertNotification(
  db: DbOrTx,
  n: { account_id: number; site_id: number; item_id: number; message: string; link: string },
): Promise<void> {
  await db.insertInto('notifications').values(n).execute();
}

export { sql };
