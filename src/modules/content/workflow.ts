/**
 * The editorial workflow (WF-1..5, WF-7) as a pure function: given an item's state, the
 * site's settings, what the actor may do and the action asked for, it says what the item
 * becomes — or why the action is refused. The service applies the result in one
 * transaction; keeping the rules here makes every allowed and refused transition testable.
 *
 *   draft → submitted → [in_review] → approved → published (or scheduled → published)
 *   submitted / in_review → returned (to the provider, with comments) → draft …
 *   submitted / in_review → refused (with a regulation reason)
 *   published → unpublished (withdrawn) → published again; anything → archived
 *   emergency: a board head publishes at once, with a reason; another board member reviews after.
 *
 * A site with one approval step lets approvers act on submitted items; with two, an editor
 * first takes the item into review and only then may an approver approve it.
 */
import type { ContentStage, ContentVisibility } from '../../platform/db/schema.ts';

export type WorkflowAction =
  | 'submit'
  | 'take'
  | 'return'
  | 'refuse'
  | 'approve'
  | 'publish_due'
  | 'unpublish'
  | 'republish'
  | 'archive'
  | 'emergency_publish'
  | 'emergency_review';

export interface ItemState {
  stage: ContentStage | null;
  visibility: ContentVisibility;
  providerId: number | null;
  publishAt: Date | null;
  hasLive: boolean;
  emergency: boolean;
  emergencyReviewedBy: number | null;
  /** Who published the item in an emergency (the reviewer must be someone else). */
  emergencyBy: number | null;
}

export interface SiteWorkflow {
  approvalSteps: 1 | 2;
  forbidSelfApproval: boolean;
}

export interface Capabilities {
  actorId: number | null;
  write: boolean;
  edit: boolean;
  approve: boolean;
  emergency: boolean;
  /** The system (scheduler) acting. */
  system: boolean;
}

export interface Patch {
  stage?: ContentStage | null;
  visibility?: ContentVisibility;
  publishWorking?: boolean;
  emergency?: boolean;
  emergencyReviewedBy?: number | null;
}

export type Decision = { ok: true; patch: Patch; toStage: ContentStage | null } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): Decision => ({ ok: false, code, message });

function publishNowOrSchedule(item: ItemState, now: Date): Decision {
  if (item.publishAt && item.publishAt > now) return { ok: true, patch: { stage: 'scheduled' }, toStage: 'scheduled' };
  return { ok: true, patch: { stage: null, visibility: 'live', publishWorking: true }, toStage: null };
}

