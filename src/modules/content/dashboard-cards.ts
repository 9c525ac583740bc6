/**
 * The content cards of the administration's dashboard: the site's queues (writers), the
 * person's unread notifications (everyone), and the fixed pages due for review (the board).
 */
import { html } from '../../platform/views/html.ts';
import type { DashboardCard } from '../admin/index.ts';
import type { ContentService } from './content.service.ts';
import { notificationViews, overdueRows } from './content.present.ts';
import type { EditorialDesk } from './desk.service.ts';
import { adminPaths } from './paths.ts';
import { notificationsCard, overdueCard, queuesCard } from './views/dashboard-cards.view.ts';

export function contentCards(content: ContentService, desk: EditorialDesk): DashboardCard[] {
  return [
    {
      action: 'content.write',
      async render(s) {
        if (!s.site) return html``;
        const q = await content.queues(s.actor, s.site.id);
        const steps = (await content.siteWorkflow(s.site.id)).approvalSteps;
        return queuesCard(
          s.lang,
          adminPaths.href(s.lang, 'queues'),
          { toEdit: q.toEdit.length, toApprove: q.toApprove.length, returned: q.returned.length, scheduled: q.scheduled.length },
          steps === 1,
        );
      },
    },
    {
      action: 'admin.enter',
      async render(s) {
        const rows = await desk.unread(s.actor, 5);
        const total = rows.length < 5 ? rows.length : await desk.unreadCount(s.actor);
        return notificationsCard(s.lang, notificationViews(s.lang, rows), total, adminPaths.href(s.lang, 'notifications'));
      },
    },
    {
      action: 'content.edit',
      async render(s) {
        if (!s.site) return html``;
        return overdueCard(s.lang, overdueRows(s.lang, await content.overdueReviews(s.site.id)));
      },
    },
  ];
}
