/**
 * The editorial desk around the items (/quan-tri/…, /english/admin/…): the library's images
 * as JSON for the editor, the four queues, the person's notifications, the site's workflow
 * settings, and the dashboard cards of the queues and notifications. Split from
 * content.admin.ts; the rules stay in content.service.ts.
 *
 *   /quan-tri/noi-dung/anh?trang=         the library's images as JSON, for the editor
 *   /quan-tri/hang-cho                    the four queues
 *   /quan-tri/thong-bao                   unread notifications (POST marks all read)
 *   /quan-tri/quy-trinh-duyet             the site's approval steps (site operator)
 */
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { authorize, can } from '../access/index.ts';
import { adminHref, csrfToken, type AccountsModule } from '../accounts/index.ts';
import { adminPaths } from './paths.ts';
import type { DashboardCard } from '../admin/index.ts';
import type { MediaModule } from '../media/index.ts';
import { siteName } from '../sites/index.ts';
import type { ContentService } from './content.service.ts';
import * as notificationsRepo from './notifications.repo.ts';
import { notificationsCard, queuesCard, workflowSettingsForm } from './admin-views/cards.ts';
import { doneNotice } from './admin-views/labels.ts';
import { notificationsPage, queueSections } from './admin-views/lists.ts';
import { t } from './messages.ts';

export interface ContentDeskDeps {
  db: Db;
  admin: AccountsModule['admin'];
  content: ContentService;
  /** The CSRF check of the administration's forms. */
  guard: preHandlerHookHandler;
  addCard?: ((card: DashboardCard) => void) | undefined;
  listMedia?: MediaModule['listMedia'] | undefined;
}

function str(body: unknown, key: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
}

