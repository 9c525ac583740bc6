/** The sign-in screens: password, second factor, enrolment in two-factor authentication, its recovery codes. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { adminHrefByName } from '../../../platform/http/paths.ts';
import type { AdminPageSpec } from '../../../platform/views/admin-shell.ts';
import { csrfInput, inputControl } from '../../../platform/views/form-controls.ts';
import { html, raw } from '../../../platform/views/html.ts';
import { paths } from '../paths.ts';
import { t } from '../messages.ts';

/** The page's notice: a refusal (error) wins over the message of a redirect (info). */
function noticeOf(error: string | undefined, info?: string): Pick<AdminPageSpec, 'notice'> {
  return error ? { notice: { kind: 'error', text: error } } : info ? { notice: { kind: 'info', text: info } } : {};
}

export function signInView(
  lang: Lang,
  csrf: string,
  o: { email: string; next: string; error?: string | undefined; notice?: string | undefined },
): AdminPageSpec {
  return {
    title: t(lang, 'auth.sign'),
    ...noticeOf(o.error, o.notice),
    main: html`<div class="auth-box">
<h1>${t(lang, 'auth.administrationSign')}</h1>
<form method="post" action="${paths.href(lang, 'signIn')}" class="form" novalidate>
${csrfInput(csrf)}
<input type="hidden" name="next" value="${o.next}">
${inputControl({ name: 'email', label: t(lang, 'common.eMail'), type: 'email', value: o.email, required: true, autocomplete: 'username', autofocus: !o.email })}
${inputControl({ name: 'password', label: t(lang, 'auth.password'), type: 'password', required: true, autocomplete: 'current-password', autofocus: Boolean(o.email) })}
<p><button type="submit">${t(lang, 'auth.sign')}</button></p>
</form>
<p><a href="${paths.href(lang, 'forgot')}">${t(lang, 'auth.forgotYourPassword')}</a></p>
</div>`,
  };
}

export function verifyView(lang: Lang, csrf: string, o: { next: string; error?: string | undefined }): AdminPageSpec {
  return {
    title: t(lang, 'common.twoFactorAuthentication'),
    ...noticeOf(o.error),
    main: html`<div class="auth-box">
<h1>${t(lang, 'common.twoFactorAuthentication')}</h1>
<form method="post" action="${paths.href(lang, 'verify')}" class="form" novalidate>
${csrfInput(csrf)}
<input type="hidden" name="next" value="${o.next}">
${inputControl({ name: 'code', label: t(lang, 'auth.verificationCode'), hint: t(lang, 'auth.n6DigitCodeFromYour'), required: true, autocomplete: 'one-time-code', inputmode: 'text', maxlength: 12, autofocus: true, error: o.error })}
<p><button type="submit">${t(lang, 'auth.verify')}</button></p>
</form>
</div>`,
  };
}

export function enrolView(lang: Lang, csrf: string, o: { qrSvg: string; secret: string; error?: string | undefined }): AdminPageSpec {
  return {
    title: t(lang, 'auth.setUpTwoFactorAuthentication'),
    ...noticeOf(o.error),
    main: html`<h1>${t(lang, 'auth.setUpTwoFactorAuthentication')}</h1>
<p>${t(lang, 'auth.yourRoleRequiresTwoFactor')}</p>
<figure class="qr">${raw(o.qrSvg.replace('<svg', html`<svg role="img" aria-label="${t(lang, 'auth.qrCodeAddAccountAuthenticator')}"`.value))}
<figcaption>${t(lang, 'auth.cannotScanEnterKeyApp')} <code class="totp-secret">${o.secret}</code></figcaption></figure>
<form method="post" action="${paths.href(lang, 'enrol')}" class="form" novalidate>
${csrfInput(csrf)}
${inputControl({ name: 'code', label: t(lang, 'auth.verificationCode'), required: true, autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 6, error: o.error })}
<p><button type="submit">${t(lang, 'auth.confirmTurn')}</button></p>
</form>`,
  };
}

/** Shown once, right after enrolment: only their hashes are kept. */
export function recoveryCodesView(lang: Lang, codes: readonly string[]): AdminPageSpec {
  return {
    title: t(lang, 'auth.recoveryCodes'),
    notice: { kind: 'ok', text: t(lang, 'auth.twoFactorAuthentication') },
    main: html`<h1>${t(lang, 'auth.recoveryCodes')}</h1>
<p>${t(lang, 'auth.keepTheseCodesSomewhereSafe')}</p>
<ul class="codes">${codes.map((c) => html`<li>${c}</li>`)}</ul>
<p><a class="button" href="${adminHrefByName(lang, 'dashboard')}">${t(lang, 'auth.iHaveSavedThemContinue')}</a></p>`,
  };
}
