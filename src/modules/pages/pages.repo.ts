/** The only SQL of the pages module. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { PageRow } from '../../platform/db/schema.ts';

export function findPage(db: DbOrTx, siteId: number, lang: string, slug: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('site_id', '=', siteId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
}

export function listPages(db: DbOrTx, siteId: number, lang: string): Promise<Pick<PageRow, 'id' | 'slug' | 'title' | 'summary' | 'updated_at' | 'media_id'>[]> {
  return db
    .selectFrom('pages')
    .select(['id', 'slug', 'title', 'summary', 'updated_at', 'media_id'])
    .where('site_id', '=', siteId)
    .where('lang', '=', lang)
    .orderBy('id')
    .execute();
}

export async function pageExists(db: DbOrTx, siteId: number, lang: string, slug: string): Promise<boolean> {
  const row = await db.selectFrom('pages').select('id').where('site_id', '=', siteId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function upsertPage(
  db: DbOrTx,
  page: { site_id: number; lang: string; slug: string; title: string; summary: string; body_html: string },
): Promise<PageRow> {
  return db
    .insertInto('pages')
    .values(page)
    .onConflict((oc) =>
      oc.columns(['site_id', 'lang', 'slug']).doUpdateSet({ title: page.title, summary: page.summary, body_html: page.body_html, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every page after `afterId`, by id (rebuilding the search index in batches). */
export function pagesAfter(db: DbOrTx, afterId: number, limit: number): Promise<PageRow[]> {
  return db.selectFrom('pages').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Adds pages a site does not have yet (its first, empty fixed pages); existing ones stay. */
export async function insertMissingPages(db: DbOrTx, pages: readonly { site_id: number; lang: string; slug: string; title: string }[]): Promise<void> {
  if (pages.length === 0) return;
  await db
    .insertInto('pages')
    .values(pages.map((p) => ({ ...p, summary: '', body_html: '' })))
    .onConflict((oc) => oc.columns(['site_id', 'lang', 'slug']).doNothing())
    .execute();
}

/** The slug, title and body of a site's pages among `slugs`. */
export function pagesBySlug(
  db: DbOrTx,
  siteId: number,
  slugs: readonly string[],
): Promise<Pick<PageRow, 'lang' | 'slug' | 'title' | 'body_html' | 'media_id'>[]> {
  return db.selectFrom('pages').select(['lang', 'slug', 'title', 'body_html', 'media_id']).where('site_id', '=', siteId).where('slug', 'in', slugs).execute();
}

/** The fixed pages of a site, in every language (the administration's list). */
export function fixedPagesOf(db: DbOrTx, siteId: number, slugs: readonly string[]): Promise<PageRow[]> {
  return db.selectFrom('pages').selectAll().where('site_id', '=', siteId).where('slug', 'in', slugs).orderBy('lang', 'desc').orderBy('id').execute();
}

export function findPageById(db: DbOrTx, id: number): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Points a page at the content item written for it; false when it already points at another. */
export async function linkItem(db: DbOrTx, pageId: number, itemId: number): Promise<boolean> {
  const r = await db.updateTable('pages').set({ item_id: itemId }).where('id', '=', pageId).where('item_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Copies what the public may see of the page's item into the page; undefined when no page shows that item. */
export function showItem(
  db: DbOrTx,
  itemId: number,
  shown: { title?: string; summary: string; body_html: string; media_id: number | null },
): Promise<PageRow | undefined> {
  return db
    .updateTable('pages')
    .set({ ...shown, updated_at: new Date() })
    .where('item_id', '=', itemId)
    .returningAll()
    .executeTakeFirst();
}

export function pageOfItem(db: DbOrTx, itemId: number): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}
