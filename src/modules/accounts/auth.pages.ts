/**
 * The sign-in pages of the administration area: password, second factor (or enrolment
 * when a role requires it and none is set up), sign-out, forgotten password and reset.
 * Each refusal is a clear message in the visitor's language; the form keeps the e-mail.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html, raw } from '../../platform/views/html.ts';
import { csrfInput, errorsByField, field } from '../../platform/views/forms.ts';
import type { AdminContext } from './admin-context.ts';
import { adminHref, type ADMIN_PATHS } from './admin-paths.ts';
import { attemptOf, clearSessionCookie, csrfGuard, csrfToken, setSessionCookie } from './auth.http.ts';
import { completePasswordReset, requestPasswordReset, resetTokenValid } from './password.service.ts';
import { completeSecondFactor, signIn, signOut, type AuthDeps } from './sign-in.service.ts';
import { confirmEnrolment, startEnrolment } from './two-factor.service.ts';
import { t } from './messages.ts';

export function str(body: unknown, key: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
}

/** Where to go after signing in: only a path inside the admin area. */
export function safeNext(value: string, lang: Lang): string {
  return /^\/(quan-tri|english\/admin)(\/[^\s]*)?$/.test(value) && !value.includes('//') ? value : adminHref(lang, 'dashboard');
}

