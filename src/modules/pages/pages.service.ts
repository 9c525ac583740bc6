/**
 * Fixed pages of a site (introduction, functions, leaders, contacts…). The body is
 * sanitised once here, on save; readers get it as stored.
 */
import type { Db, Tx } from '../../platform/db/create-db.ts';
import type { PageRow } from '../../platform/db/schema.ts';
import { Invalid, NotFound } from '../../platform/http/errors.ts';
import { cleanText, slugify } from '../../platform/text/index.ts';
import { sanitizeRichText } from '../../platform/text/sanitize.ts';
import * as repo from './pages.repo.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { withTx } from '../../platform/db/create-db.ts';

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

export const listPages = repo.listPages;
export const pagesAfter = repo.pagesAfter;
export const pageExists = repo.pageExists;
