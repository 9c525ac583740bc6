/** Pages: the fixed pages of each site (introduction, functions, leaders, contacts). */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { t } from './messages.ts';
import { pagePages } from './pages.public.ts';
import * as service from './pages.service.ts';
import type { PageRow } from '../../platform/db/schema.ts';
import { htmlToText } from '../../platform/text/index.ts';
import type { SearchableType, SearchDocument, SearchModule } from '../search/index.ts';
import { PATHS } from '../site-shell/index.ts';

export type { PageInput } from './pages.service.ts';

const SEARCH_TYPE = 'page';

function searchDocument(page: PageRow): SearchDocument {
  const en = page.lang === 'en';
  return {
    refId: page.id,
    siteId: page.site_id,
    lang: page.lang,
    publishedAt: page.created_at,
    path: `${en ? '/english' : ''}${PATHS.page[en ? 'en' : 'vi']}/${page.slug}`,
    title: page.title,
    summary: page.summary,
    fields: { summary: page.summary, body: htmlToText(page.body_html) },
  };
}

export function pagesModule(platform: Platform, deps: { shell: SiteShell; search?: SearchModule }) {
  const search = deps.search?.search;
  const searchType: SearchableType = {
    type: SEARCH_TYPE,
    label: (lang) => t(lang, 'pages.searchLabel'),
    fields: { summary: 'B', body: 'C' },
    async *all(db) {
      for (let after = 0; ; ) {
        const rows = await service.pagesAfter(db, after, 200);
        if (rows.length === 0) return;
        for (const row of rows) yield searchDocument(row);
        after = rows[rows.length - 1]!.id;
      }
    },
  };
  const onSaved: service.PageSavedHook | undefined = search ? (tx, page) => search.index(tx, SEARCH_TYPE, searchDocument(page)) : undefined;
  return defineModule({
    name: 'pages',
    needs: ['site-shell', 'search'],
    publicRoutes: (routes, lang) => pagePages(routes, lang, platform.db, deps.shell),
    searchTypes: search ? [searchType] : [],
    provides: {
      savePage: (siteId: number, input: service.PageInput) => service.savePage(platform.db, siteId, input, onSaved),
      listPages: (siteId: number, lang: string) => service.listPages(platform.db, siteId, lang),
      findPage: (siteId: number, lang: string, slug: string) => service.getPage(platform.db, siteId, lang, slug).catch(() => undefined),
    },
  });
}

export type PagesModule = ReturnType<typeof pagesModule>;
