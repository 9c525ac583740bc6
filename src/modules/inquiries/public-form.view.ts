/**
 * The public request form (QA-1) and the confirmation shown once the request is committed.
 * Works without JavaScript; a refused form lists every problem at the top, each linked to its
 * field, and keeps everything typed (except files, which a browser cannot be given back).
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { CITIZEN_FILES } from './inquiry-files.ts';
import { FIELDS, KINDS } from './inquiry-types.ts';
import { LIMITS } from './submission.service.ts';
import { checkbox, dateOnly, errorSummary, input, radios, select, textarea, type Errors } from './public-common.ts';

export interface AskValues {
  kind: string;
  field: string;
  agency: string;
  title: string;
  content: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  consentPrivacy: boolean;
  consentPublish: boolean;
  /** The form's one-time key: a repeated post of the same form records one request. */
  submission: string;
}

export interface ChallengeView {
  /** The question shown, when a new one is asked. */
  question: string;
  token: string;
  /** The answer typed, kept when it was right and the form is shown again for other reasons. */
  answer: string;
  solved: boolean;
}

export const EMPTY_VALUES: Omit<AskValues, 'submission'> = {
  kind: 'question',
  field: '',
  agency: '',
  title: '',
  content: '',
  name: '',
  email: '',
  phone: '',
  address: '',
  consentPrivacy: false,
  consentPublish: false,
};

/** What the file picker offers; the server decides by content (inquiry-files.ts). */
export const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,.odt,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

/** The element each field's problem links to from the summary. */
export const FIELD_IDS: Record<string, string> = {
  kind: `f-kind-${KINDS[0]!.code}`,
  field: 'f-field',
  agency: 'f-agency',
  title: 'f-title',
  body: 'f-body',
  files: 'f-files',
  name: 'f-name',
  email: 'f-email',
  phone: 'f-phone',
  address: 'f-address',
  consentPrivacy: 'f-consentPrivacy',
  challenge: 'f-challenge',
};
const ORDER = Object.keys(FIELD_IDS);

export interface AskFormView {
  lang: Lang;
  action: string;
  csrf: string;
  values: AskValues;
  errors: Errors;
  challenge: ChallengeView;
  agencies: readonly { id: number; name: string }[];
  retentionMonths: number;
  statusHref: string;
  qaHref: string;
  siteName: string;
}

