/**
 * Shared pieces of the inquiry consoles (list, request page, hotline, agencies): the scope of a
 * request, form controls (visible label, hint and error tied with aria-describedby, the value
 * kept), the error summary, due-date cells that say "overdue" in words, and the notices shown
 * after a redirect.
 */
import type { FastifyRequest } from 'fastify';
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { html, raw, type SafeHtml } from '../../platform/views/html.ts';
import type { AccountsModule, AdminScope } from '../accounts/index.ts';
import { t } from './messages.ts';

export type SiteScope = AdminScope & { site: NonNullable<AdminScope['site']> };

/** The admin scope with a site (404 on an empty platform). */
export async function siteScope(admin: AccountsModule['admin'], request: FastifyRequest): Promise<SiteScope> {
  const s = await admin.scope(request);
  if (!s.site) throw new NotFound('admin.no_site', 'No site chosen', { messageKey: 'error.body.404' });
  return s as SiteScope;
}

export function str(body: unknown, key: string, max = 60_000): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

export function idParam(value: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.', { messageKey: 'error.body.404' });
  return Number(value);
}

/** Path words of the request page's sub-pages, per language. */
export const SUB = {
  file: { vi: 'tep', en: 'file' },
  answerFiles: { vi: 'tep-tra-loi', en: 'answer-files' },
  publicFiles: { vi: 'ban-cong-khai', en: 'public-copy' },
  publish: { vi: 'cong-bo', en: 'publish' },
} as const satisfies Record<string, Record<Lang, string>>;

/** What the form had typed and what was wrong with it, by field; `form` names the form the error belongs to. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A problem not tied to one field (wrong stage, refused action), shown at the top of its form. */
  formError?: { form: string; message: string };
}

export const emptyState = (): FormState => ({ values: {}, errors: {} });

