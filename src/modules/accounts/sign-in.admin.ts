/**
 * Signing in and recovering access, in the admin tree: password, second factor (or enrolment when
 * a role requires it and none is set up), sign-out, forgotten password and reset. These pages are
 * open (`signIn: true`: no gate) and rate-limited per address. Each refusal is a clear message in
 * the visitor's language; the form keeps the e-mail.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { adminHrefByName } from '../../platform/http/paths.ts';
import { Invalid } from '../../platform/http/errors.ts';
import { formRoute, queryForm, type FieldErrors } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { AdminPageSpec } from '../../platform/views/admin-shell.ts';
import type { AdminContext } from './admin-context.ts';
import { attemptOf, clearSessionCookie, csrfToken, setSessionCookie } from './auth.http.ts';
import { EnrolForm, ForgotForm, ResetForm, ResetQuery, SignInForm, SignInQuery, SignOutForm, VerifyForm, VerifyQuery } from './accounts.schema.ts';
import { completePasswordReset, requestPasswordReset, resetTokenValid } from './password.service.ts';
import { completeSecondFactor, signIn, signOut, type AuthDeps } from './sign-in.service.ts';
import { confirmEnrolment, startEnrolment } from './two-factor.service.ts';
import { badLinkView, forgotView, resetView } from './views/password-reset.view.ts';
import { enrolView, recoveryCodesView, signInView, verifyView } from './views/sign-in.view.ts';
import { paths } from './paths.ts';
import { t } from './messages.ts';

/** Where to go after signing in: only a path inside the admin area. */
export function safeNext(value: string, lang: Lang): string {
  return /^\/(quan-tri|english\/admin)(\/[^\s]*)?$/.test(value) && !value.includes('//') ? value : adminHrefByName(lang, 'dashboard');
}

/** The one problem a sign-in form shows (these forms have a notice, not a summary). */
function firstError(errors: FieldErrors): string | undefined {
  return Object.values(errors)[0];
}

