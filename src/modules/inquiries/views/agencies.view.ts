/**
 * The agencies that answer a site's requests (site operators): the list with who answers for
 * each, in use or not, the hotline's default; adding one; and whether answers go through the
 * board before they reach the citizen.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { checkboxControl, csrfInput, radioControl, selectControl } from '../../../platform/views/form-controls.ts';
import { typed, type ConsoleForm } from './console-parts.ts';
import { refusal } from './request.view.ts';
import { t } from '../messages.ts';

export interface AgenciesView {
  lang: Lang;
  action: string;
  csrf: string;
  siteName: string;
  agencies: readonly { id: number; name: string; active: boolean; hotlineDefault: boolean; responders: readonly string[] }[];
  answerReview: boolean;
  state: ConsoleForm;
  /** The site's directory units that are not agencies yet. */
  units: readonly { value: string; label: string }[];
  /** The operator's directory screen, when they may use it. */
  directoryHref: string | undefined;
}

export function agenciesMain(v: AgenciesView): SafeHtml {
  const L = v.lang;
  const title = t(L, 'agencies.answeringAgencies');
  const button = (id: number, action: string, value: string, label: string, hidden: string, cls = 'secondary') =>
    html`<form method="post" action="${v.action}" class="inline">${csrfInput(v.csrf)}<input type="hidden" name="thao_tac" value="${action}"><input type="hidden" name="id" value="${id}"><input type="hidden" name="value" value="${value}"><button type="submit" class="${cls}">${label}<span class="visually-hidden"> ${hidden}</span></button></form>`;
  return html`<h1>${title}</h1>
${refusal(L, v.state)}
<p>${t(L, 'agencies.agenciesBoard')} <strong>${v.siteName}</strong> ${t(L, 'agencies.forwardsRequests')}</p>
<p class="admin-notice admin-notice-info">${t(L, 'agencies.agencysNameMustExactlyUnit')}</p>
${
  v.agencies.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${title}"><table class="data"><thead><tr><th scope="col">${t(L, 'common.agency')}</th><th scope="col">${t(L, 'agencies.responders')}</th><th scope="col">${t(L, 'agencies.use')}</th><th scope="col">${t(L, 'agencies.hotlineDefault')}</th></tr></thead>
<tbody>${v.agencies.map(
        (
          a,
        ) => html`<tr><th scope="row">${a.name}</th><td>${a.responders.length ? a.responders.join(', ') : html`<strong>${t(L, 'agencies.noneNoAccountHasUnit')}</strong>`}</td>
<td>${a.active ? t(L, 'common.yes') : t(L, 'common.no')} ${button(a.id, 'active', a.active ? '0' : '1', a.active ? t(L, 'agencies.stopUsing') : t(L, 'agencies.useAgain'), a.name)}</td>
<td>${a.hotlineDefault ? html`<strong>${t(L, 'agencies.default')}</strong> ${button(a.id, 'default', '0', t(L, 'agencies.unset'), a.name)}` : a.active ? button(a.id, 'default', '1', t(L, 'agencies.makeDefault'), a.name) : '—'}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t(L, 'agencies.noAgenciesYet')}</p>`
}
<h2 id="them">${t(L, 'agencies.addAgency')}</h2>
<form method="post" action="${v.action}" class="form" novalidate>${csrfInput(v.csrf)}<input type="hidden" name="thao_tac" value="add">
${selectControl({ name: 'unitId', label: t(L, 'agencies.nameRespondersUnit'), value: typed(v.state, 'unitId'), error: v.state.errors.unitId, options: [{ value: '', label: t(L, 'agencies.chooseUnit') }, ...v.units] })}
${v.directoryHref ? html`<p><a href="${v.directoryHref}">${t(L, 'agencies.directoryLink')}</a></p>` : ''}
${checkboxControl({ name: 'hotlineDefault', label: t(L, 'agencies.hotlineCallsGoAgencyDefault'), checked: Boolean(typed(v.state, 'hotlineDefault')) })}
<p><button type="submit">${t(L, 'agencies.add')}</button></p>
</form>
<h2 id="duyet">${t(L, 'agencies.reviewAnswers')}</h2>
<form method="post" action="${v.action}" class="form" novalidate>${csrfInput(v.csrf)}<input type="hidden" name="thao_tac" value="review">
${radioControl({
  name: 'answerReview',
  label: t(L, 'agencies.doAgenciesAnswersGoThrough'),
  value: v.answerReview ? '1' : '0',
  options: [
    { value: '1', label: t(L, 'agencies.yesBoardApprovesThenSent') },
    { value: '0', label: t(L, 'agencies.noSentSoonAgencyAnswers') },
  ],
})}
<p><button type="submit">${t(L, 'agencies.save')}</button></p>
</form>`;
}
