/**
 * The public side of content, on every site, in Vietnamese and under /english:
 *
 *   /tin/<slug>, /english/news/<slug>                  an item (live revision only)
 *   /tin/<slug>/in, /english/news/<slug>/print         its print view
 *   /chuyen-muc/<slug>, /english/category/<slug>       a category and its subcategories, 20 a page (?trang=2)
 *   /tin-tuc, /thong-bao, /noi-bat                     news, announcements, featured (en: /news, /announcements, /featured)
 *   /rss.xml, /atom.xml                                the site's newest 30 items (per language)
 *   /chuyen-muc/<slug>/rss.xml, …/atom.xml             a category's
 *   /sitemap.xml (host and /s/<code>), /robots.txt (host)
 *
 * Drafts, withdrawn and archived items are simply not found. Routes gather, present, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import type { CategoryRow } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { t, type Lang } from '../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import { renderShell } from '../../platform/views/shell.ts';
import { ADMIN_ROOT } from '../accounts/index.ts';
import type { MediaModule, MediaView } from '../media/index.ts';
import type { PagesModule } from '../pages/index.ts';
import { PATHS, publicRoutes, type Crumb, type PageSpec, type SiteShell } from '../site-shell/index.ts';
import { ownerName, requireSite, siteHref, siteName, siteOrigin, type PublicContext, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import type { CategoryService } from './categories.service.ts';
import { contentType, type FieldDef } from './content-types.ts';
import type { ContentService } from './content.service.ts';
import type { LiveItem } from './content.repo.ts';
import { atomFeed, FEED_SIZE, rssFeed, type FeedEntry, type FeedMeta } from './feeds.ts';
import * as pub from './public.repo.ts';
import { articleLd, feedLinks, jsonLd, openGraph, organizationLd, robotsTxt, sitemapXml, type OrgInfo, type SitemapEntry } from './seo.ts';
import { homeBlocksMain } from './views/home.view.ts';
import { itemMain, printDocument } from './views/item.view.ts';
import { L, type LabelKey } from './views/labels.ts';
import { listingMain } from './views/listing.view.ts';
import type { Attachment, ItemLink, ItemView } from './views/models.ts';
import { contentStyle } from './views/style.ts';

export const PAGE_SIZE = 20;
const RELATED = 5;
const SITEMAP_MAX_ITEMS = 45_000;

export interface PublicContentDeps {
  db: Db;
  content: ContentService;
  categories: CategoryService;
  shell: SiteShell;
  sites: SitesModule;
  pages: PagesModule;
  media: Pick<MediaModule, 'getMedia' | 'mediaImage'>;
  baseDomain: string;
}

type SiteCtx = PublicContext & { site: SiteWithHosts };

/** The per-type listings: path name in PATHS, the filter, the heading. */
const LISTINGS = [
  { path: 'newsList', filter: { type: 'news' }, title: 'news' },
  { path: 'announcements', filter: { type: 'announcement' }, title: 'announcements' },
  { path: 'featured', filter: { featured: true }, title: 'featured' },
] as const satisfies readonly { path: keyof typeof PATHS; filter: pub.LiveFilter; title: LabelKey }[];

const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
const itemPath = (lang: Lang, slug: string) => `${PATHS.item[lang]}/${slug}`;
const printPath = (lang: Lang, slug: string) => `${PATHS.item[lang]}/${slug}${PATHS.print[lang]}`;
const categoryPath = (lang: Lang, slug: string) => `${PATHS.category[lang]}/${slug}`;

function notFound(): NotFound {
  return new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
}

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** `?trang=N` → N (1 when absent); anything else is not a page of the listing. */
function pageParam(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown> | undefined)?.trang;
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) throw notFound();
  return Number(raw);
}

