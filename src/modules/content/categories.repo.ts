/** The only SQL of categories and topics. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
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
