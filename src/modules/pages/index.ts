/**
 * Pages: the fixed pages of each site (introduction, functions, leaders, contacts). A new site gets
 * its fixed pages empty, and its checklist names the required ones still empty.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { pagePages } from './pages.public.ts';
import * as service from './pages.service.ts';
import type { PageRow } from '../../platform/db/schema.ts';
import { htmlToText } from '../../platform/text/index.ts';
import type { SearchableType, SearchDocument, SearchModule } from '../search/index.ts';
import { pagesPaths } from './paths.ts';
import type { SitesModule } from '../sites/index.ts';
import type { PageMedia } from './pages.public.ts';
import type { Tx } from '../../platform/db/create-db.ts';
import { t } from './messages.ts';

export type { PageInput, ShownItem, PageFiller } from './pages.service.ts';
export { pagesPaths } from './paths.ts';
/** A page nobody has written yet (a new site's fixed pages): for lists that should leave it out. */
export { isEmptyPage } from './pages.service.ts';
export { FIXED_PAGES, REQUIRED_PAGES } from './fixed-pages.ts';

const SEARCH_TYPE = 'page';

function searchDocument(page: PageRow): SearchDocument {
  const en = page.lang === 'en';
  return {
    refId: page.id,
    siteId: page.site_id,
    lang: page.lang,
    publishedAt: page.created_at,
    path: `${en ? '/english' : ''}${pagesPaths.paths.page[en ? 'en' : 'vi']}/${page.slug}`,
    title: page.title,
    summary: page.summary,
    fields: { summary: page.summary, body: htmlToText(page.body_html) },
  };
}

/**
 * `media` (late: built after this module) gives the pages their picture or document. A fixed
 * page's text is written and approved as a content item (the content module's workflow): the
 * content module links the item (`linkItem`) and, when it goes live or is withdrawn, shows it here
 * (`showItem`); nothing else writes a page but the demo (`savePage`).
 */
export function pagesModule(
  platform: Platform,
  deps: { sites: Pick<SitesModule, 'onSiteCreated' | 'addCheck'>; shell: SiteShell; search?: SearchModule },
  later: () => { media?: ReturnType<PageMedia> } = () => ({}),
) {
  const search = deps.search?.search;
  const searchType: SearchableType = {
    type: SEARCH_TYPE,
    label: (lang) => t(lang, 'pages.searchLabel'),
    fields: { summary: 'B', body: 'C' },
    async *all(db) {
      for (let after = 0; ; ) {
        const rows = await service.pagesAfter(db, after, 200);
        if (rows.length === 0) return;
        // A fixed page nobody has written yet has nothing to find.
        for (const row of rows) if (!service.isEmptyPage(row)) yield searchDocument(row);
        after = rows[rows.length - 1]!.id;
      }
    },
  };
  // An emptied page (its item withdrawn) leaves the index.
  const onSaved: service.PageSavedHook | undefined = search
    ? (tx, page) => (service.isEmptyPage(page) ? search.remove(tx, SEARCH_TYPE, page.id) : search.index(tx, SEARCH_TYPE, searchDocument(page)))
    : undefined;
  const fillers = new Map<string, service.PageFiller>();
  deps.sites.onSiteCreated((tx, site) => service.writeFixedPages(tx, site.id));
  deps.sites.addCheck(async (site, lang) => {
    const empty = await service.emptyRequiredPages(platform.db, site.id, site.languages, fillers);
    const vi = empty.filter((p) => p.lang === 'vi').map((p) => ({ key: `page:vi:${p.slug}`, label: t(lang, 'gap.page', { title: p.title }) }));
    const others = empty.filter((p) => p.lang !== 'vi');
    return others.length ? [...vi, { key: 'pages:other-languages', label: t(lang, 'gap.english', { titles: others.map((p) => p.title).join(', ') }) }] : vi;
  });
  return defineModule({
    name: 'pages',
    needs: ['sites', 'site-shell', 'search'],
    publicRoutes: (routes, lang) => pagePages(routes, lang, platform.db, deps.shell, () => later().media),
    searchTypes: search ? [searchType] : [],
    provides: {
      /** Writes a page directly, with no workflow: the demo's data only (people edit fixed pages as content items). */
      savePage: (siteId: number, input: service.PageInput) => service.savePage(platform.db, siteId, input, onSaved),
      listPages: (siteId: number, lang: string) => service.listPages(platform.db, siteId, lang),
      findPage: (siteId: number, lang: string, slug: string) => service.getPage(platform.db, siteId, lang, slug).catch(() => undefined),
      /** A site's fixed pages in every language (the administration's list of them). */
      fixedPages: (siteId: number) => service.fixedPagesOf(platform.db, siteId),
      /** Points a fixed page at the content item written for it. */
      linkItem: (pageId: number, itemId: number) => service.linkItem(platform.db, pageId, itemId),
      /** Shows on the page that points at `itemId` what is live of it (null: nothing); in the caller's transaction. */
      showItem: (tx: Tx, itemId: number, live: service.ShownItem | null) => service.showItem(tx, itemId, live, onSaved),
      /** A required page filled by something else than its text (the leaders' page: live leader profiles). */
      fillPageWith: (slug: string, filler: service.PageFiller) => void fillers.set(slug, filler),
    },
  });
}

export type PagesModule = ReturnType<typeof pagesModule>;
