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
import type { Actor, Grant } from '../access/index.ts';
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

export function registerAuthHooks(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('person', null);
  app.addHook('onError', async (request, _reply, error) => {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('FST_CSRF_')) return;
    await withTx(db, (tx) =>
      recordAudit(tx, {
        actorId: request.session?.accountId ?? null,
        actorLabel: request.person?.email ?? 'anonymous',
        ip: request.ip,
        action: 'security.csrf_rejected',
        summary: { method: request.method, path: request.url.split('?', 1)[0]!.slice(0, 200), reason: code },
      }),
    );
  });
}

/**
 * What another module adds to a signed-in person's Actor, from their grants: the sites they oversee
 * (modules/oversight). Registered through the accounts module's `extendActor`.
 */
export type ActorExtension = (accountId: number, grants: readonly Grant[]) => Promise<Pick<Actor & { kind: 'person' }, 'oversees'>>;

/** The session of the request's cookie (if live, active and for this host) as `request.session`, `.person`, `.actor`. */
export async function loadSessionInto(request: FastifyRequest, db: Db, extensions: readonly ActorExtension[] = []): Promise<void> {
  const token = request.cookies?.[SESSION_COOKIE];
  const session = await loadSession(db, token, normaliseHostForSession(request.headers.host));
  if (!session) return;
  const account = await findAccountById(db, session.accountId);
  if (account?.status !== 'active') return;
  request.session = session;
  request.person = { name: account.name, email: account.email };
  if (session.mfaPassed) {
    const grants = await grantsForActor(db, account.id);
    let extra = {};
    for (const extend of extensions) extra = { ...extra, ...(await extend(account.id, grants)) };
    request.actor = { kind: 'person', accountId: account.id, email: account.email, grants, ip: request.ip, sessionId: session.id, ...extra };
  }
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
 * session. The plugin answers a refusal itself (403); the onError hook in
 * registerAuthHooks records it in the audit log.
 */
export function csrfGuard(app: FastifyInstance, _db: Db) {
  return app.csrfProtection;
}

/** The request's details for sign-in attempts and audit entries. */
export function attemptOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''), host: normaliseHostForSession(request.headers.host) };
}

/** A CSRF token for a form, bound to the visitor's session (or to "anonymous" before sign-in). */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: request.session?.id ?? 'anonymous' });
}
