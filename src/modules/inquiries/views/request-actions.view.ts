/**
 * The actions on a request's page, offered by role and stage (the presenter decides which; the
 * service refuses anything else anyway): the board's intake (classify, merge a duplicate, ask
 * for more information, forward, transfer, declare out of scope), the agency's answer, files and
 * progress notice, the board's review of the answer, and publication. Every form posts to the
 * request's page with `thao_tac`; files go as multipart to their own addresses. A refused action
 * is shown at the top of its own form. All work without JavaScript.
 */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { assetUrl } from '../../../platform/views/assets.ts';
import { csrfInput, inputControl, selectControl, textareaControl } from '../../../platform/views/form-controls.ts';
import { FIELD_CODES, fieldLabel, KIND_CODES, kindLabel } from '../inquiry-types.ts';
import type { ActionsModel, AgencyModel, FileLink, IntakeModel, PublicationModel, ReviewModel } from '../present/request.present.ts';
import { typed, type ConsoleForm } from './console-parts.ts';
import { t } from '../messages.ts';

export interface ActionsView {
  lang: Lang;
  /** The request's page: every action posts there. */
  here: string;
  csrf: string;
  actions: ActionsModel | undefined;
  answerFilesAction: string;
  publicFilesAction: string;
  publishHref: string;
  agenciesHref: string;
  state: ConsoleForm;
}

function box(v: ActionsView, id: string, title: string, body: SafeHtml): SafeHtml {
  const refused = v.state.formAnchor === id ? v.state.errors.form : undefined;
  return html`<section class="action-box" aria-labelledby="${id}-h"><h3 id="${id}-h">${title}</h3>
${refused ? html`<p class="error" role="alert">${refused}</p>` : ''}${body}</section>`;
}

function form(v: ActionsView, id: string, action: string, inner: SafeHtml, button: SafeHtml): SafeHtml {
  return html`<form method="post" action="${v.here}" id="${id}" class="form" novalidate>${csrfInput(v.csrf)}<input type="hidden" name="thao_tac" value="${action}">${inner}<p class="form-actions">${button}</p></form>`;
}

/** A list of files with download links (and a remove button where allowed). */
function fileList(v: ActionsView, files: readonly FileLink[], removable: boolean): SafeHtml {
  const L = v.lang;
  if (files.length === 0) return html`<p>${t(L, 'forms.noFiles')}</p>`;
  return html`<ul>${files.map(
    (f) =>
      html`<li><a href="${f.href}">${f.filename}</a> <span class="muted">(${f.kb} KB)</span>${
        removable
          ? html` <form method="post" action="${v.here}" class="inline">${csrfInput(v.csrf)}<input type="hidden" name="thao_tac" value="remove_file"><input type="hidden" name="attId" value="${f.id}"><button type="submit" class="secondary">${t(L, 'forms.remove')}<span class="visually-hidden"> ${f.filename}</span></button></form>`
          : ''
      }</li>`,
  )}</ul>`;
}

function uploadForm(v: ActionsView, id: 'answerFiles' | 'publicFiles', action: string, label: string, hint: string): SafeHtml {
  const err = v.state.errors[id];
  return html`<form method="post" action="${action}" enctype="multipart/form-data" class="form" novalidate id="${id}-form">${csrfInput(v.csrf)}
<div class="field"><label for="f-${id}">${label}</label><p class="hint" id="f-${id}-hint">${hint}</p>${err ? html`<p class="error" id="f-${id}-error">${err}</p>` : ''}
<input id="f-${id}" name="files" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.odt" aria-describedby="f-${id}-hint${err ? ` f-${id}-error` : ''}"${err ? raw(' aria-invalid="true"') : ''}></div>
<p><button type="submit">${t(v.lang, 'forms.upload')}</button></p></form>`;
}

