/**
 * The editorial desk around the items: the four queues (/quan-tri/hang-cho), the person's
 * unread notifications (/quan-tri/thong-bao; POST marks them all read), and the site's
 * approval workflow (/quan-tri/quy-trinh-duyet, site operators). Rules in content.service.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../platform/http/errors.ts';
import { formRoute, queryForm, type FormState } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { authorize, can } from '../access/index.ts';
import { csrfToken } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import { noSite, type ContentAdmin } from './admin-deps.ts';
import { doneNotice, notificationViews, queueRows } from './content.present.ts';
import { EmptyForm, NoticeQuery, WorkflowForm } from './content.schema.ts';
import { t } from './messages.ts';
import { adminPaths } from './paths.ts';
import { notificationsPage } from './views/notifications.view.ts';
import { queuesPage } from './views/queues.view.ts';
import { workflowSettingsForm } from './views/workflow-settings.view.ts';

export function deskRoutes(routes: Routes, L: Lang, deps: ContentAdmin): void {
  const { admin, content, desk } = deps;
  const paths = adminPaths.paths;
  const notificationsHref = adminPaths.href(L, 'notifications');
  const settingsHref = adminPaths.href(L, 'workflowSettings');

  // ---- Queues --------------------------------------------------------------------------------
  routes.get(paths.queues[L], { schema: { querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    const title = t(L, 'common.contentQueues');
    if (!s.site) return admin.send(request, reply, { title, main: noSite(L) }, s);
    const q = await content.queues(s.actor, s.site.id);
    const site = await content.siteWorkflow(s.site.id);
    const mayEditItems = can(s.actor, 'content.edit', s.site.id);
    const mayApprove = can(s.actor, 'content.approve', s.site.id);
    return admin.send(
      request,
      reply,
      {
        title,
        main: queuesPage(L, {
          title,
          siteName: siteName(s.site, L),
          oneStep: site.approvalSteps !== 2,
          readOnly: q.readOnly,
          sections: [
            {
              id: 'cho-bien-tap',
              title: t(L, 'common.awaitingEditing'),
              rows: queueRows(L, q.toEdit, false, q.readOnly),
              empty: t(L, 'desk.nothingAwaitsEditing'),
              ...(site.approvalSteps === 1
                ? { note: t(L, 'desk.siteHasOneApprovalStep') }
                : !mayEditItems
                  ? { note: t(L, 'desk.onlyEditorialBoardTakesItems') }
                  : {}),
            },
            {
              id: 'cho-duyet',
              title: t(L, 'common.awaitingApproval'),
              rows: queueRows(L, q.toApprove, false, q.readOnly),
              empty: t(L, 'desk.nothingAwaitsApproval'),
              ...(!mayApprove ? { note: t(L, 'desk.onlyHeadDeputyHeadBoard') } : {}),
            },
            {
              id: 'bi-tra-lai',
              title: t(L, 'desk.returned'),
              rows: queueRows(L, q.returned),
              empty: t(L, 'desk.noneYourItemsWasReturned'),
              note: t(L, 'desk.yourItemsReturnedChanges'),
            },
            {
              id: 'da-len-lich',
              title: t(L, 'common.scheduled'),
              rows: queueRows(L, q.scheduled, true, q.readOnly),
              empty: t(L, 'desk.nothingScheduled'),
            },
          ],
        }),
      },
      s,
    );
  });

  // ---- Notifications -------------------------------------------------------------------------
  const notifications = async (request: FastifyRequest, reply: FastifyReply, tb: string | undefined, status = 200) => {
    const s = await admin.scope(request);
    const rows = await desk.unread(s.actor, 200);
    return admin.send(
      request,
      reply,
      {
        title: t(L, 'common.unreadNotifications'),
        ...doneNotice(tb, L),
        main: notificationsPage(L, notificationViews(L, rows), notificationsHref, csrfToken(request, reply)),
      },
      s,
      status,
    );
  };

  routes.get(paths.notifications[L], queryForm(NoticeQuery), async (request, reply) => notifications(request, reply, request.query.tb));

  const markRead = formRoute(EmptyForm, { render: (request, reply, _state, status) => notifications(request, reply, undefined, status) });
  routes.post(paths.notifications[L], { ...markRead, schema: { ...markRead.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    await desk.markRead(s.actor);
    return reply.redirect(`${notificationsHref}?tb=da-doc`, 303);
  });

  // ---- Workflow settings ---------------------------------------------------------------------
  const settings = async (request: FastifyRequest, reply: FastifyReply, tb: string | undefined, state?: FormState<typeof WorkflowForm>, status = 200) => {
    const s = await admin.scope(request);
    const title = t(L, 'common.approvalWorkflow');
    if (!s.site) return admin.send(request, reply, { title, main: noSite(L) }, s, status);
    authorize(s.actor, 'site.settings', s.site.id);
    const current = await content.siteWorkflow(s.site.id);
    const values = state
      ? { steps: state.values.buoc === '1' ? '1' : '2', forbidSelfApproval: (state.values.khong_tu_duyet ?? '') !== '' }
      : { steps: String(current.approvalSteps), forbidSelfApproval: current.forbidSelfApproval };
    return admin.send(
      request,
      reply,
      { title, ...doneNotice(tb, L), main: workflowSettingsForm(L, settingsHref, csrfToken(request, reply), values, siteName(s.site, L)) },
      s,
      status,
    );
  };

  routes.get(paths.workflowSettings[L], queryForm(NoticeQuery), async (request, reply) => settings(request, reply, request.query.tb));

  const settingsForm = formRoute(WorkflowForm, { render: (request, reply, state, status) => settings(request, reply, undefined, state, status) });
  routes.post(paths.workflowSettings[L], { ...settingsForm, schema: { ...settingsForm.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    if (!s.site) throw new NotFound('site.not_found', 'No site', { messageKey: 'error.body.404' });
    const steps = request.body.buoc === '1' ? 1 : 2;
    const forbidSelf = request.body.khong_tu_duyet !== '';
    await content.configureWorkflow(s.actor, s.site.id, steps, forbidSelf);
    return reply.redirect(`${settingsHref}?tb=da-cai-dat`, 303);
  });
}
