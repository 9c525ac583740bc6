/**
 * Feeds and the documents for crawlers of a site:
 *
 *   /rss.xml, /atom.xml                        the site's newest 30 items (per language)
 *   /chuyen-muc/<slug>/rss.xml, …/atom.xml     a category's
 *   /sitemap.xml                               one per site, both languages (host and /s/<code>)
 *   /robots.txt                                at the root of a host only
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoQuery, SlugParams } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { ADMIN_ROOT } from '../../platform/http/route-trees.ts';
import { pagesPaths } from '../pages/index.ts';
import { ownerName, requireSite, siteName } from '../sites/index.ts';
import { typeLabel } from './content-types.ts';
import { atomFeed, FEED_SIZE, rssFeed, type FeedEntry, type FeedMeta } from './feed-xml.ts';
import type { LiveFilter } from './live.service.ts';
import { categoryPath, itemPath, PUBLIC } from './paths.ts';
import { leaderPath } from './leaders.ts';
import { descendantIds, LISTINGS, notFound, originOf, type PublicContentDeps, type PublicPresenter, type SiteCtx } from './public.present.ts';
import { robotsTxt, sitemapXml, type SitemapEntry } from './seo.ts';

const SITEMAP_MAX_ITEMS = 45_000;

export function feedPublicRoutes(routes: Routes, lang: Lang, deps: PublicContentDeps, present: PublicPresenter): void {
  const document = { schema: { querystring: NoQuery }, config: { cache: true } };
  const ofCategory = { schema: { params: SlugParams, querystring: NoQuery }, config: { cache: true } };

  async function sendFeed(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SiteCtx,
    kind: 'rss' | 'atom',
    o: { title: string; description: string; filter: LiveFilter; pagePath: string; selfPath: string },
  ): Promise<FastifyReply> {
    const { site } = ctx;
    const rows = await deps.live.summaries(site.id, lang, o.filter, FEED_SIZE);
    const names = new Map((await deps.categories.list(site.id, lang)).map((c) => [c.id, c.name]));
    const agency = ownerName(site, lang) || siteName(site, lang);
    const entries: FeedEntry[] = rows.map((r) => {
      const published = r.first_published_at ?? r.published_at ?? new Date(0);
      return {
        title: r.title,
        url: present.abs(request, ctx, itemPath(lang, r.slug)),
        summary: r.summary,
        published,
        updated: r.published_at ?? published,
        author: r.author_name || agency,
        category: r.category_id === null ? typeLabel(r.type, lang) : names.get(r.category_id),
      };
    });
    const meta: FeedMeta = {
      title: o.title,
      description: o.description,
      lang,
      pageUrl: present.abs(request, ctx, o.pagePath),
      selfUrl: present.abs(request, ctx, o.selfPath),
      author: agency,
      updated: entries.reduce<Date | undefined>((max, x) => (!max || x.updated > max ? x.updated : max), undefined) ?? new Date(),
    };
    return kind === 'rss'
      ? deps.shell.sendCacheable(request, reply, rssFeed(meta, entries), 'application/rss+xml; charset=utf-8')
      : deps.shell.sendCacheable(request, reply, atomFeed(meta, entries), 'application/atom+xml; charset=utf-8');
  }

  for (const kind of ['rss', 'atom'] as const) {
    routes.get(PUBLIC[kind][lang], document, async (request, reply) => {
      const ctx = requireSite(request);
      const name = siteName(ctx.site, lang);
      return sendFeed(request, reply, ctx, kind, {
        title: name,
        description: ownerName(ctx.site, lang) || name,
        filter: {},
        pagePath: '/',
        selfPath: PUBLIC[kind][lang],
      });
    });

    routes.get(`${PUBLIC.category[lang]}/:slug${PUBLIC[kind][lang]}`, ofCategory, async (request, reply) => {
      const ctx = requireSite(request);
      const all = await deps.categories.list(ctx.site.id, lang);
      const cat = all.find((c) => c.slug === request.params.slug);
      if (!cat) throw notFound();
      const path = categoryPath(lang, cat.slug);
      return sendFeed(request, reply, ctx, kind, {
        title: `${cat.name} | ${siteName(ctx.site, lang)}`,
        description: cat.description || cat.name,
        filter: { categoryIds: descendantIds(all, cat.id) },
        pagePath: path,
        selfPath: `${path}${PUBLIC[kind][lang]}`,
      });
    });
  }

  // One sitemap per site, covering both languages; robots.txt only means something at the root of a host.
  if (lang !== 'vi') return;

  routes.get('/sitemap.xml', document, async (request, reply) => {
    const ctx = requireSite(request);
    const { site } = ctx;
    const at = (l: Lang, path: string) => present.abs(request, ctx, path, l);
    const newest = await deps.live.lastPublished(site.id);
    const latest = (pred: (r: (typeof newest)[number]) => boolean) =>
      newest.filter(pred).reduce<Date | null>((max, r) => (r.at && (!max || r.at > max) ? r.at : max), null);
    const entries: SitemapEntry[] = [];
    for (const l of ['vi', 'en'] as const) {
      const langLatest = latest((r) => r.lang === l);
      const pages = await deps.pages.listPages(site.id, l);
      // A language without any page or item is not a site to index.
      if (l === 'en' && pages.length === 0 && !langLatest) continue;
      entries.push({ loc: at(l, '/'), lastmod: langLatest });
      for (const p of pages) entries.push({ loc: at(l, `${pagesPaths.paths.page[l]}/${p.slug}`), lastmod: p.updated_at });
      if (langLatest) for (const x of LISTINGS) entries.push({ loc: at(l, PUBLIC[x.path][l]) });
      if (await deps.live.latestCalendarWeek(site.id, l)) entries.push({ loc: at(l, PUBLIC.calendar[l]) });
      for (const c of await deps.categories.list(site.id, l))
        entries.push({ loc: at(l, categoryPath(l, c.slug)), lastmod: latest((r) => r.lang === l && r.category_id === c.id) });
    }
    for (const i of await deps.live.sitemapItems(site.id, SITEMAP_MAX_ITEMS)) {
      const l: Lang = i.lang === 'en' ? 'en' : 'vi';
      if (i.lang !== l) continue;
      entries.push({ loc: at(l, i.type === 'leader' ? leaderPath(l, i.slug) : itemPath(l, i.slug)), lastmod: i.published_at });
    }
    return deps.shell.sendCacheable(request, reply, sitemapXml(entries), 'application/xml; charset=utf-8');
  });

  routes.get('/robots.txt', document, async (request, reply) => {
    const ctx = requireSite(request);
    if (ctx.basePath) throw notFound();
    return deps.shell.sendCacheable(
      request,
      reply,
      robotsTxt(`${originOf(request)}${ctx.basePath}/sitemap.xml`, [ADMIN_ROOT.vi, ADMIN_ROOT.en]),
      'text/plain; charset=utf-8',
    );
  });
}
