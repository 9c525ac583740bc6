/**
 * The public side of content, on every site, in Vietnamese and under /english:
 *
 *   /tin/<slug>, /english/news/<slug>                  an item (live revision only)
 *   /tin/<slug>/in, /english/news/<slug>/print         its print view
 *   /tin/<slug>/pdf, /english/news/<slug>/pdf          its PDF download (public-pdf.ts, views/item.pdf.ts)
 *   /chuyen-muc/<slug>, /english/category/<slug>       a category and its subcategories, 20 a page (?trang=2)
 *   /tin-moi, /tin-tuc, /thong-bao, /noi-bat           latest, news, announcements, featured (en: /latest, /news, /announcements, /featured)
 *   /loai-tin/<code>, /english/type/<code>             the items of one content type
 *   /lich-lam-viec, /english/work-calendar             the leaders' work calendar by week (public-calendar.ts)
 *   /rss.xml, /atom.xml                                the site's newest 30 items (per language)
 *   /chuyen-muc/<slug>/rss.xml, …/atom.xml             a category's
 *   /sitemap.xml (host and /s/<code>), /robots.txt (host)  (public-feeds.ts)
 *
 * The home page's content blocks are built here too (public-home.ts) for the home module.
 *
 * Drafts, withdrawn and archived items are simply not found. Routes gather, present, render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CategoryRow } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { t } from './messages.ts';
import { html } from '../../platform/views/html.ts';
import { ADMIN_ROOT } from '../accounts/index.ts';
import type { MediaView } from '../media/index.ts';
import { publicRoutes, type Crumb, type PageSpec } from '../site-shell/index.ts';
import { PUBLIC } from './paths.ts';
import { ownerName, requireSite, siteHref, siteName } from '../sites/index.ts';
import { contentType } from './content-types.ts';
import type { LiveItem } from './live.service.ts';
import { createCalendar } from './public-calendar.ts';
import { createFeeds } from './public-feeds.ts';
import { createHomeBlocks } from './public-home.ts';
import { formatBytes } from '../media/index.ts';
import {
  ancestry,
  categoryPath,
  createKit,
  descendantIds,
  fieldValue,
  itemPath,
  LISTINGS,
  notFound,
  originOf,
  other,
  pageParam,
  pdfPath,
  printPath,
  typeLabel,
  typeListing,
  typePath,
  type PublicContentDeps,
  type SiteCtx,
} from './public-kit.ts';
import { sendItemPdf } from './pdf-download.ts';
import type { LiveFilter } from './live.service.ts';
import { articleLd, feedLinks, jsonLd, openGraph, organizationLd, robotsTxt } from './seo.ts';
import { itemMain, printDocument } from './views/item.view.ts';

import { listingMain } from './views/listing.view.ts';
import type { Attachment, ItemView } from './views/models.ts';
import { contentStyle } from './views/style.ts';

export type { PublicContentDeps } from './public-kit.ts';

export const PAGE_SIZE = 20;
const RELATED = 5;

export function createPublicContent(deps: PublicContentDeps) {
  const kit = createKit(deps);
  const { abs, ownMedia, links, orgInfo, siteFeedLinks, siteBase, send } = kit;
  const feeds = createFeeds(deps, kit);
  const homeBlocks = createHomeBlocks(deps, kit);
  const calendarWeek = createCalendar(deps, kit);

  // ── Item ──────────────────────────────────────────────────────────────────────────

  async function itemView(
    request: FastifyRequest,
    ctx: SiteCtx,
    item: LiveItem,
    all: readonly CategoryRow[],
  ): Promise<{
    view: ItemView;
    facts: { first_published_at: Date | null; translation_group: number | null };
    category: CategoryRow | undefined;
    topics: string[];
    coverMedia: MediaView | undefined;
  }> {
    const { lang, site } = ctx;
    // Read with the item itself: one query fewer on the busiest page.
    const facts: { first_published_at: Date | null; translation_group: number | null } = {
      first_published_at: item.first_published_at,
      translation_group: item.translation_group,
    };
    const type = contentType(item.type);
    const category = item.category_id === null ? undefined : all.find((c) => c.id === item.category_id);
    const topicRows = item.topic_ids.length ? (await deps.categories.topics(site.id)).filter((tp) => item.topic_ids.includes(tp.id)) : [];
    const topics = topicRows.map((tp) => (lang === 'en' ? tp.name_en || tp.name_vi : tp.name_vi));
    const fields = (type?.fields ?? [])
      .filter((f) => item.fields[f.name] !== undefined && item.fields[f.name] !== null && item.fields[f.name] !== '')
      .map((f) => ({ label: t(lang, f.label), value: fieldValue(f, item.fields[f.name], lang) }));

    // A copy of another site's item (cross-post, proposal) shows the original's media.
    const original = item.origin_item_id !== null ? await deps.live.original(item.origin_item_id) : undefined;
    const mediaSites = original ? [site.id, original.site_id] : [site.id];
    const coverMedia = await ownMedia(mediaSites, item.cover_media_id);
    const cover =
      coverMedia?.kind === 'image'
        ? {
            image: deps.media.mediaImage(coverMedia, { sizes: '(min-width: 56rem) 48rem, 100vw', loading: 'eager' }),
            caption: item.cover_caption || coverMedia.caption,
          }
        : undefined;
    const attachments: Attachment[] = [];
    for (const id of item.attachments) {
      const m = await ownMedia(mediaSites, id);
      if (!m) continue;
      const ext = /\.([A-Za-z0-9]{1,10})$/.exec(m.downloadName)?.[1]?.toUpperCase();
      attachments.push({ name: m.caption || m.originalName, href: m.url, meta: [ext, formatBytes(m.bytes, lang)].filter(Boolean).join(', ') });
    }

    const relatedFilter: LiveFilter = category ? { categoryIds: [category.id], excludeId: item.id } : { type: item.type, excludeId: item.id };
    const related = await links(ctx, await deps.live.summaries(site.id, lang, relatedFilter, RELATED));
    const listing = typeListing(item.type);
    const relatedMoreHref = siteHref(ctx, category ? categoryPath(lang, category.slug) : listing ? PUBLIC[listing.path][lang] : typePath(lang, item.type));

    let crossPost: ItemView['crossPost'];
    let canonicalUrl = abs(request, ctx, itemPath(lang, item.slug));
    if (original) {
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
      // Only an update of something already published is announced ("Cập nhật lúc …"): the
      // change notes of the review before the first publication stay internal.
      update:
        item.change_note && facts?.first_published_at && item.published_at && item.published_at.getTime() > facts.first_published_at.getTime()
          ? { at: item.published_at, note: item.change_note }
          : undefined,
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
      pdfHref: siteHref(ctx, pdfPath(lang, item.slug)),
      itemHref: siteHref(ctx, itemPath(lang, item.slug)),
      crossPost,
    };
    return { view, facts, category, topics, coverMedia };
  }

  async function itemPage(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply, as: 'page' | 'print' | 'pdf'): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const { lang, site } = ctx;
    const item = await deps.live.item(site.id, lang, request.params.slug);
    if (!item) throw notFound();
    const all = await deps.categories.list(site.id, lang);
    const { view, facts, category, topics, coverMedia } = await itemView(request, ctx, item, all);

    const names = { name: siteName(site, lang), ownerName: ownerName(site, lang) };
    if (as === 'print') return deps.shell.sendCacheable(request, reply, printDocument(lang, view, names), 'text/html; charset=utf-8');
    if (as === 'pdf') return sendItemPdf(request, reply, lang, item.slug, view, names);

    const translation = facts?.translation_group ? await deps.live.translation(site.id, facts.translation_group, other(lang)) : undefined;
    const org = orgInfo(request, ctx);
    const description = item.summary || item.title;
    const section = category?.name ?? view.typeLabel;
    const image =
      coverMedia?.kind === 'image'
        ? { url: `${originOf(request)}${coverMedia.url}`, alt: coverMedia.alt, width: coverMedia.width, height: coverMedia.height }
        : undefined;
    const head = html`${contentStyle()}
${openGraph({ type: 'article', title: item.title, description, url: view.canonicalUrl, siteName: siteName(site, lang), lang, image, published: view.date, modified: item.published_at, section })}
${jsonLd([
  organizationLd(org),
  articleLd(
    {
      title: item.title,
      description,
      url: view.canonicalUrl,
      published: view.date,
      modified: item.published_at,
      author: item.author_name,
      section,
      keywords: topics,
      image: image?.url,
      lang,
      source: item.source,
    },
    org,
  ),
])}
${siteFeedLinks(ctx)}`;

    const crumbs: Crumb[] = [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }];
    if (category) for (const c of ancestry(all, category)) crumbs.push({ label: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) });
    else {
      const listing = typeListing(item.type);
      crumbs.push(
        listing
          ? { label: t(lang, `public.${listing.title}`), href: siteHref(ctx, PUBLIC[listing.path][lang]) }
          : { label: view.typeLabel, href: siteHref(ctx, typePath(lang, item.type)) },
      );
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
    o: {
      title: string;
      description?: string;
      filter: LiveFilter;
      path: string;
      crumbs: Crumb[];
      subcategories?: { name: string; href: string }[];
      feeds?: { rss: string; atom: string };
      alternate?: PageSpec['alternate'];
    },
  ): Promise<FastifyReply> {
    const { lang, site } = ctx;
    const page = pageParam(request);
    const total = await deps.live.count(site.id, lang, o.filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw notFound();
    const rows = await deps.live.summaries(site.id, lang, o.filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const base = siteHref(ctx, o.path);
    const pageHref = (n: number) => (n === 1 ? base : `${base}?trang=${n}`);
    const canonical = `${originOf(request)}${pageHref(page)}`;
    const head = html`${contentStyle()}
${page > 1 ? html`<link rel="prev" href="${pageHref(page - 1)}">\n` : ''}${page < pages ? html`<link rel="next" href="${pageHref(page + 1)}">\n` : ''}${o.feeds ? feedLinks(o.title, o.feeds.rss, o.feeds.atom) : siteFeedLinks(ctx)}
${openGraph({ type: 'website', title: o.title, description: o.description || o.title, url: canonical, siteName: siteName(site, lang), lang })}`;
    const title = page > 1 ? `${o.title} – ${t(lang, 'public.page', { n: page })}` : o.title;
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
      crumbs: [
        { label: t(lang, 'shell.home'), href: siteHref(ctx, '/') },
        ...ancestry(all, cat)
          .slice(0, -1)
          .map((c) => ({ label: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) })),
      ],
      subcategories: all.filter((c) => c.parent_id === cat.id).map((c) => ({ name: c.name, href: siteHref(ctx, categoryPath(lang, c.slug)) })),
      feeds: { rss: siteHref(ctx, `${path}${PUBLIC.rss[lang]}`), atom: siteHref(ctx, `${path}${PUBLIC.atom[lang]}`) },
    });
  }

  /** /loai-tin/<code>: the items of one type; news and announcements have their own listing. */
  async function typePage(request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply): Promise<FastifyReply> {
    const ctx = requireSite(request);
    const { lang } = ctx;
    const type = contentType(request.params.code);
    if (!type) throw notFound();
    const own = typeListing(type.code);
    if (own) return reply.redirect(siteHref(ctx, PUBLIC[own.path][lang]), 301);
    return listing(request, reply, ctx, {
      title: t(lang, `type.${type.code}`),
      filter: { type: type.code },
      path: typePath(lang, type.code),
      crumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }],
      alternate: { lang: other(lang), href: siteHref(ctx, typePath(other(lang), type.code), other(lang)) },
    });
  }

  function register(app: FastifyInstance): void {
    publicRoutes(app, (scope, lang) => {
      scope.get<{ Params: { slug: string } }>(`${PUBLIC.item[lang]}/:slug`, (request, reply) => itemPage(request, reply, 'page'));
      scope.get<{ Params: { slug: string } }>(`${PUBLIC.item[lang]}/:slug${PUBLIC.print[lang]}`, (request, reply) => itemPage(request, reply, 'print'));
      scope.get<{ Params: { slug: string } }>(`${PUBLIC.item[lang]}/:slug${PUBLIC.pdf[lang]}`, (request, reply) => itemPage(request, reply, 'pdf'));
      scope.get<{ Params: { slug: string } }>(`${PUBLIC.category[lang]}/:slug`, (request, reply) => categoryPage(request, reply));
      scope.get<{ Params: { slug: string } }>(`${PUBLIC.category[lang]}/:slug${PUBLIC.rss[lang]}`, (request, reply) =>
        feeds.categoryFeed(request, reply, 'rss'),
      );
      scope.get<{ Params: { slug: string } }>(`${PUBLIC.category[lang]}/:slug${PUBLIC.atom[lang]}`, (request, reply) =>
        feeds.categoryFeed(request, reply, 'atom'),
      );
      scope.get<{ Params: { code: string } }>(`${PUBLIC.typeList[lang]}/:code`, (request, reply) => typePage(request, reply));
      scope.get(PUBLIC.calendar[lang], (request, reply) => calendarWeek(request, reply));
      for (const l of LISTINGS) {
        scope.get(PUBLIC[l.path][lang], (request, reply) => {
          const ctx = requireSite(request);
          const title = t(lang, `public.${l.title}`);
          return listing(request, reply, ctx, {
            title,
            filter: l.filter,
            path: PUBLIC[l.path][lang],
            crumbs: [{ label: t(lang, 'shell.home'), href: siteHref(ctx, '/') }],
            alternate: { lang: other(lang), href: siteHref(ctx, PUBLIC[l.path][other(lang)], other(lang)) },
          });
        });
      }
      scope.get(PUBLIC.rss[lang], (request, reply) => feeds.siteFeed(request, reply, 'rss'));
      scope.get(PUBLIC.atom[lang], (request, reply) => feeds.siteFeed(request, reply, 'atom'));
      // One sitemap per site, covering both languages: at the host root and under /s/<code>/.
      if (lang === 'vi') scope.get('/sitemap.xml', (request, reply) => feeds.sitemap(request, reply));
    });
    // robots.txt only means something at the root of a host.
    app.get('/robots.txt', async (request, reply) => {
      const ctx = requireSite(request);
      return deps.shell.sendCacheable(
        request,
        reply,
        robotsTxt(`${originOf(request)}${ctx.basePath}/sitemap.xml`, [ADMIN_ROOT.vi, ADMIN_ROOT.en]),
        'text/plain; charset=utf-8',
      );
    });
  }

  return { register, homeBlocks };
}

export type PublicContent = ReturnType<typeof createPublicContent>;
