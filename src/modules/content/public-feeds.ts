/**
 * Feeds and the sitemap of a site: /rss.xml, /atom.xml (per language), a category's
 * …/rss.xml and …/atom.xml, and one /sitemap.xml covering both languages.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import { PATHS } from '../site-shell/index.ts';
import { PUBLIC } from './paths.ts';
import { ownerName, requireSite, siteName } from '../sites/index.ts';
import { atomFeed, FEED_SIZE, rssFeed, type FeedEntry, type FeedMeta } from './feeds.ts';
import { categoryPath, descendantIds, itemPath, LISTINGS, notFound, typeLabel, type Kit, type PublicContentDeps, type SiteCtx } from './public-kit.ts';
import type { LiveFilter } from './live.service.ts';
import { sitemapXml, type SitemapEntry } from './seo.ts';

const SITEMAP_MAX_ITEMS = 45_000;

export function createFeeds(deps: PublicContentDeps, kit: Kit) {
  async function sendFeed(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SiteCtx,
    kind: 'rss' | 'atom',
    o: { title: string; description: string; filter: LiveFilter; pagePath: string; selfPath: string },
  ): Promise<FastifyReply> {
    const { lang, site } = ctx;
    const rows = await deps.live.summaries(site.id, lang, o.filter, FEED_SIZE);
    const names = new Map((await deps.categories.list(site.id, lang)).map((c) => [c.id, c.name]));
    const agency = ownerName(site, lang) || siteName(site, lang);
    const entries: FeedEntry[] = rows.map((r) => {
      const published = r.first_published_at ?? r.published_at ?? new Date(0);
      return {
        title: r.title,
        url: kit.abs(request, ctx, itemPath(lang, r.slug)),
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
      pageUrl: kit.abs(request, ctx, o.pagePath),
      selfUrl: kit.abs(request, ctx, o.selfPath),
      author: agency,
      updated: entries.reduce<Date | undefined>((max, x) => (!max || x.updated > max ? x.updated : max), undefined) ?? new Date(),
    };
    return kind === 'rss'
      ? deps.shell.sendCacheable(request, reply, rssFeed(meta, entries), 'application/rss+xml; charset=utf-8')
      : deps.shell.sendCacheable(request, reply, atomFeed(meta, entries), 'application/atom+xml; charset=utf-8');
  }

  async function siteFeed(request: FastifyRequest, reply: FastifyReply, kind: 'rss' | 'atom'): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const name = siteName(ctx.site, ctx.lang);
    return sendFeed(request, reply, ctx, kind, {
      title: name,
      description: ownerName(ctx.site, ctx.lang) || name,
      filter: {},
      pagePath: '/',
      selfPath: PUBLIC[kind][ctx.lang],
    });
  }

  async function categoryFeed(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply, kind: 'rss' | 'atom'): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const all = await deps.categories.list(ctx.site.id, ctx.lang);
    const cat = all.find((c) => c.slug === request.params.slug);
    if (!cat) throw notFound();
    const path = categoryPath(ctx.lang, cat.slug);
    return sendFeed(request, reply, ctx, kind, {
      title: `${cat.name} | ${siteName(ctx.site, ctx.lang)}`,
      description: cat.description || cat.name,
      filter: { categoryIds: descendantIds(all, cat.id) },
      pagePath: path,
      selfPath: `${path}${PUBLIC[kind][ctx.lang]}`,
    });
  }

  async function sitemap(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const { site } = ctx;
    const at = (lang: Lang, path: string) => kit.abs(request, ctx, path, lang);
    const newest = await deps.live.lastPublished(site.id);
    const latest = (pred: (r: (typeof newest)[number]) => boolean) =>
      newest.filter(pred).reduce<Date | null>((max, r) => (r.at && (!max || r.at > max) ? r.at : max), null);
    const entries: SitemapEntry[] = [];
    for (const lang of ['vi', 'en'] as const) {
      const langLatest = latest((r) => r.lang === lang);
      const pages = await deps.pages.listPages(site.id, lang);
      // A language without any page or item is not a site to index.
      if (lang === 'en' && pages.length === 0 && !langLatest) continue;
      entries.push({ loc: at(lang, '/'), lastmod: langLatest });
      for (const p of pages) entries.push({ loc: at(lang, `${PATHS.page[lang]}/${p.slug}`), lastmod: p.updated_at });
      if (langLatest) for (const l of LISTINGS) entries.push({ loc: at(lang, PUBLIC[l.path][lang]) });
      if (await deps.live.latestCalendarWeek(site.id, lang)) entries.push({ loc: at(lang, PUBLIC.calendar[lang]) });
      for (const c of await deps.categories.list(site.id, lang))
        entries.push({ loc: at(lang, categoryPath(lang, c.slug)), lastmod: latest((r) => r.lang === lang && r.category_id === c.id) });
    }
    for (const i of await deps.live.sitemapItems(site.id, SITEMAP_MAX_ITEMS)) {
      const lang: Lang = i.lang === 'en' ? 'en' : 'vi';
      if (i.lang !== lang) continue;
      entries.push({ loc: at(lang, itemPath(lang, i.slug)), lastmod: i.published_at });
    }
    return deps.shell.sendCacheable(request, reply, sitemapXml(entries), 'application/xml; charset=utf-8');
  }

  return { siteFeed, categoryFeed, sitemap };
}