function intakeForms(v: ActionsView, m: IntakeModel): SafeHtml {
  const L = v.lang;
  const s = v.state;
  const e = s.errors;
  return html`${box(
    v,
    'form-classify',
    t(L, 'forms.classify'),
    form(
      v,
      'form-classify',
      'classify',
      html`${selectControl({ name: 'kind', label: t(L, 'common.kind2'), value: typed(s, 'kind') ?? m.classification.kind, error: e.kind, options: KIND_CODES.map((code) => ({ value: code, label: kindLabel(code, L) })) })}
${selectControl({ name: 'field', label: t(L, 'common.field'), value: typed(s, 'field') ?? m.classification.field, error: e.field, options: FIELD_CODES.map((code) => ({ value: code, label: fieldLabel(code, L) })) })}`,
      html`<button type="submit" class="secondary">${t(L, 'forms.saveClassification')}</button>`,
    ),
  )}
${box(
  v,
  'form-merge',
  t(L, 'forms.likelyDuplicates'),
  m.duplicates.length
    ? html`<p class="hint">${t(L, 'forms.mergingClosesRequestItsCitizen')}</p><ul>${m.duplicates.map(
        (
          d,
        ) => html`<li><a href="${d.href}"><code>${d.code}</code> ${d.title}</a> — ${d.statusLabel}, ${t(L, 'forms.received')} ${formatDate(d.receivedAt)}, ${t(L, 'forms.similarity')} ${d.similarity}%
<form method="post" action="${v.here}" class="inline">${csrfInput(v.csrf)}<input type="hidden" name="thao_tac" value="merge"><input type="hidden" name="into" value="${d.id}"><button type="submit" class="secondary">${t(L, 'forms.mergeIntoRequest')}<span class="visually-hidden"> ${d.code}</span></button></form></li>`,
      )}</ul>`
    : html`<p>${t(L, 'forms.noSimilarRequestLast12')}</p>`,
)}
${
  m.mayAskInformation
    ? box(
        v,
        'form-info',
        t(L, 'forms.askCitizenMoreInformation'),
        form(
          v,
          'form-info',
          'request_info',
          textareaControl({
            name: 'infoMessage',
            label: t(L, 'forms.whatNeeded'),
            hint: t(L, 'forms.sentCitizenEMailShown'),
            value: typed(s, 'infoMessage'),
            error: e.infoMessage,
            rows: 4,
            maxlength: 2000,
          }),
          html`<button type="submit" class="secondary">${t(L, 'forms.sendRequest')}</button>`,
        ),
      )
    : html`<p class="admin-notice admin-notice-info">${t(L, 'forms.waitingCitizensInformationRequestCan')}</p>`
}
${box(
  v,
  'form-forward',
  t(L, 'forms.forwardCompetentAgency'),
  m.agencies.length
    ? form(
        v,
        'form-forward',
        'forward',
        html`<p class="hint">${t(L, 'forms.ruleForwardWithin2Working')}</p>
${selectControl({ name: 'agencyId', label: t(L, 'common.agency'), value: typed(s, 'agencyId') ?? m.agencyChosen, error: e.agencyId, options: [{ value: '', label: t(L, 'forms.chooseAgency') }, ...m.agencies.map((a) => ({ value: String(a.id), label: a.label }))] })}
${textareaControl({ name: 'forwardNote', label: t(L, 'forms.noteAgencyOptionalNotSent'), value: typed(s, 'forwardNote'), rows: 2, maxlength: 2000 })}`,
        html`<button type="submit">${t(L, 'forms.forward')}</button>`,
      )
    : html`<p>${t(L, 'forms.siteHasNoAnsweringAgencies')} <a href="${v.agenciesHref}">${t(L, 'forms.answeringAgencies')}</a></p>`,
)}
${
  m.transferable
    ? box(
        v,
        'form-transfer',
        t(L, 'forms.transferCompetentBodyComplaintsDenunciat'),
        form(
          v,
          'form-transfer',
          'transfer',
          html`${inputControl({ name: 'transferBody', label: t(L, 'forms.nameCompetentBody'), value: typed(s, 'transferBody'), error: e.transferBody, maxlength: 300 })}
${textareaControl({ name: 'transferNote', label: t(L, 'forms.noteCitizenOptional'), value: typed(s, 'transferNote'), rows: 2, maxlength: 2000 })}`,
          html`<button type="submit" class="secondary">${t(L, 'forms.transfer')}</button>`,
        ),
      )
    : ''
}
${box(
  v,
  'form-scope',
  t(L, 'forms.outsideScope'),
  form(
    v,
    'form-scope',
    'out_of_scope',
    textareaControl({
      name: 'reason',
      label: t(L, 'forms.reasonSentCitizen'),
      hint: t(L, 'forms.ruleQa3CitizenMust'),
      value: typed(s, 'reason'),
      error: e.reason,
      rows: 3,
      maxlength: 2000,
    }),
    html`<button type="submit" class="danger">${t(L, 'forms.declareOutScope')}</button>`,
  ),
)}`;
}

