/**
 * The actions on a request's page, offered by role and stage (the service refuses anything
 * else anyway): the board's intake (classify, merge a duplicate, ask for more information,
 * forward, transfer, declare out of scope), the agency's answer, files and progress notice,
 * the board's review of the answer, and publication. Every form posts to the request's page
 * with `thao_tac`; files go as multipart to their own addresses. All work without JavaScript.
 */
import { formatDate, formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { assetUrl } from '../../platform/views/assets.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { FIELDS, KINDS, FORWARD_TO_COMPETENT_BODY, statusLabel } from './inquiry-types.ts';
import type { AgencyRow, AttachmentRow, EventRow, InquiryRow, ListedInquiry } from './inquiries.repo.ts';
import { input, select, textarea, type FormState } from './admin-views.ts';

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
  if (files.length === 0) return html`<p>${tr(L, 'Chưa có tệp.', 'No files.')}</p>`;
  return html`<ul>${files.map(
    (f) =>
      html`<li><a href="${spec.fileHref(f.id)}">${f.filename}</a> <span class="muted">(${Math.max(1, Math.round(f.size / 1024))} KB)</span>${
        removable
          ? html` <form method="post" action="${spec.here}" class="inline">${csrfInput(spec.csrf)}<input type="hidden" name="thao_tac" value="remove_file"><input type="hidden" name="attId" value="${f.id}"><button type="submit" class="secondary">${tr(L, 'Xóa tệp', 'Remove')}<span class="visually-hidden"> ${f.filename}</span></button></form>`
          : ''
      }</li>`,
  )}</ul>`;
}

function uploadForm(spec: ActionSpec, id: string, action: string, label: string, hint: string): SafeHtml {
  const err = spec.state.errors[id];
  return html`<form method="post" action="${action}" enctype="multipart/form-data" class="form" novalidate id="${id}-form">${csrfInput(spec.csrf)}
<div class="field"><label for="f-${id}">${label}</label><p class="hint" id="f-${id}-hint">${hint}</p>${err ? html`<p class="error" id="f-${id}-error">${err}</p>` : ''}
<input id="f-${id}" name="files" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.odt" aria-describedby="f-${id}-hint${err ? ` f-${id}-error` : ''}"${err ? raw(' aria-invalid="true"') : ''}></div>
<p><button type="submit">${tr(spec.L, 'Tải lên', 'Upload')}</button></p></form>`;
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
    tr(L, 'Phân loại', 'Classify'),
    form(
      spec,
      'form-classify',
      'classify',
      html`${select({ name: 'kind', label: tr(L, 'Loại yêu cầu', 'Kind'), value: v.kind ?? row.kind, error: e.kind, options: KINDS.map((k) => ({ value: k.code, label: k.label[L] })) })}
${select({ name: 'field', label: tr(L, 'Lĩnh vực', 'Field'), value: v.field ?? row.field, error: e.field, options: FIELDS.map((f) => ({ value: f.code, label: f.label[L] })) })}`,
      html`<button type="submit" class="secondary">${tr(L, 'Lưu phân loại', 'Save the classification')}</button>`,
    ),
    state.formError,
  )}
