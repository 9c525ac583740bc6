/**
 * The public page shell of every site: builds the shell's context (site, menu, language,
 * display preferences) from a request, renders pages and error pages, serves the
 * display-preferences link, and owns the public tree's first hook — the site of the request,
 * then the page cache for the routes that declare `config: { cache: true }`. Modules with
 * public pages use `renderPage` / `sendPage`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineModule } from '../../platform/module.ts';
import type { PublicMount, PublicRequest } from '../../platform/http/route-trees.ts';
import { registeredPublicPath } from '../../platform/http/paths.ts';
import { hostOfHeader } from '../../platform/validation.ts';
import { HSTS, STATIC_HEADERS } from '../../platform/http/security-headers.ts';
import { requestIdFrom } from '../../platform/http/request-id.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ErrorInfo } from '../../platform/http/error-handler.ts';
import { t, type Lang } from '../../platform/i18n/index.ts';
import { renderShell, type PageSpec, type ShellContext, type ShellMenuItem } from '../../platform/views/shell.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { renderPlatformPage } from '../../platform/views/platform-page.ts';
import {
  langFromUrl,
  ownerName,
  requireSite,
  resolvePublicContext,
  SITE_CLOSED,
  siteHref,
  siteName,
  splitPublicPath,
  type SitesModule,
} from '../sites/index.ts';
import type { MenuNode, MenuService } from '../menus/index.ts';
import { DisplayPrefsQuery, handleDisplayPrefs, PREFS_COOKIE, readPrefs } from './display-prefs.ts';
import { ALL_SITES, CACHE_CHANNEL, etagOf, PageCache, type CachedPage } from '../../platform/cache/page-cache.ts';
import { PATHS } from './paths.ts';

export { PATHS } from './paths.ts';

/**
 * What another module adds to every public page of a site (a maintenance notice), through
 * `addExtension`. State that depends on the database and the clock must be fresh when asked:
 * `prepare` (awaited first on every public request) reloads it when it is older than a few
 * seconds; the synchronous parts answer from what was loaded.
 */
export interface ShellExtension {
  /** Loads what the other parts answer from, when it is not fresh. */
  prepare?(): Promise<void>;
  /**
   * Part of the page cache's key: a short text that changes whenever this extension's notices or
   * answer for the site change. Undefined when not known now: the cache is then not used.
   */
  cacheStamp?(siteId: number): string | undefined;
  /** May answer the request itself (say, 503 during maintenance); true when it did. */
  answer?(request: FastifyRequest, reply: FastifyReply): boolean;
  /** Notices shown at the top of every page of the request's site (already escaped). */
  notices?(request: FastifyRequest): readonly SafeHtml[];
}
export type { PageSpec, Crumb } from '../../platform/views/shell.ts';

function isCurrent(href: string, localPath: string): boolean {
  if (/^https?:/.test(href)) return false;
  return href === '/' ? localPath === '/' : localPath === href || localPath.startsWith(`${href}/`);
}

const PREFS_COOKIE_RE = new RegExp(`(?:^|;\\s*)${PREFS_COOKIE}=([^;]*)`);

/** The cache key of a page: the site, how it was reached, the address asked for, the display preferences. */
function cacheKeyOf(siteId: number, basePath: string, url: string, prefs: string): string {
  return `${siteId}|${basePath}|${url}|${prefs}`;
}

