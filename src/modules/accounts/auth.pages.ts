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
import { tr } from '../../platform/views/admin-shell.ts';
import { csrfInput, errorsByField, field } from '../../platform/views/forms.ts';
import type { AdminContext } from './admin-context.ts';
import { adminHref, type ADMIN_PATHS } from './admin-paths.ts';
import { attemptOf, clearSessionCookie, csrfGuard, csrfToken, setSessionCookie } from './auth.http.ts';
import { completePasswordReset, requestPasswordReset, resetTokenValid } from './password.service.ts';
import { completeSecondFactor, signIn, signOut, type AuthDeps } from './sign-in.service.ts';
import { confirmEnrolment, startEnrolment } from './two-factor.service.ts';

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
          title: tr(lang, 'Đăng nhập', 'Sign in'),
          ...(o.error ? { notice: { kind: 'error' as const, text: o.error } } : o.notice ? { notice: { kind: 'info' as const, text: o.notice } } : {}),
          main: html`<div class="auth-box">
<h1>${tr(lang, 'Đăng nhập quản trị', 'Administration sign-in')}</h1>
<form method="post" action="${p('signIn')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
<input type="hidden" name="next" value="${str(request.query, 'next')}">
${field({ name: 'email', label: tr(lang, 'Thư điện tử', 'E-mail'), type: 'email', value: o.email ?? '', required: true, autocomplete: 'username', autofocus: !o.email })}
${field({ name: 'password', label: tr(lang, 'Mật khẩu', 'Password'), type: 'password', required: true, autocomplete: 'current-password', autofocus: Boolean(o.email) })}
<p><button type="submit">${tr(lang, 'Đăng nhập', 'Sign in')}</button></p>
</form>
<p><a href="${p('forgot')}">${tr(lang, 'Quên mật khẩu?', 'Forgot your password?')}</a></p>
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
            error: tr(
              lang,
              `Quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau ${outcome.retryAfterSeconds} giây.`,
              `Too many failed sign-ins from this address. Try again in ${outcome.retryAfterSeconds} seconds.`,
            ),
          });
        }
        if (outcome.reason === 'suspended') {
          return signInPage(request, reply, {
            email,
            status: 403,
            error: tr(lang, 'Tài khoản đang bị khóa. Vui lòng liên hệ bộ phận quản trị trang.', 'This account is suspended. Please contact the site operator.'),
          });
        }
        return signInPage(request, reply, {
          email,
          status: 401,
          error: tr(
            lang,
            'Thư điện tử hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.',
            'Wrong e-mail or password, or the account is temporarily locked.',
          ),
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
          title: tr(lang, 'Xác thực hai lớp', 'Two-factor authentication'),
          ...(error ? { notice: { kind: 'error' as const, text: error } } : {}),
          main: html`<div class="auth-box">
<h1>${tr(lang, 'Xác thực hai lớp', 'Two-factor authentication')}</h1>
<form method="post" action="${p('verify')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
<input type="hidden" name="next" value="${str(request.query, 'next') || str(request.body, 'next')}">
${field({ name: 'code', label: tr(lang, 'Mã xác thực', 'Verification code'), hint: tr(lang, 'Mã 6 chữ số trong ứng dụng xác thực, hoặc một mã dự phòng.', 'The 6-digit code from your authenticator app, or a recovery code.'), required: true, autocomplete: 'one-time-code', inputmode: 'text', maxlength: 12, autofocus: true, ...(error ? { error } : {}) })}
<p><button type="submit">${tr(lang, 'Xác nhận', 'Verify')}</button></p>
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
        return verifyPage(request, reply, tr(lang, 'Mã xác thực không đúng hoặc đã được dùng.', 'The code is wrong or was already used.'));
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
          title: tr(lang, 'Bật xác thực hai lớp', 'Set up two-factor authentication'),
          ...(error ? { notice: { kind: 'error' as const, text: error } } : {}),
          main: html`<h1>${tr(lang, 'Bật xác thực hai lớp', 'Set up two-factor authentication')}</h1>
<p>${tr(lang, 'Vai trò của bạn bắt buộc xác thực hai lớp. Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…) rồi nhập mã 6 chữ số để xác nhận.', 'Your role requires two-factor authentication. Scan the QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…), then enter the 6-digit code to confirm.')}</p>
<figure class="qr">${raw(enrolment.qrSvg.replace('<svg', `<svg role="img" aria-label="${tr(lang, 'Mã QR để thêm tài khoản vào ứng dụng xác thực', 'QR code to add the account to an authenticator app')}"`))}
<figcaption>${tr(lang, 'Không quét được? Nhập khóa sau vào ứng dụng:', 'Cannot scan? Enter this key in the app:')} <code class="totp-secret">${enrolment.secret}</code></figcaption></figure>
<form method="post" action="${p('enrol')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
${field({ name: 'code', label: tr(lang, 'Mã xác thực', 'Verification code'), required: true, autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 6, ...(error ? { error } : {}) })}
<p><button type="submit">${tr(lang, 'Xác nhận và bật', 'Confirm and turn on')}</button></p>
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
          title: tr(lang, 'Mã dự phòng', 'Recovery codes'),
          notice: { kind: 'ok', text: tr(lang, 'Đã bật xác thực hai lớp.', 'Two-factor authentication is on.') },
          main: html`<h1>${tr(lang, 'Mã dự phòng', 'Recovery codes')}</h1>
