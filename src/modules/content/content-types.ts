/**
 * The content types a site publishes (CONT-1..4, 6..8 and the national rules' extras),
 * as data: each type's own fields, and which of them starts its legal deadline (the
 * deadline engine counts working days from it — DL-1..8 in the requirements). Words are
 * in messages.ts, by code: `type.<code>`, `field.<type>.<field>`, `option.<field>.<value>`.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { isEmail, isPhone } from '../../platform/validation.ts';
import { t, type ContentKey } from './messages.ts';

export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'number';

export interface FieldDef {
  name: string;
  /** Its label's catalogue key. */
  label: ContentKey;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: ContentKey }[];
  /** A text that must be an e-mail address or a Vietnamese phone number. */
  format?: 'email' | 'phone';
}

export const CONTENT_TYPE_CODES = [
  'news',
  'announcement',
  'directive',
  'guidance',
  'project',
  'plan',
  'science',
  'statistics',
  'page',
  'thematic',
  'calendar',
  'leader',
] as const;
export type ContentTypeCode = (typeof CONTENT_TYPE_CODES)[number];

export interface ContentTypeDef {
  code: ContentTypeCode;
  fields: FieldDef[];
  /** The field whose date starts the legal deadline, and the rule it answers to. */
  deadline: { field: string; rule: string } | null;
  /** Fixed information, reviewed periodically (WF-6): default review interval in days. */
  reviewIntervalDays?: number;
  /** Readers' contributions may omit source and author (CONT-9); no type here is one by default. */
  sourceOptional?: boolean;
}

const date = (name: string, label: ContentKey, required = true): FieldDef => ({ name, label, kind: 'date', required });
const text = (name: string, label: ContentKey, required = false): FieldDef => ({ name, label, kind: 'text', required });

export const CONTENT_TYPES: readonly ContentTypeDef[] = [
  {
    code: 'news',
    fields: [date('event_date', 'field.news.event_date'), text('location', 'field.news.location')],
    deadline: { field: 'event_date', rule: 'DL-1' },
  },
  {
    code: 'announcement',
    fields: [date('issue_date', 'field.announcement.issue_date'), text('issuer', 'field.announcement.issuer')],
    deadline: { field: 'issue_date', rule: 'DL-8' },
  },
  {
    code: 'directive',
    fields: [
      text('document_number', 'field.directive.document_number', true),
      date('issue_date', 'field.directive.issue_date'),
      text('signer', 'field.directive.signer'),
    ],
    deadline: { field: 'issue_date', rule: 'DL-8' },
  },
  {
    code: 'guidance',
    fields: [date('issue_date', 'field.guidance.issue_date'), text('legal_basis', 'field.guidance.legal_basis')],
    deadline: { field: 'issue_date', rule: 'DL-3' },
  },
  {
    code: 'project',
    fields: [
      {
        name: 'project_status',
        label: 'field.project.project_status',
        kind: 'select',
        required: true,
        options: [
          { value: 'preparing', label: 'option.project_status.preparing' },
          { value: 'in_progress', label: 'option.project_status.in_progress' },
          { value: 'completed', label: 'option.project_status.completed' },
        ],
      },
      date('approval_date', 'field.project.approval_date'),
      text('investor', 'field.project.investor'),
      { name: 'total_investment', label: 'field.project.total_investment', kind: 'number' },
    ],
    deadline: { field: 'approval_date', rule: 'DL-5' },
  },
  {
    code: 'plan',
    fields: [date('approval_date', 'field.plan.approval_date'), text('period', 'field.plan.period')],
    deadline: { field: 'approval_date', rule: 'DL-5' },
  },
  {
    code: 'science',
    fields: [date('approval_date', 'field.science.approval_date'), text('lead_unit', 'field.science.lead_unit')],
    deadline: { field: 'approval_date', rule: 'DL-6' },
  },
  {
    code: 'statistics',
    fields: [date('decision_date', 'field.statistics.decision_date'), text('period', 'field.statistics.period', true)],
    deadline: { field: 'decision_date', rule: 'DL-7' },
  },
  {
    code: 'page',
    fields: [
      {
        name: 'page_kind',
        label: 'field.page.page_kind',
        kind: 'select',
        required: true,
        options: [
          { value: 'introduction', label: 'option.page_kind.introduction' },
          { value: 'functions', label: 'option.page_kind.functions' },
          { value: 'history', label: 'option.page_kind.history' },
          { value: 'organisation', label: 'option.page_kind.organisation' },
          { value: 'leaders', label: 'option.page_kind.leaders' },
          { value: 'map', label: 'option.page_kind.map' },
          { value: 'contacts', label: 'option.page_kind.contacts' },
          { value: 'other', label: 'option.page_kind.other' },
        ],
      },
    ],
    deadline: null,
    reviewIntervalDays: 180,
    // The agency's own information about itself: no source or author to name (CONT-9 is about news).
    sourceOptional: true,
  },
  {
    code: 'thematic',
    fields: [date('start_date', 'field.thematic.start_date', false), date('end_date', 'field.thematic.end_date', false)],
    deadline: null,
  },
  {
    code: 'calendar',
    fields: [date('week_start', 'field.calendar.week_start')],
    deadline: { field: 'week_start', rule: 'DL-8' },
  },
  {
    // A leader's profile (CONT-1): the name is the title, the photo the cover image, the short
    // biography the body; shown on the leaders' page of the site (leaders.public.ts).
    code: 'leader',
    fields: [
      text('position', 'field.leader.position', true),
      { name: 'phone', label: 'field.leader.phone', kind: 'text', format: 'phone' },
      { name: 'email', label: 'field.leader.email', kind: 'text', format: 'email' },
      { name: 'duties', label: 'field.leader.duties', kind: 'textarea' },
      { name: 'position_order', label: 'field.leader.position_order', kind: 'number' },
    ],
    deadline: null,
    reviewIntervalDays: 180,
    sourceOptional: true,
  },
];

