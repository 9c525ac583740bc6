/**
 * Who is making a request: the session cookie becomes `request.session` and, once both
 * sign-in steps are done, `request.actor` with the person's grants. Also the CSRF check
 * every state-changing form goes through, and the session cookie itself.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/create-db.ts';
import { withTx } from '../../platform/db/create-db.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../access/index.ts';
import { grantsForActor, findAccountById } from './accounts.service.ts';
import { loadSession, SESSION_COOKIE, type SessionInfo } from './sessions.ts';
import { normaliseHostForSession } from './host.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session of the cookie, when live and for this host (possibly before its second factor). */
    session: SessionInfo | null;
    /** The signed-in person, once password and second factor are done. */
    actor: Actor | null;
    /** The signed-in person's display data. */
    person: { name: string; email: string } | null;
  }
}

/** Requests whose session is looked up: the admin area and the authenticated API. */
export const AUTH_PATHS = /^\/(quan-tri|english\/admin|api\/v1\/admin)(\/|$|\?|\.)/;

export function registerAuthHooks(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('person', null);
  app.addHook('preHandler', async (request) => {
    if (!AUTH_PATHS.test(request.url)) return;
    const token = (request.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    const session = await loadSession(db, token, normaliseHostForSession(request.headers.host));
    if (!session) return;
    const account = await findAccountById(db, session.accountId);
    if (!account || account.status !== 'active') return;
    request.session = session;
    request.person = { name: account.name, email: account.email };
    if (session.mfaPassed) {
      request.actor = { kind: 'person', accountId: account.id, email: account.email, grants: await grantsForActor(db, account.id), ip: request.ip, sessionId: session.id };
    }
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: request.protocol === 'https',
    sameSite: 'lax',
    maxAge: config.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * CSRF check for a POST: the token of the form must match the visitor's CSRF cookie and
 * session. A refusal is answered 403 and recorded in the audit log.
 */
export function csrfGuard(app: FastifyInstance, db: Db) {
  return (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    app.csrfProtection(request, reply, (err?: Error) => {
      if (!err) return done();
      void withTx(db, (tx) =>
        recordAudit(tx, {
          actorId: request.session?.accountId ?? null,
          actorLabel: request.person?.email ?? 'anonymous',
          ip: request.ip,
          action: 'security.csrf_rejected',
          summary: { method: request.method, path: request.url.split('?', 1)[0]!.slice(0, 200) },
        }),
      ).then(
        () => done(Object.assign(new Error('Invalid CSRF token'), { statusCode: 403, code: 'security.csrf_rejected' })),
        (auditErr: unknown) => done(auditErr as Error),
      );
    });
  };
}

/** The request's details for sign-in attempts and audit entries. */
export function attemptOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''), host: normaliseHostForSession(request.headers.host) };
}
