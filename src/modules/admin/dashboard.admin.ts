/**
 * The dashboard every signed-in person lands on: their roles on the site they work on, their
 * account's security state, and the cards of the modules (`dashboardCards` of their manifests)
 * their grants open. Also the site switcher of the admin bar.
 */
import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { queryForm } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { SafeHtml } from '../../platform/views/html.ts';
import { can, isPlatformAdmin, type Action } from '../access/index.ts';
import type { AccountsModule, AdminScope } from '../accounts/index.ts';
import { SwitchSiteQuery } from './admin.schema.ts';
import { presentDashboard } from './admin.present.ts';
import { dashboardView } from './views/dashboard.view.ts';
import { paths } from './paths.ts';

/** A card of the dashboard, declared in a module's manifest (`dashboardCards`); shown when the actor may do `action`. */
export interface DashboardCard {
  action: Action | 'always';
  render(scope: AdminScope, request: FastifyRequest): Promise<SafeHtml>;
}

declare module '../../platform/module.ts' {
  interface ModuleExtensions {
    dashboardCard: DashboardCard;
  }
}

export function dashboardRoutes(
  routes: Routes,
  lang: Lang,
  deps: { admin: AccountsModule['admin']; accountInfo: AccountsModule['accountInfo']; cards: readonly DashboardCard[] },
): void {
  const { admin, cards } = deps;

  routes.get(paths.paths.dashboard[lang], { schema: { querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    const info = await deps.accountInfo(s.actor.accountId);
    const roles = s.actor.grants.filter((g) => g.siteId === s.site?.id || g.siteId === null);
    const visible = cards.filter((c) => c.action === 'always' || (s.site ? can(s.actor, c.action, s.site.id) : isPlatformAdmin(s.actor)));
    const rendered = await Promise.all(visible.map((c) => c.render(s, request)));
    return admin.send(request, reply, dashboardView(lang, presentDashboard(lang, request.person?.name ?? '', roles, info), rendered), s);
  });

  routes.get(paths.paths.switchSite[lang], queryForm(SwitchSiteQuery), async (request, reply) => {
    await admin.switchSite(request, request.query.site ?? '');
    return reply.redirect(paths.href(lang, 'dashboard'), 303);
  });
}
