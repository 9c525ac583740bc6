/**
 * Pieces the inquiry consoles share (list, request page, hotline, agencies): what a refused form
 * shows again, due-date cells that say "overdue" in words as well as colour, and the notices
 * shown after a redirect (`?tb=<code>`).
 */
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

/** What a console's form had typed and what was wrong with it, by field. */
export interface ConsoleForm {
  values: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Problems by field; `form` holds the one that belongs to no field (a refused action). */
  errors: FieldErrors;
  /** The id of the form whose refusal `errors.form` is, shown at the top of that form. */
  formAnchor?: string;
}

export const noForm = (): ConsoleForm => ({ values: {}, errors: {} });

/** A value typed in the form, as text. */
export function typed(state: ConsoleForm, name: string): string | undefined {
  const v = state.values[name];
  return typeof v === 'string' ? v : undefined;
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

const NOTICES = [
  'da-phan-loai',
  'da-gop',
  'da-de-nghi',
  'ngoai-tham-quyen',
  'da-chuyen',
  'da-chuyen-ngoai',
  'da-luu-du-thao',
  'cho-duyet',
  'da-tra-loi',
  'da-bao-tien-do',
  'da-duyet',
  'da-tra-lai',
  'da-cong-bo',
  'da-go',
  'da-them-tep',
  'da-xoa-tep',
  'da-them-co-quan',
  'da-luu',
] as const;
export type NoticeCode = (typeof NOTICES)[number];
const isNotice = (code: string): code is NoticeCode => (NOTICES as readonly string[]).includes(code);

/** The notice named by `?tb=` after a redirect (an unknown one shows nothing). */
export function okNotice(L: Lang, code: string | undefined): { notice?: { kind: 'ok'; text: string } } {
  return code && isNotice(code) ? { notice: { kind: 'ok', text: t(L, `notice.${code}`) } } : {};
}
