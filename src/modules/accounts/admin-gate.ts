/**
 * The gate of the administration area: the admin tree's first hook loads the session and the
 * site of the host name, then sends anyone not fully signed in to the step they miss (sign-in,
 * second factor or enrolment, an expired administrator password) — except on routes that
 * declare `config: { signIn: true }`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import { Unauthorized } from '../../platform/http/errors.ts';
import { adminLang } from '../../platform/http/paths.ts';
import { resolvePublicContext, type SitesModule } from '../sites/index.ts';
import { loadSessionInto, type ActorExtension } from './auth.http.ts';
import { findAccountById } from './accounts.service.ts';
import { passwordExpired } from './password.service.ts';
import { paths } from './paths.ts';

export function adminGate(db: Db, sites: SitesModule, extensions: readonly ActorExtension[] = []) {
  /** Pages other than the sign-in ones need a fully signed-in person; the rest are sent to the step they miss. */
  async function gate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const path = request.url.split('?', 1)[0]!;
    if (request.routeOptions.config.signIn) return undefined;
    const lang = adminLang(path);
    const isGet = request.method === 'GET' || request.method === 'HEAD';
    if (!request.session) {
      if (!isGet) throw new Unauthorized('auth.required', 'Sign-in required');
      return reply.redirect(`${paths.href(lang, 'signIn')}?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (!request.actor) {
      const account = await findAccountById(db, request.session.accountId);
      return reply.redirect(
        account?.totp_enabled_at ? `${paths.href(lang, 'verify')}?next=${encodeURIComponent(request.url)}` : paths.href(lang, 'enrol'),
        303,
      );
    }
    if (path !== paths.href(lang, 'password') && (await passwordExpired(db, request.session.accountId))) {
      return reply.redirect(`${paths.href(lang, 'password')}?tb=het-han-mat-khau`, 303);
    }
    return undefined;
  }

  /**
   * The admin tree's first hook: the session of the request, the site its host name names (the
   * working site when the session has none yet), then the sign-in gate.
   */
  async function adminRequestHook(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    await loadSessionInto(request, db, extensions);
    request.publicContext = await resolvePublicContext(request, sites.directory);
    return gate(request, reply);
  }

  return { adminRequestHook };
}
