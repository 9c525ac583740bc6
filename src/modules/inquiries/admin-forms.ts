/**
 * The actions on a request's page, offered by role and stage (the service refuses anything
 * else anyway): the board's intake (classify, merge a duplicate, ask for more information,
 * forward, transfer, declare out of scope), the agency's answer, files and progress notice,
 * the board's review of the answer, and publication. Every form posts to the request's page
 * with `thao_tac`; files go as multipart to their own addresses. All work without JavaScript.
 */
import { formatDate, formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { FIELDS, KINDS, FORWARD_TO_COMPETENT_BODY, statusLabel } from './inquiry-types.ts';
import type { AgencyRow, AttachmentRow, EventRow, InquiryRow, ListedInquiry } from './inquiries.repo.ts';
import { input, select, textarea, type FormState } from './admin-views.ts';
import { t } from './messages.ts';

export interface ActionSpec {
  L: Lang;
  base: string;
  here: string;
  csrf: string;
  row: InquiryRow;
  role: 'board' | 'agency';
  agencies: readonly AgencyRow[];
  attachments: readonly AttachmentRow[];
  events: readonly EventRow[];
  duplicates: readonly (ListedInquiry & { score: number })[];
  answerReview: boolean;
  /** The public page of a published answer (absolute). */
  publicUrl: string | undefined;
  fileHref: (attId: number) => string;
  answerFilesAction: string;
  publicFilesAction: string;
  publishHref: string;
  agenciesHref: string;
  state: FormState;
}

const INTAKE = new Set(['received', 'needs_info']);
const AGENCY = new Set(['forwarded', 'progress']);

function box(id: string, title: string, body: SafeHtml, formError: FormState['formError']): SafeHtml {
  return html`<section class="action-box" aria-labelledby="${id}-h"><h3 id="${id}-h">${title}</h3>
${formError?.form === id ? html`<p class="error" role="alert">${formError.message}</p>` : ''}${body}</section>`;
}

function form(spec: ActionSpec, id: string, action: string, inner: SafeHtml, button: SafeHtml): SafeHtml {
  return html`<form method="post" action="${spec.here}" id="${id}" class="form" novalidate>${csrfInput(spec.csrf)}<input type="hidden" name="thao_tac" value="${action}">${inner}<p class="form-actions">${button}</p></form>`;
}

/** A list of files with download links (and a remove button where allowed). */
export function fileList(spec: ActionSpec, files: readonly AttachmentRow[], removable: boolean): SafeHtml {
  const { L } = spec;
  if (files.length === 0) return html`<p>${t(L, 'forms.noFiles')}</p>`;
  return html`<ul>${files.map(
    (f) =>
      html`<li><a href="${spec.fileHref(f.id)}">${f.filename}</a> <span class="muted">(${Math.max(1, Math.round(f.size / 1024))} KB)</span>${
        removable
          ? html` <form method="post" action="${spec.here}" class="inline">${csrfInput(spec.csrf)}<input type="hidden" name="thao_tac" value="remove_file"><input type="hidden" name="attId" value="${f.id}"><button type="submit" class="secondary">${t(L, 'forms.remove')}<span class="visually-hidden"> ${f.filename}</span></button></form>`
          : ''
      }</li>`,
  )}</ul>`;
}

function uploadForm(spec: ActionSpec, id: string, action: string, label: string, hint: string): SafeHtml {
  const err = spec.state.errors[id];
  return html`<form method="post" action="${action}" enctype="multipart/form-data" class="form" novalidate id="${id}-form">${csrfInput(spec.csrf)}
<div class="field"><label for="f-${id}">${label}</label><p class="hint" id="f-${id}-hint">${hint}</p>${err ? html`<p class="error" id="f-${id}-error">${err}</p>` : ''}
<input id="f-${id}" name="files" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.odt" aria-describedby="f-${id}-hint${err ? ` f-${id}-error` : ''}"${err ? raw(' aria-invalid="true"') : ''}></div>
<p><button type="submit">${t(spec.L, 'forms.upload')}</button></p></form>`;
}

function intakeForms(spec: ActionSpec): SafeHtml {
  const { L, row, state } = spec;
  const v = state.values;
  const e = state.errors;
  const active = spec.agencies.filter((a) => a.active);
  const preselect = v.agencyId ?? String(row.agency_id ?? row.requested_agency_id ?? '');
  const transferable = FORWARD_TO_COMPETENT_BODY.has(row.kind) || row.kind === 'petition';
  return html`${box(
    'form-classify',
    t(L, 'forms.classify'),
    form(
      spec,
      'form-classify',
      'classify',
      html`${select({ name: 'kind', label: t(L, 'common.kind2'), value: v.kind ?? row.kind, error: e.kind, options: KINDS.map((k) => ({ value: k.code, label: k.label[L] })) })}
${select({ name: 'field', label: t(L, 'common.field'), value: v.field ?? row.field, error: e.field, options: FIELDS.map((f) => ({ value: f.code, label: f.label[L] })) })}`,
      html`<button type="submit" class="secondary">${t(L, 'forms.saveClassification')}</button>`,
    ),
    state.formError,
  )}
${box(
  'form-merge',
  t(L, 'forms.likelyDuplicates'),
  spec.duplicates.length
    ? html`<p class="hint">${t(L, 'forms.mergingClosesRequestItsCitizen')}</p><ul>${spec.duplicates.map(
        (
          d,
        ) => html`<li><a href="${spec.base}/${d.id}"><code>${d.code}</code> ${d.title}</a> — ${statusLabel(d.status, L)}, ${t(L, 'forms.received')} ${formatDate(new Date(d.received_at))}, ${t(L, 'forms.similarity')} ${Math.round(d.score * 100)}%
<form method="post" action="${spec.here}" class="inline">${csrfInput(spec.csrf)}<input type="hidden" name="thao_tac" value="merge"><input type="hidden" name="into" value="${d.id}"><button type="submit" class="secondary">${t(L, 'forms.mergeIntoRequest')}<span class="visually-hidden"> ${d.code}</span></button></form></li>`,
      )}</ul>`
    : html`<p>${t(L, 'forms.noSimilarRequestLast12')}</p>`,
  state.formError,
)}
${
  row.status === 'received'
    ? box(
        'form-info',
        t(L, 'forms.askCitizenMoreInformation'),
        form(
          spec,
          'form-info',
          'request_info',
          textarea({
            name: 'infoMessage',
            label: t(L, 'forms.whatNeeded'),
            hint: t(L, 'forms.sentCitizenEMailShown'),
            value: v.infoMessage,
            error: e.infoMessage,
            rows: 4,
            maxlength: 2000,
          }),
          html`<button type="submit" class="secondary">${t(L, 'forms.sendRequest')}</button>`,
        ),
        state.formError,
      )
    : html`<p class="admin-notice admin-notice-info">${t(L, 'forms.waitingCitizensInformationRequestCan')}</p>`
}
${box(
  'form-forward',
  t(L, 'forms.forwardCompetentAgency'),
  active.length
    ? form(
        spec,
        'form-forward',
        'forward',
        html`<p class="hint">${t(L, 'forms.ruleForwardWithin2Working')}</p>
${select({ name: 'agencyId', label: t(L, 'common.agency'), value: preselect, error: e.agencyId, options: [{ value: '', label: t(L, 'forms.chooseAgency') }, ...active.map((a) => ({ value: String(a.id), label: a.id === row.requested_agency_id ? `${a.name} (${t(L, 'forms.chosenCitizen')})` : a.name }))] })}
${textarea({ name: 'forwardNote', label: t(L, 'forms.noteAgencyOptionalNotSent'), value: v.forwardNote, rows: 2, maxlength: 2000 })}`,
        html`<button type="submit">${t(L, 'forms.forward')}</button>`,
      )
    : html`<p>${t(L, 'forms.siteHasNoAnsweringAgencies')} <a href="${spec.agenciesHref}">${t(L, 'forms.answeringAgencies')}</a></p>`,
  state.formError,
)}
${
  transferable
    ? box(
        'form-transfer',
        t(L, 'forms.transferCompetentBodyComplaintsDenunciat'),
        form(
          spec,
          'form-transfer',
          'transfer',
          html`${input({ name: 'transferBody', label: t(L, 'forms.nameCompetentBody'), value: v.transferBody, error: e.transferBody, maxlength: 300 })}
${textarea({ name: 'transferNote', label: t(L, 'forms.noteCitizenOptional'), value: v.transferNote, rows: 2, maxlength: 2000 })}`,
          html`<button type="submit" class="secondary">${t(L, 'forms.transfer')}</button>`,
        ),
        state.formError,
      )
    : ''
}
${box('form-scope', t(L, 'forms.outsideScope'), form(spec, 'form-scope', 'out_of_scope', textarea({ name: 'reason', label: t(L, 'forms.reasonSentCitizen'), hint: t(L, 'forms.ruleQa3CitizenMust'), value: v.reason, error: e.reason, rows: 3, maxlength: 2000 }), html`<button type="submit" class="danger">${t(L, 'forms.declareOutScope')}</button>`), state.formError)}`;
}

function agencyForms(spec: ActionSpec): SafeHtml {
  const { L, row, state } = spec;
  const v = state.values;
  const e = state.errors;
  const returned = [...spec.events].reverse().find((x) => x.kind === 'answer_returned');
  const answerFiles = spec.attachments.filter((a) => a.role === 'answer');
  return html`${
    returned && !spec.events.slice(spec.events.indexOf(returned) + 1).some((x) => x.kind === 'answer_submitted')
      ? html`<p class="admin-notice admin-notice-info"><strong>${t(L, 'forms.boardReturnedDraft')}</strong> (${formatDateTime(new Date(returned.at))}): ${returned.note}</p>`
      : ''
  }
${box(
  'form-answer',
  t(L, 'common.answer'),
  html`<form method="post" action="${spec.here}" id="form-answer" class="form content-form" novalidate>${csrfInput(spec.csrf)}
${textarea({
  name: 'answer',
  label: t(L, 'forms.answer'),
  hint: t(L, 'forms.simpleHtmlMayUsedP'),
  value: v.answer ?? row.answer_html,
  error: e.answer,
  rows: 12,
  attrs: html` data-rich-editor data-lang="${L}"`,
})}
<p class="hint">${spec.answerReview ? t(L, 'forms.answerGoesBoardReviewBefore') : t(L, 'forms.answerGoesStraightCitizen')}</p>
<p class="form-actions"><button type="submit" name="thao_tac" value="save_draft" class="secondary">${t(L, 'forms.saveDraft')}</button> <button type="submit" name="thao_tac" value="submit_answer">${t(L, 'forms.sendAnswer')}</button></p>
</form>
<script type="module" src="${assetUrl('editor.js')}"></script>`,
  state.formError,
)}
${box('tep-tra-loi', t(L, 'forms.filesAnswer'), html`${fileList(spec, answerFiles, true)}${uploadForm(spec, 'answerFiles', spec.answerFilesAction, t(L, 'forms.addFiles'), t(L, 'forms.pdfJpegPngDocxOdt'))}`, state.formError)}
${box(
  'form-progress',
  t(L, 'common.progressNotice'),
  form(
    spec,
    'form-progress',
    'progress',
    html`<p class="hint">${t(L, 'forms.ruleQa4WhenAnswer')}</p>
${textarea({ name: 'progressText', label: t(L, 'forms.noticeSentCitizen'), value: v.progressText ?? '', error: e.progressText, rows: 3, maxlength: 2000 })}
${input({ name: 'promisedDate', label: t(L, 'forms.expectedAnswerDate'), type: 'date', hint: t(L, 'forms.dayAfterTodayDdMm'), value: v.promisedDate ?? '', error: e.promisedDate })}`,
    html`<button type="submit" class="secondary">${t(L, 'forms.sendProgressNotice')}</button>`,
  ),
  state.formError,
)}`;
}

function reviewForms(spec: ActionSpec): SafeHtml {
  const { L, row, state } = spec;
  return html`${box(
    'form-review',
    t(L, 'forms.reviewAnswer'),
    html`<div class="content-preview">${raw(row.answer_html)}</div>
${fileList(
  spec,
  spec.attachments.filter((a) => a.role === 'answer'),
  false,
)}
${form(spec, 'form-approve', 'approve', html``, html`<button type="submit">${t(L, 'forms.approveSendCitizen')}</button>`)}
${form(spec, 'form-return', 'return', textarea({ name: 'returnNote', label: t(L, 'forms.whatAgencyShouldChange'), hint: t(L, 'forms.n52000CharactersSentResponders'), value: state.values.returnNote, error: state.errors.returnNote, rows: 3, maxlength: 2000 }), html`<button type="submit" class="secondary">${t(L, 'forms.returnChanges')}</button>`)}`,
    state.formError,
  )}`;
}

function publicationForms(spec: ActionSpec): SafeHtml {
  const { L, row, state } = spec;
  const publicFiles = spec.attachments.filter((a) => a.role === 'public');
  if (!row.consent_publish) {
    return box(
      'form-publish',
      t(L, 'forms.publicationQSection'),
      html`<p><strong>${t(L, 'common.citizenDidNotConsentPublication')}</strong></p>`,
      state.formError,
    );
  }
  return box(
    'form-publish',
    t(L, 'forms.publicationQSection'),
    html`${
      row.published_at
        ? html`<p>${t(L, 'forms.published')} ${formatDate(new Date(row.published_at))}${spec.publicUrl ? html`: <a href="${spec.publicUrl}">${t(L, 'forms.seePublicPage')}</a>` : ''}.</p>
<p class="form-actions"><a class="button secondary" href="${spec.publishHref}">${t(L, 'forms.editPublishedText')}</a></p>
${form(spec, 'form-unpublish', 'unpublish', html``, html`<button type="submit" class="danger">${t(L, 'forms.unpublish')}</button>`)}`
        : html`<p>${t(L, 'forms.citizenConsentedNamesPhoneNumbers')}</p>
<p><a class="button" href="${spec.publishHref}">${t(L, 'forms.preparePublication')}</a></p>`
    }
<h4>${t(L, 'forms.redactedPublicCopies')}</h4>
<p class="hint">${t(L, 'forms.citizensFilesNeverPublishedOnly')}</p>
${fileList(spec, publicFiles, false)}
${uploadForm(spec, 'publicFiles', spec.publicFilesAction, t(L, 'forms.uploadPublicCopy'), t(L, 'forms.pdfJpegPngDocxOdt2'))}`,
    state.formError,
  );
}

/** The actions this person may take on the request now. */
export function actionForms(spec: ActionSpec): SafeHtml {
  const { L, row, role } = spec;
  let body: SafeHtml | '' = '';
  if (role === 'board' && INTAKE.has(row.status)) body = intakeForms(spec);
  else if (role === 'agency' && AGENCY.has(row.status)) body = agencyForms(spec);
  else if (role === 'board' && row.status === 'answer_review') body = reviewForms(spec);
  else if (role === 'board' && row.status === 'answered') body = publicationForms(spec);
  else if (role === 'agency' && row.status === 'answer_review')
    body = html`<p class="admin-notice admin-notice-info">${t(L, 'forms.answerWaitingBoardsReview')}</p>`;
  else if (role === 'board' && AGENCY.has(row.status)) body = html`<p class="admin-notice admin-notice-info">${t(L, 'forms.requestAnsweringAgency')}</p>`;
  if (!body) return html``;
  return html`<section aria-labelledby="thao-tac"><h2 id="thao-tac">${t(L, 'forms.actions')}</h2>${body}</section>`;
}
