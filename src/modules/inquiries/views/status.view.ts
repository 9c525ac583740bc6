/**
 * The status page: a lookup form (code plus e-mail or phone, sent by POST so the contact stays
 * out of addresses and logs) and what the citizen may see of the request (status.present.ts).
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput, errorSummary, inputControl, textareaControl } from '../../../platform/views/form-controls.ts';
import { formatBytes } from '../../media/index.ts';
import type { PublicStatus } from '../present/status.present.ts';
import { LIMITS } from '../submission.service.ts';
import { CITIZEN_CONTROLS, citizenSummary, dateOnly, dateTime, paragraphs } from './citizen-pages.ts';
import { t } from '../messages.ts';

export interface LookupView {
  lang: Lang;
  action: string;
  csrf: string;
  code: string;
  contact: string;
  /** The one answer for an unknown code and a wrong contact alike. */
  notFound: boolean;
  errors: Readonly<Record<string, string>>;
  askHref: string;
  qaHref: string;
}

export function notFoundMessage(L: Lang): string {
  return t(L, 'publicStatus.noRequestWasFoundTracking');
}

export function lookupMain(v: LookupView): SafeHtml {
  const L = v.lang;
  return html`<h1>${t(L, 'common.trackYourRequest')}</h1>
${errorSummary(L, v.errors, { ...citizenSummary(L), links: { code: 'f-code', contact: 'f-contact' } })}
${v.notFound ? html`<div class="iq-summary" role="alert" id="loi" tabindex="-1"><h2>${t(L, 'publicStatus.requestNotFound')}</h2><p>${notFoundMessage(L)}</p></div>` : ''}
<p>${t(L, 'publicStatus.enterTrackingCodeYouReceived')}</p>
${lookupForm(v)}
<p><a href="${v.askHref}">${t(L, 'publicStatus.sendNewQuestionFeedback')}</a> · <a href="${v.qaHref}">${t(L, 'common.questionsAnswers2')}</a></p>`;
}

function lookupForm(v: LookupView): SafeHtml {
  const L = v.lang;
  return html`<form method="post" action="${v.action}" class="iq-form" novalidate>
${csrfInput(v.csrf)}
${inputControl({ ...CITIZEN_CONTROLS, name: 'code', label: t(L, 'common.trackingCode'), value: v.code, required: true, autocomplete: 'off', spellcheck: false, maxlength: 40, hint: t(L, 'publicStatus.exampleHd7k3mQ0zpX9tb'), error: v.errors.code })}
${inputControl({ ...CITIZEN_CONTROLS, name: 'contact', label: t(L, 'publicStatus.eMailPhoneNumberYou'), value: v.contact, required: true, autocomplete: 'off', spellcheck: false, maxlength: 254, error: v.errors.contact })}
<p><button type="submit" class="iq-button">${t(L, 'publicStatus.lookUp')}</button></p>
</form>`;
}

export interface StatusView {
  lang: Lang;
  s: PublicStatus;
  fileHref: (f: PublicStatus['answerFiles'][number]) => string;
  qaHref: (slug: string) => string;
  /** The form to add what was asked for, while the request needs it. */
  addInfo?: { action: string; csrf: string; code: string; contact: string; value: string; error?: string };
  /** A confirmation or a message after an action on this page. */
  notice?: { kind: 'ok' | 'error'; text: string };
  lookupHref: string;
  askHref: string;
  qaListHref: string;
}

function noteLabel(L: Lang, status: string): string {
  if (status === 'needs_info') return t(L, 'publicStatus.informationAsked');
  if (status === 'out_of_scope') return t(L, 'publicStatus.reason');
  if (status === 'transferred') return t(L, 'publicStatus.transferred');
  return t(L, 'common.note');
}