function formatSize(bytes: number, lang: Lang): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace(/\.0$/, '');
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${units[unit]}`;
}

function fieldValue(def: FieldDef, value: unknown, lang: Lang): string {
  if (def.kind === 'select') return def.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
  if (def.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  if (def.kind === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n) : String(value);
  }
  return String(value);
}

function typeLabel(type: string, lang: Lang): string {
  return contentType(type)?.label[lang] ?? type;
}

/** A category and its ancestors, root first. */
function ancestry(all: readonly CategoryRow[], cat: CategoryRow): CategoryRow[] {
  const chain: CategoryRow[] = [];
  for (let c: CategoryRow | undefined = cat; c && chain.length < 20; c = c.parent_id === null ? undefined : all.find((x) => x.id === c!.parent_id)) chain.unshift(c);
  return chain;
}

function descendantIds(all: readonly CategoryRow[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length && ids.length < 1000; i++) for (const c of all) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  return ids;
}

export function createPublicContent(deps: PublicContentDeps) {
  const abs = (request: FastifyRequest, ctx: Pick<PublicContext, 'basePath' | 'lang'>, path: string, lang: Lang = ctx.lang) => `${originOf(request)}${siteHref(ctx, path, lang)}`;

  /** A media file of the item's own site, as the public sees it. */
  async function ownMedia(siteId: number, id: number | null | undefined): Promise<MediaView | undefined> {
    if (!id) return undefined;
    const m = await deps.media.getMedia(id);
    return m && m.siteId === siteId ? m : undefined;
  }

  async function thumbOf(siteId: number, mediaId: number | null): Promise<SafeHtml | undefined> {
    const m = await ownMedia(siteId, mediaId);
    // The title next to it says what the item is: the thumbnail is decorative there.
    return m?.kind === 'image' ? deps.media.mediaImage(m, { sizes: '8rem', alt: '' }) : undefined;
  }

  async function links(ctx: SiteCtx, rows: readonly pub.LiveSummary[], thumbs = false): Promise<ItemLink[]> {
    return Promise.all(
      rows.map(async (r) => ({
        title: r.title,
        href: siteHref(ctx, itemPath(ctx.lang, r.slug)),
        date: r.first_published_at ?? r.published_at,
        summary: r.summary,
        typeLabel: typeLabel(r.type, ctx.lang),
        isReference: r.is_reference,
        thumb: thumbs ? await thumbOf(ctx.site.id, r.cover_media_id) : undefined,
      })),
    );
  }

  function orgInfo(request: FastifyRequest, ctx: SiteCtx): OrgInfo {
    const { site, lang } = ctx;
    const logo = site.logo_url ?? assetUrl('emblem.svg');
    return {
      name: ownerName(site, lang) || siteName(site, lang),
      siteName: siteName(site, lang),
      url: abs(request, ctx, '/'),
      logo: /^https?:\/\//.test(logo) ? logo : `${originOf(request)}${logo}`,
      email: site.email,
      telephone: site.phone,
      fax: site.fax,
      address: site.address,
      lang,
    };
  }

  function siteFeedLinks(ctx: SiteCtx): SafeHtml {
    return feedLinks(siteName(ctx.site, ctx.lang), siteHref(ctx, PATHS.rss[ctx.lang]), siteHref(ctx, PATHS.atom[ctx.lang]));
  }

  /** Where another site's pages are, the way this visitor reaches sites (by path or by host). */
  async function siteBase(request: FastifyRequest, ctx: SiteCtx, siteId: number): Promise<{ base: string; site: SiteWithHosts } | undefined> {
    if (siteId === ctx.site.id) return { base: `${originOf(request)}${ctx.basePath}`, site: ctx.site };
    const site = await deps.sites.directory.byId(siteId);
    if (!site) return undefined;
    if (ctx.basePath) return { base: `${originOf(request)}/s/${site.code}`, site };
    const main = (await deps.sites.directory.liveSites()).find((s) => s.kind === 'portal' && s.parent_id === null);
    return { base: siteOrigin(site, { protocol: request.protocol, port: request.port ?? undefined, baseDomain: deps.baseDomain }, site.id === main?.id), site };
  }

  /**
   * Sends a page in the site's shell. The shell's canonical URL is the request's path; a
   * later page of a listing (?trang=2) and a cross-posted item give their own. Caching
   * headers, ETag and the page cache come from the shell (sendCacheable).
   */
  async function send(request: FastifyRequest, reply: FastifyReply, page: PageSpec, canonicalUrl?: string): Promise<FastifyReply> {
    if (!canonicalUrl) return deps.shell.sendPage(request, reply, page);
    const shell = await deps.shell.shellFor(request);
    return deps.shell.sendCacheable(request, reply, renderShell({ ...shell, canonicalUrl }, page), 'text/html; charset=utf-8');
  }

  // ── Item ──────────────────────────────────────────────────────────────────────────

  async function itemView(request: FastifyRequest, ctx: SiteCtx, item: LiveItem, all: readonly CategoryRow[]): Promise<{ view: ItemView; facts: Awaited<ReturnType<typeof pub.itemFacts>>; category: CategoryRow | undefined; topics: string[]; coverMedia: MediaView | undefined }> {
    const { lang, site } = ctx;
    const facts = await pub.itemFacts(deps.db, item.id);
    const type = contentType(item.type);
    const category = item.category_id === null ? undefined : all.find((c) => c.id === item.category_id);
    const topicRows = item.topic_ids.length ? (await deps.categories.topics(site.id)).filter((tp) => item.topic_ids.includes(tp.id)) : [];
    const topics = topicRows.map((tp) => (lang === 'en' ? tp.name_en || tp.name_vi : tp.name_vi));
    const fields = (type?.fields ?? [])
      .filter((f) => item.fields[f.name] !== undefined && item.fields[f.name] !== null && item.fields[f.name] !== '')
      .map((f) => ({ label: f.label[lang], value: fieldValue(f, item.fields[f.name], lang) }));

    const coverMedia = await ownMedia(site.id, item.cover_media_id);
    const cover = coverMedia?.kind === 'image' ? { image: deps.media.mediaImage(coverMedia, { sizes: '(min-width: 56rem) 48rem, 100vw', loading: 'eager' }), caption: item.cover_caption || coverMedia.caption } : undefined;
    const attachments: Attachment[] = [];
    for (const id of item.attachments) {
      const m = await ownMedia(site.id, id);
      if (!m) continue;
      const ext = /\.([A-Za-z0-9]{1,10})$/.exec(m.downloadName)?.[1]?.toUpperCase();
      attachments.push({ name: m.caption || m.originalName, href: m.url, meta: [ext, formatSize(m.bytes, lang)].filter(Boolean).join(', ') });
    }

    const relatedFilter: pub.LiveFilter = category ? { categoryIds: [category.id], excludeId: item.id } : { type: item.type, excludeId: item.id };
    const related = await links(ctx, await pub.listLiveSummaries(deps.db, site.id, lang, relatedFilter, RELATED));
    const listing = LISTINGS.find((l) => 'type' in l.filter && l.filter.type === item.type);
    const relatedMoreHref = category ? siteHref(ctx, categoryPath(lang, category.slug)) : listing ? siteHref(ctx, PATHS[listing.path][lang]) : undefined;

    let crossPost: ItemView['crossPost'];
    let canonicalUrl = abs(request, ctx, itemPath(lang, item.slug));
    if (item.origin_item_id !== null) {
      const original = await pub.findLiveRef(deps.db, item.origin_item_id);
      const where = original ? await siteBase(request, ctx, original.site_id) : undefined;
      if (original && where) {
        const olang: Lang = original.lang === 'en' ? 'en' : 'vi';
        canonicalUrl = `${where.base}${olang === 'en' ? '/english' : ''}${itemPath(olang, original.slug)}`;
        crossPost = { siteName: siteName(where.site, lang), href: canonicalUrl };
      }
    }

    const view: ItemView = {
      title: item.title,
      summary: item.summary,
      bodyHtml: item.body_html,
      typeLabel: typeLabel(item.type, lang),
      date: facts?.first_published_at ?? item.published_at,
      update: item.change_note ? { at: item.published_at ?? item.updated_at, note: item.change_note } : undefined,
      author: item.author_name,
      source: item.source,
      isReference: item.is_reference,
      category: category ? { name: category.name, href: siteHref(ctx, categoryPath(lang, category.slug)) } : undefined,
      fields,
      cover,
      attachments,
      related,
      relatedMoreHref,
      canonicalUrl,
      printHref: siteHref(ctx, printPath(lang, item.slug)),
      itemHref: siteHref(ctx, itemPath(lang, item.slug)),
      crossPost,
    };
    return { view, facts, category, topics, coverMedia };
  }

  async function itemPage(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply, print: boolean): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const { lang, site } = ctx;
    const item = await deps.content.liveBySlug(site.id, lang, request.params.slug);
    if (!item) throw notFound();
    const all = await deps.categories.list(site.id, lang);
    const { view, facts, category, topics, coverMedia } = await itemView(request, ctx, item, all);

    if (print) return deps.shell.sendCacheable(request, reply, printDocument(lang, view, { name: siteName(site, lang), ownerName: ownerName(site, lang) }), 'text/html; charset=utf-8');

    const translation = facts?.translation_group ? await pub.liveTranslation(deps.db, site.id, facts.translation_group, other(lang)) : undefined;
    const org = orgInfo(request, ctx);
    const description = item.summary || item.title;
    const section = category?.name ?? view.typeLabel;
    const image = coverMedia?.kind === 'image' ? { url: `${originOf(request)}${coverMedia.url}`, alt: coverMedia.alt, width: coverMedia.width, height: coverMedia.height } : undefined;
    const head = html`${contentStyle()}
