/** "My profile": one's details and roles, the password form, two-factor authentication, signed-in sessions. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import type { AdminPageSpec } from '../../../platform/views/admin-shell.ts';
import { csrfInput, inputControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { GrantLine, ProfileModel, SessionLine } from '../accounts.present.ts';
import { paths } from '../paths.ts';
import { t } from '../messages.ts';

type Notice = AdminPageSpec['notice'];

export function grantItem(g: GrantLine): SafeHtml {
  return html`${g.role} — ${g.place}${g.unit ? html` (${g.unit})` : ''}`;
}

export function profileView(lang: Lang, me: ProfileModel, notice: Notice): AdminPageSpec {
  return {
    title: t(lang, 'profile.myProfile'),
    ...(notice ? { notice } : {}),
    main: html`<h1>${t(lang, 'profile.myProfile')}</h1>
<dl class="contact"><dt>${t(lang, 'common.name')}</dt><dd>${me.name}</dd><dt>${t(lang, 'common.eMail')}</dt><dd>${me.email}</dd>
<dt>${t(lang, 'profile.unit')}</dt><dd>${me.unit || '—'}</dd>
<dt>${t(lang, 'common.twoFactor')}</dt><dd>${me.twoFactor ? t(lang, 'profile.text') : t(lang, 'profile.off')}</dd></dl>
<h2>${t(lang, 'common.roles')}</h2>
<ul>${me.grants.map((g) => html`<li>${grantItem(g)}</li>`)}</ul>
<ul class="link-list">
<li><a href="${paths.href(lang, 'password')}">${t(lang, 'profile.changePassword')}</a></li>
<li><a href="${paths.href(lang, 'twoFactor')}">${t(lang, 'common.twoFactorAuthentication')}</a></li>
<li><a href="${paths.href(lang, 'sessions')}">${t(lang, 'profile.signedSessions')}</a></li>
</ul>`,
  };
}

export function passwordView(lang: Lang, csrf: string, errors: FieldErrors, notice: Notice): AdminPageSpec {
  return {
    title: t(lang, 'profile.changePassword'),
    ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: t(lang, 'profile.passwordWasNotChanged') } } : notice ? { notice } : {}),
    main: html`<h1>${t(lang, 'profile.changePassword')}</h1>
<form method="post" action="${paths.href(lang, 'password')}" class="form" novalidate>
${csrfInput(csrf)}
${inputControl({ name: 'current', label: t(lang, 'profile.currentPassword'), type: 'password', required: true, autocomplete: 'current-password', error: errors.current })}
${inputControl({ name: 'password', label: t(lang, 'common.newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t(lang, 'profile.least12CharactersLowerUpper'), error: errors.password })}
${inputControl({ name: 'confirm', label: t(lang, 'common.repeatNewPassword'), type: 'password', required: true, autocomplete: 'new-password', error: errors.confirm })}
<p><button type="submit">${t(lang, 'profile.changePassword')}</button></p>
</form>`,
  };
}

export interface TwoFactorModel {
  enabled: boolean;
  /** A role requires it: it cannot be turned off. */
  required: boolean;
  codesLeft: number;
  /** Recovery codes just made (shown this once). */
  newCodes?: readonly string[] | undefined;
}

export function twoFactorView(lang: Lang, csrf: string, m: TwoFactorModel, notice: Notice): AdminPageSpec {
  const action = paths.href(lang, 'twoFactor');
  return {
    title: t(lang, 'common.twoFactorAuthentication'),
    ...(notice ? { notice } : {}),
    main: html`<h1>${t(lang, 'common.twoFactorAuthentication')}</h1>
${
  m.enabled
    ? html`<p>${t(lang, 'profile.text2')} ${t(lang, 'profile.unusedRecoveryCodesLeft', { left: m.codesLeft })}</p>
${m.newCodes ? html`<p class="admin-notice admin-notice-ok" role="status">${t(lang, 'profile.newRecoveryCodesShownOnly')}</p><ul class="codes">${m.newCodes.map((c) => html`<li>${c}</li>`)}</ul>` : ''}
<form method="post" action="${action}" class="inline">${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="ma-moi"><button type="submit" class="secondary">${t(lang, 'profile.newRecoveryCodes')}</button></form>
${
  m.required
    ? html`<p class="muted">${t(lang, 'profile.yourRoleRequiresTwoFactor')}</p>`
    : html`<form method="post" action="${action}" class="inline">${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="tat"><button type="submit" class="danger">${t(lang, 'profile.turnOff')}</button></form>`
}`
    : html`<p>${t(lang, 'profile.offTwoFactorAuthenticationProtects')}</p>
<p><a class="button" href="${paths.href(lang, 'enrol')}">${t(lang, 'profile.turn')}</a></p>`
}`,
  };
}

export function sessionsView(lang: Lang, csrf: string, sessions: readonly SessionLine[], notice: Notice): AdminPageSpec {
  return {
    title: t(lang, 'profile.signedSessions'),
    ...(notice ? { notice } : {}),
    main: html`<h1>${t(lang, 'profile.signedSessions')}</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'profile.signedSessions')}"><table class="data"><caption class="visually-hidden">${t(lang, 'profile.signedSessions')}</caption>
<thead><tr><th scope="col">${t(lang, 'profile.started')}</th><th scope="col">${t(lang, 'profile.lastActive')}</th><th scope="col">${t(lang, 'profile.ipAddress')}</th><th scope="col">${t(lang, 'profile.browser')}</th><th scope="col"><span class="visually-hidden">${t(lang, 'profile.actions')}</span></th></tr></thead>
<tbody>${sessions.map(
      (x) =>
        html`<tr><td>${x.started}</td><td>${x.lastActive}</td><td>${x.ip}</td><td>${x.browser}</td><td>${
          x.current
            ? t(lang, 'profile.session')
            : html`<form method="post" action="${paths.href(lang, 'sessions')}">${csrfInput(csrf)}<input type="hidden" name="phien" value="${x.ref}"><button type="submit" class="secondary">${t(lang, 'profile.end')}</button></form>`
        }</td></tr>`,
    )}</tbody></table></div>`,
  };
}
