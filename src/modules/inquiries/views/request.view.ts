/**
 * A request's page in the consoles (/quan-tri/hoi-dap/<id>): who sent it (personal data: every
 * opening is recorded in the audit log), what they wrote (escaped, line breaks kept), their
 * files, the answer, each stage's deadline with how it was counted, the history, and the actions
 * this person may take now (request-actions.view.ts). Also the publication page: the text
 * proposed with personal data removed, for the board to check and publish.
 */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { assetUrl } from '../../../platform/views/assets.ts';
import { csrfInput, errorSummary, inputControl, textareaControl } from '../../../platform/views/form-controls.ts';
import type { RequestModel } from '../present/request.present.ts';
import { dueCell, lateness, typed, type ConsoleForm } from './console-parts.ts';
import { actionForms, type ActionsView } from './request-actions.view.ts';
import { t } from '../messages.ts';

/** The citizen's text: escaped, line breaks kept. */
const plain = (text: string): SafeHtml => html`<div class="diff-text">${text}</div>`;

/** The summary of a refused form at the top of the page; a refused action links to its form. */
export function refusal(L: Lang, state: ConsoleForm): SafeHtml | '' {
  return errorSummary(L, state.errors, state.formAnchor ? { formAnchor: state.formAnchor } : {});
}

export interface RequestPageView extends Omit<ActionsView, 'actions'> {
  /** The list of requests. */
  base: string;
  request: RequestModel;
}

export function requestPageMain(v: RequestPageView): SafeHtml {
  const L = v.lang;
  const r = v.request;
  const now = new Date();
  const sender = r.sender;
  return html`<p class="breadcrumb-admin"><a href="${v.base}">${t(L, 'common.questionsPetitions')}</a> › <code>${r.code}</code></p>
${refusal(L, v.state)}
<h1>${r.title}</h1>
<dl class="status-line">
<dt>${t(L, 'common.trackingCode')}</dt><dd><code>${r.code}</code></dd>
<dt>${t(L, 'common.stage')}</dt><dd><strong>${r.statusLabel}</strong>${r.merged ? html` (${t(L, 'detail.into')} ${r.merged.into ? html`<a href="${v.base}/${r.merged.into}">#${r.merged.into}</a>` : ''})` : ''}${r.transferredTo ? html` — ${r.transferredTo}` : ''}</dd>
<dt>${t(L, 'common.answeringAgency')}</dt><dd>${r.agencyName}</dd>
${r.statusNote ? html`<dt>${t(L, 'common.note')}</dt><dd>${r.statusNote}</dd>` : ''}
</dl>
<section aria-labelledby="nguoi-gui"><h2 id="nguoi-gui">${t(L, 'detail.sender')}</h2>
${
  'erasedAt' in sender
    ? html`<p>${t(L, 'detail.personalDataWereErasedEnd')} (${formatDate(sender.erasedAt)}).</p>`
    : html`<p class="hint">${t(L, 'detail.personalDataHandlingRequestOnly')}</p>
<dl class="meta-list">
<dt>${t(L, 'common.name')}</dt><dd>${sender.name || '—'}</dd>
<dt>${t(L, 'common.eMail')}</dt><dd>${sender.email ? html`<a href="mailto:${sender.email}">${sender.email}</a>` : '—'}</dd>
<dt>${t(L, 'detail.phone')}</dt><dd>${sender.phone || '—'}</dd>
<dt>${t(L, 'common.address')}</dt><dd>${sender.address || '—'}</dd>
</dl>`
}
</section>
<section aria-labelledby="noi-dung-yc"><h2 id="noi-dung-yc">${t(L, 'detail.request')}</h2>
<dl class="meta-list">
<dt>${t(L, 'common.channel')}</dt><dd>${r.channelLabel}</dd>
<dt>${t(L, 'common.kind')}</dt><dd>${r.kindLabel}</dd>
<dt>${t(L, 'common.field')}</dt><dd>${r.fieldLabel}</dd>
<dt>${t(L, 'common.received')}</dt><dd>${formatDateTime(r.receivedAt)}</dd>
<dt>${t(L, 'detail.agencyChosenCitizen')}</dt><dd>${r.requestedAgencyName}</dd>
<dt>${t(L, 'detail.consentPublication')}</dt><dd>${r.consentPublish ? t(L, 'common.yes') : t(L, 'common.no')}</dd>
<dt>${t(L, 'detail.language')}</dt><dd>${r.langName}</dd>
</dl>
${plain(r.body)}
<h3>${t(L, 'detail.filesSentCitizen')}</h3>
${r.citizenFiles.length ? html`<ul>${r.citizenFiles.map((f) => html`<li><a href="${f.href}">${f.filename}</a> <span class="muted">(${f.kb} KB)</span></li>`)}</ul>` : html`<p>${'erasedAt' in sender ? t(L, 'detail.erased') : t(L, 'detail.none')}</p>`}
</section>
${
  r.progress
    ? html`<section aria-labelledby="tien-do"><h2 id="tien-do">${t(L, 'common.progressNotice')}</h2>${plain(r.progress.text)}${r.progress.promisedAt ? html`<p>${t(L, 'detail.promisedAnswerDate')}: ${formatDate(r.progress.promisedAt)}</p>` : ''}</section>`
    : ''
}
${
  r.answer
    ? html`<section aria-labelledby="tra-loi"><h2 id="tra-loi">${r.answer.final ? t(L, 'common.answer') : t(L, 'detail.draftAnswer')}</h2><div class="content-preview">${raw(r.answer.html)}</div>
${r.answer.files.length ? html`<ul>${r.answer.files.map((f) => html`<li><a href="${f.href}">${f.filename}</a></li>`)}</ul>` : ''}</section>`
    : ''
}
${actionForms({ ...v, actions: r.actions })}
<section aria-labelledby="thoi-han"><h2 id="thoi-han">${t(L, 'detail.deadlines')}</h2>
${
  r.deadlines.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="thoi-han"><table class="data"><thead><tr><th scope="col">${t(L, 'detail.stage2')}</th><th scope="col">${t(L, 'detail.due')}</th><th scope="col">${t(L, 'detail.outcome')}</th><th scope="col">${t(L, 'detail.howWasCounted')}</th></tr></thead>
<tbody>${r.deadlines.map((d) => {
        const outcome = d.metAt
          ? d.lateSeconds && d.lateSeconds > 0
            ? html`<strong class="badge badge-off">${t(L, 'detail.late', { lateness: lateness(L, d.lateSeconds) })}</strong> (${formatDateTime(d.metAt)})`
            : html`<strong class="badge badge-ok">${t(L, 'detail.time')}</strong> (${formatDateTime(d.metAt)})`
          : d.dueAt < now
            ? html`<strong class="badge badge-off">${t(L, 'detail.overdueNotDone')}</strong>`
            : html`${t(L, 'detail.open')}`;
        return html`<tr><th scope="row">${d.stage}${d.agency ? html`<br><span class="muted">${d.agency}</span>` : ''}</th><td>${d.metAt ? html`<time datetime="${d.dueAt.toISOString()}">${formatDateTime(d.dueAt)}</time>` : dueCell(L, d.dueAt, now)}</td><td>${outcome}</td><td>${d.explanation}</td></tr>`;
      })}</tbody></table></div>`
    : html`<p>${t(L, 'detail.noDeadlines')}</p>`
}
</section>
<section aria-labelledby="lich-su"><h2 id="lich-su">${t(L, 'detail.history')}</h2>
<ol>${r.history.map((ev) => html`<li><time datetime="${ev.at.toISOString()}">${formatDateTime(ev.at)}</time> — <strong>${ev.label}</strong>${ev.actor ? html` (${ev.actor})` : ''}${ev.internal ? html` <span class="badge">${t(L, 'detail.internal')}</span>` : ''}${ev.note ? html`: ${ev.note}` : ''}</li>`)}</ol>
</section>`;
}

export interface PublishPageView {
  lang: Lang;
  base: string;
  here: string;
  code: string;
  csrf: string;
  /** Why it cannot be published, when it cannot. */
  refused: 'noConsent' | 'notAnswered' | undefined;
  published: boolean;
  proposal: { title: string; question: string; answerHtml: string; redactions: number } | undefined;
  state: ConsoleForm;
}

export function publishPageMain(v: PublishPageView): SafeHtml {
  const L = v.lang;
  const title = t(L, 'detail.publishAnswer');
  const head = html`<p class="breadcrumb-admin"><a href="${v.base}">${t(L, 'common.questionsPetitions')}</a> › <a href="${v.here}"><code>${v.code}</code></a> › ${title}</p>