${openGraph({ type: 'article', title: item.title, description, url: view.canonicalUrl, siteName: siteName(site, lang), lang, image, published: view.date, modified: item.published_at, section })}
${jsonLd([
  organizationLd(org),
  articleLd(
    { title: item.title, description, url: view.canonicalUrl, published: view.date, modified: item.published_at, author: item.author_name, section, keywords: topics, image: image?.url, lang, source: item.source },
    org,
  ),
])}
${siteFeedLinks(ctx)}`;

    const crumbs: Crumb[] = [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }];
    if (category) for (const c of ancestry(all, category)) crumbs.push({ label: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) });
    else {
      const listing = LISTINGS.find((l) => 'type' in l.filter && l.filter.type === item.type);
      if (listing) crumbs.push({ label: L(lang, listing.title), href: siteHref(ctx, PATHS[listing.path][lang]) });
    }
    crumbs.push({ label: item.title });

    return send(
      request,
      reply,
      {
        title: item.title,
        description,
        breadcrumbs: crumbs,
        date: view.date ?? undefined,
        subject: [category?.name, ...topics].filter(Boolean).join('; ') || view.typeLabel,
        ...(item.source ? { source: item.source } : {}),
        ...(translation ? { alternate: { lang: other(lang), href: siteHref(ctx, itemPath(other(lang), translation.slug), other(lang)) } } : {}),
        head,
        main: itemMain(lang, view),
      },
      view.canonicalUrl,
    );
  }

  // ── Listings ──────────────────────────────────────────────────────────────────────

  async function listing(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: SiteCtx,
    o: { title: string; description?: string; filter: pub.LiveFilter; path: string; crumbs: Crumb[]; subcategories?: { name: string; href: string }[]; feeds?: { rss: string; atom: string }; alternate?: PageSpec['alternate'] },
  ): Promise<FastifyReply> {
    const { lang, site } = ctx;
    const page = pageParam(request);
    const total = await pub.countLive(deps.db, site.id, lang, o.filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw notFound();
    const rows = await pub.listLiveSummaries(deps.db, site.id, lang, o.filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const base = siteHref(ctx, o.path);
    const pageHref = (n: number) => (n === 1 ? base : `${base}?trang=${n}`);
    const canonical = `${originOf(request)}${pageHref(page)}`;
    const head = html`${contentStyle()}
