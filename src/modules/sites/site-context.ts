/**
 * The public context of a request: which site, which language, and how to build links
 * that stay on the same site whether it was reached by host name or by `/s/<code>/`.
 */
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { PublicMount } from '../../platform/http/route-trees.ts';
import { Gone, NotFound } from '../../platform/http/errors.ts';
import { normaliseHost } from '../../platform/validation.ts';
import type { Resolution, SiteDirectory } from './site-directory.ts';
import type { SiteWithHosts } from './sites.repo.ts';

export interface PublicContext {
  lang: Lang;
  /** Host name as asked, lower-case, without port. */
  host: string;
  resolution: Resolution;
  site: SiteWithHosts | null;
  /** '' when the site was reached by host name, '/s/<code>' when by path. */
  basePath: string;
  /** The path inside the site and language, always starting with '/'. */
  localPath: string;
}

const SITE_PREFIX = /^\/s\/([^/?#]*)(\/.*)?$/;

/** Splits a request path into its site prefix, language and the rest. Pure, for tests. */
export function splitPublicPath(pathname: string): { code: string | undefined; lang: Lang; localPath: string } {
  let rest = pathname;
  let code: string | undefined;
  const m = SITE_PREFIX.exec(rest);
  if (m) {
    code = m[1]!;
    rest = m[2] ?? '/';
  }
  let lang: Lang = 'vi';
  if (rest === '/english' || rest.startsWith('/english/')) {
    lang = 'en';
    rest = rest.slice('/english'.length) || '/';
  }
  return { code, lang, localPath: rest };
}

/** The error code of a request for a closed site (its error page links to the portal). */
export const SITE_CLOSED = 'site.closed';

/**
 * The public context of a request on one of the public mounts: the mount gives the language, and
 * for `/s/:siteCode` the site's code (the route parameter); otherwise the host name decides.
 * A closed site is Gone (410); a language the site does not offer is NotFound.
 */
export async function contextOnMount(
  request: FastifyRequest<{ Params: { siteCode?: string } }>,
  directory: SiteDirectory,
  mount: PublicMount,
): Promise<PublicContext> {
  const code = mount.byPath ? (request.params.siteCode ?? '') : undefined;
  const { localPath } = splitPublicPath(request.url.split('?', 1)[0]!);
  const ctx = await contextOf(directory, normaliseHost(request.headers.host), code, mount.lang, localPath);
  refuseUnserved(ctx);
  return ctx;
}

/** Throws when the context names a site that does not serve it: closed, or not in that language. */
export function refuseUnserved(ctx: PublicContext): void {
  if (ctx.resolution.kind === 'closed') throw new Gone(SITE_CLOSED, `The site "${ctx.resolution.site.code}" is closed`);
  if (ctx.site && !ctx.site.languages.includes(ctx.lang)) throw new NotFound('site.language_off', `The site does not offer "${ctx.lang}"`);
}

/** The public context of any request, from its path alone (error pages of addresses no route has). */
export async function resolvePublicContext(request: FastifyRequest, directory: SiteDirectory): Promise<PublicContext> {
  const { code, lang, localPath } = splitPublicPath(request.url.split('?', 1)[0]!);
  return contextOf(directory, normaliseHost(request.headers.host), code, lang, localPath);
}

async function contextOf(directory: SiteDirectory, host: string, code: string | undefined, lang: Lang, localPath: string): Promise<PublicContext> {
  const resolution = await directory.resolve(host, code);
  const site = resolution.kind === 'site' ? resolution.site : null;
  return {
    lang,
    host,
    resolution,
    site,
    basePath: resolution.kind === 'site' && resolution.via === 'path' ? `/s/${resolution.site.code}` : '',
    localPath,
  };
}

/** Language of a request from its path alone (for pages rendered before a site is known). */
export function langFromUrl(url: string): Lang {
  return splitPublicPath(url.split('?', 1)[0]!).lang;
}

/** A link to `path` on the same site and in `lang` (default: the context's language). */
export function siteHref(ctx: Pick<PublicContext, 'basePath' | 'lang'>, path: string, lang: Lang = ctx.lang): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
  const local = path.startsWith('/') ? path : `/${path}`;
  const prefix = `${ctx.basePath}${lang === 'en' ? '/english' : ''}`;
  if (local === '/') return prefix === '' ? '/' : `${prefix}/`;
  return `${prefix}${local}`;
}
