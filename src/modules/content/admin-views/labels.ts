/** The administration's words for content: stages, visibility, workflow actions, types. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ContentStage, ContentVisibility } from '../../../platform/db/schema.ts';
import { reasonLabel, typeLabel } from '../content-types.ts';
import type { WorkflowAction } from '../workflow.ts';
import { t } from '../messages.ts';

export const STAGES: readonly ContentStage[] = ['draft', 'submitted', 'in_review', 'returned', 'refused', 'approved', 'scheduled'];
export const VISIBILITIES: readonly ContentVisibility[] = ['never', 'live', 'withdrawn', 'archived'];

/** "Submitted" on a one-step site means the item waits for approval, not editing. */
export function stageLabel(stage: ContentStage | null, lang: Lang, approvalSteps: 1 | 2 = 2): string {
  if (stage === null) return t(lang, 'stage.none');
  if (stage === 'submitted' && approvalSteps === 1) return t(lang, 'stage.in_review');
  return t(lang, `stage.${stage}`);
}

export function visibilityLabel(v: ContentVisibility, lang: Lang): string {
  return t(lang, `visibility.${v}`);
}

export { typeLabel, reasonLabel };

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

export function actionLabel(action: string, lang: Lang): string {
  return isLabelledAction(action) ? t(lang, `action.${action}`) : action;
}

const WORKFLOW_ACTIONS = [...PAGE_ACTIONS, 'create', 'publish_due'] as const;

function isLabelledAction(action: string): action is (typeof WORKFLOW_ACTIONS)[number] {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(action);
}

/** Codes of the notices after a successful action (?tb=…). */
const DONE_NOTICES = [
  'da-tao',
  'da-luu',
  'da-tao-chua-lien-ket',
  'da-luu-chua-lien-ket',
  'da-khoi-phuc',
  'submit',
  'take',
  'return',
  'refuse',
  'approve',
  'unpublish',
  'republish',
  'archive',
  'emergency_publish',
  'emergency_review',
  'da-cai-dat',
  'da-doc',
  'cross_post',
  'propose',
  'mark_reviewed',
] as const;

/** The notice after a successful action (?tb=…), if the code is one. */
export function doneNotice(code: string | undefined, lang: Lang): string | undefined {
  return code !== undefined && isDoneNotice(code) ? t(lang, `notice.${code}`) : undefined;
}

function isDoneNotice(code: string): code is (typeof DONE_NOTICES)[number] {
  return (DONE_NOTICES as readonly string[]).includes(code);
}
