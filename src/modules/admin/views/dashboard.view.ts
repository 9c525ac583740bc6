/** The dashboard: the person's roles, their account's security, then the cards of the modules. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { AdminPageSpec } from '../../../platform/views/admin-shell.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { accountsPaths } from '../../accounts/index.ts';
import type { DashboardModel } from '../admin.present.ts';
import { t } from '../messages.ts';

export function dashboardView(lang: Lang, m: DashboardModel, cards: readonly SafeHtml[]): AdminPageSpec {
  return {
    title: t(lang, 'dashboard.dashboard'),
    main: html`<h1>${t(lang, 'dashboard.dashboard')}</h1>
<p>${t(lang, 'dashboard.hello')}, ${m.name}.</p>
<div class="dashboard">
<section class="card" aria-labelledby="db-roles"><h2 id="db-roles">${t(lang, 'dashboard.yourRoles')}</h2>
<ul>${m.roles.map((r) => html`<li>${r}</li>`)}</ul></section>
<section class="card" aria-labelledby="db-security"><h2 id="db-security">${t(lang, 'dashboard.accountSecurity')}</h2>
<ul>
<li>${t(lang, 'dashboard.twoFactor')}: ${m.twoFactor ? t(lang, 'dashboard.text') : html`<a href="${accountsPaths.href(lang, 'enrol')}">${t(lang, 'dashboard.offTurn')}</a>`}</li>
<li>${t(lang, 'dashboard.passwordChanged')} ${m.passwordChanged}</li>
${m.lastSignIn ? html`<li>${t(lang, 'dashboard.lastSign')}: ${m.lastSignIn}</li>` : ''}
</ul><p><a href="${accountsPaths.href(lang, 'sessions')}">${t(lang, 'dashboard.seeSignedSessions')}</a></p></section>
${cards}
</div>`,
  };
}
