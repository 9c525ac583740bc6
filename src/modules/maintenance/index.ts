/**
 * Maintenance notices (OPS-4): an operator announces a maintenance window of their site at least
 * its notice period ahead in working days (platform admins: several sites, a portal and its
 * children, or all); the sites' people get an e-mail, every public page of the affected sites
 * shows a notice from the announcement until the window ends, /bao-tri lists them, and during
 * the window the public site answers 503 with Retry-After while the administration stays usable.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import { renderPlatformPage } from '../../platform/views/platform-page.ts';
import { ROLES } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { CalendarModule } from '../calendar/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { requireSite, siteHref, siteName, type SitesModule } from '../sites/index.ts';
import { MaintenanceBoard } from './board.ts';
import { maintenanceAdmin } from './maintenance.admin.ts';
import { maintenanceApi } from './maintenance.api.ts';
import { maintenancePublic } from './maintenance.public.ts';
import { bannerOf } from './maintenance.present.ts';
import { MAINTENANCE_CHANNEL, seedDemoWindow } from './maintenance.repo.ts';
import { maintenanceService } from './maintenance.service.ts';
import { adminPaths, publicPaths } from './paths.ts';
import { downView } from './views/maintenance.view.ts';
import { t } from './messages.ts';

export { noticeCheck } from './notice.ts';
export { DEFAULT_NOTICE_DAYS, type ScheduleInput, type MaintenanceService } from './maintenance.service.ts';

export function maintenanceModule(platform: Platform, deps: { sites: SitesModule; shell: SiteShell; accounts: AccountsModule; calendar: CalendarModule }) {
  const board = new MaintenanceBoard(platform.db);
  const liveSites = () => deps.sites.directory.liveSites();
  const service = maintenanceService({
    db: platform.db,
    calendar: deps.calendar.calendar,
    liveSites,
    people: (siteId) => deps.accounts.accountsWithRoles(siteId, ROLES),
    changed: () => board.invalidate(),
  });

  deps.shell.addExtension({
    prepare: () => board.prepare(),
    cacheStamp: (siteId) => board.stamp(siteId),
    notices(request) {
      const ctx = requireSite(request);
      const href = siteHref(ctx, publicPaths.path(ctx.lang, 'maintenance'));
      return board.forSite(ctx.site.id).map((w) => bannerOf(w, ctx.lang, href));
    },
    answer(request, reply) {
      const ctx = request.publicContext;
      if (!ctx?.site) return false;
      const w = board.current(ctx.site.id);
      if (!w) return false;
      const seconds = Math.max(1, Math.ceil((w.expected_end_at.getTime() - Date.now()) / 1000));
      const body = renderPlatformPage(ctx.lang, t(ctx.lang, 'down.title'), downView(ctx.lang, siteName(ctx.site, ctx.lang), w));
      void reply.code(503).header('retry-after', String(seconds)).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
      return true;
    },
  });

  return defineModule({
    name: 'maintenance',
    needs: ['sites', 'site-shell', 'accounts', 'calendar'],
    setup: async (app) => {
      if (platform.listen) {
        const stop = await platform.listen(MAINTENANCE_CHANNEL, () => board.invalidate());
        app.addHook('onClose', async () => stop());
      }
    },
    publicRoutes: (routes, lang) => maintenancePublic(routes, lang, { shell: deps.shell, board }),
    adminRoutes: (routes, lang) => maintenanceAdmin(routes, lang, { admin: deps.accounts.admin, service, liveSites }),
    apiRoutes: (routes) => maintenanceApi(routes, { service, liveSites }),
    apiTags: [{ name: 'maintenance', description: 'Maintenance windows announced for the sites (OPS-4)' }],
    adminNav: [{ label: (lang) => t(lang, 'nav'), href: (lang) => adminPaths.href(lang, 'maintenance'), action: 'maintenance.schedule' }],
    seed: async () => ({ maintenance: await seedDemoWindow(platform.db, 'phuongbadinh') }),
    provides: { service, board },
  });
}

export type MaintenanceModule = ReturnType<typeof maintenanceModule>;
