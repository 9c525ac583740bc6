/**
 * The administration's view of content: rows (items, revisions, transitions, queues,
 * notifications, deadlines) become the view models the admin screens take, with their words
 * in the person's language. The only way an admin table row reaches a template.
 */
import type { ContentItemRow, ContentRevisionRow, ContentStage, ContentVisibility } from '../../platform/db/schema.ts';
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import type { DeadlineRow } from '../calendar/index.ts';
import type { CategoryNode } from './categories.service.ts';
import { contentType, optionLabel, reasonLabel, typeLabel } from './content-types.ts';
import type { AdminListRow, NotificationRow } from './desk.service.ts';
import { languageName, t } from './messages.ts';
import { adminItemHref, adminPaths } from './paths.ts';
import type { RevisionDiff } from './revision-diff.ts';
import type { SiteWorkflow, WorkflowAction } from './workflow.ts';

// ── Words by code ────────────────────────────────────────────────────────────────────────

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

const HISTORY_ACTIONS = [...PAGE_ACTIONS, 'create', 'publish_due'] as const;

/** The name of a workflow step in the item's history (the code itself for one this version does not know). */
export function actionLabel(action: string, lang: Lang): string {
  const known = HISTORY_ACTIONS.find((a) => a === action);
  return known ? t(lang, `action.${known}`) : action;
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
  'request_review',
] as const;

/** The page's notice after a successful action (?tb=…), when the code is one. */
export function doneNotice(code: string | undefined, lang: Lang): { notice: { kind: 'ok'; text: string } } | Record<string, never> {
  const known = DONE_NOTICES.find((c) => c === code);
  return known ? { notice: { kind: 'ok', text: t(lang, `notice.${known}`) } } : {};
}

/** The structure screens' notices (?tb=…). */
export function structureNotice(code: string | undefined, lang: Lang): { notice: { kind: 'ok'; text: string } } | Record<string, never> {
  return code === 'da-tao' || code === 'da-luu' ? { notice: { kind: 'ok', text: t(lang, `structure.notice.${code}`) } } : {};
}

/** One select for stage and visibility: stage codes, or "hien-thi:<visibility>". */
export function parseStatus(value: string): { stage?: ContentStage; visibility?: ContentVisibility } {
  const stage = STAGES.find((s) => s === value);
  if (stage) return { stage };
  const m = /^hien-thi:(\w+)$/.exec(value);
  const visibility = m ? VISIBILITIES.find((v) => v === m[1]) : undefined;
  return visibility ? { visibility } : {};
}

// ── Lists ────────────────────────────────────────────────────────────────────────────────

export interface ItemRowView {
  href: string;
  title: string;
  english: boolean;
  typeLabel: string;
  stage: string;
  visibility: string;
  emergency: boolean;
  updatedAt: Date;
}

export function itemRows(lang: Lang, rows: readonly AdminListRow[], approvalSteps: 1 | 2): ItemRowView[] {
  return rows.map((r) => ({
    href: adminItemHref(lang, r.id),
    title: r.working_title ?? r.live_title ?? `#${r.id}`,
    english: r.lang === 'en',
    typeLabel: typeLabel(r.type, lang),
    stage: r.stage ? stageLabel(r.stage, lang, approvalSteps) : '—',
    visibility: visibilityLabel(r.visibility, lang),
    emergency: r.emergency,
    updatedAt: r.updated_at,
  }));
}

export interface QueueRowView {
  /** Absent on an overseer's read-only queues: the item's page is the board's. */
  href?: string;
  title: string;
  typeLabel: string;
  /** When it was last changed; for scheduled items, when it goes live. */
  date: Date;
}

export function queueRows(
  lang: Lang,
  rows: readonly { id: number; type: string; title: string; updated_at: Date; publish_at: Date | null }[],
  scheduled = false,
  readOnly = false,
): QueueRowView[] {
  return rows.map((r) => ({
    ...(readOnly ? {} : { href: adminItemHref(lang, r.id) }),
    title: r.title,
    typeLabel: typeLabel(r.type, lang),
    date: scheduled && r.publish_at ? r.publish_at : r.updated_at,
  }));
}

export interface NotificationView {
  message: string;
  href: string | undefined;
  createdAt: Date;
}

export function notificationViews(lang: Lang, rows: readonly NotificationRow[]): NotificationView[] {
  return rows.map((n) => ({ message: n.message, href: n.item_id ? adminItemHref(lang, n.item_id) : undefined, createdAt: n.created_at }));
}

export interface OverdueView {
  href: string;
  title: string;
  due: Date | null;
}

export function overdueRows(lang: Lang, rows: readonly { id: number; title: string; next_review_at: Date | null }[]): OverdueView[] {
  return rows.map((r) => ({ href: adminItemHref(lang, r.id), title: r.title, due: r.next_review_at }));
}

// ── An item ──────────────────────────────────────────────────────────────────────────────