<p>${tr(lang, 'Lưu các mã sau ở nơi an toàn. Mỗi mã dùng được một lần khi bạn không có điện thoại. Các mã chỉ hiển thị lần này.', 'Keep these codes somewhere safe. Each works once when you do not have your phone. They are shown only this once.')}</p>
<ul class="codes">${done.recoveryCodes.map((c) => html`<li>${c}</li>`)}</ul>
<p><a class="button" href="${p('dashboard')}">${tr(lang, 'Tôi đã lưu, tiếp tục', 'I have saved them, continue')}</a></p>`,
        });
      } catch (err) {
        if (isDomainError(err) && err.code === 'totp.wrong_code')
          return enrolPage(
            request,
            reply,
            tr(lang, 'Mã xác thực không đúng. Kiểm tra giờ trên điện thoại và nhập mã mới.', 'Wrong code. Check the time on your phone and enter a new code.'),
          );
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
        title: tr(lang, 'Quên mật khẩu', 'Forgot password'),
        ...(o.sent
          ? {
              notice: {
                kind: 'info' as const,
                text: tr(
                  lang,
                  'Nếu địa chỉ này có tài khoản đang hoạt động, một liên kết đặt lại mật khẩu vừa được gửi tới đó. Liên kết có hiệu lực 60 phút.',
                  'If this address has an active account, a reset link has just been sent to it. The link is valid for 60 minutes.',
                ),
              },
            }
          : {}),
        main: html`<div class="auth-box">
<h1>${tr(lang, 'Quên mật khẩu', 'Forgot password')}</h1>
<form method="post" action="${p('forgot')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
${field({ name: 'email', label: tr(lang, 'Thư điện tử của tài khoản', 'Account e-mail'), type: 'email', value: o.email ?? '', required: true, autocomplete: 'username' })}
<p><button type="submit">${tr(lang, 'Gửi liên kết đặt lại', 'Send reset link')}</button></p>
</form>
<p><a href="${p('signIn')}">${tr(lang, 'Quay lại đăng nhập', 'Back to sign-in')}</a></p>
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
          title: tr(lang, 'Đặt mật khẩu mới', 'Set a new password'),
          ...(Object.keys(errors).length
            ? { notice: { kind: 'error' as const, text: tr(lang, 'Mật khẩu chưa đạt yêu cầu.', 'The password does not meet the rules.') } }
            : {}),
          main: html`<div class="auth-box">
<h1>${tr(lang, 'Đặt mật khẩu mới', 'Set a new password')}</h1>
<form method="post" action="${p('reset')}" class="form" novalidate>
${csrfInput(csrfToken(request, reply))}
<input type="hidden" name="ma" value="${token}">
${field({ name: 'password', label: tr(lang, 'Mật khẩu mới', 'New password'), type: 'password', required: true, autocomplete: 'new-password', hint: tr(lang, 'Ít nhất 12 ký tự, gồm chữ thường, chữ hoa, chữ số và ký tự đặc biệt.', 'At least 12 characters with lower- and upper-case letters, digits and symbols.'), ...(errors.password ? { error: errors.password } : {}) })}
${field({ name: 'confirm', label: tr(lang, 'Nhập lại mật khẩu mới', 'Repeat the new password'), type: 'password', required: true, autocomplete: 'new-password', ...(errors.confirm ? { error: errors.confirm } : {}) })}
<p><button type="submit">${tr(lang, 'Đặt mật khẩu', 'Set password')}</button></p>
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
          title: tr(lang, 'Liên kết không còn hiệu lực', 'Link no longer valid'),
          main: html`<div class="auth-box"><h1>${tr(lang, 'Liên kết không còn hiệu lực', 'Link no longer valid')}</h1>
<p>${tr(lang, 'Liên kết đặt mật khẩu đã được dùng hoặc đã hết hạn.', 'This password link was already used or has expired.')}</p>
<p><a href="${p('forgot')}">${tr(lang, 'Yêu cầu liên kết mới', 'Ask for a new link')}</a></p></div>`,
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
      if (password !== str(request.body, 'confirm'))
        return resetPage(request, reply, token, { confirm: tr(lang, 'Hai lần nhập không khớp.', 'The two entries differ.') }, 422);
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
