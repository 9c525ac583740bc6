/** The public schedule of a site's maintenance (/bao-tri, /english/maintenance). */
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import { requireSite } from '../sites/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { MaintenanceBoard } from './board.ts';
import { publicPaths } from './paths.ts';
import { publicListView } from './views/maintenance.view.ts';
import { t } from './messages.ts';

export function maintenancePublic(routes: Routes, L: Lang, deps: { shell: SiteShell; board: MaintenanceBoard }): void {
  routes.get(publicPaths.paths.maintenance[L], { schema: { querystring: NoQuery }, config: { cache: true } }, async (request, reply) => {
    const ctx = requireSite(request);
    await deps.board.prepare();
    const title = t(L, 'public.title');
    return deps.shell.sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: t(L, 'shell.home'), href: ctx.basePath ? `${ctx.basePath}/` : '/' }, { label: title }],
      main: publicListView(L, deps.board.forSite(ctx.site.id)),
    });
  });
}
