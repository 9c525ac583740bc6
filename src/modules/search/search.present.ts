/**
 * How search results leave the module: a hit's address the way the visitor reaches sites (by
 * path or by host), a hit as the page shows it, and a hit as the API gives it.
 */
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Lang } from '../../platform/i18n/index.ts';
import { siteName, siteOrigin, type SiteWithHosts } from '../sites/index.ts';
import { typeLabel } from './search-scope.ts';
import type { SearchableType, SearchHit } from './search.service.ts';
import type { ApiHit } from './search.schema.ts';
import type { HitView } from './views/search.view.ts';

/** Where the search was made: the site, and `/s/<code>` when the visitor reached it by path. */
export interface SearchedFrom {
  site: SiteWithHosts;
  basePath: string;
}

/** Where a hit is, the way this visitor reaches sites (by path or by host). */
export function hitHref(
  request: FastifyRequest,
  here: SearchedFrom,
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

/** A hit on the page; the site is named when several were searched. */
export function presentHitView(
  h: SearchHit,
  ctx: { lang: Lang; href: string; types: readonly SearchableType[]; all: readonly SiteWithHosts[]; multiSite: boolean },
): HitView {
  const s = ctx.all.find((x) => x.id === h.siteId);
  return {
    href: ctx.href,
    title: h.titleParts,
    snippet: h.snippet,
    typeLabel: typeLabel(ctx.types, ctx.lang, h.docType, h.kind),
    ...(ctx.multiSite && s ? { siteLabel: siteName(s, ctx.lang) } : {}),
    date: h.publishedAt,
    lang: h.lang,
  };
}

/** A hit as the API gives it, with its absolute address. */
export function presentApiHit(h: SearchHit, all: readonly SiteWithHosts[], url: string): Static<typeof ApiHit> {
  return {
    type: h.docType,
    kind: h.kind,
    site: all.find((s) => s.id === h.siteId)?.code ?? '',
    lang: h.lang,
    title: h.title,
    url,
    publishedAt: h.publishedAt.toISOString(),
    titleHighlight: h.titleParts,
    snippet: h.snippet,
    exactMatch: h.exact,
  };
}
