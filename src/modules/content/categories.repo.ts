/** The only SQL of categories and topics. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import { sql } from 'kysely';
import type { CategoryRow } from '../../platform/db/schema.ts';

export function listCategories(db: DbOrTx, siteId: number, lang: string): Promise<CategoryRow[]> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('lang', '=', lang)
    .orderBy('parent_id', (o) => o.asc().nullsFirst())
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findCategory(db: DbOrTx, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCategoryBySlug(db: DbOrTx, siteId: number, lang: string, slug: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('site_id', '=', siteId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
}

export function insertCategory(
  db: DbOrTx,
  row: { site_id: number; parent_id: number | null; lang: string; slug: string; name: string; description: string; position: number },
): Promise<CategoryRow> {
  return db.insertInto('categories').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listTopics(db: DbOrTx, siteId: number) {
  return db.selectFrom('topics').selectAll().where('site_id', '=', siteId).orderBy('name_vi').execute();
}

export function insertTopic(db: DbOrTx, row: { site_id: number; slug: string; name_vi: string; name_en: string }) {
  return db.insertInto('topics').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCategory(
  db: DbOrTx,
  id: number,
  changes: { name?: string; description?: string; parent_id?: number | null; position?: number; retired_at?: Date | null },
): Promise<CategoryRow> {
  return db.updateTable('categories').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Locks a site's categories of one language (a move checks the tree it changes). */
export async function lockCategories(db: DbOrTx, siteId: number, lang: string): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('site_id', '=', siteId).where('lang', '=', lang).orderBy('id').forUpdate().execute();
}

export function findTopic(db: DbOrTx, id: number) {
  return db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTopicBySlug(db: DbOrTx, siteId: number, slug: string) {
  return db.selectFrom('topics').selectAll().where('site_id', '=', siteId).where('slug', '=', slug).executeTakeFirst();
}

export function updateTopic(db: DbOrTx, id: number, changes: { name_vi?: string; name_en?: string; retired_at?: Date | null }) {
  return db.updateTable('topics').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** How many items of a site carry each topic in their working revision. */
export async function topicItemCounts(db: DbOrTx, siteId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('content_items')
    .innerJoin('content_revisions', 'content_revisions.id', 'content_items.working_revision_id')
    .innerJoin(
      (eb) => eb.selectFrom('topics').select('id').where('site_id', '=', siteId).as('tp'),
      (join) => join.onTrue(),
    )
    .select(['tp.id as topic_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('content_items.site_id', '=', siteId)
    .where(sql<boolean>`content_revisions.topic_ids @> jsonb_build_array(tp.id)`)
    .groupBy('tp.id')
    .execute();
  return new Map(rows.map((r) => [r.topic_id, Number(r.n)]));
}

/** The demo's topics on the given sites, in one statement; those already there are kept. */
export async function insertDemoTopics(db: DbOrTx, rows: readonly { site_id: number; slug: string; name_vi: string; name_en: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const made = await db
    .insertInto('topics')
    .values([...rows])
    .onConflict((oc) => oc.columns(['site_id', 'slug']).doNothing())
    .returning('id')
    .execute();
  return made.length;
}
