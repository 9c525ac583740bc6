/**
 * The consoles' list of requests (/quan-tri/hoi-dap, /english/admin/inquiries): tabs by stage
 * with their counts, the overdue and due-soon queues, filters, pages of 50. The board sees every
 * request of the site; an agency's responders only their agency's (the service filters).
 *
 *   ?giai_doan=<stage>|qua-han|sap-den-han  &kenh=<channel>  &linh_vuc=<field>  &tim=<words>  &trang=<n>
 */
import { queryForm } from '../../platform/http/forms.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { can } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import type { AgencyService } from './agencies.service.ts';
import { siteScope } from './console-scope.ts';
import type { HandlingService } from './handling.service.ts';
import { ListQuery, QUEUES } from './inquiries.schema.ts';
import { isStatus } from './inquiry-types.ts';
import { adminPaths } from './paths.ts';
import { requestListModel } from './present/list.present.ts';
import { okNotice } from './views/console-parts.ts';
import { requestListMain } from './views/request-list.view.ts';
import { t } from './messages.ts';

export interface ListDeps {
  admin: AccountsModule['admin'];
  handling: HandlingService;
  agencies: AgencyService;
}

const PAGE = 50;
const SOON_MS = 2 * 86_400_000;

export function listRoutes(routes: Routes, lang: Lang, deps: ListDeps): void {
  const base = adminPaths.href(lang, 'inquiries');

  routes.get(adminPaths.paths.inquiries[lang], queryForm(ListQuery), async (request, reply) => {
    const s = await siteScope(deps.admin, request);
    const q = request.query;
    const now = new Date();
    const f = { tab: q.giai_doan ?? '', channel: q.kenh ?? '', field: q.linh_vuc ?? '', text: (q.tim ?? '').trim(), page: Math.min(10_000, q.trang ?? 1) };
    const status = isStatus(f.tab) ? f.tab : '';
    const queue = f.tab === QUEUES.overdue ? now : f.tab === QUEUES.soon ? new Date(now.getTime() + SOON_MS) : undefined;
    const common = {
      ...(f.channel ? { channel: f.channel } : {}),
      ...(f.field ? { field: f.field } : {}),
      ...(f.text ? { q: f.text } : {}),
    };
    const [list, counts, overdue, soon, agencies] = await Promise.all([
      deps.handling.list(s.actor, s.site.id, {
        ...common,
        ...(status ? { statuses: [status] } : {}),
        ...(queue ? { dueBefore: queue } : {}),
        ...(f.tab === QUEUES.soon ? { dueAfter: now } : {}),
        limit: PAGE,
        offset: (f.page - 1) * PAGE,
      }),
      deps.handling.counts(s.actor, s.site.id),
      deps.handling.list(s.actor, s.site.id, { dueBefore: now, limit: 1, offset: 0 }),
      deps.handling.list(s.actor, s.site.id, { dueBefore: new Date(now.getTime() + SOON_MS), dueAfter: now, limit: 1, offset: 0 }),
      deps.agencies.list(s.site.id, false),
    ]);
    const board = can(s.actor, 'inquiries.intake', s.site.id);
    const mayLog = board || can(s.actor, 'hotline.log', s.site.id);
    const view = requestListModel(
      lang,
      f,
      { list, counts, overdue: overdue.total, soon: soon.total, agencies },
      {
        base,
        board,
        readOnly: !board && can(s.actor, 'oversight.inquiries', s.site.id),
        siteName: siteName(s.site, lang),
        logHref: mayLog ? adminPaths.href(lang, 'hotline') : undefined,
        pageSize: PAGE,
        now,
      },
    );
    return deps.admin.send(request, reply, { title: t(lang, 'common.questionsPetitions'), ...okNotice(lang, q.tb), main: requestListMain(view) }, s);
  });
}
