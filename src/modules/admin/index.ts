/** The administration area's own pages: the dashboard, the site switcher and the audit-log viewer. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { registerAuditViewer } from './audit.admin.ts';
import { registerDashboard, type DashboardCard } from './dashboard.pages.ts';

export type { DashboardCard } from './dashboard.pages.ts';

export function adminModule(platform: Platform, deps: { accounts: AccountsModule }) {
  const cards: DashboardCard[] = [];
  return {
    name: 'admin',
    /** Later capabilities add their dashboard cards here, before registration. */
    addCard: (card: DashboardCard) => cards.push(card),
    async register(app: FastifyInstance) {
      const { admin } = deps.accounts;
      registerDashboard(app, admin, cards, deps.accounts.accountInfo);
      registerAuditViewer(app, platform.db, admin);
      admin.addNav({ label: { vi: 'Nhật ký hệ thống', en: 'Audit log' }, path: 'audit', action: 'audit.view' });
    },
  };
}
