/** A person's unread notifications (the page, and the list the dashboard card shows). */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { csrfInput } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { NotificationView } from '../content.present.ts';
import { t } from '../messages.ts';

export function notificationList(rows: readonly NotificationView[]): SafeHtml {
  return html`<ul class="notifications">${rows.map(
    (n) => html`<li>${n.href ? html`<a href="${n.href}">${n.message}</a>` : n.message} <span class="muted">${formatDateTime(n.createdAt)}</span></li>`,
  )}</ul>`;
}

export function notificationsPage(lang: Lang, rows: readonly NotificationView[], action: string, csrf: string): SafeHtml {
  const L = lang;
  return html`<h1>${t(L, 'common.unreadNotifications')}</h1>
${
  rows.length
    ? html`${notificationList(rows)}
<form method="post" action="${action}">${csrfInput(csrf)}<button type="submit" class="secondary">${t(L, 'lists.markAllRead')}</button></form>`
    : html`<p>${t(L, 'common.noNewNotifications')}</p>`
}`;
}