export function askFormMain(v: AskFormView): SafeHtml {
  const L = v.lang;
  const e = v.errors;
  const x = v.values;
  const refused = Object.keys(e).length > 0;
  const mb = Math.round(CITIZEN_FILES.maxBytes / 1024 / 1024);
  return html`<h1>${tr(L, 'Gửi câu hỏi, góp ý, kiến nghị', 'Send a question, feedback or a petition')}</h1>
${errorSummary(L, e, FIELD_IDS, ORDER)}
<p>${tr(
    L,
    `Ông/Bà có thể gửi câu hỏi, góp ý, kiến nghị, phản ánh, khiếu nại hoặc tố cáo đến ${v.siteName}. Yêu cầu được chuyển đến cơ quan có thẩm quyền trả lời trong thời hạn luật định. Sau khi gửi, Ông/Bà nhận một mã tra cứu để theo dõi.`,
    `You can send a question, feedback, a petition, a complaint or a denunciation to ${v.siteName}. It is passed to the competent agency, which answers within the legal time limits. After sending you get a tracking code to follow it.`,
  )}</p>
<p>${tr(L, 'Đã gửi trước đây?', 'Sent one before?')} <a href="${v.statusHref}">${tr(L, 'Tra cứu tình trạng yêu cầu', 'Track your request')}</a> · <a href="${v.qaHref}">${tr(L, 'Xem các câu hỏi đã được trả lời', 'Read questions already answered')}</a></p>
<p class="iq-hint">${tr(L, 'Các mục có dấu * là bắt buộc.', 'Fields marked * are required.')}</p>
<form method="post" action="${v.action}" enctype="multipart/form-data" class="iq-form" novalidate>
${csrfInput(v.csrf)}
<input type="hidden" name="submission" value="${x.submission}">
${radios({
  name: 'kind',
  legend: tr(L, 'Loại yêu cầu', 'Kind of request'),
  value: x.kind,
  options: KINDS.map((k) => ({ value: k.code, label: k.label[L] })),
  required: true,
  ...(e.kind ? { error: e.kind } : {}),
})}
${select({
  name: 'field',
  label: tr(L, 'Lĩnh vực', 'Field'),
  value: x.field,
  required: true,
  options: [{ value: '', label: tr(L, '— Chọn lĩnh vực —', '— Choose a field —') }, ...FIELDS.map((f) => ({ value: f.code, label: f.label[L] }))],
  ...(e.field ? { error: e.field } : {}),
})}
${
  v.agencies.length
    ? select({
        name: 'agency',
        label: tr(L, 'Cơ quan muốn gửi đến (không bắt buộc)', 'Agency the request is meant for (optional)'),
        hint: tr(
          L,
          'Nếu không chọn, Ban Biên tập sẽ chuyển đến cơ quan có thẩm quyền.',
          'If you do not choose, the editorial board passes it to the competent agency.',
        ),
        value: x.agency,
        options: [{ value: '', label: tr(L, '— Không chọn —', '— Not chosen —') }, ...v.agencies.map((a) => ({ value: String(a.id), label: a.name }))],
        ...(e.agency ? { error: e.agency } : {}),
      })
    : ''
}
${input({ name: 'title', label: tr(L, 'Tiêu đề', 'Title'), value: x.title, required: true, maxlength: LIMITS.title[1], hint: tr(L, `Tóm tắt nội dung trong một câu (${LIMITS.title[0]}–${LIMITS.title[1]} ký tự).`, `The matter in one sentence (${LIMITS.title[0]}–${LIMITS.title[1]} characters).`), ...(e.title ? { error: e.title } : {}) })}
${textarea({ name: 'content', id: 'f-body', label: tr(L, 'Nội dung', 'Content'), value: x.content, required: true, maxlength: LIMITS.body[1], rows: 10, hint: tr(L, `Trình bày cụ thể sự việc, câu hỏi hoặc đề xuất (${LIMITS.body[0]}–${LIMITS.body[1].toLocaleString('vi-VN')} ký tự).`, `Describe the matter, question or proposal (${LIMITS.body[0]}–${LIMITS.body[1].toLocaleString('en-GB')} characters).`), ...(e.body ? { error: e.body } : {}) })}
<div class="iq-field">
<label for="f-files">${tr(L, 'Tệp đính kèm (không bắt buộc)', 'Attachments (optional)')}</label>
<p class="iq-hint" id="f-files-hint">${tr(L, `Tối đa ${CITIZEN_FILES.maxFiles} tệp, mỗi tệp không quá ${mb} MB: PDF, JPG, PNG, DOCX hoặc ODT.`, `Up to ${CITIZEN_FILES.maxFiles} files, each at most ${mb} MB: PDF, JPG, PNG, DOCX or ODT.`)}${refused ? tr(L, ' Tệp đã chọn trước đó chưa được gửi: hãy chọn lại.', ' Files chosen before were not sent: please choose them again.') : ''}</p>
${e.files ? html`<p class="iq-error" id="f-files-error">${e.files}</p>` : ''}
<input id="f-files" name="files" type="file" multiple accept="${ACCEPT}" aria-describedby="f-files-hint${e.files ? ' f-files-error' : ''}"${e.files ? raw(' aria-invalid="true"') : ''}>
</div>
<fieldset>
<legend>${tr(L, 'Thông tin người gửi', 'About you')}</legend>
${input({ name: 'name', label: tr(L, 'Họ và tên', 'Full name'), value: x.name, required: true, autocomplete: 'name', maxlength: LIMITS.name[1], ...(e.name ? { error: e.name } : {}) })}
<p class="iq-hint" id="contact-hint">${tr(L, 'Nhập thư điện tử hoặc số điện thoại (ít nhất một) để nhận mã tra cứu và câu trả lời.', 'Enter an e-mail address or a phone number (at least one) to receive the tracking code and the answer.')}</p>
${input({ name: 'email', type: 'email', label: tr(L, 'Thư điện tử', 'E-mail'), value: x.email, autocomplete: 'email', maxlength: 254, spellcheck: false, hint: tr(L, 'Mã tra cứu được gửi đến địa chỉ này.', 'The tracking code is sent to this address.'), ...(e.email ? { error: e.email } : {}) })}
${input({ name: 'phone', type: 'tel', label: tr(L, 'Số điện thoại', 'Phone'), value: x.phone, autocomplete: 'tel', maxlength: 30, ...(e.phone ? { error: e.phone } : {}) })}
${input({ name: 'address', label: tr(L, 'Địa chỉ (không bắt buộc)', 'Address (optional)'), value: x.address, autocomplete: 'street-address', maxlength: LIMITS.address[1], ...(e.address ? { error: e.address } : {}) })}
</fieldset>
<div class="iq-hp">
<label for="f-website">${tr(L, 'Không điền vào ô này (để trống)', 'Leave this field empty')}</label>
<input id="f-website" name="website" type="text" value="" tabindex="-1" autocomplete="off">
</div>
<fieldset>
<legend>${tr(L, 'Dữ liệu cá nhân và công bố', 'Personal data and publication')}</legend>
<div class="iq-privacy" id="privacy-notice">
<p>${tr(
    L,
    'Thông báo xử lý dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): họ tên, thư điện tử, số điện thoại, địa chỉ và tệp đính kèm của Ông/Bà chỉ được dùng để xử lý và trả lời yêu cầu này.',
    'Personal data notice (Decree 13/2023/ND-CP): your name, e-mail, phone, address and attachments are used only to handle and answer this request.',
  )}</p>
<p>${tr(
    L,
    `Chỉ Ban Biên tập và cơ quan được giao trả lời xem được các thông tin này; mỗi lần xem đều được ghi nhật ký. Dữ liệu cá nhân được xoá ${v.retentionMonths} tháng sau khi yêu cầu được giải quyết xong; nội dung câu hỏi và câu trả lời (đã ẩn thông tin cá nhân) được lưu lại.`,
    `Only the editorial board and the agency asked to answer can see them, and every view is logged. Personal data are erased ${v.retentionMonths} months after the request is closed; the question and answer are kept without them.`,
  )}</p>
</div>
${checkbox({ name: 'consentPrivacy', label: tr(L, 'Tôi đồng ý với thông báo xử lý dữ liệu cá nhân nêu trên', 'I accept the personal data notice above'), checked: x.consentPrivacy, required: true, ...(e.consentPrivacy ? { error: e.consentPrivacy } : {}) })}
${checkbox({
  name: 'consentPublish',
  label: tr(
    L,
    'Tôi đồng ý để câu hỏi và câu trả lời được công bố trên chuyên mục Hỏi đáp sau khi đã xoá thông tin cá nhân (không bắt buộc)',
    'I agree that the question and answer may be published in the Q&A section with my personal data removed (optional)',
  ),
  checked: x.consentPublish,
  hint: tr(L, 'Không đồng ý thì câu trả lời chỉ gửi riêng cho Ông/Bà.', 'If you do not agree, the answer is sent to you only.'),
})}
</fieldset>
${challengeField(L, v.challenge, e.challenge)}
<p><button type="submit" class="iq-button">${tr(L, 'Gửi yêu cầu', 'Send the request')}</button></p>
</form>`;
}

