/**
 * What every public content route shares: the dependencies, paths, small helpers, and the
 * request-bound toolkit (absolute URLs, item links with thumbnails, the agency for JSON-LD,
 * sending a page with its own canonical URL). content.pages.ts and the public-*.ts files
 * build on it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import type { CategoryRow } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import { renderShell } from '../../platform/views/shell.ts';
import type { MediaModule, MediaView } from '../media/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { PageSpec, SiteShell } from '../site-shell/index.ts';
import { PUBLIC } from './paths.ts';
import { ownerName, siteHref, siteName, siteOrigin, type PublicContext, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import type { CategoryService } from './categories.service.ts';
import { optionLabel, typeLabel, type FieldDef } from './content-types.ts';
import type { ContentService } from './content.service.ts';
import type { HomeBlocksService } from './home-blocks.service.ts';
import type { LiveContent, LiveFilter, LiveSummary } from './live.service.ts';
import { feedLinks, type OrgInfo } from './seo.ts';

import type { ItemLink } from './views/models.ts';

export interface PublicContentDeps {
  db: Db;
  content: ContentService;
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

/** The listings of all items, per type and featured: path name in PATHS, the filter, the heading. */
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

export const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
export const itemPath = (lang: Lang, slug: string) => `${PUBLIC.item[lang]}/${slug}`;
export const printPath = (lang: Lang, slug: string) => `${PUBLIC.item[lang]}/${slug}${PUBLIC.print[lang]}`;
export const pdfPath = (lang: Lang, slug: string) => `${PUBLIC.item[lang]}/${slug}${PUBLIC.pdf[lang]}`;
export const categoryPath = (lang: Lang, slug: string) => `${PUBLIC.category[lang]}/${slug}`;
export const typePath = (lang: Lang, code: string) => `${PUBLIC.typeList[lang]}/${code}`;

export function notFound(): NotFound {
  return new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
}

export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** `?trang=N` → N (1 when absent); anything else is not a page of the listing. */
export function pageParam(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown> | undefined)?.trang;
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) throw notFound();
  return Number(raw);
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

export { typeLabel };

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

/** The request-bound helpers of the public content routes. */
export function createKit(deps: PublicContentDeps) {
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

  return { abs, ownMedia, thumbOf, links, orgInfo, siteFeedLinks, siteBase, send };
}

export type Kit = ReturnType<typeof createKit>;