export function siteShellModule(platform: Platform, deps: { sites: SitesModule; menus: MenuService }) {
  const cache = new PageCache({ enabled: platform.config.pageCache });
  const cacheKeys = new WeakMap<FastifyRequest, { siteId: number; key: string }>();
  const extensions: ShellExtension[] = [];

  /** What the extensions say about a site, part of its pages' cache key; undefined when one does not know. */
  function stampOf(siteId: number): string | undefined {
    let stamp = '';
    for (const e of extensions) {
      if (!e.cacheStamp) continue;
      const s = e.cacheStamp(siteId);
      if (s === undefined) return undefined;
      stamp += `|${s}`;
    }
    return stamp;
  }

  /** The cache slot of an anonymous GET of a cacheable public page, if it has one. */
  function slotOf(request: FastifyRequest): { siteId: number; key: string } | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const ctx = request.publicContext;
    if (!ctx?.site || !request.routeOptions.config.cache) return undefined;
    const cookies = request.cookies ?? {};
    if (cookies.cong_sid) return undefined;
    const stamp = stampOf(ctx.site.id);
    if (stamp === undefined) return undefined;
    return { siteId: ctx.site.id, key: cacheKeyOf(ctx.site.id, ctx.basePath, request.url, cookies[PREFS_COOKIE] ?? '') + stamp };
  }

  /**
   * Sends a public response (HTML, feeds, XML) with ETag and Cache-Control, answering 304
   * to a matching If-None-Match, and remembers it for the next anonymous visitor.
   */
  function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: string, contentType: string): FastifyReply {
    const slot = cacheKeys.get(request);
    const entry = slot ? cache.set(slot.siteId, slot.key, body, contentType) : { etag: etagOf(body), body };
    return answer(request, reply, entry.body, contentType, entry.etag, Boolean(slot), false);
  }

  /**
   * The front of the server: a cached page for an anonymous GET is written straight from the
   * raw request, before Fastify builds its request and runs its hooks (this is what makes
   * cached pages nearly as cheap as static files). Only pages of routes that declared
   * themselves cacheable were ever stored. Anything else, or any doubt, returns false and the
   * request takes the normal path.
   */
  function serveRaw(req: IncomingMessage, res: ServerResponse): boolean {
    if (!cache.enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const url = req.url ?? '/';
    if (url.length > 2048 || url.charCodeAt(0) !== 47) return false;
    const cookie = req.headers.cookie ?? '';
    if (cookie.includes('cong_sid=')) return false;
    const host = hostOfHeader(req.headers.host);
    if (host === undefined) return false;
    const resolution = deps.sites.directory.resolveNow(host, splitPublicPath(url.split('?', 1)[0]!).code);
    if (resolution?.kind !== 'site') return false;
    const basePath = resolution.via === 'path' ? `/s/${resolution.site.code}` : '';
    let prefs = PREFS_COOKIE_RE.exec(cookie)?.[1] ?? '';
    try {
      prefs = decodeURIComponent(prefs);
    } catch {
      return false;
    }
    const stamp = stampOf(resolution.site.id);
    if (stamp === undefined) return false;
    const hit = cache.get(resolution.site.id, cacheKeyOf(resolution.site.id, basePath, url, prefs) + stamp);
    if (!hit) return false;
    const https = platform.config.trustProxy ? req.headers['x-forwarded-proto'] === 'https' : 'encrypted' in req.socket;
    const headers = { ...STATIC_HEADERS, ...(https ? { 'strict-transport-security': HSTS } : {}), 'x-request-id': requestIdFrom(req) };
    writeCached(req.method === 'HEAD', String(req.headers['accept-encoding'] ?? ''), req.headers['if-none-match'], res, hit, headers);
    return true;
  }

  function writeCached(
    head: boolean,
    accept: string,
    ifNoneMatch: string | string[] | undefined,
    res: ServerResponse,
    hit: CachedPage,
    base: Record<string, string | number | string[]>,
  ): void {
    const [body, encoding] = /\bbr\b/.test(accept) ? [hit.br, 'br'] : /\bgzip\b/.test(accept) ? [hit.gzip, 'gzip'] : [hit.body, undefined];
    const headers: Record<string, string | number | string[]> = {
      ...base,
      etag: hit.etag,
      'cache-control': 'public, max-age=60, stale-while-revalidate=60',
      vary: 'Cookie, Accept-Encoding',
      'x-cache': 'hit',
      'content-type': hit.contentType,
    };
    if (ifNoneMatch === hit.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (encoding) headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(head ? undefined : body);
  }

  function writeHit(request: FastifyRequest, reply: FastifyReply, hit: CachedPage): void {
    reply.hijack();
    writeCached(
      request.method === 'HEAD',
      String(request.headers['accept-encoding'] ?? ''),
      request.headers['if-none-match'],
      reply.raw,
      hit,
      reply.getHeaders() as Record<string, string | number | string[]>,
    );
  }

  function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    body: string | Buffer,
    contentType: string,
    etag: string,
    shared: boolean,
    hit: boolean,
  ): FastifyReply {
    reply.header('etag', etag);
    if (shared) reply.header('x-cache', hit ? 'hit' : 'miss');
    reply.header('cache-control', shared ? 'public, max-age=60, stale-while-revalidate=60' : 'private, no-cache');
    reply.header('vary', 'Cookie, Accept-Encoding');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(contentType).send(body);
  }
  async function shellFor(request: FastifyRequest): Promise<ShellContext> {
    const ctx = requireSite(request);
    const { site, lang } = ctx;
    const other: Lang = lang === 'vi' ? 'en' : 'vi';
    const tree = await deps.menus.tree(site.id, lang);
    const toShell = (n: MenuNode): ShellMenuItem => ({
      label: n.label,
      href: siteHref(ctx, n.href),
      current: isCurrent(n.href, ctx.localPath),
      children: n.children.map(toShell),
    });
    const pathname = request.url.split('?', 1)[0]!;
    return {
      lang,
      site: {
        code: site.code,
        name: siteName(site, lang),
        ownerName: ownerName(site, lang),
        address: site.address,
        phone: site.phone,
        fax: site.fax,
        email: site.email,
        responsiblePerson: site.responsible_person,
        logoUrl: site.logo_url,
        themeColor: site.theme_color,
        demo: site.is_demo,
        maintenance: site.status === 'maintenance',
      },
      menu: tree.map(toShell),
      prefs: readPrefs(request),
      hrefs: {
        home: siteHref(ctx, '/'),
        siteMap: siteHref(ctx, registeredPublicPath('siteMap', lang) ?? '/'),
        contact: siteHref(ctx, registeredPublicPath('contact', lang) ?? '/'),
        // The city-wide directory (the directory module's), reachable from every site.
        directory: ((p) => (p ? siteHref(ctx, p) : undefined))(registeredPublicPath('directory', lang)),
        display: siteHref(ctx, PATHS.display[lang]),
        // The search module's page, when there is one (no search module: the box leads home).
        search: siteHref(ctx, registeredPublicPath('search', lang) ?? '/'),
      },
      // No language switch on a site that does not offer the other language.
      homeAlternate: site.languages.includes(other) ? { lang: other, href: siteHref(ctx, '/', other) } : null,
      notices: extensions.flatMap((e) => e.notices?.(request) ?? []),
      currentUrl: request.url,
      canonicalUrl: `${request.protocol}://${request.host}${pathname}`,
      now: new Date(),
    };
  }

  /** Renders a public page of the request's site. */
  async function renderPage(request: FastifyRequest, page: PageSpec): Promise<string> {
    return renderShell(await shellFor(request), page);
  }

  /** Renders and sends a public page. */
  async function sendPage(request: FastifyRequest, reply: FastifyReply, page: PageSpec): Promise<FastifyReply> {
    const body = await renderPage(request, page);
    return sendCacheable(request, reply, body, 'text/html; charset=utf-8');
  }

  async function unknownSitePage(lang: Lang, host: string): Promise<string> {
    const sites = await deps.sites.directory.liveSites();
    const main = html`<h1>${t(lang, 'unknownHost.title')}</h1>
<p>${t(lang, 'unknownHost.body', { host })}</p>
${
  sites.length === 0
    ? html`<p>${t(lang, 'unknownHost.empty')}</p>`
    : html`<ul class="site-list">${sites.map(
        (s) =>
          html`<li><a href="${siteHref({ basePath: `/s/${s.code}`, lang }, '/')}">${siteName(s, lang)}</a> <span class="muted">(${t(lang, `siteKind.${s.kind}`)})</span></li>`,
      )}</ul>`
}`;
    return renderPlatformPage(lang, t(lang, 'unknownHost.title'), main);
  }

  /** The HTML error page: the site's shell when the site is known, else the list of sites. */
  async function renderErrorPage(request: FastifyRequest, info: ErrorInfo): Promise<string> {
    // Errors raised by the router (bad URL encoding, over-long URL) come before the site
    // was resolved; resolve it now so the visitor still gets the site's own page.
    if (!request.publicContext && !request.url.startsWith('/api/')) {
      request.publicContext = await resolvePublicContext(request, deps.sites.directory).catch(() => null);
    }
    const ctx = request.publicContext;
    if (info.code === SITE_CLOSED && ctx) return deps.sites.closedSitePage(request, ctx);
    const lang = ctx?.lang ?? langFromUrl(request.url);
    const title = t(lang, `error.title.${info.status}` as never);
    const bodyText = info.messageKey ? t(lang, info.messageKey) : t(lang, `error.body.${info.status}` as never);
    if (ctx && !ctx.site && info.status === 404) {
      const label = ctx.resolution.kind === 'unknown-code' ? `/s/${ctx.resolution.code}/` : ctx.host;
      return unknownSitePage(lang, label);
    }
    const main = html`<h1>${title}</h1>
<p>${bodyText}</p>
${info.details.length > 0 ? html`<ul>${info.details.map((d) => html`<li>${d.message}</li>`)}</ul>` : ''}
${info.status >= 500 ? html`<p class="muted">${t(lang, 'error.requestId', { id: info.requestId })}</p>` : ''}`;
    if (!ctx?.site) return renderPlatformPage(lang, title, main);
    const shell = await shellFor(request);
    return renderShell(shell, {
      title,
      breadcrumbs: [{ label: t(lang, 'shell.home'), href: shell.hrefs.home }, { label: title }],
      main: html`${main}<p><a href="${shell.hrefs.home}">${t(lang, 'error.backHome')}</a> · <a href="${shell.hrefs.siteMap}">${t(lang, 'shell.siteMap')}</a></p>`,
    });
  }

  /** Looks the request's slot up in the cache and answers a hit straight to the socket. */
  function answerFromCache(request: FastifyRequest, reply: FastifyReply): void {
    const slot = slotOf(request);
    if (!slot) return;
    cacheKeys.set(request, slot);
    const hit = cache.get(slot.siteId, slot.key);
    if (hit) writeHit(request, reply, hit);
  }

  /**
   * The public tree's first hook: the site of the request (from the mount's `:siteCode` or the
   * host name), then — for a cacheable page — the cache, answered as early as possible, with
   * the headers set so far (security headers, request id), precompressed.
   */
  function publicRequestHook(mount: PublicMount) {
    return async (request: PublicRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      request.publicContext = await deps.sites.contextOnMount(request, mount);
      if (request.publicContext?.site) {
        for (const e of extensions) await e.prepare?.();
        for (const e of extensions) if (e.answer?.(request, reply)) return reply;
      }
      answerFromCache(request, reply);
    };
  }

  /** Adds a module's part of every public page (see ShellExtension). */
  function addExtension(extension: ShellExtension): void {
    extensions.push(extension);
  }

  return defineModule({
    name: 'site-shell',
    needs: ['sites', 'menus'],
    setup: async (app) => {
      if (platform.listen) {
        const stop = await platform.listen(CACHE_CHANNEL, (payload) => cache.bump(payload === ALL_SITES ? ALL_SITES : Number(payload)));
        app.addHook('onClose', async () => stop());
      }
    },
    publicRoutes: (routes, lang) => {
      routes.get(PATHS.display[lang], { schema: { querystring: DisplayPrefsQuery } }, async (request, reply) => {
        const ctx = requireSite(request);
        return handleDisplayPrefs(request, reply, request.query, siteHref(ctx, '/'));
      });
    },
    provides: { publicRequestHook, addExtension, shellFor, renderPage, sendPage, sendCacheable, renderErrorPage, cache, serveRaw },
  });
}

export type SiteShell = ReturnType<typeof siteShellModule>;