function agencyForms(v: ActionsView, m: AgencyModel): SafeHtml {
  const L = v.lang;
  const s = v.state;
  const e = s.errors;
  return html`${
    m.returned
      ? html`<p class="admin-notice admin-notice-info"><strong>${t(L, 'forms.boardReturnedDraft')}</strong> (${formatDateTime(m.returned.at)}): ${m.returned.note}</p>`
      : ''
  }
${box(
  v,
  'form-answer',
  t(L, 'common.answer'),
  html`<form method="post" action="${v.here}" id="form-answer" class="form content-form" novalidate>${csrfInput(v.csrf)}
${textareaControl({
  name: 'answer',
  label: t(L, 'forms.answer'),
  hint: t(L, 'forms.simpleHtmlMayUsedP'),
  value: typed(s, 'answer') ?? m.draftHtml,
  error: e.answer,
  rows: 12,
  attrs: html` data-rich-editor data-lang="${L}"`,
})}
<p class="hint">${m.answerReview ? t(L, 'forms.answerGoesBoardReviewBefore') : t(L, 'forms.answerGoesStraightCitizen')}</p>
<p class="form-actions"><button type="submit" name="thao_tac" value="save_draft" class="secondary">${t(L, 'forms.saveDraft')}</button> <button type="submit" name="thao_tac" value="submit_answer">${t(L, 'forms.sendAnswer')}</button></p>
</form>
<script type="module" src="${assetUrl('editor.js')}"></script>`,
)}
${box(v, 'tep-tra-loi', t(L, 'forms.filesAnswer'), html`${fileList(v, m.answerFiles, true)}${uploadForm(v, 'answerFiles', v.answerFilesAction, t(L, 'forms.addFiles'), t(L, 'forms.pdfJpegPngDocxOdt'))}`)}
${box(
  v,
  'form-progress',
  t(L, 'common.progressNotice'),
  form(
    v,
    'form-progress',
    'progress',
    html`<p class="hint">${t(L, 'forms.ruleQa4WhenAnswer')}</p>
${textareaControl({ name: 'progressText', label: t(L, 'forms.noticeSentCitizen'), value: typed(s, 'progressText') ?? '', error: e.progressText, rows: 3, maxlength: 2000 })}
${inputControl({ name: 'promisedDate', label: t(L, 'forms.expectedAnswerDate'), type: 'date', hint: t(L, 'forms.dayAfterTodayDdMm'), value: typed(s, 'promisedDate') ?? '', error: e.promisedDate })}`,
    html`<button type="submit" class="secondary">${t(L, 'forms.sendProgressNotice')}</button>`,
  ),
)}`;
}

function reviewForms(v: ActionsView, m: ReviewModel): SafeHtml {
  const L = v.lang;
  return html`${box(
    v,
    'form-review',
    t(L, 'forms.reviewAnswer'),
    html`<div class="content-preview">${raw(m.answerHtml)}</div>
${fileList(v, m.answerFiles, false)}
${form(v, 'form-approve', 'approve', html``, html`<button type="submit">${t(L, 'forms.approveSendCitizen')}</button>`)}
${form(v, 'form-return', 'return', textareaControl({ name: 'returnNote', label: t(L, 'forms.whatAgencyShouldChange'), hint: t(L, 'forms.n52000CharactersSentResponders'), value: typed(v.state, 'returnNote'), error: v.state.errors.returnNote, rows: 3, maxlength: 2000 }), html`<button type="submit" class="secondary">${t(L, 'forms.returnChanges')}</button>`)}`,
  )}`;
}

function publicationForms(v: ActionsView, m: PublicationModel): SafeHtml {
  const L = v.lang;
  if (!m.consent)
    return box(v, 'form-publish', t(L, 'forms.publicationQSection'), html`<p><strong>${t(L, 'common.citizenDidNotConsentPublication')}</strong></p>`);
  return box(
    v,
    'form-publish',
    t(L, 'forms.publicationQSection'),
    html`${
      m.publishedAt
        ? html`<p>${t(L, 'forms.published')} ${formatDate(m.publishedAt)}${m.publicUrl ? html`: <a href="${m.publicUrl}">${t(L, 'forms.seePublicPage')}</a>` : ''}.</p>
<p class="form-actions"><a class="button secondary" href="${v.publishHref}">${t(L, 'forms.editPublishedText')}</a></p>
${form(v, 'form-unpublish', 'unpublish', html``, html`<button type="submit" class="danger">${t(L, 'forms.unpublish')}</button>`)}`
        : html`<p>${t(L, 'forms.citizenConsentedNamesPhoneNumbers')}</p>
<p><a class="button" href="${v.publishHref}">${t(L, 'forms.preparePublication')}</a></p>`
    }
<h4>${t(L, 'forms.redactedPublicCopies')}</h4>
<p class="hint">${t(L, 'forms.citizensFilesNeverPublishedOnly')}</p>
${fileList(v, m.publicFiles, false)}
${uploadForm(v, 'publicFiles', v.publicFilesAction, t(L, 'forms.uploadPublicCopy'), t(L, 'forms.pdfJpegPngDocxOdt2'))}`,
  );
}

/** The actions this person may take on the request now. */
export function actionForms(v: ActionsView): SafeHtml {
  const L = v.lang;
  const m = v.actions;
  if (!m) return html``;
  let body: SafeHtml;
  switch (m.kind) {
    case 'intake':
      body = intakeForms(v, m);
      break;
    case 'agency':
      body = agencyForms(v, m);
      break;
    case 'review':
      body = reviewForms(v, m);
      break;
    case 'publication':
      body = publicationForms(v, m);
      break;
    case 'waitingReview':
      body = html`<p class="admin-notice admin-notice-info">${t(L, 'forms.answerWaitingBoardsReview')}</p>`;
      break;
    case 'atAgency':
      body = html`<p class="admin-notice admin-notice-info">${t(L, 'forms.requestAnsweringAgency')}</p>`;
      break;
  }
  return html`<section aria-labelledby="thao-tac"><h2 id="thao-tac">${t(L, 'forms.actions')}</h2>${body}</section>`;
}
