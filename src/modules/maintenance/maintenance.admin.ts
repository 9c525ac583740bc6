/** The maintenance screen (/quan-tri/bao-tri): the site's windows, scheduling, cancelling, the notice period. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { formRoute, queryForm, type FieldErrors } from '../../platform/http/forms.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { formatDateTime } from '../../platform/i18n/index.ts';
import { authorize, isPlatformAdmin } from '../access/index.ts';
import { csrfToken, type AdminContext } from '../accounts/index.ts';
import { siteName, type SiteWithHosts } from '../sites/index.ts';
import { DEFAULT_NOTICE_DAYS, MAX_NOTICE_DAYS, MIN_NOTICE_DAYS, type MaintenanceService } from './maintenance.service.ts';
import { CancelForm, NoticeForm, NoticeQuery, ScheduleForm } from './maintenance.schema.ts';
import { adminPaths } from './paths.ts';
import { adminView } from './views/maintenance.view.ts';
import { t } from './messages.ts';

export interface MaintenanceAdminDeps {
  admin: Pick<AdminContext, 'scope' | 'send'>;
  service: MaintenanceService;
  liveSites(): Promise<SiteWithHosts[]>;
}

const NOTICES: Record<string, 'admin.scheduled' | 'admin.cancelled' | 'admin.settingSaved'> = {
  'da-len-lich': 'admin.scheduled',
  'da-huy': 'admin.cancelled',
  'da-luu': 'admin.settingSaved',
};

export function maintenanceAdmin(routes: Routes, L: Lang, deps: MaintenanceAdminDeps): void {
  const { admin, service } = deps;
  const path = adminPaths.paths.maintenance[L];
  const base = adminPaths.href(L, 'maintenance');

  const siteScope = async (request: FastifyRequest) => {
    const s = await admin.scope(request);
    if (!s.site) throw new NotFound('admin.no_site', t(L, 'admin.noSite'));
    authorize(s.actor, 'maintenance.schedule', s.site.id);
    return { ...s, site: s.site };
  };

  const screen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: Record<string, string | string[] | undefined>; errors: FieldErrors } | undefined,
    notice: { values: { noticeDays?: string }; errors: FieldErrors } | undefined,
    status: number,
    done?: string,
  ) => {
    const s = await siteScope(request);
    const live = await deps.liveSites();
    const check = await service.earliest([s.site.id], L);
    const main = adminView(L, {
      siteName: siteName(s.site, L),
      windows: await service.list(s.site.id),
      siteNames: new Map(live.map((x) => [x.id, siteName(x, L)])),
      action: base,
      cancelAction: (id) => `${base}/huy/${id}`,
      noticeAction: `${base}/thoi-han`,
      csrf: csrfToken(request, reply),
      values: form?.values ?? {},
      errors: form?.errors ?? {},
      noticeValues: notice?.values ?? {},
      noticeErrors: notice?.errors ?? {},
      noticeDays: check.days,
      earliest: formatDateTime(check.earliest),
      scopes: isPlatformAdmin(s.actor)
        ? [
            { value: 'site', label: t(L, 'scope.site', { site: siteName(s.site, L) }) },
            ...(s.site.kind === 'portal' ? [{ value: 'portal', label: t(L, 'scope.portal', { site: siteName(s.site, L) }) }] : []),
            { value: 'all', label: t(L, 'scope.all') },
          ]
        : undefined,
      limits: { min: MIN_NOTICE_DAYS, max: MAX_NOTICE_DAYS, default: DEFAULT_NOTICE_DAYS },
    });
    const key = done ? NOTICES[done] : undefined;
    return admin.send(request, reply, { title: t(L, 'admin.title'), main, ...(key ? { notice: { kind: 'ok' as const, text: t(L, key) } } : {}) }, s, status);
  };

  routes.get(path, queryForm(NoticeQuery), async (request, reply) => screen(request, reply, undefined, undefined, 200, request.query.tb));

  routes.post(
    path,
    formRoute(ScheduleForm, { render: (request, reply, state, status) => screen(request, reply, state, undefined, status) }),
    async (request, reply) => {
      const s = await siteScope(request);
      await service.schedule(s.actor, s.site, request.body, L);
      return reply.redirect(`${base}?tb=da-len-lich`, 303);
    },
  );

  routes.post(
    `${path}/thoi-han`,
    formRoute(NoticeForm, { render: (request, reply, state, status) => screen(request, reply, undefined, state, status) }),
    async (request, reply) => {
      const s = await siteScope(request);
      await service.setNoticeDays(s.actor, s.site.id, request.body.noticeDays, L);
      return reply.redirect(`${base}?tb=da-luu`, 303);
    },
  );

  const cancelForm = formRoute(CancelForm, {
    render: (request, reply, _state, status) => screen(request, reply, undefined, undefined, status),
    refusals: ['maintenance.closed'],
  });
  routes.post(`${path}/huy/:id`, { ...cancelForm, schema: { ...cancelForm.schema, params: IdParams } }, async (request, reply) => {
    const s = await siteScope(request);
    await service.cancel(s.actor, Number(request.params.id), L);
    return reply.redirect(`${base}?tb=da-huy`, 303);
  });
}
