/**
 * Fixed pages of a site (introduction, functions, leaders, contacts…). The body is
 * sanitised once here, on save; readers get it as stored.
 */
import type { Db, Tx } from '../../platform/db/create-db.ts';
import type { PageRow } from '../../platform/db/schema.ts';
import { Invalid, NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { LANGS } from '../../platform/i18n/index.ts';
import { cleanText, htmlToText, slugify } from '../../platform/text/index.ts';
import { sanitizeRichText } from '../../platform/text/sanitize.ts';
import * as repo from './pages.repo.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { withTx } from '../../platform/db/create-db.ts';
import { FIXED_PAGES, REQUIRED_PAGES } from './fixed-pages.ts';
import { t } from './messages.ts';

export interface PageInput {
  lang: string;
  slug?: string;
  title: string;
  summary?: string;
  bodyHtml: string;
}

const LANG_RE = /^[a-z]{2,3}$/;

/** Called inside the transaction that saves a page (the search index). */
export type PageSavedHook = (tx: Tx, page: PageRow) => Promise<void>;

export async function savePage(db: Db, siteId: number, input: PageInput, onSaved?: PageSavedHook): Promise<PageRow> {
  const title = cleanText(input.title);
  const slug = input.slug ? slugify(input.slug) : slugify(title);
  const problems = [
    ...(title ? [] : [{ field: 'title', message: 'Cần nhập tiêu đề trang.' }]),
    ...(slug ? [] : [{ field: 'slug', message: 'Đường dẫn trang phải có ít nhất một chữ cái hoặc chữ số.' }]),
    ...(LANG_RE.test(input.lang) ? [] : [{ field: 'lang', message: 'Mã ngôn ngữ không hợp lệ.' }]),
  ];
  if (problems.length > 0) throw new Invalid('page.invalid', problems.map((p) => p.message).join(' '), { details: problems });
  const body = await sanitizeRichText(input.bodyHtml);
  return withTx(db, async (tx) => {
    const page = await repo.upsertPage(tx, { site_id: siteId, lang: input.lang, slug, title, summary: cleanText(input.summary ?? ''), body_html: body });
    await onSaved?.(tx, page);
    await announceChange(tx, siteId);
    return page;
  });
}

export async function getPage(db: Db, siteId: number, lang: string, slug: string): Promise<PageRow> {
  const page = await repo.findPage(db, siteId, lang, slug);
  if (!page) throw new NotFound('page.not_found', `No page "${slug}"`);
  return page;
}

/** A page with nothing in it yet (a fixed page as a new site gets it, or whose approved text was withdrawn). */
export function isEmptyPage(page: Pick<PageRow, 'body_html'> & Partial<Pick<PageRow, 'media_id'>>): boolean {
  return htmlToText(page.body_html).trim() === '' && !page.media_id;
}

/** What the public may see of a fixed page's content item: its live revision (sanitised when it was saved). */
export interface ShownItem {
  title: string;
  summary: string;
  bodyHtml: string;
  /** The page's picture or document (cover image, else first attachment). */
  mediaId: number | null;
}

function isFixed(slug: string): slug is (typeof FIXED_PAGES)[number] {
  return (FIXED_PAGES as readonly string[]).includes(slug);
}

/**
 * Shows on a fixed page what is live of its content item (the content module calls it in the
 * transaction that publishes or withdraws the item); `null` when nothing of the item is live:
 * the page is empty again, with its first title. Nothing happens when no page shows the item.
 */
export async function showItem(tx: Tx, itemId: number, live: ShownItem | null, onSaved?: PageSavedHook): Promise<PageRow | undefined> {
  const slot = await repo.pageOfItem(tx, itemId);
  if (!slot) return undefined;
  const lang: Lang = slot.lang === 'en' ? 'en' : 'vi';
  const page = await repo.showItem(
    tx,
    itemId,
    live
      ? { title: live.title, summary: live.summary, body_html: live.bodyHtml, media_id: live.mediaId }
      : { ...(isFixed(slot.slug) ? { title: t(lang, `fixed.${slot.slug}`) } : {}), summary: '', body_html: '', media_id: null },
  );
  if (page) {
    await onSaved?.(tx, page);
    await announceChange(tx, page.site_id);
  }
  return page;
}

/** Points a fixed page at the content item written for it (once: an item already linked stays). */
export async function linkItem(db: Db, pageId: number, itemId: number): Promise<PageRow> {
  await repo.linkItem(db, pageId, itemId);
  const page = await repo.findPageById(db, pageId);
  if (!page) throw new NotFound('page.not_found', `No page #${pageId}`);
  return page;
}

/** The fixed pages of a site in every language, Vietnamese first. */
export function fixedPagesOf(db: Db, siteId: number): Promise<PageRow[]> {
  return repo.fixedPagesOf(db, siteId, FIXED_PAGES);
}

/** A required page another module fills (the leaders' page: its leader profiles): true when it has something live. */
export type PageFiller = (siteId: number, lang: string) => Promise<boolean>;

/**
 * A new site's fixed pages, empty, in every language (the sites module's `onSiteCreated`, in the
 * transaction that creates the site). Not indexed for search: there is nothing to find yet.
 */
export async function writeFixedPages(tx: Tx, siteId: number): Promise<void> {
  await repo.insertMissingPages(
    tx,
    LANGS.flatMap((lang) => FIXED_PAGES.map((slug) => ({ site_id: siteId, lang, slug, title: t(lang, `fixed.${slug}`) }))),
  );
}

/** The required fixed pages of a site that are still empty or missing: in Vietnamese, and in each other language it offers. */
export async function emptyRequiredPages(
  db: Db,
  siteId: number,
  languages: readonly string[],
  fillers: ReadonlyMap<string, PageFiller> = new Map(),
): Promise<{ lang: Lang; slug: string; title: string }[]> {
  const rows = await repo.pagesBySlug(db, siteId, REQUIRED_PAGES);
  const empty: { lang: Lang; slug: string; title: string }[] = [];
  for (const lang of LANGS.filter((l) => languages.includes(l))) {
    for (const slug of REQUIRED_PAGES) {
      const row = rows.find((r) => r.lang === lang && r.slug === slug);
      const filler = fillers.get(slug);
      const filled = filler ? await filler(siteId, lang) : row !== undefined && !isEmptyPage(row);
      if (!filled) empty.push({ lang, slug, title: row?.title || t(lang, `fixed.${slug}`) });
    }
  }
  return empty;
}

export const listPages = repo.listPages;
export const pagesAfter = repo.pagesAfter;
export const pageExists = repo.pageExists;
