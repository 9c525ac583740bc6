/**
 * /tim-kiem (and /english/search) on every site, and the JSON API:
 *
 *   GET /api/v1/search?q=…&site=…&type=…&category=…&topic=…&lang=…&from=…&to=…&sort=…&page=…
 *   GET /api/v1/search/suggest?q=…&site=…     titles for autocomplete
 *
 * Never cached (site-shell's UNCACHED): a portal's results include its component sites.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Lang } from '../../platform/i18n/index.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import { html } from '../../platform/views/html.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import { PATHS, publicRoutes, type SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref, siteName, siteOrigin, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import { formValues, resolveScope, typeLabel, type FilterChoices, type ScopeInput } from './search-scope.ts';
import { PAGE_SIZE, type SearchHit, type SearchService } from './search.service.ts';
import { noticeMessage, searchMain, type HitView } from './search.views.ts';
import { t } from './messages.ts';

export interface SearchPagesDeps {
  search: SearchService;
  shell: SiteShell;
  sites: SitesModule;
  baseDomain: string;
  choices: (siteIds: number[], lang: Lang) => Promise<FilterChoices>;
}

/** Where a hit is, the way this visitor reaches sites (by path or by host). */
function hitHref(
  request: FastifyRequest,
  here: { site: SiteWithHosts; basePath: string },
  all: readonly SiteWithHosts[],
  baseDomain: string,
  hit: { siteId: number; path: string },
  absolute: boolean,
): string {
  const origin = `${request.protocol}://${request.host}`;
  if (hit.siteId === here.site.id) return `${absolute ? origin : ''}${here.basePath}${hit.path}`;
  const site = all.find((s) => s.id === hit.siteId);
  if (!site) return `${absolute ? origin : ''}${here.basePath}${hit.path}`;
  if (here.basePath) return `${absolute ? origin : ''}/s/${site.code}${hit.path}`;
  const main = all.find((s) => s.kind === 'portal' && s.parent_id === null);
  return `${siteOrigin(site, { protocol: request.protocol, port: request.port ?? undefined, baseDomain }, site.id === main?.id)}${hit.path}`;
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

function pageNumber(raw: unknown): number {
  const s = one(raw);
  if (!s || !/^\d{1,12}$/.test(s)) return 1;
  return Math.max(1, Number(s));
}

export function registerSearchPages(app: FastifyInstance, deps: SearchPagesDeps): void {
  const { search } = deps;

  async function page(request: FastifyRequest, lang: Lang) {
    const ctx = requireSite(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const values = formValues(query);
    const all = await deps.sites.directory.liveSites();
    const input: ScopeInput = {
      type: values.type,
      site: values.site,
      category: values.category,
      topic: values.topic,
      lang: values.lang,
      from: values.from,
      to: values.to,
    };
    const resolved = await resolveScope(lang, ctx.site, all, search.types(), input, deps.choices);
    const action = siteHref(ctx, PATHS.search[lang]);
    const searched = values.q.trim() !== '' || query.q !== undefined;
    const pageNo = pageNumber(query.trang);
    const result = searched
      ? await search.search({ q: values.q, scope: resolved.scope, page: pageNo, order: values.sort === 'moi-nhat' ? 'newest' : 'relevance' })
      : undefined;
    const multiSite = resolved.scope.siteIds.length > 1;
    const toView = (h: SearchHit): HitView => {
      const s = all.find((x) => x.id === h.siteId);
      return {
        href: hitHref(request, ctx, all, deps.baseDomain, h, false),
        title: h.titleParts,
        snippet: h.snippet,
        typeLabel: typeLabel(search.types(), lang, h.docType, h.kind),
        ...(multiSite && s ? { siteLabel: siteName(s, lang) } : {}),
        date: h.publishedAt,
        lang: h.lang,
      };
    };
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
    const other: Lang = lang === 'vi' ? 'en' : 'vi';
    const rendered = await deps.shell.renderPage(request, {
      title: result && result.total > 0 ? `${title} (${result.more ? '>' : ''}${result.total})` : title,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: t(lang, 'search.search') }],
      main,
      alternate: { lang: other, href: siteHref(ctx, PATHS.search[other], other) },
      head: html`<meta name="robots" content="noindex, follow"><script src="${assetUrl('search-suggest.js')}" defer></script>`,
    });
    return rendered;
  }

  publicRoutes(app, (scope, lang) => {
    scope.get(PATHS.search[lang], async (request, reply) => {
      const body = await page(request, lang);
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
    });
  });

  // ── JSON API ────────────────────────────────────────────────────────────────────────
  const Part = Type.Object({ text: Type.String(), mark: Type.Boolean({ description: 'A matched word, to highlight.' }) });
  const Hit = Type.Object({
    type: Type.String({ description: 'Registered document type (content, page, …).' }),
    kind: Type.String({ description: 'Subdivision of the type (news, announcement, …), or "".' }),
    site: Type.String({ description: 'Code of the site the document is on.' }),
    lang: Type.String(),
    title: Type.String(),
    url: Type.String({ format: 'uri' }),
    publishedAt: Type.String({ format: 'date-time' }),
    titleHighlight: Type.Array(Part),
    snippet: Type.Array(Part, { description: 'A passage around the matched words, in runs.' }),
    exactMatch: Type.Boolean({ description: 'Every word matched with the diacritics typed.' }),
  });
  const SearchQuery = Type.Object({
    q: Type.Optional(
      Type.String({ description: 'Words with or without diacritics, "quoted phrases", -exclusions. Any text is accepted; it is cut at 256 characters.' }),
    ),
    site: Type.Optional(Type.String({ description: 'Code of the site searched; a portal covers its component sites. Default: the main portal.' })),
    within: Type.Optional(Type.String({ description: 'Code of one site under `site` to search alone.' })),
    type: Type.Optional(Type.String({ description: 'A type ("content", "page") or type:kind ("content:news").' })),
    category: Type.Optional(Type.String({ description: 'Category id (its subcategories are included).' })),
    topic: Type.Optional(Type.String({ description: 'Topic id.' })),
    lang: Type.Optional(Type.String({ description: 'Language of the documents (vi, en, …).' })),
    from: Type.Optional(Type.String({ description: 'Published on or after this day (yyyy-mm-dd, Asia/Ho_Chi_Minh).' })),
    to: Type.Optional(Type.String({ description: 'Published on or before this day (yyyy-mm-dd).' })),
    sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('newest')])),
    page: Type.Optional(Type.String({ description: 'Page number (1…); pages beyond the results are empty.' })),
    uiLang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'Language of messages and labels.' })),
  });

  async function siteOf(code: string | undefined): Promise<SiteWithHosts> {
    const all = await deps.sites.directory.liveSites();
    const site = code ? all.find((s) => s.code === code) : all.find((s) => s.kind === 'portal' && s.parent_id === null);
    if (!site) throw new NotFound('search.site_not_found', code ? `No site with code "${code}"` : 'No portal');
    return site;
  }

  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Tìm kiếm / Search everything public',
        description:
          'Vietnamese-aware full-text search: with or without diacritics (exact matches first), phrases in double quotes, exclusion with a minus sign. Results are ranked (exact diacritics, then title matches, then relevance, then recency); at most 1,000 are examined, so `more` says there are more than `total`.',
        querystring: SearchQuery,
        response: {
          200: Type.Object({
            query: Type.String({ description: 'The query as understood.' }),
            total: Type.Integer(),
            more: Type.Boolean(),
            page: Type.Integer(),
            pages: Type.Integer(),
            pageSize: Type.Integer(),
            notices: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
            items: Type.Array(Hit),
            suggestion: Type.Optional(
              Type.Object(
                { query: Type.String(), total: Type.Integer(), items: Type.Array(Hit) },
                { description: 'Có phải bạn muốn tìm: a corrected query and its results, when the query found nothing.' },
              ),
            ),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const q = request.query as Record<string, string | undefined>;
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
      const present = (h: SearchHit) => ({
        type: h.docType,
        kind: h.kind,
        site: all.find((s) => s.id === h.siteId)?.code ?? '',
        lang: h.lang,
        title: h.title,
        url: hitHref(request, here, all, deps.baseDomain, h, true),
        publishedAt: h.publishedAt.toISOString(),
        titleHighlight: h.titleParts,
        snippet: h.snippet,
        exactMatch: h.exact,
      });
      const notices = [
        ...result.notices.map((code) => ({ code, message: noticeMessage(lang, code) })),
        ...resolved.bad.map((what) => ({
          code: 'bad_filter',
          message: t(lang, 'search.filterNotValidLeftOut', { what }),
        })),
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

  app.get(
    '/api/v1/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Gợi ý tiêu đề / Title autocomplete',
        querystring: Type.Object({ q: Type.Optional(Type.String()), site: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ title: Type.String(), url: Type.String({ format: 'uri' }) })) }), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const q = request.query as { q?: string; site?: string };
      const site = await siteOf(q.site);
      const all = await deps.sites.directory.liveSites();
      const resolved = await resolveScope('vi', site, all, search.types(), {}, async () => ({ categories: [], topics: [] }));
      const titles = await search.suggestTitles(q.q ?? '', resolved.scope);
      reply.header('cache-control', 'public, max-age=60');
      return { items: titles.map((row) => ({ title: row.title, url: hitHref(request, { site, basePath: '' }, all, deps.baseDomain, row, true) })) };
    },
  );
}
