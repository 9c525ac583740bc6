/**
 * The dashboard every signed-in person lands on: their roles on the site they work on,
 * their account's security state, and the functions their grants open. Later capabilities
 * add their own cards (queues, deadlines) through `addCard`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate, formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { can, isPlatformAdmin, roleLabel, type Action } from '../access/index.ts';
import { adminHref, type AdminContext, type AdminScope } from '../accounts/index.ts';
import { t } from './messages.ts';

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

export function registerDashboard(
  app: FastifyInstance,
  admin: AdminContext,
  cards: readonly DashboardCard[],
  accountInfo: (id: number) => Promise<{ twoFactor: boolean; passwordChangedAt: Date; lastSignInAt: Date | null }>,
): void {
  for (const lang of ['vi', 'en'] as const) {
    app.get(adminHref(lang, 'dashboard'), async (request, reply) => dashboard(request, reply, lang));

    app.get(adminHref(lang, 'switchSite'), async (request, reply) => {
      const code = String((request.query as Record<string, unknown>).site ?? '');
      await admin.switchSite(request, code);
      return reply.redirect(adminHref(lang, 'dashboard'), 303);
    });
  }

  async function dashboard(request: FastifyRequest, reply: FastifyReply, lang: Lang) {
    const s = await admin.scope(request);
    const info = await accountInfo(s.actor.accountId);
    const roles = s.actor.grants.filter((g) => g.siteId === s.site?.id || g.siteId === null);
    const visible = cards.filter((c) => c.action === 'always' || (s.site ? can(s.actor, c.action, s.site.id) : isPlatformAdmin(s.actor)));
    const rendered = await Promise.all(visible.map((c) => c.render(s, request)));
    return admin.send(
      request,
      reply,
      {
        title: t(lang, 'dashboard.dashboard'),
        main: html`<h1>${t(lang, 'dashboard.dashboard')}</h1>
<p>${t(lang, 'dashboard.hello')}, ${request.person?.name}.</p>
<div class="dashboard">
<section class="card" aria-labelledby="db-roles"><h2 id="db-roles">${t(lang, 'dashboard.yourRoles')}</h2>
<ul>${roles.map((g) => html`<li>${roleLabel(g.role, lang)}${g.unit ? html` (${g.unit})` : ''}</li>`)}</ul></section>
<section class="card" aria-labelledby="db-security"><h2 id="db-security">${t(lang, 'dashboard.accountSecurity')}</h2>
<ul>
<li>${t(lang, 'dashboard.twoFactor')}: ${info.twoFactor ? t(lang, 'dashboard.text') : html`<a href="${adminHref(lang, 'enrol')}">${t(lang, 'dashboard.offTurn')}</a>`}</li>
<li>${t(lang, 'dashboard.passwordChanged')} ${formatDate(info.passwordChangedAt)}</li>
${info.lastSignInAt ? html`<li>${t(lang, 'dashboard.lastSign')}: ${formatDateTime(info.lastSignInAt)}</li>` : ''}
</ul><p><a href="${adminHref(lang, 'sessions')}">${t(lang, 'dashboard.seeSignedSessions')}</a></p></section>
${rendered}
</div>`,
      },
      s,
    );
  }
}