${box(
  'form-merge',
  tr(L, 'Yêu cầu có thể trùng nội dung', 'Likely duplicates'),
  spec.duplicates.length
    ? html`<p class="hint">${tr(L, 'Gộp: yêu cầu này đóng lại và công dân nhận câu trả lời của yêu cầu được chọn.', 'Merging closes this request; its citizen gets the answer of the chosen one.')}</p><ul>${spec.duplicates.map(
        (
          d,
        ) => html`<li><a href="${spec.base}/${d.id}"><code>${d.code}</code> ${d.title}</a> — ${statusLabel(d.status, L)}, ${tr(L, 'tiếp nhận', 'received')} ${formatDate(new Date(d.received_at))}, ${tr(L, 'độ giống', 'similarity')} ${Math.round(d.score * 100)}%
<form method="post" action="${spec.here}" class="inline">${csrfInput(spec.csrf)}<input type="hidden" name="thao_tac" value="merge"><input type="hidden" name="into" value="${d.id}"><button type="submit" class="secondary">${tr(L, 'Gộp vào yêu cầu này', 'Merge into this request')}<span class="visually-hidden"> ${d.code}</span></button></form></li>`,
      )}</ul>`
    : html`<p>${tr(L, 'Không thấy yêu cầu nào tương tự trong 12 tháng qua.', 'No similar request in the last 12 months.')}</p>`,
  state.formError,
)}
${
  row.status === 'received'
    ? box(
        'form-info',
        tr(L, 'Đề nghị công dân bổ sung thông tin', 'Ask the citizen for more information'),
        form(
          spec,
          'form-info',
          'request_info',
          textarea({
            name: 'infoMessage',
            label: tr(L, 'Nội dung đề nghị', 'What is needed'),
            hint: tr(
              L,
              'Gửi cho công dân qua thư điện tử và hiện trên trang tra cứu (5–2000 ký tự).',
              'Sent to the citizen by e-mail and shown on the status page (5–2000 characters).',
            ),
            value: v.infoMessage,
            error: e.infoMessage,
            rows: 4,
            maxlength: 2000,
          }),
          html`<button type="submit" class="secondary">${tr(L, 'Gửi đề nghị bổ sung', 'Send the request')}</button>`,
        ),
        state.formError,
      )
    : html`<p class="admin-notice admin-notice-info">${tr(L, 'Đang chờ công dân bổ sung thông tin; vẫn có thể chuyển, gộp hoặc trả lời không thuộc thẩm quyền.', 'Waiting for the citizen’s information; the request can still be forwarded, merged or declared out of scope.')}</p>`
}
${box(
  'form-forward',
  tr(L, 'Chuyển cơ quan có thẩm quyền trả lời', 'Forward to the competent agency'),
  active.length
    ? form(
        spec,
        'form-forward',
        'forward',
        html`<p class="hint">${tr(L, 'Quy chế: chuyển trong 2 ngày làm việc kể từ khi nhận. Người trả lời của cơ quan nhận thư báo.', 'Rule: forward within 2 working days of receipt. The agency’s responders are told by e-mail.')}</p>
${select({ name: 'agencyId', label: tr(L, 'Cơ quan', 'Agency'), value: preselect, error: e.agencyId, options: [{ value: '', label: tr(L, '— Chọn cơ quan —', '— Choose an agency —') }, ...active.map((a) => ({ value: String(a.id), label: a.id === row.requested_agency_id ? `${a.name} (${tr(L, 'công dân chọn', 'chosen by the citizen')})` : a.name }))] })}
${textarea({ name: 'forwardNote', label: tr(L, 'Ghi chú cho cơ quan (không bắt buộc, không gửi công dân)', 'Note to the agency (optional, not sent to the citizen)'), value: v.forwardNote, rows: 2, maxlength: 2000 })}`,
        html`<button type="submit">${tr(L, 'Chuyển cơ quan', 'Forward')}</button>`,
      )
    : html`<p>${tr(L, 'Trang chưa có cơ quan trả lời nào.', 'The site has no answering agencies yet.')} <a href="${spec.agenciesHref}">${tr(L, 'Danh sách cơ quan trả lời', 'Answering agencies')}</a></p>`,
  state.formError,
)}
${
  transferable
    ? box(
        'form-transfer',
        tr(
          L,
          'Chuyển cơ quan có thẩm quyền giải quyết (khiếu nại, tố cáo, kiến nghị)',
          'Transfer to the competent body (complaints, denunciations, petitions)',
        ),
        form(
          spec,
          'form-transfer',
          'transfer',
          html`${input({ name: 'transferBody', label: tr(L, 'Tên cơ quan có thẩm quyền giải quyết', 'Name of the competent body'), value: v.transferBody, error: e.transferBody, maxlength: 300 })}
${textarea({ name: 'transferNote', label: tr(L, 'Ghi chú gửi công dân (không bắt buộc)', 'Note to the citizen (optional)'), value: v.transferNote, rows: 2, maxlength: 2000 })}`,
          html`<button type="submit" class="secondary">${tr(L, 'Chuyển ra cơ quan ngoài', 'Transfer')}</button>`,
        ),
        state.formError,
      )
    : ''
}
${box('form-scope', tr(L, 'Không thuộc thẩm quyền', 'Outside the scope'), form(spec, 'form-scope', 'out_of_scope', textarea({ name: 'reason', label: tr(L, 'Lý do (gửi công dân)', 'Reason (sent to the citizen)'), hint: tr(L, 'Quy chế (QA-3): công dân phải được thông báo ngay trong ngày làm việc nhận yêu cầu. 5–2000 ký tự.', 'Rule QA-3: the citizen must be told on the working day the request was received. 5–2000 characters.'), value: v.reason, error: e.reason, rows: 3, maxlength: 2000 }), html`<button type="submit" class="danger">${tr(L, 'Thông báo không thuộc thẩm quyền', 'Declare out of scope')}</button>`), state.formError)}`;
}

function agencyForms(spec: ActionSpec): SafeHtml {
  const { L, row, state } = spec;
  const v = state.values;
  const e = state.errors;
  const returned = [...spec.events].reverse().find((x) => x.kind === 'answer_returned');
  const answerFiles = spec.attachments.filter((a) => a.role === 'answer');
  return html`${
    returned && !spec.events.slice(spec.events.indexOf(returned) + 1).some((x) => x.kind === 'answer_submitted')
      ? html`<p class="admin-notice admin-notice-info"><strong>${tr(L, 'Ban Biên tập trả lại dự thảo', 'The board returned the draft')}</strong> (${formatDateTime(new Date(returned.at))}): ${returned.note}</p>`
      : ''
  }
