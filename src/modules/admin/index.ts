/** The administration area's own pages: the dashboard, the site switcher and the audit-log viewer. */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { AuditModule } from '../audit/index.ts';
import { auditRoutes } from './audit.admin.ts';
import { dashboardRoutes, type DashboardCard } from './dashboard.admin.ts';
import { paths } from './paths.ts';
import { t } from './messages.ts';

export type { DashboardCard } from './dashboard.admin.ts';
export { paths as adminPaths } from './paths.ts';

export function adminModule(_platform: Platform, deps: { accounts: AccountsModule; audit: AuditModule }) {
  const { admin, accountInfo } = deps.accounts;
  const cards: DashboardCard[] = [];
  return defineModule({
    name: 'admin',
    needs: ['audit', 'accounts'],
    adminRoutes: (routes, lang) => {
      dashboardRoutes(routes, lang, { admin, accountInfo, cards });
      auditRoutes(routes, lang, { admin, audit: deps.audit });
    },
    adminNav: [{ label: (lang) => t(lang, 'nav.audit'), href: (lang) => paths.href(lang, 'audit'), action: 'audit.view' }],
    provides: {
      /** Adds a card to the dashboard: `modules.ts` adds those the manifests declare (`dashboardCards`). */
      addCard: (card: DashboardCard): void => {
        cards.push(card);
      },
    },
  });
}

export type AdminModule = ReturnType<typeof adminModule>;
