/**
 * A request's page in the consoles, as a view model: who sent it (or that their data were
 * erased), what they wrote, the files, the answer, each stage's deadline, the history, and which
 * actions this person may take now — decided here, by role and stage, so the views only show.
 */
import { LANGUAGE_NAMES } from '../../../platform/i18n/index.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { DeadlineRow } from '../../calendar/index.ts';
import type { AgencyRow, AttachmentRow, EventRow, InquiryRow, ListedInquiry } from '../inquiries.repo.ts';
import type { StageSubject } from '../inquiry-deadlines.ts';
import { channelLabel, eventLabel, fieldLabel, FORWARD_TO_COMPETENT_BODY, kindLabel, langOf, statusLabel } from '../inquiry-types.ts';
import { REQUEST_SUBPAGES } from '../paths.ts';
import { t } from '../messages.ts';

export interface FileLink {
  id: number;
  href: string;
  filename: string;
  /** Size in KB, at least 1. */
  kb: number;
}

export interface DeadlineLine {
  stage: string;
  agency: string;
  dueAt: Date;
  metAt: Date | null;
  lateSeconds: number | null;
  explanation: string;
}

export interface IntakeModel {
  kind: 'intake';
  classification: { kind: string; field: string };
  /** Asking for information is offered while the request was only received. */
  mayAskInformation: boolean;
  duplicates: { id: number; href: string; code: string; title: string; statusLabel: string; receivedAt: Date; similarity: number }[];
  /** Active agencies; the citizen's choice marked. */
  agencies: { id: number; label: string }[];
  /** The agency chosen in the forward form at first. */
  agencyChosen: string;
  /** Complaints, denunciations and petitions may go to a body outside the site. */
  transferable: boolean;
}

export interface AgencyModel {
  kind: 'agency';
  /** The board's latest return of the draft, while no new answer was sent since. */
  returned: { at: Date; note: string } | undefined;
  draftHtml: string;
  answerReview: boolean;
  answerFiles: FileLink[];
}

export interface ReviewModel {
  kind: 'review';
  answerHtml: string;
  answerFiles: FileLink[];
}

export interface PublicationModel {
  kind: 'publication';
  consent: boolean;
  publishedAt: Date | null;
  /** The public page of a published answer (absolute). */
  publicUrl: string | undefined;
  publicFiles: FileLink[];
}

export type ActionsModel = IntakeModel | AgencyModel | ReviewModel | PublicationModel | { kind: 'waitingReview' } | { kind: 'atAgency' };

export interface RequestModel {
  id: number;
  code: string;
  title: string;
  statusLabel: string;
  /** Merged: into which request. */
  merged: { into: number | null } | undefined;
  transferredTo: string;
  agencyName: string;
  statusNote: string;
  /** The citizen's details, or when they were erased. */
  sender: { erasedAt: Date } | { name: string; email: string; phone: string; address: string };
  channelLabel: string;
  kindLabel: string;
  fieldLabel: string;
  receivedAt: Date;
  requestedAgencyName: string;
  consentPublish: boolean;
  /** The language it was written in, named in that language. */
  langName: string;
  body: string;
  citizenFiles: FileLink[];
  progress: { text: string; promisedAt: Date | null } | undefined;
  /** The answer (or the draft) as the board sees it; not the agency's own draft while it writes it. */
  answer: { final: boolean; html: string; files: FileLink[] } | undefined;
  deadlines: DeadlineLine[];
  history: { at: Date; label: string; actor: string; internal: boolean; note: string }[];
  actions: ActionsModel | undefined;
}

export interface RequestData {
  row: InquiryRow;
  role: 'board' | 'agency';
  agencies: readonly AgencyRow[];
  attachments: readonly AttachmentRow[];
  events: readonly EventRow[];
  deadlines: readonly (DeadlineRow & { stage: StageSubject })[];
  duplicates: readonly (ListedInquiry & { score: number })[];
  answerReview: boolean;
  /** The public site's origin, for the address of a published answer. */
  origin: string;
}

const INTAKE = new Set(['received', 'needs_info']);
const AT_AGENCY = new Set(['forwarded', 'progress']);
/** Languages named in their own language (not translated). */