${page > 1 ? html`<link rel="prev" href="${pageHref(page - 1)}">\n` : ''}${page < pages ? html`<link rel="next" href="${pageHref(page + 1)}">\n` : ''}${o.feeds ? feedLinks(o.title, o.feeds.rss, o.feeds.atom) : siteFeedLinks(ctx)}
${openGraph({ type: 'website', title: o.title, description: o.description || o.title, url: canonical, siteName: siteName(site, lang), lang })}`;
    const title = page > 1 ? `${o.title} – ${L(lang, 'page', { n: page })}` : o.title;
    return send(
      request,
      reply,
      {
        title,
        description: o.description || o.title,
        breadcrumbs: [...o.crumbs, { label: o.title }],
        date: rows[0]?.published_at ?? undefined,
        subject: o.title,
        head,
        ...(o.alternate ? { alternate: o.alternate } : {}),
        main: listingMain(lang, {
          title: o.title,
          description: o.description,
          items: await links(ctx, rows, true),
          page,
          pages,
          total,
          pageHref,
          subcategories: o.subcategories ?? [],
          feeds: o.feeds,
        }),
      },
      canonical,
    );
  }

  async function categoryPage(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const { lang, site } = ctx;
    const all = await deps.categories.list(site.id, lang);
    const cat = all.find((c) => c.slug === request.params.slug);
    if (!cat) throw notFound();
    const path = categoryPath(lang, cat.slug);
    return listing(request, reply, ctx, {
      title: cat.name,
      description: cat.description,
      filter: { categoryIds: descendantIds(all, cat.id) },
      path,
      crumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }, ...ancestry(all, cat).slice(0, -1).map((c) => ({ label: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) }))],
      subcategories: all.filter((c) => c.parent_id === cat.id).map((c) => ({ name: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) })),
      feeds: { rss: siteHref(ctx, `${path}${PATHS.rss[lang]}`), atom: siteHref(ctx, `${path}${PATHS.atom[lang]}`) },
    });
  }

  // ── Feeds, sitemap, robots ────────────────────────────────────────────────────────

  async function sendFeed(request: FastifyRequest, reply: FastifyReply, ctx: SiteCtx, kind: 'rss' | 'atom', o: { title: string; description: string; filter: pub.LiveFilter; pagePath: string; selfPath: string }): Promise<FastifyReply> {
    const { lang, site } = ctx;
    const rows = await pub.listLiveSummaries(deps.db, site.id, lang, o.filter, FEED_SIZE);
    const names = new Map((await deps.categories.list(site.id, lang)).map((c) => [c.id, c.name]));
    const agency = ownerName(site, lang) || siteName(site, lang);
    const entries: FeedEntry[] = rows.map((r) => {
      const published = r.first_published_at ?? r.published_at ?? new Date(0);
      return {
        title: r.title,
        url: abs(request, ctx, itemPath(lang, r.slug)),
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
      pageUrl: abs(request, ctx, o.pagePath),
      selfUrl: abs(request, ctx, o.selfPath),
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
    return sendFeed(request, reply, ctx, kind, { title: name, description: ownerName(ctx.site, ctx.lang) || name, filter: {}, pagePath: '/', selfPath: PATHS[kind][ctx.lang] });
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
      selfPath: `${path}${PATHS[kind][ctx.lang]}`,
    });
  }

  async function sitemap(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const { site } = ctx;
    const at = (lang: Lang, path: string) => abs(request, ctx, path, lang);
    const newest = await pub.lastPublished(deps.db, site.id);
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
      if (langLatest) for (const l of LISTINGS) entries.push({ loc: at(lang, PATHS[l.path][lang]) });
      for (const c of await deps.categories.list(site.id, lang)) entries.push({ loc: at(lang, categoryPath(lang, c.slug)), lastmod: latest((r) => r.lang === lang && r.category_id === c.id) });
    }
    for (const i of await pub.sitemapItems(deps.db, site.id, SITEMAP_MAX_ITEMS)) {
      const lang: Lang = i.lang === 'en' ? 'en' : 'vi';
      if (i.lang !== lang) continue;
      entries.push({ loc: at(lang, itemPath(lang, i.slug)), lastmod: i.published_at });
    }
    return deps.shell.sendCacheable(request, reply, sitemapXml(entries), 'application/xml; charset=utf-8');
  }

  // ── Home page blocks ──────────────────────────────────────────────────────────────

  /** Featured items, latest news and announcements for the home page, and what its head needs. */
  async function homeBlocks(request: FastifyRequest): Promise<{ main: SafeHtml; head: SafeHtml }> {
    const ctx = requireSite(request);
    const { lang, site } = ctx;
    const [featured, news, announcements] = await Promise.all([
      pub.listLiveSummaries(deps.db, site.id, lang, { featured: true }, 4),
      pub.listLiveSummaries(deps.db, site.id, lang, { type: 'news' }, 6),
      pub.listLiveSummaries(deps.db, site.id, lang, { type: 'announcement' }, 6),
    ]);
    const main = homeBlocksMain(lang, [
      { id: 'tin-noi-bat', title: 'featured', items: await links(ctx, featured, true), moreHref: siteHref(ctx, PATHS.featured[lang]) },
      { id: 'tin-moi', title: 'latest', items: await links(ctx, news), moreHref: siteHref(ctx, PATHS.newsList[lang]) },
      { id: 'thong-bao', title: 'announcements', items: await links(ctx, announcements), moreHref: siteHref(ctx, PATHS.announcements[lang]) },
    ]);
    const head = html`${contentStyle()}
