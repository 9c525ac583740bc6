/**
 * The status page: a lookup form (code plus e-mail or phone, sent by POST so the contact stays
 * out of addresses and logs) and what the citizen may see of the request (status.present.ts).
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { csrfInput } from '../../platform/views/forms.ts';
import { formatBytes } from '../media/index.ts';
import type { PublicStatus } from './status.present.ts';
import { LIMITS } from './submission.service.ts';
import { dateOnly, dateTime, errorSummary, input, paragraphs, textarea, type Errors } from './public-common.ts';

export interface LookupView {
  lang: Lang;
  action: string;
  csrf: string;
  code: string;
  contact: string;
  /** The one answer for an unknown code and a wrong contact alike. */
  notFound: boolean;
  errors: Errors;
  askHref: string;
  qaHref: string;
}

export function notFoundMessage(L: Lang): string {
  return tr(
    L,
    'Không tìm thấy yêu cầu với mã tra cứu và thông tin liên hệ này. Hãy kiểm tra lại mã (dạng HD-XXXX-XXXX-XXXX) và nhập đúng thư điện tử hoặc số điện thoại đã khai khi gửi.',
    'No request was found with this tracking code and contact. Check the code (like HD-XXXX-XXXX-XXXX) and enter the e-mail address or phone number you gave when sending.',
  );
}

export function lookupMain(v: LookupView): SafeHtml {
  const L = v.lang;
  return html`<h1>${tr(L, 'Tra cứu tình trạng yêu cầu', 'Track your request')}</h1>
${errorSummary(L, v.errors, { code: 'f-code', contact: 'f-contact' }, ['code', 'contact'])}
${v.notFound ? html`<div class="iq-summary" role="alert" id="loi" tabindex="-1"><h2>${tr(L, 'Không tìm thấy yêu cầu', 'Request not found')}</h2><p>${notFoundMessage(L)}</p></div>` : ''}
<p>${tr(L, 'Nhập mã tra cứu đã nhận khi gửi yêu cầu, cùng thư điện tử hoặc số điện thoại đã khai.', 'Enter the tracking code you received when sending the request, with the e-mail address or phone number you gave.')}</p>
${lookupForm(v)}
<p><a href="${v.askHref}">${tr(L, 'Gửi câu hỏi, góp ý, kiến nghị mới', 'Send a new question or feedback')}</a> · <a href="${v.qaHref}">${tr(L, 'Chuyên mục hỏi đáp', 'Questions and answers')}</a></p>`;
}

