/**
 * Sites: the portal and its component sites, which site a request is for, the public sites API,
 * and the administration of the city's sites (platform administrators) and of a site's identity
 * (its operator). This module is the example to copy (docs/architecture.md, "A module"): its
 * manifest says everything it plugs into the server, and `provides` is all other modules may use.
 */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { PublicMount, PublicRequest } from '../../platform/http/route-trees.ts';
import { NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { renderPlatformPage } from '../../platform/views/platform-page.ts';
import type { Actor } from '../access/index.ts';
import type { SiteInput, SiteStatusCode } from './sites.schema.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { MediaModule } from '../media/index.ts';
import { announceSitesChange, SiteDirectory, SITES_CHANNEL } from './site-directory.ts';
import { contextOnMount, refuseUnserved, type PublicContext } from './site-context.ts';
import { sitesApi, type SiteUnitsLoader } from './sites.api.ts';
import { sitesAdmin } from './sites.admin.ts';
import { siteIdentityAdmin } from './site-identity.admin.ts';
import { securityTxt } from './security-txt.ts';
import * as service from './sites.service.ts';
import type { SiteCheck } from './site-checklist.ts';
import { siteName, siteOrigin } from './sites.present.ts';
import { sitesPaths } from './paths.ts';
import { closedSiteView } from './views/closed-site.view.ts';
import { t } from './messages.ts';

export type { PublicContext } from './site-context.ts';
export type { SiteWithHosts } from './sites.repo.ts';
export type { SiteInput, SiteChanges, IdentityChanges, SiteUnit } from './sites.schema.ts';
export type { SiteUnitsLoader } from './sites.api.ts';
export type { Resolution } from './site-directory.ts';
export type { SiteCreatedHook } from './sites.service.ts';
export type { SiteCheck, SiteGap } from './site-checklist.ts';
export { siteHref, langFromUrl, splitPublicPath, resolvePublicContext, SITE_CLOSED } from './site-context.ts';
export { siteName, ownerName, siteOrigin } from './sites.present.ts';
export { sitesPaths } from './paths.ts';
export { PALETTE, keepsContrast } from './theme.ts';
export { SITE_KINDS, SITE_STATUSES } from './sites.schema.ts';
export { defaultEnglishName, CSV_COLUMNS } from './site-csv.ts';
export { SiteDirectory };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on public routes (the public tree resolves it first): the site and language asked for. */
    publicContext: PublicContext | null;
  }
}

/**
 * What the administration screens use from modules built after this one (accounts needs the site
 * directory, so it comes later in modules.ts): asked for only when the trees are mounted and when
 * a logo is chosen, once every module exists.
 */
export interface SitesLater {
  accounts: Pick<AccountsModule, 'admin'>;
  media: Pick<MediaModule, 'getMedia' | 'listMedia'>;
}

/** Who acts when no person does (the demo seeder, test factories). */
const SYSTEM: Actor = { kind: 'system', label: 'system' };

