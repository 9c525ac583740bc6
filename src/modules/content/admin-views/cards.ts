/** The content cards of the dashboard, and the workflow settings form. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { tr } from '../../../platform/views/admin-shell.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import type { NotificationRow } from '../notifications.repo.ts';
import { checkboxControl, radioControl } from './fields.ts';
import { notificationList } from './lists.ts';

export function queuesCard(
  lang: Lang,
  queuesHref: string,
  counts: { toEdit: number; toApprove: number; returned: number; scheduled: number },
  oneStep: boolean,
): SafeHtml {
  const L = lang;
  const row = (anchor: string, label: string, n: number) => html`<li><a href="${queuesHref}#${anchor}">${label}</a>: <strong>${n}</strong></li>`;
  return html`<section class="card" aria-labelledby="db-queues"><h2 id="db-queues">${tr(L, 'Hàng chờ tin, bài', 'Content queues')}</h2>
<ul>
${oneStep ? '' : row('cho-bien-tap', tr(L, 'Chờ biên tập', 'Awaiting editing'), counts.toEdit)}
${row('cho-duyet', tr(L, 'Chờ duyệt', 'Awaiting approval'), counts.toApprove)}
${row('bi-tra-lai', tr(L, 'Bị trả lại (của bạn)', 'Returned (yours)'), counts.returned)}
${row('da-len-lich', tr(L, 'Đã lên lịch', 'Scheduled'), counts.scheduled)}
</ul></section>`;
}

export function notificationsCard(lang: Lang, rows: readonly NotificationRow[], total: number, allHref: string, itemHref: (id: number) => string): SafeHtml {
  const L = lang;
  return html`<section class="card" aria-labelledby="db-notifications"><h2 id="db-notifications">${tr(L, 'Thông báo chưa đọc', 'Unread notifications')} (${total})</h2>
${rows.length ? notificationList(L, rows, itemHref) : html`<p>${tr(L, 'Không có thông báo mới.', 'No new notifications.')}</p>`}
${total > 0 ? html`<p><a href="${allHref}">${tr(L, 'Xem tất cả thông báo', 'See all notifications')}</a></p>` : ''}
</section>`;
}

export function workflowSettingsForm(
  lang: Lang,
  action: string,
  csrf: string,
  current: { approvalSteps: 1 | 2; forbidSelfApproval: boolean },
  siteName: string,
): SafeHtml {
  const L = lang;
  return html`<h1>${tr(L, 'Quy trình duyệt tin, bài', 'Approval workflow')}</h1>
<p>${tr(L, 'Áp dụng cho trang', 'For the site')} <strong>${siteName}</strong>.</p>
<form method="post" action="${action}" class="form" novalidate>
${csrfInput(csrf)}
${radioControl({
  name: 'buoc',
  label: tr(L, 'Số bước duyệt', 'Approval steps'),
  value: String(current.approvalSteps),
  options: [
    {
      value: '2',
      label: tr(L, 'Hai bước: biên tập rồi duyệt', 'Two steps: editing, then approval'),
      hint: tr(
        L,
        'Thành viên Ban Biên tập nhận biên tập; Trưởng ban hoặc Phó Trưởng ban duyệt.',
        'A board member takes the item into review; the head or deputy approves it.',
      ),
    },
    {
      value: '1',
      label: tr(L, 'Một bước: duyệt ngay', 'One step: approval only'),
      hint: tr(L, 'Trưởng ban hoặc Phó Trưởng ban duyệt tin, bài được gửi.', 'The head or deputy approves submitted items directly.'),
    },
  ],
})}
${checkboxControl({ name: 'khong_tu_duyet', label: tr(L, 'Không cho phép tự duyệt tin, bài của mình', 'Forbid approving one’s own items'), checked: current.forbidSelfApproval })}
<p><button type="submit">${tr(L, 'Lưu', 'Save')}</button></p>
</form>`;
}