export function requestModel(lang: Lang, d: RequestData, hrefs: { base: string; qaPath(lang: Lang, slug: string): string }): RequestModel {
  const { row } = d;
  const here = `${hrefs.base}/${row.id}`;
  const agencyName = (id: number | null) => (id ? (d.agencies.find((a) => a.id === id)?.name ?? '—') : '—');
  const link = (f: AttachmentRow): FileLink => ({
    id: f.id,
    href: `${here}${REQUEST_SUBPAGES.file[lang]}/${f.id}`,
    filename: f.filename,
    kb: Math.max(1, Math.round(f.size / 1024)),
  });
  const filesOf = (role: AttachmentRow['role']) => d.attachments.filter((a) => a.role === role).map(link);
  const showAnswer = row.answer_html && row.status !== 'answer_review' && !(d.role === 'agency' && AT_AGENCY.has(row.status));
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    statusLabel: statusLabel(row.status, lang),
    merged: row.status === 'merged' ? { into: row.merged_into } : undefined,
    transferredTo: row.transferred_to,
    agencyName: agencyName(row.agency_id),
    statusNote: row.status_note,
    sender: row.personal_erased_at
      ? { erasedAt: new Date(row.personal_erased_at) }
      : { name: row.name, email: row.email, phone: row.phone, address: row.address },
    channelLabel: channelLabel(row.channel, lang),
    kindLabel: kindLabel(row.kind, lang),
    fieldLabel: fieldLabel(row.field, lang),
    receivedAt: new Date(row.received_at),
    requestedAgencyName: agencyName(row.requested_agency_id),
    consentPublish: row.consent_publish,
    langName: LANGUAGE_NAMES[langOf(row.lang)],
    body: row.body,
    citizenFiles: filesOf('citizen'),
    progress: row.progress_text ? { text: row.progress_text, promisedAt: row.promised_at ? new Date(row.promised_at) : null } : undefined,
    answer: showAnswer ? { final: row.status === 'answered', html: row.answer_html, files: row.status === 'answered' ? filesOf('answer') : [] } : undefined,
    deadlines: d.deadlines.map((x) => ({
      stage: t(lang, `stage.${x.stage}`),
      agency: x.agency,
      dueAt: new Date(x.due_at),
      metAt: x.met_at ? new Date(x.met_at) : null,
      lateSeconds: x.late_seconds,
      explanation: x.explanation.text,
    })),
    history: d.events.map((e) => ({ at: new Date(e.at), label: eventLabel(e.kind, lang), actor: e.actor_label, internal: !e.public, note: e.note })),
    actions: actionsModel(lang, d, filesOf, hrefs),
  };
}

function actionsModel(
  lang: Lang,
  d: RequestData,
  filesOf: (role: AttachmentRow['role']) => FileLink[],
  hrefs: { base: string; qaPath(lang: Lang, slug: string): string },
): ActionsModel | undefined {
  const { row, role } = d;
  if (role === 'board' && INTAKE.has(row.status)) {
    return {
      kind: 'intake',
      classification: { kind: row.kind, field: row.field },
      mayAskInformation: row.status === 'received',
      duplicates: d.duplicates.map((x) => ({
        id: x.id,
        href: `${hrefs.base}/${x.id}`,
        code: x.code,
        title: x.title,
        statusLabel: statusLabel(x.status, lang),
        receivedAt: new Date(x.received_at),
        similarity: Math.round(x.score * 100),
      })),
      agencies: d.agencies
        .filter((a) => a.active)
        .map((a) => ({ id: a.id, label: a.id === row.requested_agency_id ? `${a.name} (${t(lang, 'forms.chosenCitizen')})` : a.name })),
      agencyChosen: String(row.agency_id ?? row.requested_agency_id ?? ''),
      transferable: FORWARD_TO_COMPETENT_BODY.has(row.kind) || row.kind === 'petition',
    };
  }
  if (role === 'agency' && AT_AGENCY.has(row.status)) {
    const returned = [...d.events].reverse().find((x) => x.kind === 'answer_returned');
    const resent = returned !== undefined && d.events.slice(d.events.indexOf(returned) + 1).some((x) => x.kind === 'answer_submitted');
    return {
      kind: 'agency',
      returned: returned && !resent ? { at: new Date(returned.at), note: returned.note } : undefined,
      draftHtml: row.answer_html,
      answerReview: d.answerReview,
      answerFiles: filesOf('answer'),
    };
  }
  if (role === 'board' && row.status === 'answer_review') return { kind: 'review', answerHtml: row.answer_html, answerFiles: filesOf('answer') };
  if (role === 'board' && row.status === 'answered') {
    return {
      kind: 'publication',
      consent: row.consent_publish,
      publishedAt: row.published_at ? new Date(row.published_at) : null,
      publicUrl: row.published_at && row.public_slug && d.origin ? `${d.origin}${hrefs.qaPath(langOf(row.lang), row.public_slug)}` : undefined,
      publicFiles: filesOf('public'),
    };
  }
  if (role === 'agency' && row.status === 'answer_review') return { kind: 'waitingReview' };
  if (role === 'board' && AT_AGENCY.has(row.status)) return { kind: 'atAgency' };
  return undefined;
}
