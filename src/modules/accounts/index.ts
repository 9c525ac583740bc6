/**
 * Accounts: people who work on the platform, their per-site roles, sign-in with a second
 * factor, server-side sessions, and the administration area's frame (/quan-tri) and gate.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { SitesModule } from '../sites/index.ts';
import type { DirectoryModule } from '../directory/index.ts';
import type { Actor } from '../access/index.ts';
import { createAdminContext } from './admin-context.ts';
import { adminGate } from './admin-gate.ts';
import { registerAuthHooks, type ActorExtension } from './auth.http.ts';
import { signInRoutes } from './sign-in.admin.ts';
import { profileRoutes } from './profile.admin.ts';
import { accountRoutes, type AccountSection } from './accounts.admin.ts';
import * as service from './accounts.service.ts';
import * as accountsRepo from './accounts.repo.ts';
import { resetTwoFactor } from './two-factor.service.ts';
import { currentTotp } from './totp.ts';
import { INACTIVE_DAYS } from './sign-in.service.ts';
import { DEMO_ACCOUNTS, demoTotp, seedDemoAccounts, type DemoAccount } from './demo-accounts.ts';
import { paths } from './paths.ts';
import { t } from './messages.ts';

export { passwordProblems, hashPassword, verifyPassword } from './passwords.ts';
export { paths as accountsPaths } from './paths.ts';
export { csrfGuard, csrfToken } from './auth.http.ts';
export type { AdminContext, AdminScope, NavEntry } from './admin-context.ts';
export type { ActorExtension } from './auth.http.ts';
export type { AccountSection } from './accounts.admin.ts';
export type { AccountView } from './accounts.present.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';

export function accountsModule(platform: Platform, deps: { sites: SitesModule; directory: Pick<DirectoryModule, 'activeUnitOf' | 'choices' | 'ensureUnits'> }) {
  const { db, config } = platform;
  const admin = createAdminContext(db, deps.sites);
  /** What other modules add to a signed-in person's Actor (the sites they oversee), and to an account's page. */
  const actorExtensions: ActorExtension[] = [];
  const accountSections: AccountSection[] = [];
  const { adminRequestHook } = adminGate(db, deps.sites, actorExtensions);
  const routeDeps = { db, config, admin, sections: accountSections };
  const system: Actor = { kind: 'system', label: 'cli' };
  const siteIdOf = async () => {
    const sites = await deps.sites.listSites();
    return (code: string) => sites.find((s) => s.code === code)?.id;
  };
  /** The demo's grants name units of the sites' directories (created when missing). */
  const unitIdOf = async (siteId: number, name: string) => (await deps.directory.ensureUnits(siteId, [name]))[0]?.id;
  const suspendInactive = () => service.suspendInactiveAccounts(db, INACTIVE_DAYS);
  const deleteExpiredSessions = () => service.deleteExpiredSessions(db, new Date());
  return defineModule({
    name: 'accounts',
    needs: ['sites', 'directory'],
    setup: (app) => registerAuthHooks(app, db),
    adminRoutes: (routes, lang) => {
      signInRoutes(routes, lang, routeDeps);
      profileRoutes(routes, lang, routeDeps);
      accountRoutes(routes, lang, { ...routeDeps, units: deps.directory });
    },
    jobs: [
      { name: 'sessions.cleanup', everyMs: 10 * 60_000, run: deleteExpiredSessions },
      { name: 'accounts.suspend_inactive', everyMs: 60 * 60_000, run: suspendInactive },
    ],
    adminNav: [
      { label: (lang) => t(lang, 'nav.accounts'), href: (lang) => paths.href(lang, 'accounts'), action: 'accounts.list' },
      { label: (lang) => t(lang, 'nav.profile'), href: (lang) => paths.href(lang, 'profile'), action: 'always' },
    ],
    seed: async () => ({ accounts: await seedDemoAccounts(db, DEMO_ACCOUNTS, await siteIdOf(), unitIdOf) }),
    provides: {
      /** The admin tree's first hook (session, site, sign-in gate). */
      adminRequestHook,
      /** The administration's frame: scope of a request, page rendering, navigation. */
      admin,
      createPlatformAdmin: (input: { email: string; name: string; password: string }) => service.createPlatformAdmin(db, system, input),
      suspendByEmail: (email: string, reason: string) => service.suspendByEmail(db, system, email, reason),
      resetTwoFactor: (email: string) => resetTwoFactor({ db, config }, system, email),
      suspendInactive,
      deleteExpiredSessions,
      currentTotp,
      seedDemoAccounts: (accounts: readonly DemoAccount[], siteIdOf: (code: string) => number | undefined) =>
        seedDemoAccounts(db, accounts, siteIdOf, unitIdOf),
      demoTotp: (email: string) => demoTotp(db, email),
      /** The demo's sites by code and demo accounts by e-mail: what other modules' demo seeds act as. */
      async demoIds(): Promise<{ siteIds: ReadonlyMap<string, number>; accountIds: ReadonlyMap<string, number> }> {
        const sites = await deps.sites.listSites();
        const accounts = await accountsRepo.idsByEmail(
          db,
          DEMO_ACCOUNTS.map((a) => a.email),
        );
        return { siteIds: new Map(sites.map((s) => [s.code, s.id])), accountIds: new Map(accounts.map((a) => [a.email, a.id])) };
      },
      /** Ids of accounts by e-mail (the demo seeder acts as the demo board). */
      demoAccountIds: (emails: readonly string[]) => accountsRepo.idsByEmail(db, emails),
      /** Adds to every signed-in person's Actor what `extend` finds (modules/oversight: the sites overseen). */
      extendActor: (extend: ActorExtension): void => {
        actorExtensions.push(extend);
      },
      /** Adds a section to an account's page in the administration (after its roles). */
      addAccountSection: (section: AccountSection): void => {
        accountSections.push(section);
      },
      /** The role grants of an account, as its Actor carries them. */
      grantsOf: (accountId: number) => service.grantsForActor(db, accountId),
      /** Active people holding one of `roles` on a site: who to notify. */
      accountsWithRoles: (siteId: number, roles: readonly string[]) => accountsRepo.accountsWithRoles(db, siteId, roles),
      /** Active agency responders of a unit on a site (its id, or its name in the directory): who answers for that agency. */
      respondersOf: (siteId: number, unit: number | string) => accountsRepo.respondersOf(db, siteId, unit),
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
    },
  });
}

export type AccountsModule = ReturnType<typeof accountsModule>;
