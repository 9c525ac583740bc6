/**
 * The public side of content, presented: live items become the view models of the public
 * templates (an item page, item links with thumbnails, the agency for JSON-LD), with the URLs
 * the visitor's way of reaching the site gives. The listings of all items (latest, news,
 * announcements, featured) and the category tree helpers live here too.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CategoryRow } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import { renderShell } from '../../platform/views/shell.ts';
import { formatBytes, type MediaModule, type MediaView } from '../media/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { PageSpec, SiteShell } from '../site-shell/index.ts';
import { ownerName, siteHref, siteName, siteOrigin, type PublicContext, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import type { CategoryService } from './categories.service.ts';
import { contentType, optionLabel, typeLabel, type FieldDef } from './content-types.ts';
import type { HomeBlocksService } from './home-blocks.service.ts';
import type { LiveContent, LiveFilter, LiveItem, LiveSummary } from './live.service.ts';
import { t } from './messages.ts';
import { categoryPath, itemPath, otherLang, pdfPath, printPath, PUBLIC, typePath } from './paths.ts';
import { feedLinks, type OrgInfo } from './seo.ts';
import type { Attachment, ItemLink, ItemView } from './views/models.ts';

export interface PublicContentDeps {
  live: LiveContent;
  categories: CategoryService;
  homeBlocks: Pick<HomeBlocksService, 'blocks'>;
  shell: SiteShell;
  sites: SitesModule;
  pages: PagesModule;
  media: Pick<MediaModule, 'getMedia' | 'mediaImage'>;
  baseDomain: string;
}

export type SiteCtx = PublicContext & { site: SiteWithHosts };

/** The listings of all items, per type and featured: their path name, filter and heading. */
export const LISTINGS = [
  { path: 'latestList', filter: {}, title: 'latest' },
  { path: 'newsList', filter: { type: 'news' }, title: 'news' },
  { path: 'announcements', filter: { type: 'announcement' }, title: 'announcements' },
  { path: 'featured', filter: { featured: true }, title: 'featured' },
] as const satisfies readonly { path: keyof typeof PUBLIC; filter: LiveFilter; title: 'latest' | 'news' | 'announcements' | 'featured' }[];

/** The listing of one content type, when it has its own (news, announcements). */
export function typeListing(type: string): (typeof LISTINGS)[number] | undefined {
  return LISTINGS.find((l) => 'type' in l.filter && l.filter.type === type);
}

export function notFound(): NotFound {
  return new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
}

export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function fieldValue(def: FieldDef, value: unknown, lang: Lang): string {
  if (def.kind === 'select') return optionLabel(def, value, lang);
  if (def.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  if (def.kind === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n) : String(value);
  }
  return String(value);
}

/** A category and its ancestors, root first. */
export function ancestry(all: readonly CategoryRow[], cat: CategoryRow): CategoryRow[] {
  const chain: CategoryRow[] = [];
  for (let c: CategoryRow | undefined = cat; c && chain.length < 20; c = c.parent_id === null ? undefined : all.find((x) => x.id === c!.parent_id))
    chain.unshift(c);
  return chain;
}

export function descendantIds(all: readonly CategoryRow[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length && ids.length < 1000; i++) for (const c of all) if (c.parent_id === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  return ids;
}

const RELATED = 5;

/** The request-bound presenter of the public content pages. */
export function createPublicPresenter(deps: PublicContentDeps) {
  const abs = (request: FastifyRequest, ctx: Pick<PublicContext, 'basePath' | 'lang'>, path: string, lang: Lang = ctx.lang) =>
    `${originOf(request)}${siteHref(ctx, path, lang)}`;

  /**
   * A media file of the item's own site (or, for a cross-posted or proposed copy, of the
   * original's site), as the public sees it; never another site's library otherwise.
   */
  async function ownMedia(siteIds: number | readonly number[], id: number | null | undefined): Promise<MediaView | undefined> {
    if (!id) return undefined;
    const allowed = typeof siteIds === 'number' ? [siteIds] : siteIds;
    const m = await deps.media.getMedia(id);
    return m && allowed.includes(m.siteId) ? m : undefined;
  }

  async function thumbOf(siteId: number, mediaId: number | null): Promise<SafeHtml | undefined> {
    const m = await ownMedia(siteId, mediaId);
    // The title next to it says what the item is: the thumbnail is decorative there.
    return m?.kind === 'image' ? deps.media.mediaImage(m, { sizes: '8rem', alt: '' }) : undefined;
  }

  async function links(ctx: SiteCtx, rows: readonly LiveSummary[], thumbs = false): Promise<ItemLink[]> {
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
    return feedLinks(siteName(ctx.site, ctx.lang), siteHref(ctx, PUBLIC.rss[ctx.lang]), siteHref(ctx, PUBLIC.atom[ctx.lang]));
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

  /** A live item as its page, print view and PDF show it; with what the page's head needs. */
  async function itemView(
    request: FastifyRequest,
    ctx: SiteCtx,
    item: LiveItem,
    all: readonly CategoryRow[],
  ): Promise<{ view: ItemView; category: CategoryRow | undefined; topics: string[]; coverMedia: MediaView | undefined }> {
    const { lang, site } = ctx;
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
      const where = await siteBase(request, ctx, original.site_id);
      if (where) {
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
      date: item.first_published_at ?? item.published_at,
      // Only an update of something already published is announced ("Cập nhật lúc …"): the
      // change notes of the review before the first publication stay internal.
      update:
        item.change_note && item.first_published_at && item.published_at && item.published_at.getTime() > item.first_published_at.getTime()
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
    return { view, category, topics, coverMedia };
  }

  /** The same page in the other language, when it exists. */
  const alternateOf = (ctx: SiteCtx, path: (lang: Lang) => string) => ({
    lang: otherLang(ctx.lang),
    href: siteHref(ctx, path(otherLang(ctx.lang)), otherLang(ctx.lang)),
  });

  return { abs, ownMedia, links, orgInfo, siteFeedLinks, siteBase, itemView, alternateOf };
}

export type PublicPresenter = ReturnType<typeof createPublicPresenter>;

/**
 * Sends a content page in the site's shell. The shell's canonical URL is the request's path; a
 * later page of a listing (?trang=2) and a cross-posted item give their own. Caching headers,
 * ETag and the page cache come from the shell (sendCacheable).
 */
export async function sendContentPage(
  shell: SiteShell,
  request: FastifyRequest,
  reply: FastifyReply,
  page: PageSpec,
  canonicalUrl?: string,
): Promise<FastifyReply> {
  if (!canonicalUrl) return shell.sendPage(request, reply, page);
  const frame = await shell.shellFor(request);
  return shell.sendCacheable(request, reply, renderShell({ ...frame, canonicalUrl }, page), 'text/html; charset=utf-8');
}
