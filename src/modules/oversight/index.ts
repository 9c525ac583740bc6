/**
 * Who oversees whom (issue 14, point 9): a portal's editorial board head, given an oversight grant by
 * a platform administrator, reads the queues, requests and compliance figures of every site below
 * that portal on one dashboard, and opens any of them read only through the site switcher. The
 * grant adds the overseen sites to the person's Actor (accounts' `extendActor`); what they allow is
 * the access matrix's OVERSIGHT_ACTIONS, checked by the services that own the figures.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import { isPlatformAdmin } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { DashboardCard } from '../admin/index.ts';
import { currentQuarter, type CalendarModule } from '../calendar/index.ts';
import type { ContentModule } from '../content/index.ts';
import type { InquiriesModule } from '../inquiries/index.ts';
import type { SitesModule } from '../sites/index.ts';
import { accountSection, oversightRoutes, type OversightAdminDeps } from './oversight.admin.ts';
import { OversightService } from './oversight.service.ts';
import { insertGrant } from './oversight.repo.ts';
import { paths } from './paths.ts';
import { oversightCard } from './views/oversight.view.ts';

export { OversightService, descendantsOf } from './oversight.service.ts';
export { paths as oversightPaths } from './paths.ts';

export function oversightModule(
  platform: Platform,
  deps: { sites: SitesModule; accounts: AccountsModule; content: ContentModule; inquiries: InquiriesModule; calendar: CalendarModule },
) {
  const service = new OversightService({ db: platform.db, sites: deps.sites, accounts: deps.accounts });
  deps.accounts.extendActor(async (accountId, grants) => ({ oversees: await service.overseenBy(accountId, grants) }));
  const section = accountSection(service);
  deps.accounts.addAccountSection((request, reply, s, account) => section(request, reply, s, account.id));

  const figures: OversightAdminDeps['figures'] = async (s, siteId) => {
    const now = new Date();
    const site = (await deps.sites.directory.byId(siteId))!;
    const [content, inquiries, report] = await Promise.all([
      deps.content.content.oversightFigures(s.actor, siteId, now),
      deps.inquiries.handling.oversightFigures(s.actor, siteId, now),
      deps.calendar.compliance.report(s.actor, {
        sites: [{ id: site.id, code: site.code, name: site.name_vi, kind: site.kind === 'portal' ? 'portal' : 'component' }],
        period: currentQuarter(now),
        now,
        lang: s.lang,
      }),
    ]);
    return {
      waiting: content.waiting,
      overdueReviews: content.overdueReviews,
      openInquiries: inquiries.open,
      overdueInquiries: inquiries.overdue,
      overdueDeadlines: report.overdue.length,
      rate: report.overall.rate,
    };
  };

  const card: DashboardCard = {
    action: 'always',
    async render(s) {
      const count = s.actor.oversees?.length ?? 0;
      if (count === 0 || isPlatformAdmin(s.actor)) return html``;
      return oversightCard(s.lang, count, paths.href(s.lang, 'oversight'));
    },
  };

  return defineModule({
    name: 'oversight',
    needs: ['sites', 'accounts', 'admin', 'calendar', 'content', 'inquiries'],
    adminRoutes: (routes, lang) => oversightRoutes(routes, lang, { admin: deps.accounts.admin, service, figures }),
    dashboardCards: [card],
    /** The demo: the city portal's board head oversees every site below the portal. */
    seed: async () => {
      const { siteIds, accountIds } = await deps.accounts.demoIds();
      const site = siteIds.get('hanoi');
      const account = accountIds.get('truongban.hanoi@cong.example');
      const added = site !== undefined && account !== undefined && (await insertGrant(platform.db, account, site, null));
      return { oversight: added ? 1 : 0 };
    },
    provides: { service },
  });
}

export type OversightModule = ReturnType<typeof oversightModule>;
