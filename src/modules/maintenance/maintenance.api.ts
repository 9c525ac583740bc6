/** GET /api/v1/maintenance/{siteCode}: a site's upcoming and current maintenance, public. */
import type { Routes } from '../../platform/module.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import { NotFound } from '../../platform/http/errors.ts';
import type { SiteWithHosts } from '../sites/index.ts';
import type { MaintenanceService } from './maintenance.service.ts';
import { presentApi } from './maintenance.present.ts';
import { ApiWindows, SiteCodeParams } from './maintenance.schema.ts';

export function maintenanceApi(routes: Routes, deps: { service: MaintenanceService; liveSites(): Promise<SiteWithHosts[]> }): void {
  routes.get(
    '/maintenance/:siteCode',
    {
      schema: {
        tags: ['maintenance'],
        summary: 'Lịch bảo trì / Upcoming and current maintenance of a site',
        description: 'Windows announced and not over, earliest first. During a window the public site answers 503 with Retry-After.',
        params: SiteCodeParams,
        response: { 200: ApiWindows, 404: ErrorBody },
      },
    },
    async (request) => {
      const site = (await deps.liveSites()).find((s) => s.code === request.params.siteCode);
      if (!site) throw new NotFound('site.not_found', `No site with code "${request.params.siteCode}"`);
      const now = new Date();
      const items = (await deps.service.open(now)).filter((w) => w.site_ids.includes(site.id));
      return { site: site.code, items: items.map((w) => presentApi(w, now.getTime())) };
    },
  );
}