${box(
  'form-answer',
  tr(L, 'Câu trả lời', 'Answer'),
  html`<form method="post" action="${spec.here}" id="form-answer" class="form content-form" novalidate>${csrfInput(spec.csrf)}
${textarea({
  name: 'answer',
  label: tr(L, 'Nội dung trả lời', 'The answer'),
  hint: tr(
    L,
    'Có thể dùng thẻ HTML đơn giản (<p>, <strong>, <ul>, <a>…); mã không an toàn bị loại khi lưu. Ít nhất 20 ký tự khi gửi.',
    'Simple HTML may be used (<p>, <strong>, <ul>, <a>…); unsafe code is removed on save. At least 20 characters to send.',
  ),
  value: v.answer ?? row.answer_html,
  error: e.answer,
  rows: 12,
  attrs: html` data-rich-editor data-lang="${L}"`,
})}
<p class="hint">${spec.answerReview ? tr(L, 'Câu trả lời sẽ được trình Ban Biên tập duyệt trước khi gửi công dân.', 'The answer goes to the board for review before it reaches the citizen.') : tr(L, 'Câu trả lời sẽ được gửi ngay cho công dân.', 'The answer goes straight to the citizen.')}</p>
<p class="form-actions"><button type="submit" name="thao_tac" value="save_draft" class="secondary">${tr(L, 'Lưu dự thảo', 'Save draft')}</button> <button type="submit" name="thao_tac" value="submit_answer">${tr(L, 'Gửi trả lời', 'Send the answer')}</button></p>
</form>
<script type="module" src="${assetUrl('editor.js')}"></script>`,
  state.formError,
)}
${box('tep-tra-loi', tr(L, 'Tệp đính kèm câu trả lời', 'Files of the answer'), html`${fileList(spec, answerFiles, true)}${uploadForm(spec, 'answerFiles', spec.answerFilesAction, tr(L, 'Thêm tệp', 'Add files'), tr(L, 'PDF, JPEG, PNG, DOCX, ODT; tối đa 5 tệp, mỗi tệp 10 MB.', 'PDF, JPEG, PNG, DOCX, ODT; at most 5 files of 10 MB each.'))}`, state.formError)}
${box(
  'form-progress',
  tr(L, 'Thông báo tiến độ', 'Progress notice'),
  form(
    spec,
    'form-progress',
    'progress',
    html`<p class="hint">${tr(L, 'Quy chế (QA-4): chưa trả lời được trong 15 ngày làm việc thì thông báo lý do và ngày dự kiến trả lời.', 'Rule QA-4: when the answer cannot be ready within 15 working days, tell the citizen why and when it will come.')}</p>
${textarea({ name: 'progressText', label: tr(L, 'Nội dung thông báo (gửi công dân)', 'The notice (sent to the citizen)'), value: v.progressText ?? '', error: e.progressText, rows: 3, maxlength: 2000 })}
${input({ name: 'promisedDate', label: tr(L, 'Ngày dự kiến trả lời', 'Expected answer date'), type: 'date', hint: tr(L, 'Một ngày sau hôm nay (dd/mm/yyyy).', 'A day after today (dd/mm/yyyy).'), value: v.promisedDate ?? '', error: e.promisedDate })}`,
    html`<button type="submit" class="secondary">${tr(L, 'Gửi thông báo tiến độ', 'Send the progress notice')}</button>`,
  ),
  state.formError,
)}`;
}

function reviewForms(spec: ActionSpec): SafeHtml {
  const { L, row, state } = spec;
  return html`${box(
    'form-review',
    tr(L, 'Duyệt câu trả lời', 'Review the answer'),
    html`<div class="content-preview">${raw(row.answer_html)}</div>
${fileList(
  spec,
  spec.attachments.filter((a) => a.role === 'answer'),
  false,
)}
${form(spec, 'form-approve', 'approve', html``, html`<button type="submit">${tr(L, 'Duyệt và gửi công dân', 'Approve and send to the citizen')}</button>`)}
${form(spec, 'form-return', 'return', textarea({ name: 'returnNote', label: tr(L, 'Ý kiến để cơ quan sửa', 'What the agency should change'), hint: tr(L, '5–2000 ký tự; gửi người trả lời, không gửi công dân.', '5–2000 characters; sent to the responders, not to the citizen.'), value: state.values.returnNote, error: state.errors.returnNote, rows: 3, maxlength: 2000 }), html`<button type="submit" class="secondary">${tr(L, 'Trả lại để sửa', 'Return for changes')}</button>`)}`,
    state.formError,
  )}`;
}

function publicationForms(spec: ActionSpec): SafeHtml {
  const { L, row, state } = spec;
  const publicFiles = spec.attachments.filter((a) => a.role === 'public');
  if (!row.consent_publish) {
    return box(
      'form-publish',
      tr(L, 'Công bố trên chuyên mục hỏi đáp', 'Publication in the Q&A section'),
      html`<p><strong>${tr(L, 'Công dân không đồng ý công bố câu trả lời: yêu cầu này không được công bố.', 'The citizen did not consent to publication: this request cannot be published.')}</strong></p>`,
      state.formError,
    );
  }
  return box(
    'form-publish',
    tr(L, 'Công bố trên chuyên mục hỏi đáp', 'Publication in the Q&A section'),
    html`${
      row.published_at
        ? html`<p>${tr(L, 'Đã công bố ngày', 'Published on')} ${formatDate(new Date(row.published_at))}${spec.publicUrl ? html`: <a href="${spec.publicUrl}">${tr(L, 'xem trang công khai', 'see the public page')}</a>` : ''}.</p>
<p class="form-actions"><a class="button secondary" href="${spec.publishHref}">${tr(L, 'Sửa bản công bố', 'Edit the published text')}</a></p>
${form(spec, 'form-unpublish', 'unpublish', html``, html`<button type="submit" class="danger">${tr(L, 'Gỡ công bố', 'Unpublish')}</button>`)}`
        : html`<p>${tr(L, 'Công dân đồng ý công bố. Văn bản công bố được tự động xóa họ tên, số điện thoại, thư điện tử, số định danh và địa chỉ; Ban Biên tập kiểm tra trước khi công bố.', 'The citizen consented. Names, phone numbers, e-mail addresses, ID numbers and addresses are removed automatically; the board checks the text before publishing.')}</p>
<p><a class="button" href="${spec.publishHref}">${tr(L, 'Chuẩn bị công bố', 'Prepare publication')}</a></p>`
    }