function lookupForm(v: LookupView): SafeHtml {
  const L = v.lang;
  return html`<form method="post" action="${v.action}" class="iq-form" novalidate>
${csrfInput(v.csrf)}
${input({ name: 'code', label: tr(L, 'Mã tra cứu', 'Tracking code'), value: v.code, required: true, autocomplete: 'off', spellcheck: false, maxlength: 40, hint: tr(L, 'Ví dụ: HD-7K3M-Q0ZP-X9TB', 'For example: HD-7K3M-Q0ZP-X9TB'), ...(v.errors.code ? { error: v.errors.code } : {}) })}
${input({ name: 'contact', label: tr(L, 'Thư điện tử hoặc số điện thoại đã khai', 'E-mail or phone number you gave'), value: v.contact, required: true, autocomplete: 'off', spellcheck: false, maxlength: 254, ...(v.errors.contact ? { error: v.errors.contact } : {}) })}
<p><button type="submit" class="iq-button">${tr(L, 'Tra cứu', 'Look up')}</button></p>
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
  if (status === 'needs_info') return tr(L, 'Thông tin cần bổ sung', 'Information asked for');
  if (status === 'out_of_scope') return tr(L, 'Lý do', 'Reason');
  if (status === 'transferred') return tr(L, 'Đã chuyển đến', 'Transferred to');
  return tr(L, 'Ghi chú', 'Note');
}

export function statusMain(v: StatusView): SafeHtml {
  const L = v.lang;
  const s = v.s;
  return html`<h1>${tr(L, 'Tình trạng yêu cầu', 'Status of your request')} ${s.code}</h1>
${
  v.notice
    ? v.notice.kind === 'ok'
      ? html`<div class="iq-ok" role="status"><p>${v.notice.text}</p></div>`
      : html`<div class="iq-summary" role="alert"><p>${v.notice.text}</p></div>`
    : ''
}
<dl class="iq-facts">
<dt>${tr(L, 'Mã tra cứu', 'Tracking code')}</dt><dd>${s.code}</dd>
<dt>${tr(L, 'Tiêu đề', 'Title')}</dt><dd>${s.title}</dd>
<dt>${tr(L, 'Loại yêu cầu', 'Kind')}</dt><dd>${s.kindLabel}</dd>
<dt>${tr(L, 'Lĩnh vực', 'Field')}</dt><dd>${s.fieldLabel}</dd>
<dt>${tr(L, 'Tình trạng', 'Status')}</dt><dd><strong>${s.statusLabel}</strong></dd>
<dt>${tr(L, 'Ngày tiếp nhận', 'Received')}</dt><dd>${dateTime(s.receivedAt)}</dd>
${s.agency ? html`<dt>${tr(L, 'Cơ quan trả lời', 'Answering agency')}</dt><dd>${s.agency}</dd>` : ''}
${s.answerDueAt ? html`<dt>${tr(L, 'Hạn trả lời', 'Answer due by')}</dt><dd>${dateOnly(s.answerDueAt)}</dd>` : ''}
${s.mergedInto ? html`<dt>${tr(L, 'Gộp với yêu cầu', 'Merged with request')}</dt><dd>${s.mergedInto}</dd>` : ''}
</dl>
${s.note ? html`<h2>${noteLabel(L, s.status)}</h2>${paragraphs(s.note)}` : ''}
${v.addInfo ? addInfoForm(L, v.addInfo) : ''}
${
  s.progress
    ? html`<h2>${tr(L, 'Thông báo tiến độ', 'Progress notice')}</h2>
${paragraphs(s.progress.text)}
<p>${tr(L, 'Ngày dự kiến trả lời:', 'Expected answer date:')} <strong>${dateOnly(s.progress.promisedAt)}</strong></p>`
    : ''
}
${
  s.answer
    ? html`<h2>${tr(L, 'Câu trả lời', 'Answer')}</h2>
<p class="iq-meta">${tr(L, 'Trả lời lúc', 'Answered on')} ${dateTime(s.answer.at)}${s.agency ? html` — ${s.agency}` : ''}</p>
<div class="iq-answer">${raw(s.answer.html)}</div>
${
  s.answerFiles.length
    ? html`<h3>${tr(L, 'Tệp kèm theo câu trả lời', 'Files with the answer')}</h3>
<ul>${s.answerFiles.map((f) => html`<li><a href="${v.fileHref(f)}" download>${f.filename}</a> <span class="iq-meta">(${formatBytes(f.size, L)})</span></li>`)}</ul>`
    : ''
}`
    : ''
}
${s.published ? html`<p>${tr(L, 'Câu hỏi và câu trả lời (đã ẩn thông tin cá nhân) được công bố tại', 'The question and answer, with personal data removed, are published at')} <a href="${v.qaHref(s.published.slug)}">${tr(L, 'chuyên mục hỏi đáp', 'the Q&A section')}</a>.</p>` : ''}
<h2>${tr(L, 'Các bước đã thực hiện', 'Stages')}</h2>
<ol class="iq-stages">${s.stages.map((st) => html`<li>${dateTime(st.at)} ${st.label}${st.note ? html`<br><span class="iq-meta">${st.note}</span>` : ''}</li>`)}</ol>
<p><a href="${v.lookupHref}">${tr(L, 'Tra cứu yêu cầu khác', 'Look up another request')}</a> · <a href="${v.askHref}">${tr(L, 'Gửi yêu cầu mới', 'Send a new request')}</a> · <a href="${v.qaListHref}">${tr(L, 'Chuyên mục hỏi đáp', 'Questions and answers')}</a></p>`;
}

function addInfoForm(L: Lang, f: NonNullable<StatusView['addInfo']>): SafeHtml {
  return html`<h2 id="bo-sung">${tr(L, 'Bổ sung thông tin', 'Add the information')}</h2>
${f.error ? errorSummary(L, { info: f.error }, { info: 'f-info' }, ['info']) : ''}
<form method="post" action="${f.action}" class="iq-form" novalidate>
${csrfInput(f.csrf)}
<input type="hidden" name="code" value="${f.code}">
<input type="hidden" name="contact" value="${f.contact}">
${textarea({ name: 'info', label: tr(L, 'Thông tin bổ sung', 'Information to add'), value: f.value, required: true, maxlength: LIMITS.info[1], rows: 6, hint: tr(L, `Trả lời điều cơ quan đề nghị bổ sung (${LIMITS.info[0]}–${LIMITS.info[1].toLocaleString('vi-VN')} ký tự).`, `Answer what the agency asked for (${LIMITS.info[0]}–${LIMITS.info[1].toLocaleString('en-GB')} characters).`), ...(f.error ? { error: f.error } : {}) })}
<p><button type="submit" class="iq-button">${tr(L, 'Gửi thông tin bổ sung', 'Send the information')}</button></p>
</form>`;
}
