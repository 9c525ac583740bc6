/**
 * The search API, for other systems (the city's app, the national portal):
 *
 *   GET /api/v1/search?q=…&site=…&type=…&category=…&topic=…&lang=…&from=…&to=…&sort=…&page=…
 *   GET /api/v1/search/suggest?q=…&site=…     titles for autocomplete
 *
 * Both read URLs up to 16 KB: a pasted paragraph is a query like any other (the service cuts it).
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import type { SitesModule, SiteWithHosts } from '../sites/index.ts';
import { resolveScope, type FilterChoices } from './search-scope.ts';
import { hitHref, presentApiHit } from './search.present.ts';
import { SearchQuery, SearchResponse, SuggestQuery, SuggestResponse } from './search.schema.ts';
import { PAGE_SIZE, type SearchHit, type SearchService } from './search.service.ts';
import { noticeMessage } from './views/search.view.ts';
import { t } from './messages.ts';

export interface SearchApiDeps {
  search: SearchService;
  sites: SitesModule;
  baseDomain: string;
  choices: (siteIds: number[], lang: Lang) => Promise<FilterChoices>;
}

/** A page number as the API takes it: anything but 1 to 12 digits is the first page. */
function pageNumber(raw: string | undefined): number {
  if (!raw || !/^\d{1,12}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

export function searchApi(routes: Routes, deps: SearchApiDeps): void {
  const { search } = deps;

  async function siteOf(code: string | undefined): Promise<SiteWithHosts> {
    const all = await deps.sites.directory.liveSites();
    const site = code ? all.find((s) => s.code === code) : all.find((s) => s.kind === 'portal' && s.parent_id === null);
    if (!site) throw new NotFound('search.site_not_found', code ? `No site with code "${code}"` : 'No portal');
    return site;
  }

  routes.get(
    '/search',
    {
      config: { longUrl: true },
      schema: {
        tags: ['search'],
        summary: 'Tìm kiếm / Search everything public',
        description:
          'Vietnamese-aware full-text search: with or without diacritics (exact matches first), phrases in double quotes, exclusion with a minus sign. Results are ranked (exact diacritics, then title matches, then relevance, then recency); at most 1,000 are examined, so `more` says there are more than `total`.',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 404: ErrorBody },
      },
    },
    async (request) => {
      const q = request.query;
      const lang: Lang = q.uiLang === 'en' ? 'en' : 'vi';
      const site = await siteOf(q.site);
      const all = await deps.sites.directory.liveSites();
      const resolved = await resolveScope(
        lang,
        site,
        all,
        search.types(),
        { type: q.type, site: q.within, category: q.category, topic: q.topic, lang: q.lang, from: q.from, to: q.to },
        deps.choices,
      );
      const result = await search.search({
        q: q.q ?? '',
        scope: resolved.scope,
        page: pageNumber(q.page),
        pageSize: PAGE_SIZE,
        order: q.sort === 'newest' ? 'newest' : 'relevance',
      });
      const here = { site, basePath: '' };
      const present = (h: SearchHit) => presentApiHit(h, all, hitHref(request, here, all, deps.baseDomain, h, true));
      const notices = [
        ...result.notices.map((code) => ({ code, message: noticeMessage(lang, code) })),
        ...resolved.bad.map((what) => ({ code: 'bad_filter', message: t(lang, 'search.filterNotValidLeftOut', { what }) })),
      ];
      return {
        query: result.query.text,
        total: result.total,
        more: result.more,
        page: result.page,
        pages: result.pages,
        pageSize: result.pageSize,
        notices,
        items: result.hits.map(present),
        ...(result.suggestion
          ? { suggestion: { query: result.suggestion.text, total: result.suggestion.total, items: result.suggestion.hits.map(present) } }
          : {}),
      };
    },
  );

  routes.get(
    '/search/suggest',
    {
      config: { longUrl: true },
      schema: {
        tags: ['search'],
        summary: 'Gợi ý tiêu đề / Title autocomplete',
        querystring: SuggestQuery,
        response: { 200: SuggestResponse, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { q, site: code } = request.query;
      const site = await siteOf(code);
      const all = await deps.sites.directory.liveSites();
      const resolved = await resolveScope('vi', site, all, search.types(), {}, async () => ({ categories: [], topics: [] }));
      const titles = await search.suggestTitles(q ?? '', resolved.scope);
      reply.header('cache-control', 'public, max-age=60');
      return { items: titles.map((row) => ({ title: row.title, url: hitHref(request, { site, basePath: '' }, all, deps.baseDomain, row, true) })) };
    },
  );
}