interface Control {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

function described(c: Control): { attr: SafeHtml; top: SafeHtml } {
  const id = `f-${c.name}`;
  const ids = [c.hint ? `${id}-hint` : '', c.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    attr: html`${ids ? html` aria-describedby="${ids}"` : ''}${c.error ? raw(' aria-invalid="true"') : ''}${c.required ? raw(' required') : ''}`,
    top: html`${c.hint ? html`<p class="hint" id="${id}-hint">${c.hint}</p>` : ''}${c.error ? html`<p class="error" id="${id}-error">${c.error}</p>` : ''}`,
  };
}

const labelOf = (c: Control) => html`<label for="f-${c.name}">${c.label}${c.required ? html` <span aria-hidden="true">*</span>` : ''}</label>`;

export function input(
  c: Control & { value?: string; type?: 'text' | 'email' | 'tel' | 'date' | 'search'; maxlength?: number; autocomplete?: string },
): SafeHtml {
  const d = described(c);
  return html`<div class="field">${labelOf(c)}${d.top}<input id="f-${c.name}" name="${c.name}" type="${c.type ?? 'text'}" value="${c.value ?? ''}"${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${c.autocomplete ? html` autocomplete="${c.autocomplete}"` : ''}${d.attr}></div>`;
}

export function textarea(c: Control & { value?: string; rows?: number; maxlength?: number; attrs?: SafeHtml }): SafeHtml {
  const d = described(c);
  return html`<div class="field">${labelOf(c)}${d.top}<textarea id="f-${c.name}" name="${c.name}" rows="${c.rows ?? 4}"${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${d.attr}${c.attrs ?? ''}>${c.value ?? ''}</textarea></div>`;
}

export function select(c: Control & { value?: string; options: readonly { value: string; label: string }[] }): SafeHtml {
  const d = described(c);
  return html`<div class="field">${labelOf(c)}${d.top}<select id="f-${c.name}" name="${c.name}"${d.attr}>${c.options.map((o) => html`<option value="${o.value}"${o.value === c.value ? raw(' selected') : ''}>${o.label}</option>`)}</select></div>`;
}

export function checkbox(c: Control & { checked: boolean }): SafeHtml {
  const d = described(c);
  return html`<div class="field field-check"><input id="f-${c.name}" name="${c.name}" type="checkbox" value="1"${c.checked ? raw(' checked') : ''}${d.attr}><label for="f-${c.name}">${c.label}</label>${d.top}</div>`;
}

/** Radio buttons in a fieldset whose legend is the question. */
export function radios(c: Control & { value?: string; options: readonly { value: string; label: string }[] }): SafeHtml {
  const id = `f-${c.name}`;
  return html`<fieldset class="field"${c.error ? html` aria-describedby="${id}-error"` : ''}><legend>${c.label}</legend>
${c.error ? html`<p class="error" id="${id}-error">${c.error}</p>` : ''}
${c.options.map((o, i) => html`<div class="field-check"><input id="${i === 0 ? id : `${id}-${i}`}" name="${c.name}" type="radio" value="${o.value}"${o.value === c.value ? raw(' checked') : ''}><label for="${i === 0 ? id : `${id}-${i}`}">${o.label}</label></div>`)}
</fieldset>`;
}

/** The list of problems at the top of a refused form, each a link to its field. */
export function errorSummary(L: Lang, state: FormState): SafeHtml | '' {
  const entries = Object.entries(state.errors);
  if (entries.length === 0 && !state.formError) return '';
  return html`<div class="admin-notice admin-notice-error" role="alert" tabindex="-1" id="loi">
<h2>${t(L, 'views.notDone')}</h2>
<ul>${state.formError ? html`<li><a href="#${state.formError.form}">${state.formError.message}</a></li>` : ''}${entries.map(([field, message]) => html`<li><a href="#f-${field}">${message}</a></li>`)}</ul>
</div>`;
}

/** A due moment in words as well as colour: "Quá hạn" when past. */
export function dueCell(L: Lang, due: Date | null, now: Date): SafeHtml {
  if (!due) return html`—`;
  const d = new Date(due);
  const when = html`<time datetime="${d.toISOString()}">${formatDateTime(d)}</time>`;
  if (d < now) return html`<strong class="badge badge-off">${t(L, 'common.overdue')}</strong> ${when}`;
  if (d.getTime() - now.getTime() < 2 * 86_400_000) return html`${when} <strong class="badge badge-warn">${t(L, 'views.dueSoon')}</strong>`;
  return when;
}

export function lateness(L: Lang, seconds: number): string {
  const hours = Math.max(1, Math.round(seconds / 3600));
  return hours < 48 ? t(L, 'views.h', { hours }) : t(L, 'views.days', { round: Math.round(hours / 24) });
}

/** Notices after a redirect (?tb=…). */
export const NOTICES: Record<string, Record<Lang, string>> = {
  'da-phan-loai': { vi: 'Đã lưu phân loại.', en: 'Classification saved.' },
  'da-gop': { vi: 'Đã gộp vào yêu cầu cùng nội dung; công dân đã được thông báo.', en: 'Merged into the request on the same matter; the citizen was told.' },
  'da-de-nghi': { vi: 'Đã gửi đề nghị bổ sung thông tin cho công dân.', en: 'The request for more information was sent to the citizen.' },
  'ngoai-tham-quyen': { vi: 'Đã thông báo công dân: không thuộc thẩm quyền.', en: 'The citizen was told the request is outside the scope.' },
  'da-chuyen': {
    vi: 'Đã chuyển cơ quan có thẩm quyền trả lời; công dân và người trả lời đã được thông báo.',
    en: 'Forwarded to the competent agency; the citizen and its responders were told.',
  },
  'da-chuyen-ngoai': {
    vi: 'Đã chuyển cơ quan có thẩm quyền giải quyết; công dân đã được thông báo.',
    en: 'Transferred to the competent body; the citizen was told.',
  },
  'da-luu-du-thao': { vi: 'Đã lưu dự thảo (chưa gửi).', en: 'Draft saved (not sent).' },
  'cho-duyet': { vi: 'Đã trình Ban Biên tập duyệt câu trả lời.', en: 'The answer was sent to the board for review.' },
  'da-tra-loi': { vi: 'Đã gửi câu trả lời cho công dân.', en: 'The answer was sent to the citizen.' },
  'da-bao-tien-do': { vi: 'Đã gửi thông báo tiến độ cho công dân.', en: 'The progress notice was sent to the citizen.' },
  'da-duyet': { vi: 'Đã duyệt: câu trả lời đã gửi công dân.', en: 'Approved: the answer was sent to the citizen.' },
  'da-tra-lai': { vi: 'Đã trả lại dự thảo để cơ quan sửa.', en: 'The draft was returned to the agency.' },
  'da-cong-bo': { vi: 'Đã công bố trên chuyên mục hỏi đáp.', en: 'Published in the Q&A section.' },
  'da-go': { vi: 'Đã gỡ khỏi chuyên mục hỏi đáp.', en: 'Removed from the Q&A section.' },
  'da-them-tep': { vi: 'Đã thêm tệp.', en: 'File added.' },
  'da-xoa-tep': { vi: 'Đã xóa tệp.', en: 'File removed.' },
  'da-them-co-quan': { vi: 'Đã thêm cơ quan.', en: 'Agency added.' },
  'da-luu': { vi: 'Đã lưu.', en: 'Saved.' },
};

export function okNotice(request: FastifyRequest, L: Lang): { notice?: { kind: 'ok'; text: string } } {
  const text = NOTICES[str(request.query, 'tb', 40)]?.[L];
  return text ? { notice: { kind: 'ok', text } } : {};
}