export function registerContentDesk(app: FastifyInstance, deps: ContentDeskDeps): void {
  const { db, admin, content, guard } = deps;
  const noSite = (lang: Lang) => html`<p>${t(lang, 'common.thereNoSiteYet')}</p>`;

  if (deps.addCard) {
    deps.addCard({
      action: 'content.write',
      async render(s) {
        if (!s.site) return html``;
        const q = await content.queues(s.actor, s.site.id);
        const steps = (await content.siteWorkflow(s.site.id)).approvalSteps;
        return queuesCard(
          s.lang,
          adminHref(s.lang, 'queues'),
          { toEdit: q.toEdit.length, toApprove: q.toApprove.length, returned: q.returned.length, scheduled: q.scheduled.length },
          steps === 1,
        );
      },
    });
    deps.addCard({
      action: 'admin.enter',
      async render(s) {
        const rows = await notificationsRepo.unreadOf(db, s.actor.accountId, 5);
        const total = rows.length < 5 ? rows.length : await notificationsRepo.countUnread(db, s.actor.accountId);
        return notificationsCard(s.lang, rows, total, adminHref(s.lang, 'notifications'), (id) => adminHref(s.lang, 'content', `/${id}`));
      },
    });
  }

  for (const lang of ['vi', 'en'] as const) {
    const L = lang;
    const base = adminPaths.href(L, 'content');
    const itemHref = (id: number) => `${base}/${id}`;
    const noticeOf = (request: FastifyRequest) => {
      const text = doneNotice(str(request.query, 'tb'), L);
      return text ? { notice: { kind: 'ok' as const, text } } : {};
    };

    // ---- Images for the editor (JSON) ---------------------------------------------------------
    if (deps.listMedia) {
      const listMedia = deps.listMedia;
      app.get(adminPaths.href(L, 'contentImages'), async (request, reply) => {
        const s = await admin.scope(request);
        if (!s.site) return reply.send({ items: [], page: 1, pages: 1 });
        authorize(s.actor, 'content.write', s.site.id);
        const page = await listMedia(s.actor, s.site.id, Math.max(1, Math.floor(Number(str(request.query, 'trang')) || 1)));
        reply.header('cache-control', 'no-store');
        return reply.send({
          page: page.page,
          pages: page.pages,
          items: page.items
            .filter((m) => m.kind === 'image')
            .map((m) => {
              const thumb = m.variants.find((v) => v.width >= 160) ?? m.variants[0];
              const large = [...m.variants].reverse().find((v) => v.width <= 960) ?? m.variants[0];
              return {
                id: m.id,
                alt: m.alt,
                name: m.originalName,
                thumb: thumb?.url ?? m.url,
                src: large?.url ?? m.url,
                width: large?.width ?? m.width,
                height: large?.height ?? m.height,
              };
            }),
        });
      });
    }

    // ---- Queues ---------------------------------------------------------------------------------
    app.get(adminPaths.href(L, 'queues'), async (request, reply) => {
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
          main: html`<h1>${title}</h1>
<p>${t(L, 'desk.site')} <strong>${siteName(s.site, L)}</strong>; ${site.approvalSteps === 2 ? t(L, 'desk.twoApprovalStepsEditingThen') : t(L, 'desk.oneApprovalStep')}</p>
${queueSections(L, base, [
  {
    id: 'cho-bien-tap',
    title: t(L, 'common.awaitingEditing'),
    rows: q.toEdit,
    empty: t(L, 'desk.nothingAwaitsEditing'),
    ...(site.approvalSteps === 1 ? { note: t(L, 'desk.siteHasOneApprovalStep') } : !mayEditItems ? { note: t(L, 'desk.onlyEditorialBoardTakesItems') } : {}),
  },
  {
    id: 'cho-duyet',
    title: t(L, 'common.awaitingApproval'),
    rows: q.toApprove,
    empty: t(L, 'desk.nothingAwaitsApproval'),
    ...(!mayApprove ? { note: t(L, 'desk.onlyHeadDeputyHeadBoard') } : {}),
  },
  {
    id: 'bi-tra-lai',
    title: t(L, 'desk.returned'),
    rows: q.returned,
    empty: t(L, 'desk.noneYourItemsWasReturned'),
    note: t(L, 'desk.yourItemsReturnedChanges'),
  },
  {
    id: 'da-len-lich',
    title: t(L, 'common.scheduled'),
    rows: q.scheduled,
    empty: t(L, 'desk.nothingScheduled'),
  },
])}`,
        },
        s,
      );
    });

    // ---- Notifications ------------------------------------------------------------------------
    app.get(adminPaths.href(L, 'notifications'), async (request, reply) => {
      const s = await admin.scope(request);
      const rows = await notificationsRepo.unreadOf(db, s.actor.accountId, 200);
      return admin.send(
        request,
        reply,
        {
          title: t(L, 'common.unreadNotifications'),
          ...noticeOf(request),
          main: notificationsPage(L, rows, itemHref, adminPaths.href(L, 'notifications'), csrfToken(request, reply)),
        },
        s,
      );
    });

    app.post(adminPaths.href(L, 'notifications'), { preHandler: guard }, async (request, reply) => {
      const s = await admin.scope(request);
      await notificationsRepo.markRead(db, s.actor.accountId);
      return reply.redirect(`${adminPaths.href(L, 'notifications')}?tb=da-doc`, 303);
    });

    // ---- Workflow settings ---------------------------------------------------------------------
    app.get(adminPaths.href(L, 'workflowSettings'), async (request, reply) => {
      const s = await admin.scope(request);
      const title = t(L, 'common.approvalWorkflow');
      if (!s.site) return admin.send(request, reply, { title, main: noSite(L) }, s);
      authorize(s.actor, 'site.settings', s.site.id);
      const current = await content.siteWorkflow(s.site.id);
      return admin.send(
        request,
        reply,
        {
          title,
          ...noticeOf(request),
          main: workflowSettingsForm(L, adminPaths.href(L, 'workflowSettings'), csrfToken(request, reply), current, siteName(s.site, L)),
        },
        s,
      );
    });

    app.post(adminPaths.href(L, 'workflowSettings'), { preHandler: guard }, async (request, reply) => {
      const s = await admin.scope(request);
      if (!s.site) throw new NotFound('site.not_found', 'No site', { messageKey: 'error.body.404' });
      const steps = str(request.body, 'buoc') === '1' ? 1 : 2;
      const forbidSelf = str(request.body, 'khong_tu_duyet') !== '';
      await content.configureWorkflow(s.actor, s.site.id, steps, forbidSelf);
      return reply.redirect(`${adminPaths.href(L, 'workflowSettings')}?tb=da-cai-dat`, 303);
    });
  }
}
