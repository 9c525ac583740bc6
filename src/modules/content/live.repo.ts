/**
 * The SQL of what the public sees of content: live items only, always. One builder,
 * `liveOfSite`, answers "the live items of a site in a language" for every listing, feed,
 * home block, calendar week and item page; the by-id and batch reads (search indexing) share
 * its join. Listings select no body.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';

/** A live item as listings, feeds and home blocks show it: no body. */
export interface LiveSummary {
  id: number;
  site_id: number;
  type: string;
  lang: string;
  slug: string;
  category_id: number | null;
  /** When the current revision went live. */
  published_at: Date | null;
  /** When the item first went live: its date for readers. */
  first_published_at: Date | null;
  featured: boolean;
  title: string;
  summary: string;
  source: string;
  author_name: string;
  is_reference: boolean;
  cover_media_id: number | null;
  cover_caption: string;
}

/** A live item with its live revision, whole. */
export interface LiveItem {
  id: number;
  site_id: number;
  type: string;
  lang: string;
  slug: string;
  category_id: number | null;
  published_at: Date | null;
  featured: boolean;
  emergency: boolean;
  origin_item_id: number | null;
  title: string;
  summary: string;
  body_html: string;
  fields: Record<string, unknown>;
  source: string;
  author_name: string;
  is_reference: boolean;
  cover_media_id: number | null;
  cover_caption: string;
  attachments: number[];
  topic_ids: number[];
  change_note: string;
  updated_at: Date;
  first_published_at: Date | null;
  translation_group: number | null;
}

export interface LiveFilter {
  type?: string | undefined;
  /** Items in any of these categories (a category and its descendants). */
  categoryIds?: readonly number[] | undefined;
  featured?: boolean | undefined;
  /** Items whose live revision carries this topic. */
  topicId?: number | undefined;
  /** Leave this item out (related items). */
  excludeId?: number | undefined;
  /** This one item (an item page). */
  slug?: string | undefined;
}

/** Live items with their live revision. */
function live(db: DbOrTx) {
  return db
    .selectFrom('content_items')
    .innerJoin('content_revisions', 'content_revisions.id', 'content_items.live_revision_id')
    .where('content_items.visibility', '=', 'live');
}

/** Types shown on pages of their own (the fixed pages, the leaders' page), not in listings of every type. */
const OWN_PAGES = ['page', 'leader'];

/** The live items of a site in a language that match the filter: the one way to ask. */
function liveOfSite(db: DbOrTx, siteId: number, lang: string, f: LiveFilter) {
  let q = live(db).where('content_items.site_id', '=', siteId).where('content_items.lang', '=', lang);
  if (f.slug !== undefined) q = q.where('content_items.slug', '=', f.slug);
  if (f.type) q = q.where('content_items.type', '=', f.type);
  // Fixed pages and leader profiles have their own pages: not in the listings of all items.
  else if (f.slug === undefined) q = q.where('content_items.type', 'not in', OWN_PAGES);
  if (f.categoryIds) q = f.categoryIds.length ? q.where('content_items.category_id', 'in', f.categoryIds) : q.where((eb) => eb.val(false));
  if (f.featured) q = q.where('content_items.featured', '=', true);
  if (f.topicId !== undefined) q = q.where(sql<boolean>`content_revisions.topic_ids @> ${JSON.stringify([f.topicId])}::jsonb`);
  if (f.excludeId !== undefined) q = q.where('content_items.id', '<>', f.excludeId);
  return q;
}

const WHOLE = [
  'content_items.id',
  'content_items.site_id',
  'content_items.type',
  'content_items.lang',
  'content_items.slug',
  'content_items.category_id',
  'content_items.published_at',
  'content_items.featured',
  'content_items.emergency',
  'content_items.origin_item_id',
  'content_items.updated_at',
  'content_items.first_published_at',
  'content_items.translation_group',
  'content_revisions.title',
  'content_revisions.summary',
  'content_revisions.body_html',
  'content_revisions.fields',
  'content_revisions.source',
  'content_revisions.author_name',
  'content_revisions.is_reference',
  'content_revisions.cover_media_id',
  'content_revisions.cover_caption',
  'content_revisions.attachments',
  'content_revisions.topic_ids',
  'content_revisions.change_note',
] as const;

const SUMMARY = [
  'content_items.id',
  'content_items.site_id',
  'content_items.type',
  'content_items.lang',
  'content_items.slug',
  'content_items.category_id',
  'content_items.published_at',
  'content_items.first_published_at',
  'content_items.featured',
  'content_revisions.title',
  'content_revisions.summary',
  'content_revisions.source',
  'content_revisions.author_name',
  'content_revisions.is_reference',
  'content_revisions.cover_media_id',
  'content_revisions.cover_caption',
] as const;

/** The live item with this slug on a site, whole. */
export async function findLiveBySlug(db: DbOrTx, siteId: number, lang: string, slug: string): Promise<LiveItem | undefined> {
  return (await liveOfSite(db, siteId, lang, { slug }).select(WHOLE).executeTakeFirst()) as LiveItem | undefined;
}