export function sitesModule(platform: Platform, later: () => SitesLater) {
  const { baseDomain } = platform.config;
  const directory = new SiteDirectory(platform.db, baseDomain);
  const created: service.SiteCreatedHook[] = [];
  const checks: SiteCheck[] = [];
  let unitsLoader: SiteUnitsLoader | undefined;
  const deps: service.SitesDeps = {
    db: platform.db,
    baseDomain,
    created,
    async logo(id) {
      const media = await later().media.getMedia(id);
      return media && { kind: media.kind, url: media.variants[0]?.url ?? media.url };
    },
  };
  const sites = service.sitesUseCases(deps, { changed: () => directory.invalidate(), checks });

  /** Admin screens' dependencies, once every module is built. */
  const screens = () => {
    const { accounts, media } = later();
    return {
      admin: accounts.admin,
      sites,
      baseDomain,
      async images(actor: Actor, siteIds: readonly number[]) {
        const pages = await Promise.all(siteIds.map((id) => media.listMedia(actor, id, 1, 200).catch(() => undefined)));
        return pages.flatMap((p) => (p?.items ?? []).filter((m) => m.kind === 'image').map((m) => ({ id: m.id, label: m.alt || m.originalName })));
      },
    };
  };

  return defineModule({
    name: 'sites',
    needs: [],
    setup: async (app) => {
      app.decorateRequest('publicContext', null);
      // Changes made by another process (the CLI, another server) reach this one at once.
      if (platform.listen) {
        const stop = await platform.listen(SITES_CHANNEL, () => directory.invalidate());
        app.addHook('onClose', async () => stop());
      }
    },
    apiRoutes: (routes) => sitesApi(routes, directory, baseDomain, () => unitsLoader),
    apiTags: [{ name: 'sites', description: 'The portal and its component sites' }],
    rootRoutes: (routes) => securityTxt(routes, directory, platform.config.securityContact),
    adminRoutes: (routes, lang) => {
      sitesAdmin(routes, lang, screens());
      siteIdentityAdmin(routes, lang, screens());
    },
    adminNav: [
      { label: (lang) => t(lang, 'nav.sites'), href: (lang) => sitesPaths.href(lang, 'sites'), action: 'sites.manage' },
      { label: (lang) => t(lang, 'nav.identity'), href: (lang) => sitesPaths.href(lang, 'siteIdentity'), action: 'site.identity' },
    ],
    provides: {
      directory,
      /** The site and language of a public request on `mount` (the public tree's resolver): 410 for a closed site. */
      contextOnMount: (request: PublicRequest, mount: PublicMount) => contextOnMount(request, directory, mount),
      /**
       * Adds a part of every new site's skeleton: `hook(tx, site)` runs inside the transaction that
       * creates the site (menus and fixed pages register theirs; a hook that throws undoes the site).
       */
      onSiteCreated(hook: service.SiteCreatedHook): void {
        created.push(hook);
      },
      /** Adds a part of the checklist of what a site still lacks (shown on its admin pages). */
      addCheck(check: SiteCheck): void {
        checks.push(check);
      },
      /** Where the sites API finds each site's directory units (the directory module's). */
      provideUnits(loader: SiteUnitsLoader): void {
        unitsLoader = loader;
      },
      /** The use cases, each authorising its actor (the CLI's is the system). */
      sites,
      /** Creates a site with its skeleton and makes it reachable at once (the demo seeder, tests). */
      createSite: (input: SiteInput, actor: Actor = SYSTEM) => sites.create(actor, input),
      /** Active, maintenance or closed (closed sites answer 410). */
      setStatus: (code: string, status: SiteStatusCode, actor: Actor = SYSTEM) => sites.setStatus(actor, code, status),
      listSites: () => sites.list(),
      countSites: () => service.countSites(platform.db),
      /** The page a closed site answers with: 410, what happened, the link to the portal. */
      closedSitePage: (request: FastifyRequest, ctx: PublicContext) => closedSitePage(request, ctx, directory, baseDomain),
      /** Tells every process that sites changed (for a change made outside this module's use cases). */
      announceSitesChange,
    },
  });
}

export type SitesModule = ReturnType<typeof sitesModule>;

async function closedSitePage(request: FastifyRequest, ctx: PublicContext, directory: SiteDirectory, baseDomain: string): Promise<string> {
  const lang: Lang = ctx.lang;
  const closed = ctx.resolution.kind === 'closed' ? ctx.resolution.site : undefined;
  const portal = await directory.mainPortal();
  const origin = { protocol: request.protocol, port: request.port ?? undefined, baseDomain };
  const main = closedSiteView(lang, {
    siteName: closed ? siteName(closed, lang) : ctx.host,
    portal: portal ? { name: siteName(portal, lang), href: `${siteOrigin(portal, origin, true)}/${lang === 'en' ? 'english/' : ''}` } : undefined,
  });
  return renderPlatformPage(lang, t(lang, 'closed.title'), main);
}

/**
 * The public context of a request that must be for a known site; else NotFound (unknown host or
 * code), Gone (a closed site) or NotFound (a language the site does not offer).
 */
export function requireSite(request: FastifyRequest): PublicContext & { site: NonNullable<PublicContext['site']> } {
  const ctx = request.publicContext;
  if (ctx) refuseUnserved(ctx);
  if (!ctx?.site) throw new NotFound('site.unknown', 'Unknown site');
  return { ...ctx, site: ctx.site };
}
