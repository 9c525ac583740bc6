/** The content cards of the dashboard, and the workflow settings form. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import type { NotificationRow } from '../notifications.repo.ts';
import { checkboxControl, radioControl } from './fields.ts';
import { notificationList } from './lists.ts';
import { t } from '../messages.ts';

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

export function notificationsCard(lang: Lang, rows: readonly NotificationRow[], total: number, allHref: string, itemHref: (id: number) => string): SafeHtml {
  const L = lang;
  return html`<section class="card" aria-labelledby="db-notifications"><h2 id="db-notifications">${t(L, 'common.unreadNotifications')} (${total})</h2>
${rows.length ? notificationList(L, rows, itemHref) : html`<p>${t(L, 'common.noNewNotifications')}</p>`}
${total > 0 ? html`<p><a href="${allHref}">${t(L, 'cards.seeAllNotifications')}</a></p>` : ''}
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
  return html`<h1>${t(L, 'common.approvalWorkflow')}</h1>
<p>${t(L, 'cards.site')} <strong>${siteName}</strong>.</p>
<form method="post" action="${action}" class="form" novalidate>
${csrfInput(csrf)}
${radioControl({
  name: 'buoc',
  label: t(L, 'cards.approvalSteps'),
  value: String(current.approvalSteps),
  options: [
    {
      value: '2',
      label: t(L, 'cards.twoStepsEditingThenApproval'),
      hint: t(L, 'cards.boardMemberTakesItemInto'),
    },
    {
      value: '1',
      label: t(L, 'cards.oneStepApprovalOnly'),
      hint: t(L, 'cards.headDeputyApprovesSubmittedItems'),
    },
  ],
})}
${checkboxControl({ name: 'khong_tu_duyet', label: t(L, 'cards.forbidApprovingOnesOwnItems'), checked: current.forbidSelfApproval })}
<p><button type="submit">${t(L, 'cards.save')}</button></p>
</form>`;
}
