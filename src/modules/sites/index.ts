/**
 * Sites: the portal and its component sites, which site a request is for, and the public
 * sites API. Other modules use only what is exported here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { SiteDirectory } from './site-directory.ts';
import { resolvePublicContext, type PublicContext } from './site-context.ts';
import { registerSitesApi } from './sites.api.ts';
import { registerSecurityTxt } from './security-txt.ts';
import * as service from './sites.service.ts';

export type { PublicContext } from './site-context.ts';
export type { SiteWithHosts } from './sites.repo.ts';
export type { SiteInput } from './sites.schema.ts';
export type { Resolution } from './site-directory.ts';
export { siteHref, langFromUrl, splitPublicPath, resolvePublicContext, normaliseHost } from './site-context.ts';
export { siteName, ownerName, siteOrigin } from './sites.present.ts';
export { SiteDirectory };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for public pages (not for /api, /static, health): the site and language asked for. */
    publicContext: PublicContext | null;
  }
}

/** Paths that are not pages of a site. */
const NON_SITE_PATHS = /^\/(api|static|media|healthz|readyz|\.well-known)(\/|$)/;

export function sitesModule(platform: Platform) {
  const directory = new SiteDirectory(platform.db, platform.config.baseDomain);

  async function register(app: FastifyInstance): Promise<void> {
    app.decorateRequest('publicContext', null);
    app.addHook('onRequest', async (request) => {
      if (NON_SITE_PATHS.test(request.url)) return;
      request.publicContext = await resolvePublicContext(request, directory);
    });
    registerSitesApi(app, directory, platform.config.baseDomain);
    registerSecurityTxt(app, directory, platform.config.securityContact);
  }

  return {
    name: 'sites',
    directory,
    register,
    /** Creates a site and makes it reachable at once. */
    async createSite(input: service.SiteInputArg) {
      const site = await service.createSite(platform.db, input);
      directory.invalidate();
      return site;
    },
    async setStatus(code: string, status: 'active' | 'maintenance' | 'disabled') {
      const site = await service.setSiteStatus(platform.db, code, status);
      directory.invalidate();
      return site;
    },
    listSites: () => service.listSites(platform.db),
    countSites: () => service.countSites(platform.db),
  };
}

export type SitesModule = ReturnType<typeof sitesModule>;

/** The public context of a request that must be for a known site; else NotFound (unknown host or code). */
export function requireSite(request: FastifyRequest): PublicContext & { site: NonNullable<PublicContext['site']> } {
  const ctx = request.publicContext;
  if (!ctx?.site) throw new NotFound('site.unknown', 'Unknown site');
  return ctx as PublicContext & { site: NonNullable<PublicContext['site']> };
}