/** The spam check: a sum in words, readable by a screen reader; once answered right it is not asked again. */
function challengeField(L: Lang, c: ChallengeView, error: string | undefined): SafeHtml {
  if (c.solved) {
    return html`<input type="hidden" name="challenge_token" value="${c.token}"><input type="hidden" name="challenge_answer" value="${c.answer}">
<p class="iq-hint">${tr(L, 'Câu hỏi kiểm tra chống thư rác: đã trả lời đúng.', 'Spam check question: answered correctly.')}</p>`;
  }
  return html`<input type="hidden" name="challenge_token" value="${c.token}">
${input({
  name: 'challenge_answer',
  id: 'f-challenge',
  label: tr(L, `Câu hỏi kiểm tra: ${c.question}`, `Check question: ${c.question}`),
  value: '',
  required: true,
  autocomplete: 'off',
  inputmode: 'numeric',
  maxlength: 20,
  hint: tr(L, 'Câu hỏi này giúp chặn thư rác tự động.', 'This question keeps automated spam out.'),
  ...(error ? { error } : {}),
})}`;
}

export interface ConfirmationView {
  lang: Lang;
  code: string;
  title: string;
  kindLabel: string;
  fieldLabel: string;
  answerDue: Date | undefined;
  emailed: boolean;
  statusHref: string;
  askHref: string;
  qaHref: string;
}

