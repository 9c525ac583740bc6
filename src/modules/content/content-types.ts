/**
 * The content types a site publishes (CONT-1..4, 6..8 and the national rules' extras),
 * as data: each type's own fields, and which of them starts its legal deadline (the
 * deadline engine counts working days from it — DL-1..8 in the requirements).
 */
import type { Lang } from '../../platform/i18n/index.ts';

export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'number';

export interface FieldDef {
  name: string;
  label: Record<Lang, string>;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: Record<Lang, string> }[];
}

export interface ContentTypeDef {
  code: string;
  label: Record<Lang, string>;
  fields: FieldDef[];
  /** The field whose date starts the legal deadline, and the rule it answers to. */
  deadline: { field: string; rule: string } | null;
  /** Fixed information, reviewed periodically (WF-6): default review interval in days. */
  reviewIntervalDays?: number;
  /** Readers' contributions may omit source and author (CONT-9); no type here is one by default. */
  sourceOptional?: boolean;
}

const date = (name: string, vi: string, en: string, required = true): FieldDef => ({ name, label: { vi, en }, kind: 'date', required });
const text = (name: string, vi: string, en: string, required = false): FieldDef => ({ name, label: { vi, en }, kind: 'text', required });

export const CONTENT_TYPES: readonly ContentTypeDef[] = [
  {
    code: 'news',
    label: { vi: 'Tin tức, sự kiện', en: 'News' },
    fields: [date('event_date', 'Ngày diễn ra sự kiện', 'Event date'), text('location', 'Địa điểm', 'Location')],
    deadline: { field: 'event_date', rule: 'DL-1' },
  },
  {
    code: 'announcement',
    label: { vi: 'Thông báo', en: 'Announcement' },
    fields: [date('issue_date', 'Ngày ban hành', 'Issue date'), text('issuer', 'Cơ quan thông báo', 'Issued by')],
    deadline: { field: 'issue_date', rule: 'DL-8' },
  },
  {
    code: 'directive',
    label: { vi: 'Chỉ đạo điều hành', en: 'Directive' },
    fields: [
      text('document_number', 'Số, ký hiệu văn bản', 'Document number', true),
      date('issue_date', 'Ngày ban hành', 'Issue date'),
      text('signer', 'Người ký', 'Signed by'),
    ],
    deadline: { field: 'issue_date', rule: 'DL-8' },
  },
  {
    code: 'guidance',
    label: { vi: 'Tuyên truyền, hướng dẫn pháp luật, chính sách', en: 'Guidance on laws and policies' },
    fields: [
      date('issue_date', 'Ngày ban hành văn bản được hướng dẫn', 'Issue date of the guided text'),
      text('legal_basis', 'Văn bản liên quan', 'Related legal text'),
    ],
    deadline: { field: 'issue_date', rule: 'DL-3' },
  },
  {
    code: 'project',
    label: { vi: 'Dự án, đầu tư, đấu thầu, mua sắm công', en: 'Project, investment, procurement' },
    fields: [
      {
        name: 'project_status',
        label: { vi: 'Tình trạng', en: 'Status' },
        kind: 'select',
        required: true,
        options: [
          { value: 'preparing', label: { vi: 'Chuẩn bị thực hiện', en: 'Preparing' } },
          { value: 'in_progress', label: { vi: 'Đang thực hiện', en: 'In progress' } },
          { value: 'completed', label: { vi: 'Đã hoàn thành', en: 'Completed' } },
        ],
      },
      date('approval_date', 'Ngày phê duyệt', 'Approval date'),
      text('investor', 'Chủ đầu tư', 'Investor'),
      { name: 'total_investment', label: { vi: 'Tổng mức đầu tư (triệu đồng)', en: 'Total investment (million VND)' }, kind: 'number' },
    ],
    deadline: { field: 'approval_date', rule: 'DL-5' },
  },
  {
    code: 'plan',
    label: { vi: 'Chiến lược, quy hoạch, kế hoạch', en: 'Strategy or plan' },
    fields: [date('approval_date', 'Ngày phê duyệt', 'Approval date'), text('period', 'Giai đoạn', 'Period')],
    deadline: { field: 'approval_date', rule: 'DL-5' },
  },
  {
    code: 'science',
    label: { vi: 'Chương trình, đề tài khoa học', en: 'Science programme' },
    fields: [date('approval_date', 'Ngày phê duyệt hoặc nghiệm thu', 'Approval or acceptance date'), text('lead_unit', 'Đơn vị chủ trì', 'Lead unit')],
    deadline: { field: 'approval_date', rule: 'DL-6' },
  },
  {
    code: 'statistics',
    label: { vi: 'Báo cáo thống kê', en: 'Statistics report' },
    fields: [date('decision_date', 'Ngày quyết định công bố', 'Date of the decision to publish'), text('period', 'Kỳ báo cáo', 'Reporting period', true)],
    deadline: { field: 'decision_date', rule: 'DL-7' },
  },
  {
    code: 'page',
    label: { vi: 'Trang thông tin cố định', en: 'Static page' },
    fields: [
      {
        name: 'page_kind',
        label: { vi: 'Loại trang', en: 'Kind of page' },
        kind: 'select',
        required: true,
        options: [
          { value: 'introduction', label: { vi: 'Giới thiệu', en: 'Introduction' } },
          { value: 'functions', label: { vi: 'Chức năng, nhiệm vụ', en: 'Functions and duties' } },
          { value: 'history', label: { vi: 'Lịch sử', en: 'History' } },
          { value: 'leaders', label: { vi: 'Lãnh đạo', en: 'Leaders' } },
          { value: 'contacts', label: { vi: 'Liên hệ', en: 'Contacts' } },
          { value: 'other', label: { vi: 'Khác', en: 'Other' } },
        ],
      },
    ],
    deadline: null,
    reviewIntervalDays: 180,
  },
  {
    code: 'thematic',
    label: { vi: 'Chuyên đề, chuyên mục', en: 'Thematic page' },
    fields: [date('start_date', 'Ngày bắt đầu', 'Start date', false), date('end_date', 'Ngày kết thúc', 'End date', false)],
    deadline: null,
  },
  {
    code: 'calendar',
    label: { vi: 'Lịch làm việc của lãnh đạo', en: "Leaders' work calendar" },
    fields: [date('week_start', 'Tuần bắt đầu từ ngày (thứ Hai)', 'Week starting (Monday)')],
    deadline: { field: 'week_start', rule: 'DL-8' },
  },
];