export function statusMain(v: StatusView): SafeHtml {
  const L = v.lang;
  const s = v.s;
  return html`<h1>${t(L, 'publicStatus.statusYourRequest')} ${s.code}</h1>
${
  v.notice
    ? v.notice.kind === 'ok'
      ? html`<div class="iq-ok" role="status"><p>${v.notice.text}</p></div>`
      : html`<div class="iq-summary" role="alert"><p>${v.notice.text}</p></div>`
    : ''
}
<dl class="iq-facts">
<dt>${t(L, 'common.trackingCode')}</dt><dd>${s.code}</dd>
<dt>${t(L, 'common.title')}</dt><dd>${s.title}</dd>
<dt>${t(L, 'common.kind2')}</dt><dd>${s.kindLabel}</dd>
<dt>${t(L, 'common.field')}</dt><dd>${s.fieldLabel}</dd>
<dt>${t(L, 'publicStatus.status')}</dt><dd><strong>${s.statusLabel}</strong></dd>
<dt>${t(L, 'publicStatus.received')}</dt><dd>${dateTime(s.receivedAt)}</dd>
${s.agency ? html`<dt>${t(L, 'common.answeringAgency')}</dt><dd>${s.agency}</dd>` : ''}
${s.answerDueAt ? html`<dt>${t(L, 'common.answerDue')}</dt><dd>${dateOnly(s.answerDueAt)}</dd>` : ''}
${s.mergedInto ? html`<dt>${t(L, 'publicStatus.mergedRequest')}</dt><dd>${s.mergedInto}</dd>` : ''}
</dl>
${s.note ? html`<h2>${noteLabel(L, s.status)}</h2>${paragraphs(s.note)}` : ''}
${v.addInfo ? addInfoForm(L, v.addInfo) : ''}
${
  s.progress
    ? html`<h2>${t(L, 'common.progressNotice')}</h2>
${paragraphs(s.progress.text)}
<p>${t(L, 'publicStatus.expectedAnswerDate')} <strong>${dateOnly(s.progress.promisedAt)}</strong></p>`
    : ''
}
${
  s.answer
    ? html`<h2>${t(L, 'common.answer')}</h2>
<p class="iq-meta">${t(L, 'publicStatus.answered')} ${dateTime(s.answer.at)}${s.agency ? html` — ${s.agency}` : ''}</p>
<div class="iq-answer">${raw(s.answer.html)}</div>
${
  s.answerFiles.length
    ? html`<h3>${t(L, 'publicStatus.filesAnswer')}</h3>
<ul>${s.answerFiles.map((f) => html`<li><a href="${v.fileHref(f)}" download>${f.filename}</a> <span class="iq-meta">(${formatBytes(f.size, L)})</span></li>`)}</ul>`
    : ''
}`
    : ''
}
${s.published ? html`<p>${t(L, 'publicStatus.questionAnswerPersonalDataRemoved')} <a href="${v.qaHref(s.published.slug)}">${t(L, 'publicStatus.qSection')}</a>.</p>` : ''}
<h2>${t(L, 'publicStatus.stages')}</h2>
<ol class="iq-stages">${s.stages.map((st) => html`<li>${dateTime(st.at)} ${st.label}${st.note ? html`<br><span class="iq-meta">${st.note}</span>` : ''}</li>`)}</ol>
<p><a href="${v.lookupHref}">${t(L, 'publicStatus.lookUpAnotherRequest')}</a> · <a href="${v.askHref}">${t(L, 'publicStatus.sendNewRequest')}</a> · <a href="${v.qaListHref}">${t(L, 'common.questionsAnswers2')}</a></p>`;
}

function addInfoForm(L: Lang, f: NonNullable<StatusView['addInfo']>): SafeHtml {
  return html`<h2 id="bo-sung">${t(L, 'publicStatus.addInformation')}</h2>
${f.error ? errorSummary(L, { info: f.error }, { ...citizenSummary(L), links: { info: 'f-info' } }) : ''}
<form method="post" action="${f.action}" class="iq-form" novalidate>
${csrfInput(f.csrf)}
<input type="hidden" name="code" value="${f.code}">
<input type="hidden" name="contact" value="${f.contact}">
${textareaControl({ ...CITIZEN_CONTROLS, name: 'info', label: t(L, 'publicStatus.informationAdd'), value: f.value, required: true, maxlength: LIMITS.info[1], rows: 6, hint: t(L, 'publicStatus.infoHint', { min: LIMITS.info[0], max: LIMITS.info[1].toLocaleString(L === 'vi' ? 'vi-VN' : 'en-GB') }), error: f.error })}
<p><button type="submit" class="iq-button">${t(L, 'publicStatus.sendInformation')}</button></p>
</form>`;
}
