/**
 * The vocabulary of citizens' requests as data: kinds, fields, channels, stages and their
 * labels in both languages. Codes are stored; labels are shown.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { InquiryChannel, InquiryKind } from '../../platform/db/schema.ts';

type Labels = Readonly<Record<Lang, string>>;

export const KINDS: readonly { code: InquiryKind; label: Labels }[] = [
  { code: 'question', label: { vi: 'Hỏi đáp', en: 'Question' } },
  { code: 'feedback', label: { vi: 'Góp ý', en: 'Feedback' } },
  { code: 'petition', label: { vi: 'Kiến nghị, phản ánh', en: 'Petition or report' } },
  { code: 'complaint', label: { vi: 'Khiếu nại', en: 'Complaint' } },
  { code: 'denunciation', label: { vi: 'Tố cáo', en: 'Denunciation' } },
];

/** Complaints and denunciations are settled under their own laws by the competent body (QA-7). */
export const FORWARD_TO_COMPETENT_BODY: ReadonlySet<InquiryKind> = new Set(['complaint', 'denunciation']);

export const FIELDS: readonly { code: string; label: Labels }[] = [
  { code: 'cai-cach-hanh-chinh', label: { vi: 'Cải cách hành chính', en: 'Administrative reform' } },
  { code: 'thu-tuc-hanh-chinh', label: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' } },
  { code: 'dat-dai', label: { vi: 'Đất đai', en: 'Land' } },
  { code: 'xay-dung', label: { vi: 'Xây dựng, quy hoạch', en: 'Construction and planning' } },
  { code: 'giao-thong', label: { vi: 'Giao thông', en: 'Transport' } },
  { code: 'tai-nguyen-moi-truong', label: { vi: 'Tài nguyên, môi trường', en: 'Natural resources and environment' } },
  { code: 'giao-duc', label: { vi: 'Giáo dục', en: 'Education' } },
  { code: 'y-te', label: { vi: 'Y tế', en: 'Health' } },
  { code: 'lao-dong-viec-lam', label: { vi: 'Lao động, việc làm, bảo hiểm xã hội', en: 'Labour, employment, social insurance' } },
  { code: 'thue-tai-chinh', label: { vi: 'Thuế, tài chính', en: 'Tax and finance' } },
  { code: 'kinh-doanh-dau-tu', label: { vi: 'Kinh doanh, đầu tư', en: 'Business and investment' } },
  { code: 'tu-phap-ho-tich', label: { vi: 'Tư pháp, hộ tịch', en: 'Justice and civil status' } },
  { code: 'thai-do-can-bo', label: { vi: 'Thái độ, tác phong cán bộ', en: 'Conduct of officials' } },
  { code: 'khac', label: { vi: 'Lĩnh vực khác', en: 'Other' } },
];

export const CHANNELS: readonly { code: InquiryChannel; label: Labels }[] = [
  { code: 'web', label: { vi: 'Cổng thông tin', en: 'Web portal' } },
  { code: 'api', label: { vi: 'Ứng dụng, Cổng dịch vụ công', en: 'App or national portal' } },
  { code: 'hotline', label: { vi: 'Đường dây nóng', en: 'Hotline' } },
  { code: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' } },
  { code: 'letter', label: { vi: 'Thư, công văn', en: 'Letter' } },
  { code: 'in_person', label: { vi: 'Trực tiếp', en: 'In person' } },
];

/** Channels an officer logs on a citizen's behalf (the web and API are the citizen's own). */
export const OFFICER_CHANNELS: readonly InquiryChannel[] = ['hotline', 'email', 'letter', 'in_person'];

export const STATUSES = ['received', 'needs_info', 'forwarded', 'progress', 'answer_review', 'answered', 'out_of_scope', 'transferred', 'merged'] as const;
export type InquiryStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<InquiryStatus, Labels> = {
  received: { vi: 'Đã tiếp nhận, đang phân loại', en: 'Received, being classified' },
  needs_info: { vi: 'Cần bổ sung thông tin', en: 'More information needed' },
  forwarded: { vi: 'Đã chuyển cơ quan có thẩm quyền trả lời', en: 'Forwarded to the competent agency' },
  progress: { vi: 'Đang xử lý (đã thông báo tiến độ)', en: 'In progress (progress notice given)' },
  answer_review: { vi: 'Đang duyệt câu trả lời', en: 'Answer under review' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  out_of_scope: { vi: 'Không thuộc thẩm quyền', en: 'Outside the agency’s scope' },
  transferred: { vi: 'Đã chuyển cơ quan có thẩm quyền giải quyết', en: 'Transferred to the competent body' },
  merged: { vi: 'Đã gộp với yêu cầu cùng nội dung', en: 'Merged with a request on the same matter' },
};

/** Stages after which nothing more happens to a request (the retention period runs from then). */
export const CLOSED: ReadonlySet<InquiryStatus> = new Set(['answered', 'out_of_scope', 'transferred', 'merged']);

/** What happened to a request, as recorded in its history; public ones show on the status page. */
export const EVENT_LABELS: Record<string, Labels> = {
  received: { vi: 'Tiếp nhận yêu cầu', en: 'Request received' },
  classified: { vi: 'Phân loại', en: 'Classified' },
  info_requested: { vi: 'Đề nghị bổ sung thông tin', en: 'More information requested' },
  info_added: { vi: 'Công dân bổ sung thông tin', en: 'Information added by the citizen' },
  forwarded: { vi: 'Chuyển cơ quan có thẩm quyền trả lời', en: 'Forwarded to the competent agency' },
  out_of_scope: { vi: 'Thông báo không thuộc thẩm quyền', en: 'Out-of-scope notice' },
  transferred: { vi: 'Chuyển cơ quan có thẩm quyền giải quyết', en: 'Transferred to the competent body' },
  merged: { vi: 'Gộp với yêu cầu cùng nội dung', en: 'Merged with a request on the same matter' },
  draft_saved: { vi: 'Lưu dự thảo trả lời', en: 'Draft answer saved' },
  answer_submitted: { vi: 'Trình duyệt câu trả lời', en: 'Answer submitted for review' },
  answer_returned: { vi: 'Trả lại dự thảo để sửa', en: 'Draft answer returned' },
  progress: { vi: 'Thông báo tiến độ', en: 'Progress notice' },
  answered: { vi: 'Trả lời', en: 'Answered' },
  published: { vi: 'Công bố trên chuyên mục hỏi đáp', en: 'Published in the Q&A section' },
  unpublished: { vi: 'Gỡ khỏi chuyên mục hỏi đáp', en: 'Removed from the Q&A section' },
  personal_data_erased: { vi: 'Xoá dữ liệu cá nhân hết thời hạn lưu trữ', en: 'Personal data erased after the retention period' },
};

export const kindLabel = (code: string, lang: Lang): string => KINDS.find((k) => k.code === code)?.label[lang] ?? code;
export const fieldLabel = (code: string, lang: Lang): string => FIELDS.find((f) => f.code === code)?.label[lang] ?? code;
export const channelLabel = (code: string, lang: Lang): string => CHANNELS.find((c) => c.code === code)?.label[lang] ?? code;
export const statusLabel = (code: string, lang: Lang): string => STATUS_LABELS[code as InquiryStatus]?.[lang] ?? code;
export const eventLabel = (code: string, lang: Lang): string => EVENT_LABELS[code]?.[lang] ?? code;
export const isKind = (v: string): v is InquiryKind => KINDS.some((k) => k.code === v);
export const isField = (v: string): boolean => FIELDS.some((f) => f.code === v);
export const isChannel = (v: string): v is InquiryChannel => CHANNELS.some((c) => c.code === v);
