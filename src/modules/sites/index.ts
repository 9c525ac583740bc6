/**
 * Sites: the portal and its component sites, which site a request is for, and the public sites
 * API. This module is the example to copy (docs/architecture.md, "A module"): its manifest says
 * everything it plugs into the server, and `provides` is all other modules may use.
 */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { PublicMount, PublicRequest } from '../../platform/http/route-trees.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { SiteDirectory } from './site-directory.ts';
import { contextOnMount, type PublicContext } from './site-context.ts';
import { sitesApi } from './sites.api.ts';
import { securityTxt } from './security-txt.ts';
import * as service from './sites.service.ts';

export type { PublicContext } from './site-context.ts';
export type { SiteWithHosts } from './sites.repo.ts';
export type { SiteInput } from './sites.schema.ts';
export type { Resolution } from './site-directory.ts';
export { siteHref, langFromUrl, splitPublicPath, resolvePublicContext } from './site-context.ts';
export { siteName, ownerName, siteOrigin } from './sites.present.ts';
export { SiteDirectory };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on public routes (the public tree resolves it first): the site and language asked for. */
    publicContext: PublicContext | null;
  }
}

export function sitesModule(platform: Platform) {
  const directory = new SiteDirectory(platform.db, platform.config.baseDomain);

  return defineModule({
    name: 'sites',
    needs: [],
    setup: (app) => {
      app.decorateRequest('publicContext', null);
    },
    apiRoutes: (routes) => sitesApi(routes, directory, platform.config.baseDomain),
    apiTags: [{ name: 'sites', description: 'The portal and its component sites' }],
    rootRoutes: (routes) => securityTxt(routes, directory, platform.config.securityContact),
    provides: {
      directory,
      /** The site and language of a public request on `mount` (the public tree's resolver). */
      contextOnMount: (request: PublicRequest, mount: PublicMount) => contextOnMount(request, directory, mount),
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
    },
  });
}

export type SitesModule = ReturnType<typeof sitesModule>;

/** The public context of a request that must be for a known site; else NotFound (unknown host or code). */
export function requireSite(request: FastifyRequest): PublicContext & { site: NonNullable<PublicContext['site']> } {
  const ctx = request.publicContext;
  if (!ctx?.site) throw new NotFound('site.unknown', 'Unknown site');
  return { ...ctx, site: ctx.site };
}