export function confirmationMain(v: ConfirmationView): SafeHtml {
  const L = v.lang;
  return html`<h1>${tr(L, 'Đã gửi yêu cầu', 'Your request has been sent')}</h1>
<div class="iq-ok" role="status">
<h2>${tr(L, 'Yêu cầu đã được tiếp nhận', 'Your request was received')}</h2>
<p>${tr(L, 'Mã tra cứu của Ông/Bà:', 'Your tracking code:')}</p>
<p class="iq-code" id="ma-tra-cuu">${v.code}</p>
<p>${tr(L, 'Hãy ghi lại mã này. Để tra cứu, cần nhập mã cùng thư điện tử hoặc số điện thoại đã khai.', 'Keep this code. To track the request, enter it with the e-mail address or phone number you gave.')}</p>
${v.emailed ? html`<p>${tr(L, 'Mã tra cứu cũng đã được gửi đến địa chỉ thư điện tử Ông/Bà đã khai.', 'The code has also been sent to the e-mail address you gave.')}</p>` : ''}
</div>
<dl class="iq-facts">
<dt>${tr(L, 'Tiêu đề', 'Title')}</dt><dd>${v.title}</dd>
<dt>${tr(L, 'Loại yêu cầu', 'Kind')}</dt><dd>${v.kindLabel}</dd>
<dt>${tr(L, 'Lĩnh vực', 'Field')}</dt><dd>${v.fieldLabel}</dd>
${v.answerDue ? html`<dt>${tr(L, 'Hạn trả lời', 'Answer due by')}</dt><dd>${dateOnly(v.answerDue)}</dd>` : ''}
</dl>
<h2>${tr(L, 'Các bước tiếp theo', 'What happens next')}</h2>
<ol>
<li>${tr(L, 'Ban Biên tập phân loại yêu cầu và chuyển đến cơ quan có thẩm quyền trả lời trong 2 ngày làm việc.', 'The editorial board classifies the request and forwards it to the competent agency within 2 working days.')}</li>
<li>${tr(L, 'Cơ quan có thẩm quyền trả lời trong 15 ngày làm việc kể từ ngày tiếp nhận; nếu cần thêm thời gian, cơ quan thông báo tiến độ và ngày dự kiến trả lời.', 'The agency answers within 15 working days of receipt; if it needs more time it sends a progress notice with the expected date.')}</li>
<li>${
    v.emailed
      ? tr(
          L,
          'Ông/Bà nhận thư điện tử ở mỗi bước và có thể xem tình trạng, câu trả lời trên trang tra cứu.',
          'You receive an e-mail at each stage and can see the status and the answer on the tracking page.',
        )
      : tr(L, 'Ông/Bà xem tình trạng và câu trả lời trên trang tra cứu.', 'You can see the status and the answer on the tracking page.')
  }</li>
</ol>
<p><a href="${v.statusHref}">${tr(L, 'Tra cứu tình trạng yêu cầu', 'Track this request')}</a> · <a href="${v.askHref}">${tr(L, 'Gửi yêu cầu khác', 'Send another request')}</a> · <a href="${v.qaHref}">${tr(L, 'Chuyên mục hỏi đáp', 'Questions and answers')}</a></p>`;
}
