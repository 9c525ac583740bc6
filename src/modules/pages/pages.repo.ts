/** The only SQL of the pages module. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { PageRow } from '../../platform/db/schema.ts';

export function findPage(db: DbOrTx, siteId: number, lang: string, slug: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('site_id', '=', siteId).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
}

export function listPages(db: DbOrTx, siteId: number, lang: string): Promise<Pick<PageRow, 'id' | 'slug' | 'title' | 'summary' | 'updated_at'>[]> {
  return db
    .selectFrom('pages')
    .select(['id', 'slug', 'title', 'summary', 'updated_at'])
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
export function pagesBySlug(db: DbOrTx, siteId: number, slugs: readonly string[]): Promise<Pick<PageRow, 'lang' | 'slug' | 'title' | 'body_html'>[]> {
  return db.selectFrom('pages').select(['lang', 'slug', 'title', 'body_html']).where('site_id', '=', siteId).where('slug', 'in', slugs).execute();
}