${refusal(L, v.state)}<h1>${title}</h1>`;
  if (v.refused || !v.proposal) {
    return html`${head}<p><strong>${v.refused === 'noConsent' ? t(L, 'common.citizenDidNotConsentPublication') : t(L, 'detail.onlyAnsweredRequestsCanPublished')}</strong></p><p><a href="${v.here}">${t(L, 'detail.backRequest')}</a></p>`;
  }
  const p = v.proposal;
  const s = v.state;
  return html`${head}
<p class="admin-notice admin-notice-info" role="note">${v.published ? t(L, 'detail.alreadyPublishedSavingAgainUpdates') : t(L, 'detail.placesThatMayPersonalData', { redactions: p.redactions })}</p>
<form method="post" action="${v.here}" class="form content-form" id="form-publish" novalidate>${csrfInput(v.csrf)}<input type="hidden" name="thao_tac" value="publish">
${inputControl({ name: 'pubTitle', label: t(L, 'detail.publishedTitle'), value: typed(s, 'pubTitle') ?? p.title, error: s.errors.pubTitle, maxlength: 300 })}
${textareaControl({ name: 'pubQuestion', label: t(L, 'detail.questionPlainText'), value: typed(s, 'pubQuestion') ?? p.question, error: s.errors.pubQuestion, rows: 8 })}
${textareaControl({ name: 'pubAnswer', label: t(L, 'detail.answerSimpleHtml'), value: typed(s, 'pubAnswer') ?? p.answerHtml, error: s.errors.pubAnswer, rows: 12, attrs: html` data-rich-editor data-lang="${L}"` })}
<p class="form-actions"><button type="submit">${t(L, 'detail.publish')}</button> <a href="${v.here}">${t(L, 'detail.cancel')}</a></p>
</form>
<script type="module" src="${assetUrl('editor.js')}"></script>`;
}
