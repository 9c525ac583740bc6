/** The content cards of the dashboard: the queues, unread notifications, information due for review. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { NotificationView, OverdueView } from '../content.present.ts';
import { t } from '../messages.ts';
import { notificationList } from './notifications.view.ts';

export function queuesCard(
  lang: Lang,
  queuesHref: string,
  counts: { toEdit: number; toApprove: number; returned: number; scheduled: number },
  oneStep: boolean,
): SafeHtml {
  const L = lang;
  const row = (anchor: string, label: string, n: number) => html`<li><a href="${queuesHref}#${anchor}">${label}</a>: <strong>${n}</strong></li>`;
  return html`<section class="card" aria-labelledby="db-queues"><h2 id="db-queues">${t(L, 'common.contentQueues')}</h2>
<ul>
${oneStep ? '' : row('cho-bien-tap', t(L, 'common.awaitingEditing'), counts.toEdit)}
${row('cho-duyet', t(L, 'common.awaitingApproval'), counts.toApprove)}
${row('bi-tra-lai', t(L, 'cards.returnedYours'), counts.returned)}
${row('da-len-lich', t(L, 'common.scheduled'), counts.scheduled)}
</ul></section>`;
}

export function notificationsCard(lang: Lang, rows: readonly NotificationView[], total: number, allHref: string): SafeHtml {
  const L = lang;
  return html`<section class="card" aria-labelledby="db-notifications"><h2 id="db-notifications">${t(L, 'common.unreadNotifications')} (${total})</h2>
${rows.length ? notificationList(rows) : html`<p>${t(L, 'common.noNewNotifications')}</p>`}
${total > 0 ? html`<p><a href="${allHref}">${t(L, 'cards.seeAllNotifications')}</a></p>` : ''}
</section>`;
}

/** "Thông tin đến hạn rà soát": the site's fixed pages past their review date. */
export function overdueCard(lang: Lang, rows: readonly OverdueView[]): SafeHtml {
  const L = lang;
  return html`<section class="card" aria-labelledby="db-reviews"><h2 id="db-reviews">${t(L, 'relations.informationDueReview')} (${rows.length})</h2>
${
  rows.length
    ? html`<ul>${rows.slice(0, 10).map((r) => html`<li><a href="${r.href}">${r.title}</a>${r.due ? html` — ${t(L, 'relations.due')} ${formatDateTime(r.due)}` : ''}</li>`)}</ul>${rows.length > 10 ? html`<p>${t(L, 'relations.more', { value: rows.length - 10 })}</p>` : ''}`
    : html`<p>${t(L, 'relations.nothingDueReview')}</p>`
}
</section>`;
}