export function signInRoutes(routes: Routes, lang: Lang, deps: AuthDeps & { admin: AdminContext }): void {
  const { admin } = deps;
  const open = { signIn: true } as const;
  /** Open, and at most `max` posts a minute from one address. */
  const limited = (max: number) => ({ signIn: true, rateLimit: { max, timeWindow: '1 minute' } });
  const path = (name: keyof typeof paths.paths) => paths.paths[name][lang];
  const href = (name: keyof typeof paths.paths) => paths.href(lang, name);
  const expired = `${href('signIn')}?tb=het-phien`;
  const send = (request: FastifyRequest, reply: FastifyReply, page: AdminPageSpec, status = 200) => admin.send(request, reply, page, undefined, status);

  // ── Password ────────────────────────────────────────────────────────────────────────
  const signInPage = (request: FastifyRequest, reply: FastifyReply, o: Parameters<typeof signInView>[2], status = 200) =>
    send(request, reply, signInView(lang, csrfToken(request, reply), o), status);

  routes.get(path('signIn'), { ...queryForm(SignInQuery), config: open }, async (request, reply) => {
    const { next = '', tb } = request.query;
    return signInPage(request, reply, { email: '', next, notice: tb ? t(lang, `signInNotice.${tb}`) : undefined });
  });

  routes.post(
    path('signIn'),
    {
      ...formRoute(SignInForm, {
        render: (request, reply, { values, errors }, status) =>
          signInPage(request, reply, { email: values.email ?? '', next: values.next ?? '', error: firstError(errors) }, status),
      }),
      config: limited(20),
    },
    async (request, reply) => {
      const { email, password, next } = request.body;
      const outcome = await signIn(deps, email, password, attemptOf(request));
      if (!outcome.ok) {
        if (outcome.reason === 'throttled') {
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          const error = t(lang, 'auth.tooManyFailedSignIns', { retryAfterSeconds: outcome.retryAfterSeconds });
          return signInPage(request, reply, { email, next, error }, 429);
        }
        if (outcome.reason === 'suspended') return signInPage(request, reply, { email, next, error: t(lang, 'auth.accountSuspendedPleaseContactSite') }, 403);
        return signInPage(request, reply, { email, next, error: t(lang, 'auth.wrongEMailPasswordAccount') }, 401);
      }
      setSessionCookie(request, reply, deps.config, outcome.token);
      const to = safeNext(next, lang);
      return reply.redirect(
        outcome.next === 'totp' ? `${href('verify')}?next=${encodeURIComponent(to)}` : outcome.next === 'enrol-totp' ? href('enrol') : to,
        303,
      );
    },
  );

  // ── Second factor ───────────────────────────────────────────────────────────────────
  const verifyPage = (request: FastifyRequest, reply: FastifyReply, next: string, error?: string) =>
    send(request, reply, verifyView(lang, csrfToken(request, reply), { next, error }), error ? 401 : 200);

  routes.get(path('verify'), { ...queryForm(VerifyQuery), config: open }, async (request, reply) => {
    if (!request.session) return reply.redirect(expired, 303);
    if (request.session.mfaPassed) return reply.redirect(adminHrefByName(lang, 'dashboard'), 303);
    return verifyPage(request, reply, request.query.next ?? '');
  });

  routes.post(
    path('verify'),
    {
      ...formRoute(VerifyForm, {
        render: (request, reply, { values, errors }) =>
          verifyPage(request, reply, values.next ?? '', firstError(errors) ?? t(lang, 'auth.codeWrongWasAlreadyUsed')),
      }),
      config: limited(20),
    },
    async (request, reply) => {
      if (!request.session) return reply.redirect(expired, 303);
      const outcome = await completeSecondFactor(deps, request.session, request.body.code, attemptOf(request));
      if (!outcome.ok) {
        if (outcome.locked) {
          clearSessionCookie(reply);
          return reply.redirect(`${href('signIn')}?tb=tam-khoa`, 303);
        }
        return verifyPage(request, reply, request.body.next, t(lang, 'auth.codeWrongWasAlreadyUsed'));
      }
      setSessionCookie(request, reply, deps.config, outcome.token);
      return reply.redirect(safeNext(request.body.next, lang), 303);
    },
  );

  // ── Enrolment ───────────────────────────────────────────────────────────────────────
  const enrolPage = async (request: FastifyRequest, reply: FastifyReply, error?: string) => {
    if (!request.session) return reply.redirect(expired, 303);
    const enrolment = await startEnrolment(deps, request.session.accountId);
    return send(request, reply, enrolView(lang, csrfToken(request, reply), { qrSvg: enrolment.qrSvg, secret: enrolment.secret, error }), error ? 422 : 200);
  };

  routes.get(path('enrol'), { schema: { querystring: NoQuery }, config: open }, async (request, reply) => enrolPage(request, reply));

  routes.post(
    path('enrol'),
    {
      ...formRoute(EnrolForm, {
        render: (request, reply, { errors }) => enrolPage(request, reply, firstError(errors) ?? t(lang, 'auth.wrongCodeCheckTimeYour')),
      }),
      config: limited(20),
    },
    async (request, reply) => {
      if (!request.session) return reply.redirect(expired, 303);
      const done = await confirmEnrolment(deps, request.session, request.body.code, attemptOf(request));
      if (!done.ok) return enrolPage(request, reply, t(lang, 'auth.wrongCodeCheckTimeYour'));
      setSessionCookie(request, reply, deps.config, done.token);
      return send(request, reply, recoveryCodesView(lang, done.recoveryCodes));
    },
  );

  // ── Sign-out ────────────────────────────────────────────────────────────────────────
  routes.post(
    path('signOut'),
    {
      // The form has no field: nothing to show again but the sign-in page.
      ...formRoute(SignOutForm, {
        render: (request, reply, { errors }, status) => signInPage(request, reply, { email: '', next: '', error: firstError(errors) }, status),
      }),
      config: open,
    },
    async (request, reply) => {
      if (request.session) await signOut(deps, request.session, request.person?.email ?? '', request.ip);
      clearSessionCookie(reply);
      return reply.redirect(`${href('signIn')}?tb=dang-xuat`, 303);
    },
  );

  // ── Forgotten password ──────────────────────────────────────────────────────────────
  const forgotPage = (request: FastifyRequest, reply: FastifyReply, o: Parameters<typeof forgotView>[2], status = 200) =>
    send(request, reply, forgotView(lang, csrfToken(request, reply), o), status);

  routes.get(path('forgot'), { schema: { querystring: NoQuery }, config: open }, async (request, reply) =>
    forgotPage(request, reply, { email: '', sent: false }),
  );

  routes.post(
    path('forgot'),
    {
      ...formRoute(ForgotForm, {
        render: (request, reply, { values, errors }, status) =>
          forgotPage(request, reply, { email: values.email ?? '', sent: false, error: errors.email }, status),
      }),
      config: limited(5),
    },
    async (request, reply) => {
      const { email } = request.body;
      await requestPasswordReset(deps, email, request.ip, `${request.protocol}://${request.host}${href('reset')}`);
      return forgotPage(request, reply, { email, sent: true });
    },
  );

  // ── Reset (also the invitation's "set your password") ───────────────────────────────
  const resetPage = (request: FastifyRequest, reply: FastifyReply, token: string, errors: FieldErrors = {}, status = 200) =>
    send(request, reply, resetView(lang, csrfToken(request, reply), token, errors), status);
  const badLink = (request: FastifyRequest, reply: FastifyReply) => send(request, reply, badLinkView(lang), 400);

  routes.get(path('reset'), { ...queryForm(ResetQuery), config: open }, async (request, reply) => {
    const token = request.query.ma ?? '';
    if (!(await resetTokenValid(deps, token))) return badLink(request, reply);
    return resetPage(request, reply, token);
  });

  routes.post(
    path('reset'),
    {
      ...formRoute(ResetForm, { render: (request, reply, { values, errors }, status) => resetPage(request, reply, values.ma ?? '', errors, status) }),
      config: limited(10),
    },
    async (request, reply) => {
      const { ma: token, password, confirm } = request.body;
      if (password !== confirm) {
        const message = t(lang, 'common.twoEntriesDiffer');
        throw new Invalid('password.mismatch', message, { details: [{ field: 'confirm', message }] });
      }
      if (!(await completePasswordReset(deps, token, password, request.ip)).ok) return badLink(request, reply);
      clearSessionCookie(reply);
      return reply.redirect(`${href('signIn')}?tb=da-dat-lai`, 303);
    },
  );
}