/** Live items of a site, whole, newest publication first (the demo seeder and tests look at them). */
export async function listLive(
  db: DbOrTx,
  siteId: number,
  lang: string,
  opts: { type?: string; categoryId?: number; featured?: boolean; limit: number; offset: number },
): Promise<LiveItem[]> {
  return (await liveOfSite(db, siteId, lang, {
    type: opts.type,
    featured: opts.featured,
    ...(opts.categoryId !== undefined ? { categoryIds: [opts.categoryId] } : {}),
  })
    .select(WHOLE)
    .orderBy('content_items.published_at', 'desc')
    .orderBy('content_items.id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute()) as LiveItem[];
}

/** Newest first (by first publication: a corrected item keeps its place). */
export async function listLiveSummaries(db: DbOrTx, siteId: number, lang: string, f: LiveFilter, limit: number, offset = 0): Promise<LiveSummary[]> {
  return liveOfSite(db, siteId, lang, f)
    .select(SUMMARY)
    .orderBy('content_items.first_published_at', 'desc')
    .orderBy('content_items.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countLive(db: DbOrTx, siteId: number, lang: string, f: LiveFilter): Promise<number> {
  const r = await liveOfSite(db, siteId, lang, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The live item with this id (search indexing), or undefined when it is not live. */
export async function findLiveById(db: DbOrTx, id: number): Promise<LiveItem | undefined> {
  return (await live(db).select(WHOLE).where('content_items.id', '=', id).executeTakeFirst()) as LiveItem | undefined;
}

/** Live items after `afterId`, by id (rebuilding the search index in batches). */
export async function liveBatch(db: DbOrTx, afterId: number, limit: number): Promise<LiveItem[]> {
  return (await live(db).select(WHOLE).where('content_items.id', '>', afterId).orderBy('content_items.id').limit(limit).execute()) as LiveItem[];
}

/** Where a live item lives (the original of a cross-post); undefined when it is not live. */
export async function findLiveRef(db: DbOrTx, itemId: number): Promise<{ id: number; site_id: number; lang: string; slug: string } | undefined> {
  return db
    .selectFrom('content_items')
    .select(['id', 'site_id', 'lang', 'slug'])
    .where('id', '=', itemId)
    .where('visibility', '=', 'live')
    .where('live_revision_id', 'is not', null)
    .executeTakeFirst();
}

/** The live translation of an item in `lang` on the same site, if any. */
export async function liveTranslation(db: DbOrTx, siteId: number, group: number, lang: string): Promise<{ slug: string } | undefined> {
  return db
    .selectFrom('content_items')
    .select('slug')
    .where('site_id', '=', siteId)
    .where('translation_group', '=', group)
    .where('lang', '=', lang)
    .where('visibility', '=', 'live')
    .where('live_revision_id', 'is not', null)
    .executeTakeFirst();
}

/** Every live item of a site in both languages, for sitemap.xml (newest first, capped). */
export async function sitemapItems(
  db: DbOrTx,
  siteId: number,
  limit: number,
): Promise<{ type: string; lang: string; slug: string; published_at: Date | null }[]> {
  return db
    .selectFrom('content_items')
    .select(['type', 'lang', 'slug', 'published_at'])
    .where('site_id', '=', siteId)
    .where('visibility', '=', 'live')
    .where('live_revision_id', 'is not', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** When something last went live in each category of a site, and on the site per language. */
export async function lastPublished(db: DbOrTx, siteId: number): Promise<{ lang: string; category_id: number | null; at: Date | null }[]> {
  const rows = await db
    .selectFrom('content_items')
    .select(['lang', 'category_id', (eb) => eb.fn.max('published_at').as('at')])
    .where('site_id', '=', siteId)
    .where('visibility', '=', 'live')
    .groupBy(['lang', 'category_id'])
    .execute();
  return rows.map((r) => ({ lang: r.lang, category_id: r.category_id, at: r.at === null ? null : new Date(r.at as Date | string) }));
}

const weekStart = sql<string>`content_revisions.fields->>'week_start'`;

/** The live work calendar of the week starting `monday` (YYYY-MM-DD), the newest if several, whole. */
export async function liveCalendarOfWeek(db: DbOrTx, siteId: number, lang: string, monday: string): Promise<LiveItem | undefined> {
  return (await liveOfSite(db, siteId, lang, { type: 'calendar' })
    .select(WHOLE)
    .where(weekStart, '=', monday)
    .orderBy('content_items.first_published_at', 'desc')
    .orderBy('content_items.id', 'desc')
    .executeTakeFirst()) as LiveItem | undefined;
}

/** The latest week (its Monday) with a live work calendar, if any. */
export async function latestCalendarWeek(db: DbOrTx, siteId: number, lang: string): Promise<string | undefined> {
  const r = await liveOfSite(db, siteId, lang, { type: 'calendar' })
    .select(sql<string | null>`max(content_revisions.fields->>'week_start')`.as('week'))
    .executeTakeFirst();
  return r?.week && /^\d{4}-\d{2}-\d{2}$/.test(r.week) ? r.week : undefined;
}
