/** The administration's words for content: stages, visibility, workflow actions, types. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ContentStage, ContentVisibility } from '../../../platform/db/schema.ts';
import { contentType, REFUSAL_REASONS } from '../content-types.ts';
import type { WorkflowAction } from '../workflow.ts';

export const STAGES: readonly ContentStage[] = ['draft', 'submitted', 'in_review', 'returned', 'refused', 'approved', 'scheduled'];
export const VISIBILITIES: readonly ContentVisibility[] = ['never', 'live', 'withdrawn', 'archived'];

const STAGE_LABELS: Record<ContentStage, Record<Lang, string>> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ biên tập', en: 'Awaiting editing' },
  in_review: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  refused: { vi: 'Bị từ chối', en: 'Refused' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  scheduled: { vi: 'Đã lên lịch', en: 'Scheduled' },
};

const VISIBILITY_LABELS: Record<ContentVisibility, Record<Lang, string>> = {
  never: { vi: 'Chưa đăng', en: 'Not published' },
  live: { vi: 'Đang đăng', en: 'Published' },
  withdrawn: { vi: 'Đã gỡ', en: 'Withdrawn' },
  archived: { vi: 'Lưu trữ', en: 'Archived' },
};

/** "Submitted" on a one-step site means the item waits for approval, not editing. */
export function stageLabel(stage: ContentStage | null, lang: Lang, approvalSteps: 1 | 2 = 2): string {
  if (stage === null) return lang === 'en' ? 'No pending change' : 'Không có bản chờ xử lý';
  if (stage === 'submitted' && approvalSteps === 1) return STAGE_LABELS.in_review[lang];
  return STAGE_LABELS[stage][lang];
}

export function visibilityLabel(v: ContentVisibility, lang: Lang): string {
  return VISIBILITY_LABELS[v][lang];
}

export function typeLabel(code: string, lang: Lang): string {
  return contentType(code)?.label[lang] ?? code;
}

export function reasonLabel(code: string | null, lang: Lang): string {
  if (!code) return '';
  return REFUSAL_REASONS.find((r) => r.code === code)?.label[lang] ?? code;
}

/** The actions a person may take from the item page, in the order they are offered. */
export const PAGE_ACTIONS = [
  'submit',
  'take',
  'approve',
  'return',
  'refuse',
  'unpublish',
  'republish',
  'emergency_publish',
  'emergency_review',
  'archive',
] as const satisfies readonly WorkflowAction[];
export type PageAction = (typeof PAGE_ACTIONS)[number];

export function isPageAction(value: string): value is PageAction {
  return (PAGE_ACTIONS as readonly string[]).includes(value);
}

const ACTION_LABELS: Record<WorkflowAction | 'create', Record<Lang, string>> = {
  create: { vi: 'Tạo mới', en: 'Created' },
  submit: { vi: 'Gửi duyệt', en: 'Submit for review' },
  take: { vi: 'Nhận biên tập', en: 'Take into review' },
  return: { vi: 'Trả lại để bổ sung', en: 'Return for changes' },
  refuse: { vi: 'Từ chối đăng', en: 'Refuse publication' },
  approve: { vi: 'Duyệt đăng', en: 'Approve' },
  publish_due: { vi: 'Đăng theo lịch', en: 'Published on schedule' },
  unpublish: { vi: 'Gỡ tin, bài', en: 'Unpublish' },
  republish: { vi: 'Đăng lại', en: 'Republish' },
  archive: { vi: 'Lưu trữ', en: 'Archive' },
  emergency_publish: { vi: 'Đăng khẩn cấp', en: 'Emergency publish' },
  emergency_review: { vi: 'Xác nhận đã xem xét tin đăng khẩn cấp', en: 'Confirm review of the emergency publication' },
};

export function actionLabel(action: string, lang: Lang): string {
  return ACTION_LABELS[action as WorkflowAction]?.[lang] ?? action;
}

/** Notices after a successful action (?tb=…). */
export const DONE_NOTICES: Record<string, Record<Lang, string>> = {
  'da-tao': { vi: 'Đã tạo bản nháp.', en: 'The draft was created.' },
  'da-luu': { vi: 'Đã lưu phiên bản mới.', en: 'A new revision was saved.' },
  'da-tao-chua-lien-ket': {
    vi: 'Đã tạo bản nháp, nhưng chưa liên kết được bản dịch: chọn lại trong biểu mẫu sửa.',
    en: 'The draft was created, but the translation could not be linked: choose it again in the edit form.',
  },
  'da-luu-chua-lien-ket': {
    vi: 'Đã lưu phiên bản mới, nhưng chưa liên kết được bản dịch: chọn lại trong biểu mẫu sửa.',
    en: 'A new revision was saved, but the translation could not be linked: choose it again in the edit form.',
  },
  'da-khoi-phuc': { vi: 'Đã khôi phục phiên bản cũ thành bản nháp mới.', en: 'The old revision was restored as a new draft.' },
  submit: { vi: 'Đã gửi duyệt.', en: 'Submitted for review.' },
  take: { vi: 'Đã nhận biên tập.', en: 'Taken into review.' },
  return: { vi: 'Đã trả lại cho người cung cấp.', en: 'Returned to the provider.' },
  refuse: { vi: 'Đã từ chối đăng.', en: 'Publication refused.' },
  approve: { vi: 'Đã duyệt.', en: 'Approved.' },
  unpublish: { vi: 'Đã gỡ tin, bài.', en: 'Unpublished.' },
  republish: { vi: 'Đã đăng lại.', en: 'Republished.' },
  archive: { vi: 'Đã lưu trữ.', en: 'Archived.' },
  emergency_publish: { vi: 'Đã đăng khẩn cấp; Ban Biên tập sẽ xem xét lại.', en: 'Published in an emergency; the board will review it.' },
  emergency_review: { vi: 'Đã ghi nhận việc xem xét lại.', en: 'The review was recorded.' },
  'da-cai-dat': { vi: 'Đã lưu quy trình duyệt.', en: 'Workflow settings saved.' },
  'da-doc': { vi: 'Đã đánh dấu tất cả thông báo là đã đọc.', en: 'All notifications were marked as read.' },
  cross_post: { vi: 'Đã đăng chéo sang các trang thành phần đã chọn.', en: 'Cross-posted to the chosen component sites.' },
  propose: { vi: 'Đã gửi đề xuất lên Cổng; Ban Biên tập của Cổng sẽ xem xét.', en: 'Proposed to the portal; its board will consider it.' },
  mark_reviewed: { vi: 'Đã ghi nhận việc rà soát; hạn rà soát tiếp theo đã được tính lại.', en: 'The review was recorded; the next review date was set.' },
};
