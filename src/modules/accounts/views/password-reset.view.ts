/** Recovering access: asking for a reset link, setting a new password with it, a link no longer valid. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import type { AdminPageSpec } from '../../../platform/views/admin-shell.ts';
import { csrfInput, inputControl } from '../../../platform/views/form-controls.ts';
import { html } from '../../../platform/views/html.ts';
import { paths } from '../paths.ts';
import { t } from '../messages.ts';

export function forgotView(lang: Lang, csrf: string, o: { email: string; sent: boolean; error?: string | undefined }): AdminPageSpec {
  return {
    title: t(lang, 'auth.forgotPassword'),
    ...(o.sent ? { notice: { kind: 'info' as const, text: t(lang, 'auth.ifAddressHasActiveAccount') } } : {}),
    main: html`<div class="auth-box">
<h1>${t(lang, 'auth.forgotPassword')}</h1>
<form method="post" action="${paths.href(lang, 'forgot')}" class="form" novalidate>
${csrfInput(csrf)}
${inputControl({ name: 'email', label: t(lang, 'auth.accountEMail'), type: 'email', value: o.email, required: true, autocomplete: 'username', error: o.error })}
<p><button type="submit">${t(lang, 'auth.sendResetLink')}</button></p>
</form>
<p><a href="${paths.href(lang, 'signIn')}">${t(lang, 'auth.backSign')}</a></p>
</div>`,
  };
}

export function resetView(lang: Lang, csrf: string, token: string, errors: FieldErrors): AdminPageSpec {
  return {
    title: t(lang, 'auth.setNewPassword'),
    ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: t(lang, 'auth.passwordDoesNotMeetRules') } } : {}),
    main: html`<div class="auth-box">
<h1>${t(lang, 'auth.setNewPassword')}</h1>
<form method="post" action="${paths.href(lang, 'reset')}" class="form" novalidate>
${csrfInput(csrf)}
<input type="hidden" name="ma" value="${token}">
${inputControl({ name: 'password', label: t(lang, 'common.newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t(lang, 'auth.least12CharactersLowerUpper'), error: errors.password })}
${inputControl({ name: 'confirm', label: t(lang, 'common.repeatNewPassword'), type: 'password', required: true, autocomplete: 'new-password', error: errors.confirm })}
<p><button type="submit">${t(lang, 'auth.setPassword')}</button></p>
</form>
</div>`,
  };
}

export function badLinkView(lang: Lang): AdminPageSpec {
  return {
    title: t(lang, 'auth.linkNoLongerValid'),
    main: html`<div class="auth-box"><h1>${t(lang, 'auth.linkNoLongerValid')}</h1>
<p>${t(lang, 'auth.passwordLinkWasAlreadyUsed')}</p>
<p><a href="${paths.href(lang, 'forgot')}">${t(lang, 'auth.askNewLink')}</a></p></div>`,
  };
}