export function contentType(code: string): ContentTypeDef | undefined {
  return CONTENT_TYPES.find((t) => t.code === code);
}

/** The name of a content type in `lang` (the code itself for a type this version does not know). */
export function typeLabel(code: string, lang: Lang): string {
  const type = contentType(code);
  return type ? t(lang, `type.${type.code}`) : code;
}

/** The label of one of a select field's options (the value itself when it is not one). */
export function optionLabel(field: FieldDef, value: unknown, lang: Lang): string {
  const option = field.options?.find((o) => o.value === value);
  return option ? t(lang, option.label) : String(value);
}

/** Every type-specific field name of every type (the item form carries them all as `field_<name>`). */
export const TYPE_FIELD_NAMES: readonly string[] = [...new Set(CONTENT_TYPES.flatMap((type) => type.fields.map((f) => f.name)))];

/** Validates type-specific fields; returns problems (field, message) in Vietnamese. */
export function fieldProblems(type: ContentTypeDef, fields: Record<string, unknown>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const f of type.fields) {
    const v = fields[f.name];
    const label = t('vi', f.label);
    const empty = v === undefined || v === null || v === '';
    if (empty) {
      if (f.required) problems.push({ field: f.name, message: `Cần nhập "${label}".` });
      continue;
    }
    if (f.kind === 'date' && !(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)))) {
      problems.push({ field: f.name, message: `"${label}" phải là ngày hợp lệ.` });
    }
    if (f.kind === 'number' && !(typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)))) {
      problems.push({ field: f.name, message: `"${label}" phải là số.` });
    }
    if (f.kind === 'select' && !f.options?.some((o) => o.value === v)) problems.push({ field: f.name, message: `"${label}" không hợp lệ.` });
    if ((f.kind === 'text' || f.kind === 'textarea') && (typeof v !== 'string' || v.length > 2000)) {
      problems.push({ field: f.name, message: `"${label}" quá dài.` });
    } else if (f.format === 'email' && !isEmail(String(v))) {
      problems.push({ field: f.name, message: `"${label}" không phải địa chỉ thư điện tử hợp lệ.` });
    } else if (f.format === 'phone' && !isPhone(String(v))) {
      problems.push({ field: f.name, message: `"${label}" không phải số điện thoại hợp lệ.` });
    }
  }
  const unknown = Object.keys(fields).filter((k) => !type.fields.some((f) => f.name === k));
  for (const k of unknown) problems.push({ field: k, message: `Trường "${k}" không thuộc loại nội dung này.` });
  return problems;
}

/** WF-4: the regulation's reasons to refuse publication (seed 004 Đ14.3; seed 003 Đ3.9); words: `reason.<code>`. */
export const REFUSAL_REASONS = [
  'out_of_scope',
  'contrary_to_law',
  'state_secret',
  'not_authorised',
  'untrue',
  'unclear_origin',
  'duplicate',
  'awaiting_verification',
  'insufficient_quality',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export function isRefusalReason(code: string): code is RefusalReason {
  return (REFUSAL_REASONS as readonly string[]).includes(code);
}

export function reasonLabel(code: string | null, lang: Lang): string {
  if (!code) return '';
  return isRefusalReason(code) ? t(lang, `reason.${code}`) : code;
}
