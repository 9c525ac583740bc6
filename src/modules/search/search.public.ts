/**
 * The search page on every site (/tim-kiem, /english/search): a GET form that works without
 * JavaScript, the results of the site and of the sites under it. Never cached — a portal's
 * results include its component sites, whose changes do not touch the portal's page cache — and
 * it reads URLs up to 16 KB (a pasted paragraph is a query like any other).
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { queryForm } from '../../platform/http/forms.ts';
import { html } from '../../platform/views/html.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref, type SitesModule } from '../sites/index.ts';
import { resolveScope, type FilterChoices } from './search-scope.ts';
import { hitHref, presentHitView } from './search.present.ts';
import { SearchPageQuery } from './search.schema.ts';
import type { SearchHit, SearchService } from './search.service.ts';
import { searchMain, type SearchFormValues } from './views/search.view.ts';
import { searchPaths } from './paths.ts';
import { t } from './messages.ts';

export interface SearchPageDeps {
  search: SearchService;
  shell: SiteShell;
  sites: SitesModule;
  baseDomain: string;
  choices: (siteIds: number[], lang: Lang) => Promise<FilterChoices>;
}

/** The longest value of a field the page uses (the service cuts the query further). */
const FIELD_CHARS = 300;

export function searchPage(routes: Routes, lang: Lang, deps: SearchPageDeps): void {
  const { search } = deps;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';

  routes.get(searchPaths.path(lang, 'search'), { ...queryForm(SearchPageQuery), config: { longUrl: true } }, async (request, reply) => {
    const ctx = requireSite(request);
    const query = request.query;
    // A value the form could not take is left out of the query, even where the type says text.
    const asked = query.q ?? [];
    const cut = (v: string | undefined) => (v ?? '').slice(0, FIELD_CHARS);
    const values: SearchFormValues = {
      q: cut(asked[0]),
      type: cut(query.loai),
      site: cut(query['trang-con']),
      category: cut(query['chuyen-muc']),
      topic: cut(query['chu-de']),
      lang: cut(query['ngon-ngu']),
      from: cut(query['tu-ngay']),
      to: cut(query['den-ngay']),
      sort: cut(query['sap-xep']),
    };
    const all = await deps.sites.directory.liveSites();
    const resolved = await resolveScope(
      lang,
      ctx.site,
      all,
      search.types(),
      { type: values.type, site: values.site, category: values.category, topic: values.topic, lang: values.lang, from: values.from, to: values.to },
      deps.choices,
    );
    const action = siteHref(ctx, searchPaths.path(lang, 'search'));
    // `?q=` with nothing is a search too (it asks for words); no `q` at all is the empty page.
    const result =
      asked.length > 0
        ? await search.search({ q: values.q, scope: resolved.scope, page: query.trang ?? 1, order: values.sort === 'moi-nhat' ? 'newest' : 'relevance' })
        : undefined;
    const multiSite = resolved.scope.siteIds.length > 1;
    const toView = (h: SearchHit) =>
      presentHitView(h, { lang, href: hitHref(request, ctx, all, deps.baseDomain, h, false), types: search.types(), all, multiSite });
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({
      q: values.q,
      loai: values.type,
      'trang-con': values.site,
      'chuyen-muc': values.category,
      'chu-de': values.topic,
      'ngon-ngu': values.lang,
      'tu-ngay': values.from,
      'den-ngay': values.to,
      'sap-xep': values.sort,
    }))
      if (v) params.set(k, v);
    const hrefWith = (changes: Record<string, string>) => {
      const p = new URLSearchParams(params);
      for (const [k, v] of Object.entries(changes)) p.set(k, v);
      return `${action}?${p.toString()}`;
    };
    const pageHref = (n: number) => (n <= 1 ? `${action}?${params.toString()}` : hrefWith({ trang: String(n) }));
    const suggestion = result?.suggestion;
    const title = result ? t(lang, 'search.search2', { value: result.query.text || values.q.slice(0, 80) }) : t(lang, 'search.search');
    const main = searchMain({
      lang,
      action,
      values,
      options: resolved.options,
      badFilters: resolved.bad,
      searched: Boolean(result),
      query: result?.query.text ?? '',
      hits: result?.hits.map(toView) ?? [],
      total: result?.total ?? 0,
      more: result?.more ?? false,
      page: result?.page ?? 1,
      pages: result?.pages ?? 0,
      notices: result?.notices ?? [],
      ...(suggestion
        ? { suggestion: { text: suggestion.text, href: hrefWith({ q: suggestion.text }), hits: suggestion.hits.map(toView), total: suggestion.total } }
        : {}),
      pageHref,
      suggestApi: `/api/v1/search/suggest?site=${encodeURIComponent(values.site || ctx.site.code)}&q=`,
    });
    const body = await deps.shell.renderPage(request, {
      title: result && result.total > 0 ? `${title} (${result.more ? '>' : ''}${result.total})` : title,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: t(lang, 'search.search') }],
      main,
      alternate: { lang: other, href: siteHref(ctx, searchPaths.path(other, 'search'), other) },
      head: html`<meta name="robots" content="noindex, follow"><script src="${assetUrl('search-suggest.js')}" defer></script>`,
    });
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
  });
}
