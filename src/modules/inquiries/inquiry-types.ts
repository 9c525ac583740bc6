/**
 * The vocabulary of citizens' requests as data: kinds, fields, channels, stages and history
 * events, by code. Codes are stored; their labels are the module's words (`kind.<code>`,
 * `field.<code>`… in messages.ts), so a language is added there and nowhere else.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { InquiryChannel, InquiryKind } from '../../platform/db/schema.ts';
import { t } from './messages.ts';

export const KIND_CODES = ['question', 'feedback', 'petition', 'complaint', 'denunciation'] as const satisfies readonly InquiryKind[];
export const KINDS: readonly { code: InquiryKind }[] = KIND_CODES.map((code) => ({ code }));

/** Complaints and denunciations are settled under their own laws by the competent body (QA-7). */
export const FORWARD_TO_COMPETENT_BODY: ReadonlySet<InquiryKind> = new Set(['complaint', 'denunciation']);

export const FIELD_CODES = [
  'cai-cach-hanh-chinh',
  'thu-tuc-hanh-chinh',
  'dat-dai',
  'xay-dung',
  'giao-thong',
  'tai-nguyen-moi-truong',
  'giao-duc',
  'y-te',
  'lao-dong-viec-lam',
  'thue-tai-chinh',
  'kinh-doanh-dau-tu',
  'tu-phap-ho-tich',
  'thai-do-can-bo',
  'khac',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];
export const FIELDS: readonly { code: FieldCode }[] = FIELD_CODES.map((code) => ({ code }));

export const CHANNEL_CODES = ['web', 'api', 'hotline', 'email', 'letter', 'in_person'] as const satisfies readonly InquiryChannel[];
export const CHANNELS: readonly { code: InquiryChannel }[] = CHANNEL_CODES.map((code) => ({ code }));

/** Channels an officer logs on a citizen's behalf (the web and API are the citizen's own). */
export const OFFICER_CHANNELS: readonly InquiryChannel[] = ['hotline', 'email', 'letter', 'in_person'];

export const STATUSES = ['received', 'needs_info', 'forwarded', 'progress', 'answer_review', 'answered', 'out_of_scope', 'transferred', 'merged'] as const;
export type InquiryStatus = (typeof STATUSES)[number];

/** Stages after which nothing more happens to a request (the retention period runs from then). */
export const CLOSED: ReadonlySet<InquiryStatus> = new Set(['answered', 'out_of_scope', 'transferred', 'merged']);

/** What may happen to a request, as recorded in its history; public ones show on the status page. */
export const EVENT_KINDS = [
  'received',
  'classified',
  'info_requested',
  'info_added',
  'forwarded',
  'out_of_scope',
  'transferred',
  'merged',
  'draft_saved',
  'answer_submitted',
  'answer_returned',
  'progress',
  'answered',
  'published',
  'unpublished',
  'personal_data_erased',
] as const;
type EventKind = (typeof EVENT_KINDS)[number];

export const isKind = (v: string): v is InquiryKind => (KIND_CODES as readonly string[]).includes(v);
export const isField = (v: string): v is FieldCode => (FIELD_CODES as readonly string[]).includes(v);
export const isChannel = (v: string): v is InquiryChannel => (CHANNEL_CODES as readonly string[]).includes(v);
export const isStatus = (v: string): v is InquiryStatus => (STATUSES as readonly string[]).includes(v);
const isEvent = (v: string): v is EventKind => (EVENT_KINDS as readonly string[]).includes(v);

// A code the vocabulary does not know (an old row, an internal event) is shown as it is.
export const kindLabel = (code: string, lang: Lang): string => (isKind(code) ? t(lang, `kind.${code}`) : code);
export const fieldLabel = (code: string, lang: Lang): string => (isField(code) ? t(lang, `field.${code}`) : code);
export const channelLabel = (code: string, lang: Lang): string => (isChannel(code) ? t(lang, `channel.${code}`) : code);
export const statusLabel = (code: string, lang: Lang): string => (isStatus(code) ? t(lang, `status.${code}`) : code);
export const eventLabel = (code: string, lang: Lang): string => (isEvent(code) ? t(lang, `event.${code}`) : code);

/** The language a request was written in (its notices and status page use it). */
export const langOf = (stored: string): Lang => (stored === 'en' ? 'en' : 'vi');