const NOTICES: Record<string, { vi: string; en: string }> = {
  'dang-xuat': { vi: 'Bạn đã đăng xuất.', en: 'You have signed out.' },
  'het-phien': { vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has ended; please sign in again.' },
  'da-dat-lai': { vi: 'Đã đặt mật khẩu mới. Mời bạn đăng nhập.', en: 'Your new password is set. Please sign in.' },
  'tam-khoa': { vi: 'Nhập sai quá nhiều lần: tài khoản tạm khóa 15 phút.', en: 'Too many wrong codes: the account is locked for 15 minutes.' },
};

export function registerAuthPages(app: FastifyInstance, deps: AuthDeps & { admin: AdminContext }): void {
  const { admin } = deps;
  const guard = csrfGuard(app, deps.db);
  const limited = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

  for (const lang of ['vi', 'en'] as const) {
    const p = (name: keyof typeof ADMIN_PATHS) => adminHref(lang, name);

    const signInPage = (request: FastifyRequest, reply: FastifyReply, o: { email?: string; error?: string; status?: number; notice?: string }) =>
      admin.send(
        request,
        reply,
        {
          title: t(lang, 'auth.sign'),
          ...(o.error ? { notice: { kind: 'error' as const, text: o.error } } : o.notice ? { notice: { kind: 'info' as const, text: o.notice } } : {}),
          main: html`<div class="auth-box">
<h1>${t(lang, 'auth.administrationSign')}</h1>
<form method="post" action="${p('signIn')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
<input type="hidden" name="next" value="${str(request.query, 'next')}">
${field({ name: 'email', label: t(lang, 'common.eMail'), type: 'email', value: o.email ?? '', required: true, autocomplete: 'username', autofocus: !o.email })}
${field({ name: 'password', label: t(lang, 'auth.password'), type: 'password', required: true, autocomplete: 'current-password', autofocus: Boolean(o.email) })}
<p><button type="submit">${t(lang, 'auth.sign')}</button></p>
</form>
<p><a href="${p('forgot')}">${t(lang, 'auth.forgotYourPassword')}</a></p>
</div>`,
        },
        undefined,
        o.status ?? 200,
      );

    app.get(p('signIn'), async (request, reply) => {
      const key = str(request.query, 'tb');
      const notice = NOTICES[key]?.[lang];
      return signInPage(request, reply, notice ? { notice } : {});
    });

    app.post(p('signIn'), { preHandler: guard, config: limited(20) }, async (request, reply) => {
      const email = str(request.body, 'email');
      const outcome = await signIn(deps, email, str(request.body, 'password'), attemptOf(request));
      if (!outcome.ok) {
        if (outcome.reason === 'throttled') {
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          return signInPage(request, reply, {
            email,
            status: 429,
            error: t(lang, 'auth.tooManyFailedSignIns', { retryAfterSeconds: outcome.retryAfterSeconds }),
          });
        }
        if (outcome.reason === 'suspended') {
          return signInPage(request, reply, {
            email,
            status: 403,
            error: t(lang, 'auth.accountSuspendedPleaseContactSite'),
          });
        }
        return signInPage(request, reply, {
          email,
          status: 401,
          error: t(lang, 'auth.wrongEMailPasswordAccount'),
        });
      }
      setSessionCookie(request, reply, deps.config, outcome.token);
      const next = safeNext(str(request.body, 'next'), lang);
      const to = outcome.next === 'totp' ? `${p('verify')}?next=${encodeURIComponent(next)}` : outcome.next === 'enrol-totp' ? p('enrol') : next;
      return reply.redirect(to, 303);
    });

    const verifyPage = (request: FastifyRequest, reply: FastifyReply, error?: string) =>
      admin.send(
        request,
        reply,
        {
          title: t(lang, 'common.twoFactorAuthentication'),
          ...(error ? { notice: { kind: 'error' as const, text: error } } : {}),
          main: html`<div class="auth-box">
<h1>${t(lang, 'common.twoFactorAuthentication')}</h1>
<form method="post" action="${p('verify')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
<input type="hidden" name="next" value="${str(request.query, 'next') || str(request.body, 'next')}">
${field({ name: 'code', label: t(lang, 'auth.verificationCode'), hint: t(lang, 'auth.n6DigitCodeFromYour'), required: true, autocomplete: 'one-time-code', inputmode: 'text', maxlength: 12, autofocus: true, ...(error ? { error } : {}) })}
<p><button type="submit">${t(lang, 'auth.verify')}</button></p>
</form>
</div>`,
        },
        undefined,
        error ? 401 : 200,
      );

    app.get(p('verify'), async (request, reply) => {
      if (!request.session) return reply.redirect(`${p('signIn')}?tb=het-phien`, 303);
      if (request.session.mfaPassed) return reply.redirect(p('dashboard'), 303);
      return verifyPage(request, reply);
    });

    app.post(p('verify'), { preHandler: guard, config: limited(20) }, async (request, reply) => {
      if (!request.session) return reply.redirect(`${p('signIn')}?tb=het-phien`, 303);
      const outcome = await completeSecondFactor(deps, request.session, str(request.body, 'code'), attemptOf(request));
      if (!outcome.ok) {
        if (outcome.locked) {
          clearSessionCookie(reply);
          return reply.redirect(`${p('signIn')}?tb=tam-khoa`, 303);
        }
        return verifyPage(request, reply, t(lang, 'auth.codeWrongWasAlreadyUsed'));
      }
      setSessionCookie(request, reply, deps.config, outcome.token);
      return reply.redirect(safeNext(str(request.body, 'next'), lang), 303);
    });

    const enrolPage = async (request: FastifyRequest, reply: FastifyReply, error?: string) => {
      const enrolment = await startEnrolment(deps, request.session!.accountId);
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'auth.setUpTwoFactorAuthentication'),
          ...(error ? { notice: { kind: 'error' as const, text: error } } : {}),
          main: html`<h1>${t(lang, 'auth.setUpTwoFactorAuthentication')}</h1>
<p>${t(lang, 'auth.yourRoleRequiresTwoFactor')}</p>
<figure class="qr">${raw(enrolment.qrSvg.replace('<svg', `<svg role="img" aria-label="${t(lang, 'auth.qrCodeAddAccountAuthenticator')}"`))}
<figcaption>${t(lang, 'auth.cannotScanEnterKeyApp')} <code class="totp-secret">${enrolment.secret}</code></figcaption></figure>
<form method="post" action="${p('enrol')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
${field({ name: 'code', label: t(lang, 'auth.verificationCode'), required: true, autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 6, ...(error ? { error } : {}) })}
<p><button type="submit">${t(lang, 'auth.confirmTurn')}</button></p>
</form>`,
        },
        undefined,
        error ? 422 : 200,
      );
    };

    app.get(p('enrol'), async (request, reply) => {
      if (!request.session) return reply.redirect(`${p('signIn')}?tb=het-phien`, 303);
      return enrolPage(request, reply);
    });

    app.post(p('enrol'), { preHandler: guard, config: limited(20) }, async (request, reply) => {
      if (!request.session) return reply.redirect(`${p('signIn')}?tb=het-phien`, 303);
      try {
        const done = await confirmEnrolment(deps, request.session, str(request.body, 'code'), attemptOf(request));
        setSessionCookie(request, reply, deps.config, done.token);
        return admin.send(request, reply, {
          title: t(lang, 'auth.recoveryCodes'),
          notice: { kind: 'ok', text: t(lang, 'auth.twoFactorAuthentication') },
          main: html`<h1>${t(lang, 'auth.recoveryCodes')}</h1>
<p>${t(lang, 'auth.keepTheseCodesSomewhereSafe')}</p>
<ul class="codes">${done.recoveryCodes.map((c) => html`<li>${c}</li>`)}</ul>
<p><a class="button" href="${p('dashboard')}">${t(lang, 'auth.iHaveSavedThemContinue')}</a></p>`,
        });
      } catch (err) {
        if (isDomainError(err) && err.code === 'totp.wrong_code') return enrolPage(request, reply, t(lang, 'auth.wrongCodeCheckTimeYour'));
        throw err;
      }
    });

    app.post(p('signOut'), { preHandler: guard }, async (request, reply) => {
      if (request.session) await signOut(deps, request.session, request.person?.email ?? '', request.ip);
      clearSessionCookie(reply);
      return reply.redirect(`${p('signIn')}?tb=dang-xuat`, 303);
    });

    const forgotPage = (request: FastifyRequest, reply: FastifyReply, o: { email?: string; sent?: boolean }) =>
      admin.send(request, reply, {
        title: t(lang, 'auth.forgotPassword'),
        ...(o.sent
          ? {
              notice: {
                kind: 'info' as const,
                text: t(lang, 'auth.ifAddressHasActiveAccount'),
              },
            }
          : {}),
        main: html`<div class="auth-box">
<h1>${t(lang, 'auth.forgotPassword')}</h1>
<form method="post" action="${p('forgot')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
${field({ name: 'email', label: t(lang, 'auth.accountEMail'), type: 'email', value: o.email ?? '', required: true, autocomplete: 'username' })}
<p><button type="submit">${t(lang, 'auth.sendResetLink')}</button></p>
</form>
<p><a href="${p('signIn')}">${t(lang, 'auth.backSign')}</a></p>
</div>`,
      });

    app.get(p('forgot'), async (request, reply) => forgotPage(request, reply, {}));
    app.post(p('forgot'), { preHandler: guard, config: limited(5) }, async (request, reply) => {
      const email = str(request.body, 'email');
      await requestPasswordReset(deps, email, request.ip, `${request.protocol}://${request.host}${p('reset')}`);
      return forgotPage(request, reply, { email, sent: true });
    });

    const resetPage = (request: FastifyRequest, reply: FastifyReply, token: string, errors: Record<string, string> = {}, status = 200) =>
      admin.send(
        request,
        reply,
        {
          title: t(lang, 'auth.setNewPassword'),
          ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: t(lang, 'auth.passwordDoesNotMeetRules') } } : {}),
          main: html`<div class="auth-box">
<h1>${t(lang, 'auth.setNewPassword')}</h1>
<form method="post" action="${p('reset')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
<input type="hidden" name="ma" value="${token}">
${field({ name: 'password', label: t(lang, 'common.newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t(lang, 'auth.least12CharactersLowerUpper'), ...(errors.password ? { error: errors.password } : {}) })}
${field({ name: 'confirm', label: t(lang, 'common.repeatNewPassword'), type: 'password', required: true, autocomplete: 'new-password', ...(errors.confirm ? { error: errors.confirm } : {}) })}
<p><button type="submit">${t(lang, 'auth.setPassword')}</button></p>
</form>
</div>`,
        },
        undefined,
        status,
      );

    const badLink = (request: FastifyRequest, reply: FastifyReply) =>
      admin.send(
        request,
        reply,
        {
          title: t(lang, 'auth.linkNoLongerValid'),
          main: html`<div class="auth-box"><h1>${t(lang, 'auth.linkNoLongerValid')}</h1>
<p>${t(lang, 'auth.passwordLinkWasAlreadyUsed')}</p>
<p><a href="${p('forgot')}">${t(lang, 'auth.askNewLink')}</a></p></div>`,
        },
        undefined,
        400,
      );

    app.get(p('reset'), async (request, reply) => {
      const token = str(request.query, 'ma');
      if (!(await resetTokenValid(deps, token))) return badLink(request, reply);
      return resetPage(request, reply, token);
    });

    app.post(p('reset'), { preHandler: guard, config: limited(10) }, async (request, reply) => {
      const token = str(request.body, 'ma');
      const password = str(request.body, 'password');
      if (password !== str(request.body, 'confirm')) return resetPage(request, reply, token, { confirm: t(lang, 'common.twoEntriesDiffer') }, 422);
      try {
        await completePasswordReset(deps, token, password, request.ip);
      } catch (err) {
        if (isDomainError(err) && err.code === 'reset.invalid_token') return badLink(request, reply);
        if (isDomainError(err) && err.code === 'password.invalid') return resetPage(request, reply, token, errorsByField(err.details), 422);
        throw err;
      }
      clearSessionCookie(reply);
      return reply.redirect(`${p('signIn')}?tb=da-dat-lai`, 303);
    });
  }
}

export type { Config, Db };
