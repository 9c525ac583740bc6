/**
 * What a citizen sees of their request (the status page and the status API): its stages with
 * dates, the due dates, the answer or progress notice — and never anyone's personal data, not
 * even their own (the API may be called by an app that should not need them).
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { DeadlineRow } from '../../calendar/index.ts';
import { eventLabel, fieldLabel, kindLabel, statusLabel } from '../inquiry-types.ts';
import type * as repo from '../inquiries.repo.ts';

export interface PublicStatus {
  code: string;
  status: string;
  statusLabel: string;
  kind: string;
  kindLabel: string;
  field: string;
  fieldLabel: string;
  title: string;
  channel: string;
  receivedAt: Date;
  /** The agency answering, once forwarded. */
  agency: string | null;
  stages: { kind: string; label: string; at: Date; note: string }[];
  /** When the answer (or a progress notice) is due, while it is owed. */
  answerDueAt: Date | null;
  /** What the board asked for (needs_info), the reason (out_of_scope), the body (transferred). */
  note: string;
  progress: { text: string; promisedAt: Date } | null;
  answer: { html: string; at: Date } | null;
  answerFiles: { id: number; filename: string; size: number; token: string }[];
  mergedInto: string | null;
  published: { slug: string } | null;
}

/** Event kinds whose note the citizen may read (the others' notes are the officers'). */
const NOTE_SHOWN = new Set(['info_requested', 'info_added', 'out_of_scope', 'transferred', 'progress', 'forwarded', 'merged']);

/** What the status page and the status API are made from: the request and what it is linked to. */
export interface StatusData {
  row: repo.InquiryRow;
  /** Its public history events. */
  events: readonly repo.EventRow[];
  /** The files of its answer, each with the token that lets the citizen download it. */
  answerFiles: readonly (repo.AttachmentRow & { token: string })[];
  /** Its answer and promised-date deadlines. */
  deadlines: readonly DeadlineRow[];
  agencyName: string | undefined;
  mergedIntoCode: string | undefined;
}

export function presentStatus(lang: Lang, d: StatusData): PublicStatus {
  const { row } = d;
  const open = d.deadlines.filter((x) => !x.met_at).sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime())[0];
  const answered = row.status === 'answered';
  return {
    code: row.code,
    status: row.status,
    statusLabel: statusLabel(row.status, lang),
    kind: row.kind,
    kindLabel: kindLabel(row.kind, lang),
    field: row.field,
    fieldLabel: fieldLabel(row.field, lang),
    title: row.title,
    channel: row.channel,
    receivedAt: new Date(row.received_at),
    agency: d.agencyName ?? null,
    stages: d.events.map((e) => ({ kind: e.kind, label: eventLabel(e.kind, lang), at: new Date(e.at), note: NOTE_SHOWN.has(e.kind) ? e.note : '' })),
    answerDueAt: open ? new Date(open.due_at) : null,
    note: row.status === 'transferred' ? row.transferred_to : ['needs_info', 'out_of_scope'].includes(row.status) ? row.status_note : '',
    progress: row.progress_text && row.promised_at ? { text: row.progress_text, promisedAt: new Date(row.promised_at) } : null,
    answer: answered && row.answered_at ? { html: row.answer_html, at: new Date(row.answered_at) } : null,
    answerFiles: answered ? d.answerFiles.map((f) => ({ id: f.id, filename: f.filename, size: f.size, token: f.token })) : [],
    mergedInto: d.mergedIntoCode ?? null,
    published: row.published_at && row.public_slug ? { slug: row.public_slug } : null,
  };
}

/** What the status API answers: the citizen's view of the request, dates as ISO strings. */
export function statusJson(s: PublicStatus) {
  return {
    code: s.code,
    status: s.status,
    statusLabel: s.statusLabel,
    kind: s.kind,
    field: s.field,
    title: s.title,
    receivedAt: s.receivedAt.toISOString(),
    agency: s.agency,
    answerDueAt: s.answerDueAt?.toISOString() ?? null,
    note: s.note,
    stages: s.stages.map((e) => ({ kind: e.kind, label: e.label, at: e.at.toISOString(), note: e.note })),
    progress: s.progress ? { text: s.progress.text, promisedAt: s.progress.promisedAt.toISOString() } : null,
    answer: s.answer ? { html: s.answer.html, at: s.answer.at.toISOString() } : null,
    mergedInto: s.mergedInto,
  };
}