/** "2026-12-05" → "05/12/2026" (dates of type fields are stored as ISO days). */
function dayMonthYear(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

export interface RevisionView {
  number: number;
  createdAt: Date;
  /** Who saved it, when known. */
  savedBy: string | undefined;
  title: string;
  summary: string;
  fields: { label: string; value: string }[];
  source: string;
  authorName: string;
  isReference: boolean;
  changeNote: string;
  /** Sanitised when it was saved. */
  bodyHtml: string;
}

export function revisionView(lang: Lang, typeCode: string, rev: ContentRevisionRow, names: ReadonlyMap<number, string>): RevisionView {
  const type = contentType(typeCode);
  const shown = type?.fields.filter((f) => rev.fields?.[f.name] !== undefined && rev.fields[f.name] !== '') ?? [];
  return {
    number: rev.number,
    createdAt: rev.created_at,
    savedBy: rev.created_by ? names.get(rev.created_by) : undefined,
    title: rev.title,
    summary: rev.summary,
    fields: shown.map((f) => {
      const value = rev.fields[f.name];
      return {
        label: t(lang, f.label),
        value: f.kind === 'select' ? optionLabel(f, value, lang) : f.kind === 'date' ? dayMonthYear(String(value)) : String(value),
      };
    }),
    source: rev.source,
    authorName: rev.author_name,
    isReference: rev.is_reference,
    changeNote: rev.change_note,
    bodyHtml: rev.body_html,
  };
}

export interface TransitionRow {
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  reason_code: string | null;
  comment: string;
  at: Date;
  actor_name: string | null;
}

export interface TransitionView {
  at: Date;
  actor: string;
  action: string;
  /** "Chờ duyệt → Bị trả lại" */
  change: string;
  reason: string;
  comment: string;
}

export function transitionViews(lang: Lang, rows: readonly TransitionRow[], approvalSteps: 1 | 2): TransitionView[] {
  const stageText = (x: string | null) => {
    if (x === null) return t(lang, 'itemPage.none');
    const stage = STAGES.find((s) => s === x);
    return stage ? stageLabel(stage, lang, approvalSteps) : x;
  };
  return rows.map((step) => ({
    at: step.at,
    actor: step.actor_name ?? t(lang, 'itemPage.system'),
    action: actionLabel(step.action, lang),
    change: `${stageText(step.from_stage)} → ${stageText(step.to_stage)}`,
    reason: reasonLabel(step.reason_code, lang),
    comment: step.comment,
  }));
}

export interface ItemPageView {
  id: number;
  title: string;
  typeLabel: string;
  languageName: string;
  stage: { label: string; warn: boolean };
  visibility: { label: string; tone: 'ok' | 'off' | 'plain' };
  /** Published in an emergency: the badge's words. */
  emergency: string | undefined;
  publishAt: Date | null;
  unpublishAt: Date | null;
  publishedAt: Date | null;
  categoryName: string | undefined;
  providerName: string | undefined;
  featured: boolean;
  working: RevisionView | undefined;
  /** The live revision, when it is not the working one. */
  live: RevisionView | undefined;
  /** The working revision is the live one. */
  workingIsLive: boolean;
  transitions: TransitionView[];
  actions: readonly PageAction[];
  /** Approving publishes at this later moment (else at once). */
  scheduledAt: Date | undefined;
  mayEdit: boolean;
  hrefs: { list: string; here: string; edit: string; revisions: string };
}

export function itemPageView(
  lang: Lang,
  o: {
    item: ContentItemRow;
    working: ContentRevisionRow | undefined;
    live: ContentRevisionRow | undefined;
    transitions: readonly TransitionRow[];
    site: SiteWorkflow;
    actions: readonly PageAction[];
    mayEdit: boolean;
    categoryName: string | undefined;
    names: ReadonlyMap<number, string>;
    now: Date;
  },
): ItemPageView {
  const { item, working, live, site } = o;
  const liveDiffers = live !== undefined && live.id !== working?.id;
  return {
    id: item.id,
    title: working?.title ?? live?.title ?? `#${item.id}`,
    typeLabel: typeLabel(item.type, lang),
    languageName: languageName(item.lang === 'en' ? 'en' : 'vi'),
    stage: { label: stageLabel(item.stage, lang, site.approvalSteps), warn: item.stage === 'returned' || item.stage === 'refused' },
    visibility: {
      label: visibilityLabel(item.visibility, lang),
      tone: item.visibility === 'live' ? 'ok' : item.visibility === 'withdrawn' || item.visibility === 'archived' ? 'off' : 'plain',
    },
    emergency: item.emergency ? (item.emergency_reviewed_by ? t(lang, 'itemPage.emergencyReviewed') : t(lang, 'itemPage.emergencyAwaitingReview')) : undefined,
    publishAt: item.publish_at,
    unpublishAt: item.unpublish_at,
    publishedAt: item.published_at,
    categoryName: o.categoryName,
    providerName: item.provider_id ? o.names.get(item.provider_id) : undefined,
    featured: item.featured,
    working: working ? revisionView(lang, item.type, working, o.names) : undefined,
    live: liveDiffers ? revisionView(lang, item.type, live, o.names) : undefined,
    workingIsLive: live !== undefined && !liveDiffers,
    transitions: transitionViews(lang, o.transitions, site.approvalSteps),
    actions: o.actions,
    scheduledAt: item.publish_at !== null && item.publish_at > o.now ? item.publish_at : undefined,
    mayEdit: o.mayEdit,
    hrefs: {
      list: adminPaths.href(lang, 'content'),
      here: adminItemHref(lang, item.id),
      edit: adminPaths.href(lang, 'contentEdit', `/${item.id}`),
      revisions: adminPaths.href(lang, 'contentRevisions', `/${item.id}`),
    },
  };
}

// ── Revisions ────────────────────────────────────────────────────────────────────────────

export interface RevisionRowView {
  id: number;
  number: number;
  createdAt: Date;
  savedBy: string | undefined;
  title: string;
  changeNote: string;
  working: boolean;
  live: boolean;
  restorable: boolean;
  /** "Phiên bản 3 — 05/12/2026 08:30", in the compare selects. */
  label: string;
}

export interface RevisionsPageView {
  title: string;
  itemHref: string;
  here: string;
  revisions: RevisionRowView[];
  compare: { from: RevisionRowView; to: RevisionRowView; diff: RevisionDiff } | undefined;
}

export function revisionsPageView(
  lang: Lang,
  o: {
    item: ContentItemRow;
    revisions: readonly ContentRevisionRow[];
    title: string;
    names: ReadonlyMap<number, string>;
    mayRestore: boolean;
    compare: { from: ContentRevisionRow; to: ContentRevisionRow; diff: RevisionDiff } | undefined;
  },
): RevisionsPageView {
  const row = (r: ContentRevisionRow): RevisionRowView => ({
    id: r.id,
    number: r.number,
    createdAt: r.created_at,
    savedBy: r.created_by ? o.names.get(r.created_by) : undefined,
    title: r.title,
    changeNote: r.change_note,
    working: r.id === o.item.working_revision_id,
    live: r.id === o.item.live_revision_id,
    restorable: o.mayRestore && r.id !== o.item.working_revision_id,
    label: `${t(lang, 'common.revision')} ${r.number} — ${formatDateTime(r.created_at)}`,
  });
  return {
    title: o.title,
    itemHref: adminItemHref(lang, o.item.id),
    here: adminPaths.href(lang, 'contentRevisions', `/${o.item.id}`),
    revisions: o.revisions.map(row),
    compare: o.compare ? { from: row(o.compare.from), to: row(o.compare.to), diff: o.compare.diff } : undefined,
  };
}

// ── Deadlines, structure ─────────────────────────────────────────────────────────────────

export interface DeadlineView {
  rule: string;
  triggerAt: Date;
  dueAt: Date;
  /** Met (on time or late by so many seconds), overdue, or still open. */
  status: { kind: 'late'; seconds: number } | { kind: 'on_time' } | { kind: 'overdue' } | { kind: 'open' };
  metAt: Date | undefined;
  explanation: string;
  skipped: { day: Date; reason: string }[];
}

export function deadlineViews(rows: readonly DeadlineRow[], now: Date): DeadlineView[] {
  return rows.map((d) => {
    const due = new Date(d.due_at);
    return {
      rule: `${d.rule_code}: ${d.rule_label}`,
      triggerAt: new Date(d.trigger_at),
      dueAt: due,
      status: d.met_at
        ? d.late_seconds && d.late_seconds > 0
          ? { kind: 'late', seconds: d.late_seconds }
          : { kind: 'on_time' }
        : due < now
          ? { kind: 'overdue' }
          : { kind: 'open' },
      metAt: d.met_at ? new Date(d.met_at) : undefined,
      explanation: d.explanation.text,
      skipped: d.explanation.skipped.map((sk) => ({ day: new Date(`${sk.date}T00:00:00+07:00`), reason: sk.reason })),
    };
  });
}

export interface CategoryTreeView {
  id: number;
  name: string;
  slug: string;
  position: number;
  description: string;
  retired: boolean;
  children: CategoryTreeView[];
}

export function categoryTrees(nodes: readonly CategoryNode[]): CategoryTreeView[] {
  return nodes.map((n) => ({
    id: n.id,
    name: n.name,
    slug: n.slug,
    position: n.position,
    description: n.description,
    retired: n.retired_at !== null,
    children: categoryTrees(n.children),
  }));
}

/** Categories as the options of a select, grouped by language ("Tiếng Việt", "English"). */
export function categoryGroups(
  categories: readonly { id: number; lang: string; name: string }[],
): { label: string; options: { value: string; label: string }[] }[] {
  return (['vi', 'en'] as const)
    .map((code) => ({
      label: languageName(code),
      options: categories.filter((c) => c.lang === code).map((c) => ({ value: String(c.id), label: c.name })),
    }))
    .filter((g) => g.options.length > 0);
}