${jsonLd([organizationLd(orgInfo(request, ctx))])}
${siteFeedLinks(ctx)}`;
    return { main, head };
  }

  function register(app: FastifyInstance): void {
    publicRoutes(app, (scope, lang) => {
      scope.get<{ Params: { slug: string } }>(`${PATHS.item[lang]}/:slug`, (request, reply) => itemPage(request, reply, false));
      scope.get<{ Params: { slug: string } }>(`${PATHS.item[lang]}/:slug${PATHS.print[lang]}`, (request, reply) => itemPage(request, reply, true));
      scope.get<{ Params: { slug: string } }>(`${PATHS.category[lang]}/:slug`, (request, reply) => categoryPage(request, reply));
      scope.get<{ Params: { slug: string } }>(`${PATHS.category[lang]}/:slug${PATHS.rss[lang]}`, (request, reply) => categoryFeed(request, reply, 'rss'));
      scope.get<{ Params: { slug: string } }>(`${PATHS.category[lang]}/:slug${PATHS.atom[lang]}`, (request, reply) => categoryFeed(request, reply, 'atom'));
      for (const l of LISTINGS) {
        scope.get(PATHS[l.path][lang], (request, reply) => {
          const ctx = requireSite(request);
          const title = L(lang, l.title);
          return listing(request, reply, ctx, {
            title,
            filter: l.filter,
            path: PATHS[l.path][lang],
            crumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }],
            alternate: { lang: other(lang), href: siteHref(ctx, PATHS[l.path][other(lang)], other(lang)) },
          });
        });
      }
      scope.get(PATHS.rss[lang], (request, reply) => siteFeed(request, reply, 'rss'));
      scope.get(PATHS.atom[lang], (request, reply) => siteFeed(request, reply, 'atom'));
      // One sitemap per site, covering both languages: at the host root and under /s/<code>/.
      if (lang === 'vi') scope.get('/sitemap.xml', (request, reply) => sitemap(request, reply));
    });
    // robots.txt only means something at the root of a host.
    app.get('/robots.txt', async (request, reply) => {
      const ctx = requireSite(request);
      return deps.shell.sendCacheable(request, reply, robotsTxt(`${originOf(request)}${ctx.basePath}/sitemap.xml`, [ADMIN_ROOT.vi, ADMIN_ROOT.en]), 'text/plain; charset=utf-8');
    });
  }

  return { register, homeBlocks };
}

export type PublicContent = ReturnType<typeof createPublicContent>;
