/**
 * Accounts: people who work on the platform, their per-site roles, sign-in with a second
 * factor, server-side sessions, and the administration area's frame (/quan-tri).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { SitesModule } from '../sites/index.ts';
import type { Actor } from '../access/index.ts';
import { createAdminContext } from './admin-context.ts';
import { adminHref, adminLang } from './admin-paths.ts';
import { loadSessionInto, registerAuthHooks } from './auth.http.ts';
import { Unauthorized } from '../../platform/http/errors.ts';
import { resolvePublicContext } from '../sites/index.ts';
import { registerAuthPages } from './auth.pages.ts';
import { registerProfilePages } from './profile.pages.ts';
import { registerAccountAdmin } from './accounts.admin.ts';
import { passwordExpired } from './password.service.ts';
import * as service from './accounts.service.ts';
import * as accountsRepo from './accounts.repo.ts';
import { resetTwoFactor } from './two-factor.service.ts';
import { currentTotp } from './totp.ts';
import { INACTIVE_DAYS } from './sign-in.service.ts';
import { demoTotp, seedDemoAccounts, type DemoAccount } from './demo-accounts.ts';

export { passwordProblems, hashPassword, verifyPassword } from './passwords.ts';
export { adminHref, adminLang, ADMIN_ROOT, ADMIN_PATHS } from './admin-paths.ts';
export { csrfGuard, csrfToken } from './auth.http.ts';
export type { AdminContext, AdminScope, NavEntry } from './admin-context.ts';
export type { AccountView } from './accounts.service.ts';
export { DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';

/** Admin pages anyone may open: signing in and recovering access. */
const OPEN_PAGES = new Set(['signIn', 'verify', 'enrol', 'forgot', 'reset', 'signOut'] as const);

function isOpenPage(path: string): boolean {
  const lang = adminLang(path);
  return [...OPEN_PAGES].some((name) => path === adminHref(lang, name));
}

export function accountsModule(platform: Platform, deps: { sites: SitesModule }) {
  const { db, config } = platform;
  const admin = createAdminContext(db, deps.sites);

  /**
   * The gate of the administration area: pages other than the sign-in ones need a fully
   * signed-in person; the rest are sent to the step they are missing.
   */
  async function gate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const path = request.url.split('?', 1)[0]!;
    if (request.routeOptions.config.signIn) return undefined;
    // TRANSITIONAL — routes outside the admin tree are told apart by their path.
    if (request.routeOptions.config.tree === undefined && (!/^\/(quan-tri|english\/admin)(\/|$|\.)/.test(path) || isOpenPage(path))) return undefined;
    const lang = adminLang(path);
    const isGet = request.method === 'GET' || request.method === 'HEAD';
    if (!request.session) {
      if (!isGet) throw new Unauthorized('auth.required', 'Sign-in required');
      return reply.redirect(`${adminHref(lang, 'signIn')}?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (!request.actor) {
      const account = await service.findAccountById(db, request.session.accountId);
      return reply.redirect(account?.totp_enabled_at ? `${adminHref(lang, 'verify')}?next=${encodeURIComponent(request.url)}` : adminHref(lang, 'enrol'), 303);
    }
    if (path !== adminHref(lang, 'password') && (await passwordExpired(db, request.session.accountId))) {
      return reply.redirect(`${adminHref(lang, 'password')}?tb=het-han-mat-khau`, 303);
    }
    return undefined;
  }

  /**
   * The admin tree's first hook: the session of the request, the site its host name names (the
   * working site when the session has none yet), then the sign-in gate.
   */
  async function adminRequestHook(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    await loadSessionInto(request, db);
    request.publicContext = await resolvePublicContext(request, deps.sites.directory);
    return gate(request, reply);
  }

  async function register(app: FastifyInstance): Promise<void> {
    registerAuthHooks(app, db);
    // TRANSITIONAL — the gate of admin routes not yet in the admin tree.
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.config.tree !== undefined) return;
      const sent = await gate(request, reply);
      if (sent) return sent;
    });
    const authDeps = { db, config, admin };
    registerAuthPages(app, authDeps);
    registerProfilePages(app, authDeps);
    registerAccountAdmin(app, authDeps);
    admin.addNav({ label: { vi: 'Tài khoản', en: 'Accounts' }, path: 'accounts', action: 'accounts.list' });
    admin.addNav({ label: { vi: 'Hồ sơ của tôi', en: 'My profile' }, path: 'profile', action: 'always' });
  }

  const system: Actor = { kind: 'system', label: 'cli' };
  return {
    name: 'accounts',
    register,
    adminRequestHook,
    admin,
    createPlatformAdmin: (input: { email: string; name: string; password: string }) => service.createPlatformAdmin(db, system, input),
    suspendByEmail: (email: string, reason: string) => service.suspendByEmail(db, system, email, reason),
    resetTwoFactor: (email: string) => resetTwoFactor({ db, config }, system, email),
    suspendInactive: () => service.suspendInactiveAccounts(db, INACTIVE_DAYS),
    deleteExpiredSessions: () => service.deleteExpiredSessions(db, new Date()),
    currentTotp,
    seedDemoAccounts: (accounts: readonly DemoAccount[], siteIdOf: (code: string) => number | undefined) => seedDemoAccounts(db, accounts, siteIdOf),
    demoTotp: (email: string) => demoTotp(db, email),
    /** Ids of accounts by e-mail (the demo seeder acts as the demo board). */
    demoAccountIds: (emails: readonly string[]) => accountsRepo.idsByEmail(db, emails),
    /** Active people holding one of `roles` on a site: who to notify. */
    accountsWithRoles: (siteId: number, roles: readonly string[]) => accountsRepo.accountsWithRoles(db, siteId, roles),
    /** Active agency responders of `unit` on a site: who answers for that agency. */
    respondersOf: (siteId: number, unit: string) => accountsRepo.respondersOf(db, siteId, unit),
    /** Name and e-mail of one account. */
    async contact(id: number) {
      const a = await service.findAccountById(db, id);
      return a ? { id: a.id, name: a.name, email: a.email, status: a.status } : undefined;
    },
    /** The unit (department, office) each account belongs to, as its profile says. */
    async unitsOf(ids: readonly number[]): Promise<Map<number, string>> {
      const out = new Map<number, string>();
      for (const id of new Set(ids)) {
        const a = await service.findAccountById(db, id);
        if (a) out.set(id, a.unit);
      }
      return out;
    },
    /** Security state shown on the dashboard. */
    async accountInfo(id: number) {
      const a = await service.findAccountById(db, id);
      return { twoFactor: Boolean(a?.totp_enabled_at), passwordChangedAt: a?.password_changed_at ?? new Date(), lastSignInAt: a?.last_sign_in_at ?? null };
    },
  };
}

export type AccountsModule = ReturnType<typeof accountsModule>;
