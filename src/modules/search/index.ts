/**
 * Search (SRCH-1, PUB-2): one Vietnamese-aware index of everything public. Other modules
 * declare their types (fields and weights) in their manifests (`searchTypes`) and feed the index
 * inside the transactions that publish or withdraw; the search page and the JSON API read it.
 * See search.service.ts.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { t } from './messages.ts';
import { searchPaths } from './paths.ts';
import { defineModule } from '../../platform/module.ts';
import type { Platform } from '../../platform/platform.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { SitesModule } from '../sites/index.ts';
import type { FilterChoices } from './search-scope.ts';
import { searchApi } from './search.api.ts';
import { searchPage } from './search.public.ts';
import { SearchService, type SearchableType } from './search.service.ts';

export { SearchService, type SearchableType, type SearchDocument, type Weight, type SearchResult, type SearchHit } from './search.service.ts';
export type { FilterChoices } from './search-scope.ts';
export { fold } from './search-text.ts';
export { searchPaths } from './paths.ts';

declare module '../../platform/module.ts' {
  interface ModuleExtensions {
    /** A kind of public document a module gives the index (its fields and weights, and every document for a rebuild). */
    searchType: SearchableType;
  }
}

export function searchModule(platform: Platform, deps: { sites: SitesModule; shell: SiteShell }) {
  const search = new SearchService(platform.db);
  const choiceProviders: ((siteIds: number[], lang: Lang) => Promise<FilterChoices>)[] = [];
  async function choices(siteIds: number[], lang: Lang): Promise<FilterChoices> {
    const out: FilterChoices = { categories: [], topics: [] };
    for (const provide of choiceProviders) {
      const c = await provide(siteIds, lang);
      out.categories.push(...c.categories);
      out.topics.push(...c.topics);
    }
    return out;
  }
  const routeDeps = { search, shell: deps.shell, sites: deps.sites, baseDomain: platform.config.baseDomain, choices };
  return defineModule({
    name: 'search',
    needs: ['sites', 'site-shell'],
    publicRoutes: (routes, lang) => searchPage(routes, lang, routeDeps),
    apiRoutes: (routes) => searchApi(routes, routeDeps),
    // PostgreSQL's autovacuum keeps the planner's statistics; the embedded database has none.
    jobs: platform.engine === 'pglite' ? [{ name: 'search.statistics', everyMs: 10 * 60_000, run: () => search.refreshStatistics() }] : [],
    provides: {
      search,
      /** The site map's link to the search page (a path inside a site). */
      siteSections: async (_siteId: number, lang: Lang) => [
        { heading: t(lang, 'shell.search'), links: [{ label: t(lang, 'shell.search'), path: searchPaths.path(lang, 'search') }] },
      ],
      /** A module offers categories and topics for the search filters of the sites searched. */
      addFilterChoices(provider: (siteIds: number[], lang: Lang) => Promise<FilterChoices>): void {
        choiceProviders.push(provider);
      },
    },
  });
}

export type SearchModule = ReturnType<typeof searchModule>;
