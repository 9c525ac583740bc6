/**
 * What a citizen sees of their request (the status page and the status API): its stages with
 * dates, the due dates, the answer or progress notice — and never anyone's personal data, not
 * even their own (the API may be called by an app that should not need them).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../../platform/db/create-db.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { platformSecret } from '../../../platform/secrets/index.ts';
import type { DeadlineService } from '../../calendar/index.ts';
import { eventLabel, fieldLabel, kindLabel, statusLabel } from '../inquiry-types.ts';
import * as repo from '../inquiries.repo.ts';

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

let secret: Promise<string> | undefined;
async function fileSecret(db: Db): Promise<string> {
  secret ??= platformSecret(db, 'inquiry-files');
  return secret;
}

/** A token that lets whoever holds the code download one file of its answer. */
export async function fileToken(db: Db, code: string, attachmentId: number): Promise<string> {
  return createHmac('sha256', await fileSecret(db))
    .update(`${code}|${attachmentId}`)
    .digest('base64url')
    .slice(0, 32);
}

export async function fileTokenValid(db: Db, code: string, attachmentId: number, token: string): Promise<boolean> {
  const expected = Buffer.from(await fileToken(db, code, attachmentId));
  const given = Buffer.from(String(token ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function presentStatus(db: Db, deadlines: DeadlineService, row: repo.InquiryRow, lang: Lang): Promise<PublicStatus> {
  const [events, files, answerDue, promised, agency, into] = await Promise.all([
    repo.eventsOf(db, row.id, true),
    repo.attachmentsOf(db, row.id),
    deadlines.ofSubject(db, 'inquiry_answer', row.id),
    deadlines.ofSubject(db, 'inquiry_promised', row.id),
    row.agency_id ? repo.agencyById(db, row.agency_id) : Promise.resolve(undefined),
    row.merged_into ? repo.byId(db, row.merged_into) : Promise.resolve(undefined),
  ]);
  const open = [...answerDue, ...promised].filter((d) => !d.met_at).sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime())[0];
  const answered = row.status === 'answered';
  const answerFiles = answered
    ? await Promise.all(
        files
          .filter((f) => f.role === 'answer')
          .map(async (f) => ({ id: f.id, filename: f.filename, size: f.size, token: await fileToken(db, row.code, f.id) })),
      )
    : [];
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
    agency: agency?.name ?? null,
    stages: events.map((e) => ({ kind: e.kind, label: eventLabel(e.kind, lang), at: new Date(e.at), note: NOTE_SHOWN.has(e.kind) ? e.note : '' })),
    answerDueAt: open ? new Date(open.due_at) : null,
    note: row.status === 'transferred' ? row.transferred_to : ['needs_info', 'out_of_scope'].includes(row.status) ? row.status_note : '',
    progress: row.progress_text && row.promised_at ? { text: row.progress_text, promisedAt: new Date(row.promised_at) } : null,
    answer: answered && row.answered_at ? { html: row.answer_html, at: new Date(row.answered_at) } : null,
    answerFiles,
    mergedInto: into?.code ?? null,
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
