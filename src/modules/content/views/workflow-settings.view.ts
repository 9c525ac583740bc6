/** A site's approval workflow: one or two steps, and whether approving one's own item is forbidden. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { checkboxControl, csrfInput, radioControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

export function workflowSettingsForm(
  lang: Lang,
  action: string,
  csrf: string,
  values: { steps: string; forbidSelfApproval: boolean },
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
  value: values.steps,
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
${checkboxControl({ name: 'khong_tu_duyet', label: t(L, 'cards.forbidApprovingOnesOwnItems'), checked: values.forbidSelfApproval })}
<p><button type="submit">${t(L, 'cards.save')}</button></p>
</form>`;
}
