/** "My profile": one's own details and roles, password, second factor and sessions. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { Invalid } from '../../platform/http/errors.ts';
import { formRoute, queryForm, type FieldErrors } from '../../platform/http/forms.ts';
import type { AdminPageSpec } from '../../platform/views/admin-shell.ts';
import type { AdminContext } from './admin-context.ts';
import { csrfToken } from './auth.http.ts';
import { PasswordForm, ProfileQuery, SessionForm, TwoFactorForm, type ProfileNotice } from './accounts.schema.ts';
import { ownAccount } from './accounts.service.ts';
import { presentProfile, presentSessions } from './accounts.present.ts';
import { changePassword } from './password.service.ts';
import { endOwnSession, listSessionsOf } from './sessions.ts';
import type { AuthDeps } from './sign-in.service.ts';
import { disableOwnTwoFactor, regenerateRecoveryCodes, twoFactorState } from './two-factor.service.ts';
import { passwordView, profileView, sessionsView, twoFactorView } from './views/profile.view.ts';
import { paths } from './paths.ts';
import { t } from './messages.ts';

export function profileRoutes(routes: Routes, lang: Lang, deps: AuthDeps & { admin: AdminContext }): void {
  const { admin, db } = deps;
  const path = (name: keyof typeof paths.paths) => paths.paths[name][lang];
  const href = (name: keyof typeof paths.paths) => paths.href(lang, name);
  /** The notice of a redirect (`?tb=`), shown as done. */
  const done = (tb: ProfileNotice | '' | undefined): AdminPageSpec['notice'] => (tb ? { kind: 'ok', text: t(lang, `profileNotice.${tb}`) } : undefined);

  routes.get(path('profile'), queryForm(ProfileQuery), async (request, reply) => {
    const s = await admin.scope(request);
    const me = await ownAccount(db, s.actor.accountId);
    return admin.send(request, reply, profileView(lang, presentProfile(me, lang), done(request.query.tb)), s);
  });

  // ── Password ────────────────────────────────────────────────────────────────────────
  const passwordPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors,
    status: number,
    tb: ProfileNotice | '' | undefined = undefined,
  ) => {
    const s = await admin.scope(request);
    return admin.send(request, reply, passwordView(lang, csrfToken(request, reply), errors, done(tb)), s, status);
  };

  routes.get(path('password'), queryForm(ProfileQuery), async (request, reply) => passwordPage(request, reply, {}, 200, request.query.tb));
  routes.post(
    path('password'),
    {
      ...formRoute(PasswordForm, { render: (request, reply, { errors }, status) => passwordPage(request, reply, errors, status) }),
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const s = await admin.scope(request);
      const { current, password, confirm } = request.body;
      if (password !== confirm) {
        const message = t(lang, 'common.twoEntriesDiffer');
        throw new Invalid('password.mismatch', message, { details: [{ field: 'confirm', message }] });
      }
      // The gate lets only a signed-in session this far.
      await changePassword(deps, s.actor, request.session!.id, current, password);
      return reply.redirect(`${href('profile')}?tb=doi-mat-khau`, 303);
    },
  );

  // ── Second factor ───────────────────────────────────────────────────────────────────
  const twoFactorPage = async (request: FastifyRequest, reply: FastifyReply, o: { newCodes?: string[]; notice?: AdminPageSpec['notice'] }, status = 200) => {
    const s = await admin.scope(request);
    const state = await twoFactorState(deps, s.actor.accountId);
    return admin.send(request, reply, twoFactorView(lang, csrfToken(request, reply), { ...state, newCodes: o.newCodes }, o.notice), s, status);
  };

  routes.get(path('twoFactor'), queryForm(ProfileQuery), async (request, reply) => twoFactorPage(request, reply, { notice: done(request.query.tb) }));
  routes.post(
    path('twoFactor'),
    // Refused (a role requires it): the page again, saying why.
    formRoute(TwoFactorForm, {
      render: (request, reply, { errors }, status) =>
        twoFactorPage(request, reply, { notice: { kind: 'error', text: Object.values(errors).join(' ') } }, status),
    }),
    async (request, reply) => {
      const s = await admin.scope(request);
      if (request.body['thao-tac'] === 'tat') {
        await disableOwnTwoFactor(deps, s.actor);
        return reply.redirect(`${href('twoFactor')}?tb=tat-xac-thuc`, 303);
      }
      return twoFactorPage(request, reply, { newCodes: await regenerateRecoveryCodes(deps, s.actor) });
    },
  );

  // ── Sessions ────────────────────────────────────────────────────────────────────────
  routes.get(path('sessions'), queryForm(ProfileQuery), async (request, reply) => {
    const s = await admin.scope(request);
    const sessions = presentSessions(await listSessionsOf(db, s.actor.accountId), request.session!.id);
    return admin.send(request, reply, sessionsView(lang, csrfToken(request, reply), sessions, done(request.query.tb)), s);
  });

  routes.post(
    path('sessions'),
    // Nothing to show again: a reference that does not fit names no session, like an unknown one.
    formRoute(SessionForm, { render: (_request, reply) => reply.redirect(`${href('sessions')}?tb=ket-thuc-phien`, 303) }),
    async (request, reply) => {
      const s = await admin.scope(request);
      await endOwnSession(db, s.actor.accountId, request.session!.id, request.body.phien);
      return reply.redirect(`${href('sessions')}?tb=ket-thuc-phien`, 303);
    },
  );
}