export function decide(
  action: WorkflowAction,
  item: ItemState,
  site: SiteWorkflow,
  who: Capabilities,
  extra: { reasonCode?: string; comment?: string },
  now: Date,
): Decision {
  const isProvider = who.actorId !== null && who.actorId === item.providerId;
  const inReview = item.stage === 'submitted' || item.stage === 'in_review';
  switch (action) {
    case 'submit':
      if (item.stage !== 'draft' && item.stage !== 'returned') return refuse('workflow.bad_state', 'Chỉ gửi duyệt được bản nháp hoặc bản bị trả lại.');
      if (!(who.edit || (who.write && isProvider))) return refuse('workflow.forbidden', 'Bạn không được gửi duyệt tin, bài này.');
      return { ok: true, patch: { stage: 'submitted' }, toStage: 'submitted' };
    case 'take':
      if (site.approvalSteps !== 2) return refuse('workflow.not_needed', 'Trang này duyệt một bước: không có bước biên tập riêng.');
      if (item.stage !== 'submitted') return refuse('workflow.bad_state', 'Chỉ nhận biên tập được tin, bài đang chờ biên tập.');
      if (!who.edit) return refuse('workflow.forbidden', 'Chỉ Ban Biên tập được nhận biên tập.');
      return { ok: true, patch: { stage: 'in_review' }, toStage: 'in_review' };
    case 'return':
      if (!inReview) return refuse('workflow.bad_state', 'Chỉ trả lại được tin, bài đang chờ biên tập hoặc chờ duyệt.');
      if (!(who.edit || who.approve)) return refuse('workflow.forbidden', 'Chỉ Ban Biên tập được trả lại tin, bài.');
      if (!extra.comment?.trim()) return refuse('workflow.comment_required', 'Cần ghi ý kiến khi trả lại để người cung cấp bổ sung, làm rõ.');
      return { ok: true, patch: { stage: 'returned' }, toStage: 'returned' };
    case 'refuse':
      if (!inReview) return refuse('workflow.bad_state', 'Chỉ từ chối được tin, bài đang chờ biên tập hoặc chờ duyệt.');
      if (!(who.edit || who.approve)) return refuse('workflow.forbidden', 'Chỉ Ban Biên tập được từ chối đăng.');
      if (!extra.reasonCode) return refuse('workflow.reason_required', 'Cần chọn lý do từ chối theo quy chế.');
      return { ok: true, patch: { stage: 'refused' }, toStage: 'refused' };
    case 'approve': {
      if (!who.approve) return refuse('workflow.forbidden', 'Chỉ Trưởng ban, Phó Trưởng ban Biên tập được duyệt đăng.');
      const ready = site.approvalSteps === 2 ? item.stage === 'in_review' : inReview;
      if (!ready) {
        return refuse(
          'workflow.bad_state',
          site.approvalSteps === 2 ? 'Tin, bài phải qua bước biên tập trước khi duyệt.' : 'Chỉ duyệt được tin, bài đang chờ duyệt.',
        );
      }
      if (site.forbidSelfApproval && isProvider) return refuse('workflow.self_approval', 'Trang này không cho phép tự duyệt tin, bài của mình.');
      return publishNowOrSchedule(item, now);
    }
    case 'publish_due':
      if (!who.system) return refuse('workflow.forbidden', 'Only the scheduler publishes scheduled items.');
      if (item.stage !== 'scheduled' || !item.publishAt || item.publishAt > now) return refuse('workflow.bad_state', 'Not due.');
      return { ok: true, patch: { stage: null, visibility: 'live', publishWorking: true }, toStage: null };
    case 'unpublish':
      if (item.visibility !== 'live') return refuse('workflow.bad_state', 'Tin, bài không đang được đăng.');
      if (!(who.approve || who.system)) return refuse('workflow.forbidden', 'Chỉ người có quyền duyệt được gỡ tin, bài.');
      return { ok: true, patch: { visibility: 'withdrawn' }, toStage: item.stage };
    case 'republish':
      if (item.visibility !== 'withdrawn' || !item.hasLive) return refuse('workflow.bad_state', 'Chỉ đăng lại được tin, bài đã gỡ.');
      if (!who.approve) return refuse('workflow.forbidden', 'Chỉ người có quyền duyệt được đăng lại.');
      return { ok: true, patch: { visibility: 'live' }, toStage: item.stage };
    case 'archive':
      if (item.visibility === 'archived') return refuse('workflow.bad_state', 'Tin, bài đã được lưu trữ.');
      if (!who.approve) return refuse('workflow.forbidden', 'Chỉ người có quyền duyệt được lưu trữ.');
      return { ok: true, patch: { visibility: 'archived', stage: null }, toStage: null };
    case 'emergency_publish':
      if (!who.emergency) return refuse('workflow.forbidden', 'Chỉ Trưởng Ban Biên tập được đăng khẩn cấp.');
      if (!extra.comment?.trim()) return refuse('workflow.comment_required', 'Cần nêu lý do đăng khẩn cấp.');
      if (item.stage === 'refused' || item.visibility === 'archived')
        return refuse('workflow.bad_state', 'Không thể đăng khẩn cấp tin, bài đã bị từ chối hoặc lưu trữ.');
      if (item.stage === null && item.visibility === 'live') return refuse('workflow.bad_state', 'Tin, bài đang được đăng.');
      return { ok: true, patch: { stage: null, visibility: 'live', publishWorking: true, emergency: true, emergencyReviewedBy: null }, toStage: null };
    case 'emergency_review':
      if (!item.emergency || item.emergencyReviewedBy !== null) return refuse('workflow.bad_state', 'Không có tin, bài đăng khẩn cấp chờ xem xét lại.');
      if (!(who.edit || who.approve)) return refuse('workflow.forbidden', 'Chỉ thành viên Ban Biên tập được xem xét lại.');
      if (who.actorId !== null && who.actorId === item.emergencyBy)
        return refuse('workflow.self_review', 'Người đăng khẩn cấp không tự xem xét lại tin, bài của mình.');
      return { ok: true, patch: { emergencyReviewedBy: who.actorId }, toStage: item.stage };
  }
}

/** Whether `who` may save a new working revision of the item in its current state. */
export function mayEdit(item: Pick<ItemState, 'stage' | 'providerId'>, who: Capabilities): boolean {
  if (item.stage === 'refused') return false;
  if (who.edit) return true;
  const isProvider = who.actorId !== null && who.actorId === item.providerId;
  return who.write && isProvider && (item.stage === null || item.stage === 'draft' || item.stage === 'returned');
}