export function contentType(code: string): ContentTypeDef | undefined {
  return CONTENT_TYPES.find((t) => t.code === code);
}

/** Validates type-specific fields; returns problems (field, message) in Vietnamese. */
export function fieldProblems(type: ContentTypeDef, fields: Record<string, unknown>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const f of type.fields) {
    const v = fields[f.name];
    const empty = v === undefined || v === null || v === '';
    if (empty) {
      if (f.required) problems.push({ field: f.name, message: `Cần nhập "${f.label.vi}".` });
      continue;
    }
    if (f.kind === 'date' && !(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)))) {
      problems.push({ field: f.name, message: `"${f.label.vi}" phải là ngày hợp lệ.` });
    }
    if (f.kind === 'number' && !(typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)))) {
      problems.push({ field: f.name, message: `"${f.label.vi}" phải là số.` });
    }
    if (f.kind === 'select' && !f.options?.some((o) => o.value === v)) problems.push({ field: f.name, message: `"${f.label.vi}" không hợp lệ.` });
    if ((f.kind === 'text' || f.kind === 'textarea') && (typeof v !== 'string' || v.length > 2000)) {
      problems.push({ field: f.name, message: `"${f.label.vi}" quá dài.` });
    }
  }
  const unknown = Object.keys(fields).filter((k) => !type.fields.some((f) => f.name === k));
  for (const k of unknown) problems.push({ field: k, message: `Trường "${k}" không thuộc loại nội dung này.` });
  return problems;
}

/** WF-4: the regulation's reasons to refuse publication (seed 004 Đ14.3; seed 003 Đ3.9). */
export const REFUSAL_REASONS: readonly { code: string; label: Record<Lang, string> }[] = [
  { code: 'out_of_scope', label: { vi: 'Không thuộc phạm vi thông tin của trang', en: "Outside the site's scope" } },
  { code: 'contrary_to_law', label: { vi: 'Trái với chủ trương, chính sách, pháp luật', en: 'Contrary to policy or law' } },
  { code: 'state_secret', label: { vi: 'Thuộc bí mật nhà nước', en: 'State secret' } },
  { code: 'not_authorised', label: { vi: 'Chưa được phép công bố', en: 'Not yet authorised for release' } },
  { code: 'untrue', label: { vi: 'Thông tin không chính xác', en: 'Untrue' } },
  { code: 'unclear_origin', label: { vi: 'Không rõ nguồn gốc', en: 'Unclear origin' } },
  { code: 'duplicate', label: { vi: 'Trùng lặp với thông tin đã đăng', en: 'Duplicate of published content' } },
  { code: 'awaiting_verification', label: { vi: 'Đang chờ xác minh lại', en: 'Awaiting re-verification' } },
  { code: 'insufficient_quality', label: { vi: 'Chất lượng chưa đạt yêu cầu', en: 'Insufficient quality' } },
];
