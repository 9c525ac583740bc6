/**
 * The administration area's frame for a request: the person, the sites they work on and
 * the one they are working on now, and the navigation their grants allow. Modules declare
 * their navigation entries in their manifests (`adminNav`); `modules.ts` adds them here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { Forbidden, Unauthorized } from '../../platform/http/errors.ts';
import { adminAlternate, adminHrefByName, adminLang } from '../../platform/http/paths.ts';
import { renderAdminShell, type AdminPageSpec, type AdminShellContext } from '../../platform/views/admin-shell.ts';
import { can, isPlatformAdmin, type Action, type Actor } from '../access/index.ts';
import { siteName, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import * as repo from './accounts.repo.ts';
import { csrfToken } from './auth.http.ts';
import { paths } from './paths.ts';
import { t } from './messages.ts';

/** An entry of the administration's navigation, declared in a module's manifest (`adminNav`). */
export interface NavEntry {
  label: (lang: Lang) => string;
  href: (lang: Lang) => string;
  /** Shown when the actor may do this on the current site. */
  action: Action | 'always';
}

declare module '../../platform/module.ts' {
  interface ModuleExtensions {
    navEntry: NavEntry;
  }
}

export interface AdminScope {
  actor: Actor & { kind: 'person' };
  lang: Lang;
  /** The site being worked on; undefined only for a platform admin on an empty platform. */
  site: SiteWithHosts | undefined;
  sites: SiteWithHosts[];
}

export function createAdminContext(db: Db, sites: SitesModule) {
  // The dashboard (the admin module's) comes first whatever the order of the modules.
  const dashboardHref = (lang: Lang) => adminHrefByName(lang, 'dashboard');
  const nav: NavEntry[] = [{ label: (lang) => t(lang, 'nav.dashboard'), href: dashboardHref, action: 'always' }];

  function addNav(entry: NavEntry): void {
    nav.push(entry);
  }

  async function sitesOf(actor: Actor): Promise<SiteWithHosts[]> {
    const live = await sites.directory.liveSites();
    if (isPlatformAdmin(actor)) return live;
    if (actor.kind !== 'person') return [];
    // The sites of their grants, and those they oversee read-only (an oversight grant).
    const ids = new Set<number | null>([...actor.grants.map((g) => g.siteId), ...(actor.oversees ?? [])]);
    return live.filter((s) => ids.has(s.id));
  }

  /** The signed-in scope of an admin request; throws when nobody (fully) signed in or no grant lets them in. */
  async function scope(request: FastifyRequest): Promise<AdminScope> {
    const actor = request.actor;
    if (actor?.kind !== 'person') throw new Unauthorized('auth.required', 'Sign-in required');
    const lang = adminLang(request.url);
    const mine = await sitesOf(actor);
    const wanted = request.session?.currentSiteId ?? request.publicContext?.site?.id;
    const site = mine.find((s) => s.id === wanted) ?? mine[0];
    if (!isPlatformAdmin(actor) && (!site || !(can(actor, 'admin.enter', site.id) || actor.oversees?.includes(site.id)))) {
      throw new Forbidden('admin.no_grant', 'No grant on any site', { messageKey: 'error.body.403' });
    }
    return { actor, lang, site, sites: mine };
  }

  /** Switches the session's working site (only to a site the person has a grant on). */
  async function switchSite(request: FastifyRequest, code: string): Promise<void> {
    const s = await scope(request);
    const target = s.sites.find((x) => x.code === code);
    if (!target) throw new Forbidden('admin.site_not_granted', 'No grant on that site', { messageKey: 'error.body.403' });
    if (request.session) await repo.updateSession(db, request.session.id, { current_site_id: target.id });
  }

  async function frame(request: FastifyRequest, reply: FastifyReply, s: AdminScope | undefined): Promise<AdminShellContext> {
    const lang = adminLang(request.url);
    const path = request.url.split('?', 1)[0]!;
    return {
      lang,
      ...(request.person ? { person: request.person } : {}),
      sites: (s?.sites ?? []).map((x) => ({ code: x.code, name: siteName(x, lang), current: x.id === s?.site?.id })),
      switchSiteHref: adminHrefByName(lang, 'switchSite'),
      nav: s
        ? nav
            .filter((n) => n.action === 'always' || (s.site ? can(s.actor, n.action, s.site.id) : isPlatformAdmin(s.actor)))
            .map((n) => {
              const href = n.href(lang);
              const dashboard = href === dashboardHref(lang);
              return { label: n.label(lang), href, current: dashboard ? path === href : path === href || path.startsWith(`${href}/`) };
            })
        : [],
      ...(request.session ? { signOut: { href: paths.href(lang, 'signOut'), csrf: csrfToken(request, reply) }, profileHref: paths.href(lang, 'profile') } : {}),
      alternate: adminAlternate(request.url),
    };
  }

  /** Renders and sends an admin page; `s` is omitted on the sign-in pages. */
  async function send(request: FastifyRequest, reply: FastifyReply, page: AdminPageSpec, s?: AdminScope, status = 200): Promise<FastifyReply> {
    reply.header('cache-control', 'no-store');
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderAdminShell(await frame(request, reply, s), page));
  }

  return { addNav, scope, switchSite, send, sitesOf };
}

export type AdminContext = ReturnType<typeof createAdminContext>;