<h4>${tr(L, 'Bản sao đã che thông tin cá nhân (công khai)', 'Redacted public copies')}</h4>
<p class="hint">${tr(L, 'Tệp của công dân không bao giờ được công bố; chỉ công bố bản sao do Ban Biên tập tải lên sau khi đã che thông tin cá nhân.', 'The citizen’s files are never published; only copies the board uploads after removing personal data.')}</p>
${fileList(spec, publicFiles, false)}
${uploadForm(spec, 'publicFiles', spec.publicFilesAction, tr(L, 'Tải lên bản sao công khai', 'Upload a public copy'), tr(L, 'PDF, JPEG, PNG, DOCX, ODT; tối đa 3 tệp, mỗi tệp 10 MB.', 'PDF, JPEG, PNG, DOCX, ODT; at most 3 files of 10 MB each.'))}`,
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
    body = html`<p class="admin-notice admin-notice-info">${tr(L, 'Câu trả lời đang chờ Ban Biên tập duyệt.', 'The answer is waiting for the board’s review.')}</p>`;
  else if (role === 'board' && AGENCY.has(row.status))
    body = html`<p class="admin-notice admin-notice-info">${tr(L, 'Yêu cầu đang ở cơ quan trả lời.', 'The request is with the answering agency.')}</p>`;
  if (!body) return html``;
  return html`<section aria-labelledby="thao-tac"><h2 id="thao-tac">${tr(L, 'Xử lý', 'Actions')}</h2>${body}</section>`;
}
