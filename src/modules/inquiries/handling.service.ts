/**
 * The officers' side: the board's intake (QA-2, QA-3, QA-7: classify, merge duplicates, ask for
 * more information, declare out of scope, forward or transfer), the agency's answer or progress
 * notice (QA-4), the board's review of answers, and the hotline's log of calls (QA-6).
 *
 * Every method authorizes, runs one transaction that locks the request, records the stage in the
 * request's history and in the audit log, moves its deadlines and queues the citizen's notice.
 */
import { withTx, type Db, type Tx } from '../../platform/db/create-db.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { cleanText } from '../../platform/text/index.ts';
import { sanitizeRichText } from '../../platform/text/sanitize.ts';
import { htmlToText } from '../../platform/text/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { actorId, actorLabel, authorize, authorizeAny, can, isPlatformAdmin, sitesWhere, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import type { DeadlineService } from '../calendar/index.ts';
import { ANSWER_FILES, checkFiles, removeFiles, storeFiles, type IncomingFile } from './inquiry-files.ts';
import { InquiryClock } from './inquiry-deadlines.ts';
import { notifyCitizen, type Notice } from './inquiry-mail.ts';
import { CLOSED, FORWARD_TO_COMPETENT_BODY, isField, isKind, langOf, type InquiryStatus } from './inquiry-types.ts';
import * as repo from './inquiries.repo.ts';

export interface HandlingDeps {
  db: Db;
  storage: Storage;
  deadlines: DeadlineService;
  /** Active people of a site holding one of the roles (the board, to tell of answers to review). */
  accountsWithRoles(siteId: number, roles: readonly string[]): Promise<{ id: number; email: string; name: string }[]>;
  /** Active responders granted the unit (of the site's directory) that is an agency. */
  respondersOf(siteId: number, unitId: number): Promise<{ id: number; email: string; name: string }[]>;
  /** Where the citizen follows the request (absolute URL of the site's status page). */
  statusUrl(siteId: number, lang: Lang): Promise<string>;
  /** The admin page of a request, for officers' mails. */
  adminUrl(siteId: number, inquiryId: number): Promise<string>;
}

const INTAKE_STAGES: ReadonlySet<string> = new Set(['received', 'needs_info']);
const AGENCY_STAGES: ReadonlySet<string> = new Set(['forwarded', 'progress']);
const REASON = { min: 5, max: 2000 } as const;
const ANSWER = { min: 20, max: 50_000 } as const;

function problem(field: string, message: string, code = 'inquiry.invalid'): Invalid {
  return new Invalid(code, message, { details: [{ field, message }] });
}

function wrongStage(status: string): Conflict {
  return new Conflict('inquiry.wrong_stage', `Yêu cầu đang ở bước «${status}», không thực hiện được thao tác này. Hãy tải lại trang.`);
}

function text(value: unknown, field: string, label: string, limits: { min: number; max: number }): string {
  const v = cleanText(typeof value === 'string' ? value : '');
  if (v.length < limits.min || v.length > limits.max) throw problem(field, `${label} cần từ ${limits.min} đến ${limits.max} ký tự.`);
  return v;
}

/**
 * The directory units the actor answers for on a site ('all' for platform admins): a responder
 * sees the requests of the agency that is the unit of their grant.
 */
export function unitsOf(actor: Actor, siteId: number): number[] | 'all' {
  if (isPlatformAdmin(actor)) return 'all';
  if (actor.kind !== 'person') return [];
  return actor.grants.filter((g) => g.siteId === siteId && g.role === 'agency_responder' && g.unitId).map((g) => g.unitId!);
}

export class HandlingService {
  readonly #d: HandlingDeps;
  readonly #clock: InquiryClock;

  constructor(deps: HandlingDeps) {
    this.#d = deps;
    this.#clock = new InquiryClock(deps.deadlines);
  }

  /** Who may see a request and its personal data: the board of its site, and its agency's responders. */
  async canHandle(actor: Actor, row: repo.InquiryRow): Promise<'board' | 'agency' | false> {
    if (can(actor, 'inquiries.intake', row.site_id)) return 'board';
    if (row.agency_id !== null && can(actor, 'inquiries.answer', row.site_id)) {
      const agency = await repo.agencyById(this.#d.db, row.agency_id);
      const units = unitsOf(actor, row.site_id);
      if (agency && (units === 'all' || units.includes(agency.unit_id))) return 'agency';
    }
    return false;
  }

  async #answersFor(actor: Actor, row: repo.InquiryRow): Promise<boolean> {
    if (row.agency_id === null || !can(actor, 'inquiries.answer', row.site_id)) return false;
    const agency = await repo.agencyById(this.#d.db, row.agency_id);
    const units = unitsOf(actor, row.site_id);
    return Boolean(agency && (units === 'all' || units.includes(agency.unit_id)));
  }

  /**
   * One request with its personal data, for an officer who handles it; the view is recorded in
   * the audit log (whose personal data was seen, by whom, when).
   */
  async open(actor: Actor, id: number): Promise<{ row: repo.InquiryRow; role: 'board' | 'agency' }> {
    const row = await repo.byId(this.#d.db, id);
    if (!row) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.');
    const role = await this.canHandle(actor, row);
    if (!role) throw new Forbidden('access.denied', 'Not allowed: inquiry', { messageKey: 'error.body.403' });
    if (!row.personal_erased_at) {
      await withTx(this.#d.db, (tx) =>
        audited(tx, actor, 'inquiry.personal_data_viewed', { type: 'inquiry', id: row.id, siteId: row.site_id }, { code: row.code }),
      );
    }
    return { row, role };
  }

  /**
   * Everything a request's page shows, for an officer who handles it (opening it is recorded,
   * as `open` does): its files, history, deadlines, the site's agencies, likely duplicates while
   * the board may still merge it.
   */
  async page(actor: Actor, id: number) {
    const { row, role } = await this.open(actor, id);
    const [agencies, attachments, events, deadlines, duplicates, answerReview] = await Promise.all([
      repo.agencies(this.#d.db, row.site_id, false),
      repo.attachmentsOf(this.#d.db, row.id),
      repo.eventsOf(this.#d.db, row.id, false),
      this.#clock.of(this.#d.db, row.id),
      role === 'board' && (row.status === 'received' || row.status === 'needs_info') ? this.duplicates(actor, row) : Promise.resolve([]),
      repo.answerReview(this.#d.db, row.site_id),
    ]);
    return { row, role, agencies, attachments, events, deadlines, duplicates, answerReview };
  }

  /** A file of a request with its bytes, for an officer who handles it (recorded like opening the page). */
  async file(actor: Actor, id: number, attachmentId: number): Promise<{ file: repo.AttachmentRow; data: Buffer } | undefined> {
    const { row } = await this.open(actor, id);
    const file = (await repo.attachmentsOf(this.#d.db, row.id)).find((a) => a.id === attachmentId);
    const data = file ? await this.#d.storage.get(file.storage_key) : undefined;
    return file && data ? { file, data } : undefined;
  }

  /** Runs `work` on the locked request after checking who may act and at which stage. */
  async #act<T>(
    actor: Actor,
    id: number,
    who: 'board' | 'agency',
    stages: ReadonlySet<string>,
    work: (tx: Tx, row: repo.InquiryRow, now: Date) => Promise<T>,
  ): Promise<T> {
    const before = await repo.byId(this.#d.db, id);
    if (!before) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.');
    if (who === 'board') authorize(actor, 'inquiries.intake', before.site_id);
    // QA-5: the competent agency answers; the board reviews and releases but does not write the answer.
    else if (!(await this.#answersFor(actor, before))) throw new Forbidden('access.denied', 'Not allowed: inquiry', { messageKey: 'error.body.403' });
    return withTx(this.#d.db, async (tx) => {
      const row = await repo.lockById(tx, id);
      if (!row) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.');
      if (!stages.has(row.status)) throw wrongStage(row.status);
      if (row.agency_id !== before.agency_id) throw wrongStage(row.status);
      return work(tx, row, new Date());
    });
  }

  async #event(tx: Tx, actor: Actor, row: repo.InquiryRow, kind: string, note: string, isPublic = true, at = new Date()): Promise<void> {
    await repo.insertEvent(tx, { inquiry_id: row.id, at, kind, actor_id: actorId(actor), actor_label: actorLabel(actor), public: isPublic, note });
    await audited(
      tx,
      actor,
      `inquiry.${kind}`,
      { type: 'inquiry', id: row.id, siteId: row.site_id },
      { code: row.code, ...(note ? { note: note.slice(0, 300) } : {}) },
    );
  }

  async #notify(tx: Tx, row: repo.InquiryRow, notice: Notice, statusUrl: string): Promise<void> {
    await notifyCitizen(tx, row, notice, statusUrl);
  }

  async #agency(siteId: number, agencyId: unknown): Promise<repo.AgencyRow> {
    const id = Number(agencyId);
    const agency = Number.isSafeInteger(id) ? await repo.agencyById(this.#d.db, id) : undefined;
    if (!agency || agency.site_id !== siteId || !agency.active) throw problem('agency', 'Chọn cơ quan có thẩm quyền trong danh sách.');
    return agency;
  }

  // ——— The board's intake ———

  async classify(actor: Actor, id: number, input: { kind: string; field: string }): Promise<void> {
    if (!isKind(input.kind)) throw problem('kind', 'Chọn loại yêu cầu.');
    if (!isField(input.field)) throw problem('field', 'Chọn lĩnh vực.');
    // A hotline call is forwarded at once: the board may still correct its kind and field.
    await this.#act(actor, id, 'board', new Set([...INTAKE_STAGES, ...AGENCY_STAGES]), async (tx, row) => {
      await repo.updateInquiry(tx, row.id, { kind: input.kind as repo.InquiryRow['kind'], field: input.field });
      await this.#event(tx, actor, row, 'classified', `${input.kind} / ${input.field}`, false);
    });
  }

  async requestInformation(actor: Actor, id: number, message: unknown): Promise<void> {
    const note = text(message, 'message', 'Nội dung đề nghị bổ sung', REASON);
    const row0 = await repo.byId(this.#d.db, id);
    const url = row0 ? await this.#d.statusUrl(row0.site_id, langOf(row0.lang)) : '';
    await this.#act(actor, id, 'board', new Set(['received']), async (tx, row) => {
      await repo.updateInquiry(tx, row.id, { status: 'needs_info', status_note: note });
      await this.#event(tx, actor, row, 'info_requested', note);
      await this.#notify(tx, row, { kind: 'info_requested', message: note }, url);
    });
  }

  /** QA-3: the citizen is told the same working day; the deadline records whether that held. */
  async declareOutOfScope(actor: Actor, id: number, reason: unknown): Promise<void> {
    const note = text(reason, 'reason', 'Lý do', REASON);
    const url = await this.#urlFor(id);
    await this.#act(actor, id, 'board', INTAKE_STAGES, async (tx, row, now) => {
      await repo.updateInquiry(tx, row.id, { status: 'out_of_scope', status_note: note, closed_at: now });
      await this.#clock.outOfScope(tx, this.#c(row), now);
      await this.#event(tx, actor, row, 'out_of_scope', note, true, now);
      await this.#notify(tx, row, { kind: 'out_of_scope', reason: note }, url);
    });
  }

  /** QA-2: to the competent agency of the site, within 2 working days of receipt. */
  async forward(actor: Actor, id: number, input: { agencyId: unknown; note?: unknown }): Promise<void> {
    const before = await repo.byId(this.#d.db, id);
    if (!before) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.');
    const agency = await this.#agency(before.site_id, input.agencyId);
    const note = cleanText(typeof input.note === 'string' ? input.note : '').slice(0, REASON.max);
    const url = await this.#urlFor(id);
    const responders = await this.#d.respondersOf(before.site_id, agency.unit_id);
    const link = await this.#d.adminUrl(before.site_id, id);
    await this.#act(actor, id, 'board', INTAKE_STAGES, async (tx, row, now) => {
      await repo.updateInquiry(tx, row.id, { status: 'forwarded', agency_id: agency.id, status_note: note });
      await this.#clock.forwarded(tx, this.#c(row), agency.name, now);
      await this.#event(tx, actor, row, 'forwarded', agency.name, true, now);
      if (note)
        await repo.insertEvent(tx, {
          inquiry_id: row.id,
          at: now,
          kind: 'note',
          actor_id: actorId(actor),
          actor_label: actorLabel(actor),
          public: false,
          note,
        });
      await this.#notify(tx, row, { kind: 'forwarded', agency: agency.name }, url);
      for (const r of responders) {
        await queueMail(tx, {
          to: r.email,
          subject: `[${row.code}] Yêu cầu mới chuyển đến ${agency.name}`.slice(0, 200),
          text: `Kính gửi ${r.name},\n\nBan Biên tập đã chuyển đến ${agency.name} yêu cầu «${row.title.slice(0, 150)}» để trả lời.${note ? `\n\nGhi chú: ${note}` : ''}\n\n${link}\n\n— Cổng`,
        });
      }
    });
  }

  /** QA-7: complaints and denunciations go to the body competent under their own laws. */
  async transfer(actor: Actor, id: number, input: { body: unknown; note?: unknown }): Promise<void> {
    const body = text(input.body, 'body', 'Tên cơ quan có thẩm quyền giải quyết', { min: 3, max: 300 });
    const note = cleanText(typeof input.note === 'string' ? input.note : '').slice(0, REASON.max);
    const url = await this.#urlFor(id);
    await this.#act(actor, id, 'board', INTAKE_STAGES, async (tx, row, now) => {
      if (!FORWARD_TO_COMPETENT_BODY.has(row.kind) && row.kind !== 'petition')
        throw problem('body', 'Chỉ khiếu nại, tố cáo, kiến nghị mới chuyển ra cơ quan ngoài; câu hỏi, góp ý hãy chuyển cơ quan trả lời của trang.');
      await repo.updateInquiry(tx, row.id, { status: 'transferred', transferred_to: body, status_note: note, closed_at: now });
      await this.#clock.closedWithoutAnswer(tx, this.#c(row), now);
      await this.#event(tx, actor, row, 'transferred', body, true, now);
      await this.#notify(tx, row, { kind: 'transferred', body, note }, url);
    });
  }

  /** A duplicate joins an earlier request: its citizen gets that request's answer. */
  async merge(actor: Actor, id: number, intoId: unknown): Promise<void> {
    const target = await repo.byId(this.#d.db, Number(intoId));
    const url = await this.#urlFor(id);
    await this.#act(actor, id, 'board', INTAKE_STAGES, async (tx, row, now) => {
      if (!target || target.site_id !== row.site_id || target.id === row.id) throw problem('into', 'Chọn yêu cầu cùng nội dung của trang này để gộp.');
      const into = await repo.byId(tx, target.id);
      if (!into || into.status === 'merged' || into.status === 'out_of_scope' || into.status === 'transferred')
        throw problem('into', 'Không gộp được vào yêu cầu đã gộp, đã chuyển hay không thuộc thẩm quyền.');
      const answered = into.status === 'answered';
      await repo.updateInquiry(tx, row.id, {
        status: answered ? 'answered' : 'merged',
        merged_into: into.id,
        closed_at: answered ? now : null,
        ...(answered ? { answer_html: into.answer_html, answered_at: now } : {}),
      });
      if (answered) await this.#clock.answered(tx, this.#c(row), now);
      else await this.#clock.closedWithoutAnswer(tx, this.#c(row), now);
      await this.#event(tx, actor, row, 'merged', into.code, true, now);
      await this.#notify(tx, row, answered ? { kind: 'answered', answerHtml: into.answer_html } : { kind: 'merged', intoCode: into.code }, url);
    });
  }

  // ——— The agency ———

  /** Saves the agency's draft answer (sanitised once, here) without sending it. */
  async saveDraft(actor: Actor, id: number, answerHtml: unknown): Promise<void> {
    const html = await this.#answer(answerHtml, false);
    await this.#act(actor, id, 'agency', AGENCY_STAGES, async (tx, row) => {
      await repo.updateInquiry(tx, row.id, { answer_html: html, answer_by: actorId(actor) });
      await this.#event(tx, actor, row, 'draft_saved', '', false);
    });
  }

  /**
   * The agency's answer: to the board for review where the site says so (QA-5: the board
   * publishes), else straight to the citizen.
   */
  async submitAnswer(actor: Actor, id: number, answerHtml: unknown): Promise<'review' | 'answered'> {
    const html = await this.#answer(answerHtml, true);
    const before = await repo.byId(this.#d.db, id);
    if (!before) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.');
    const review = await repo.answerReview(this.#d.db, before.site_id);
    const board = review ? await this.#d.accountsWithRoles(before.site_id, ['board_head', 'board_deputy', 'board_member']) : [];
    const link = await this.#d.adminUrl(before.site_id, id);
    const url = await this.#urlFor(id);
    const merged = review ? [] : await repo.mergedInto(this.#d.db, id);
    return this.#act(actor, id, 'agency', AGENCY_STAGES, async (tx, row, now) => {
      await repo.updateInquiry(tx, row.id, { answer_html: html, answer_by: actorId(actor) });
      if (review) {
        await repo.updateInquiry(tx, row.id, { status: 'answer_review' });
        await this.#event(tx, actor, row, 'answer_submitted', '', true, now);
        for (const b of board)
          await queueMail(tx, {
            to: b.email,
            subject: `[${row.code}] Câu trả lời chờ duyệt`.slice(0, 200),
            text: `Kính gửi ${b.name},\n\nCâu trả lời yêu cầu «${row.title.slice(0, 150)}» đang chờ Ban Biên tập duyệt.\n\n${link}\n\n— Cổng`,
          });
        return 'review';
      }
      await this.#release(tx, actor, { ...row, answer_html: html }, now, url, merged);
      return 'answered';
    });
  }

  /** The board approves the answer: it goes to the citizen (and to those whose requests were merged in). */
  async approveAnswer(actor: Actor, id: number): Promise<void> {
    const url = await this.#urlFor(id);
    const merged = await repo.mergedInto(this.#d.db, id);
    await this.#act(actor, id, 'board', new Set(['answer_review']), async (tx, row, now) => {
      await this.#release(tx, actor, row, now, url, merged);
    });
  }

  async returnAnswer(actor: Actor, id: number, note: unknown): Promise<void> {
    const reason = text(note, 'note', 'Ý kiến của Ban Biên tập', REASON);
    const before = await repo.byId(this.#d.db, id);
    const agency = before?.agency_id ? await repo.agencyById(this.#d.db, before.agency_id) : undefined;
    const responders = before && agency ? await this.#d.respondersOf(before.site_id, agency.unit_id) : [];
    const link = before ? await this.#d.adminUrl(before.site_id, id) : '';
    await this.#act(actor, id, 'board', new Set(['answer_review']), async (tx, row, now) => {
      await repo.updateInquiry(tx, row.id, { status: row.promised_at ? 'progress' : 'forwarded' });
      await this.#event(tx, actor, row, 'answer_returned', reason, false, now);
      for (const r of responders)
        await queueMail(tx, {
          to: r.email,
          subject: `[${row.code}] Dự thảo trả lời cần sửa`.slice(0, 200),
          text: `Kính gửi ${r.name},\n\nBan Biên tập trả lại dự thảo trả lời yêu cầu «${row.title.slice(0, 150)}»:\n\n${reason}\n\n${link}\n\n— Cổng`,
        });
    });
  }

  async #release(tx: Tx, actor: Actor, row: repo.InquiryRow, now: Date, url: string, merged: readonly repo.InquiryRow[]): Promise<void> {
    await repo.updateInquiry(tx, row.id, { status: 'answered', answered_at: now, closed_at: now });
    await this.#clock.answered(tx, this.#c(row), now);
    await this.#event(tx, actor, row, 'answered', '', true, now);
    await this.#notify(tx, row, { kind: 'answered', answerHtml: row.answer_html }, url);
    for (const m of merged.filter((x) => x.status === 'merged')) {
      await repo.updateInquiry(tx, m.id, { status: 'answered', answer_html: row.answer_html, answered_at: now, closed_at: m.closed_at ?? now });
      await repo.insertEvent(tx, { inquiry_id: m.id, at: now, kind: 'answered', actor_id: actorId(actor), actor_label: actorLabel(actor), note: row.code });
      await this.#notify(tx, m, { kind: 'answered', answerHtml: row.answer_html }, url);
    }
  }

  /** QA-4: not ready within 15 working days — tell the citizen why and when the answer will come. */
  async progressNotice(actor: Actor, id: number, input: { text: unknown; promisedDate: unknown }): Promise<void> {
    const note = text(input.text, 'text', 'Nội dung thông báo tiến độ', REASON);
    const day = String(input.promisedDate ?? '').trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(day);
    const iso = m ? (m[1]!.length === 4 ? `${m[1]}-${m[2]}-${m[3]}` : `${m[3]}-${m[2]}-${m[1]}`) : '';
    // The promised day ends at the end of office hours in Việt Nam.
    const promised = iso ? new Date(`${iso}T17:00:00+07:00`) : new Date(NaN);
    if (Number.isNaN(promised.getTime()) || promised.getTime() <= Date.now())
      throw problem('promisedDate', 'Ngày hẹn trả lời phải là một ngày sau hôm nay (dd/mm/yyyy).');
    if (promised.getTime() > Date.now() + 366 * 86_400_000) throw problem('promisedDate', 'Ngày hẹn trả lời không quá một năm.');
    const url = await this.#urlFor(id);
    await this.#act(actor, id, 'agency', AGENCY_STAGES, async (tx, row, now) => {
      const agency = row.agency_id ? await repo.agencyById(tx, row.agency_id) : undefined;
      await repo.updateInquiry(tx, row.id, { status: 'progress', progress_text: note, promised_at: promised });
      await this.#clock.progress(tx, this.#c(row), agency?.name ?? '', now, promised);
      await this.#event(tx, actor, row, 'progress', note, true, now);
      await this.#notify(tx, row, { kind: 'progress', text: note, promised }, url);
    });
  }

  async addAnswerFiles(actor: Actor, id: number, files: readonly IncomingFile[], lang: Lang): Promise<void> {
    const checked = await checkFiles(files, ANSWER_FILES, lang);
    if (checked.problems.length)
      throw new Invalid('inquiry.files', checked.problems.join(' '), { details: checked.problems.map((message) => ({ field: 'files', message })) });
    const existing = await repo.attachmentsOf(this.#d.db, id);
    if (existing.filter((a) => a.role === 'answer').length + checked.ok.length > ANSWER_FILES.maxFiles)
      throw problem('files', `Câu trả lời có tối đa ${ANSWER_FILES.maxFiles} tệp.`);
    const stored = await storeFiles(this.#d.storage, checked.ok);
    try {
      await this.#act(actor, id, 'agency', AGENCY_STAGES, async (tx, row) => {
        for (const s of stored)
          await repo.insertAttachment(tx, {
            inquiry_id: row.id,
            role: 'answer',
            storage_key: s.key,
            filename: s.file.filename,
            mime: s.file.mime,
            size: s.file.data.length,
          });
        await this.#event(tx, actor, row, 'answer_file_added', stored.map((s) => s.file.filename).join(', '), false);
      });
    } catch (err) {
      await removeFiles(
        this.#d.storage,
        stored.map((s) => s.key),
      );
      throw err;
    }
  }

  async removeAnswerFile(actor: Actor, id: number, attachmentId: number): Promise<void> {
    let key = '';
    await this.#act(actor, id, 'agency', AGENCY_STAGES, async (tx, row) => {
      const att = await repo.attachmentById(tx, attachmentId);
      if (!att || att.inquiry_id !== row.id || att.role !== 'answer') throw new NotFound('inquiry.attachment_not_found', 'Không có tệp này.');
      await repo.deleteAttachment(tx, att.id);
      key = att.storage_key;
      await this.#event(tx, actor, row, 'answer_file_removed', att.filename, false);
    });
    if (key) await removeFiles(this.#d.storage, [key]);
  }

  async #answer(value: unknown, final: boolean): Promise<string> {
    const html = await sanitizeRichText(typeof value === 'string' ? value.slice(0, ANSWER.max * 4) : '');
    const plain = htmlToText(html).trim();
    if (final ? plain.length < ANSWER.min : plain.length === 0) throw problem('answer', `Câu trả lời cần ít nhất ${final ? ANSWER.min : 1} ký tự.`);
    if (html.length > ANSWER.max * 4 || plain.length > ANSWER.max) throw problem('answer', `Câu trả lời tối đa ${ANSWER.max} ký tự.`);
    return html;
  }

  #c(row: repo.InquiryRow) {
    return { siteId: row.site_id, inquiryId: row.id, receivedAt: new Date(row.received_at) };
  }

  async #urlFor(id: number): Promise<string> {
    const row = await repo.byId(this.#d.db, id);
    return row ? this.#d.statusUrl(row.site_id, langOf(row.lang)) : '';
  }

  // ——— Lists for the consoles ———

  /** The board's sites and the agencies' requests this actor may list. */
  scopeOf(actor: Actor, siteId: number): { board: boolean; units: number[] | 'all' } {
    return { board: can(actor, 'inquiries.intake', siteId), units: can(actor, 'inquiries.answer', siteId) ? unitsOf(actor, siteId) : [] };
  }

  async list(actor: Actor, siteId: number, filter: Omit<repo.ListFilter, 'siteIds' | 'agencyIds'>): Promise<{ rows: repo.ListedInquiry[]; total: number }> {
    const scope = this.scopeOf(actor, siteId);
    // The board, and an overseer (read only: every action on a request is refused to them).
    if (scope.board || this.#overseen(actor, siteId)) return repo.list(this.#d.db, { ...filter, siteIds: [siteId] });
    if (scope.units !== 'all' && scope.units.length === 0) throw new Forbidden('access.denied', 'Not allowed: inquiries', { messageKey: 'error.body.403' });
    const agencyIds = await this.#agencyIds(siteId, scope.units);
    return repo.list(this.#d.db, { ...filter, siteIds: [siteId], agencyIds });
  }

  async counts(actor: Actor, siteId: number): Promise<Map<string, number>> {
    const scope = this.scopeOf(actor, siteId);
    if (scope.board || this.#overseen(actor, siteId)) return repo.countsByStatus(this.#d.db, [siteId]);
    if (scope.units !== 'all' && scope.units.length === 0) return new Map();
    return repo.countsByStatus(this.#d.db, [siteId], await this.#agencyIds(siteId, scope.units));
  }

  /** An overseer of the site who holds no role there: reads its requests, and nothing else. */
  #overseen(actor: Actor, siteId: number): boolean {
    return !can(actor, 'inquiries.answer', siteId) && can(actor, 'oversight.inquiries', siteId);
  }

  /** For the oversight dashboard: requests still open (not answered or closed) and those past a deadline. */
  async oversightFigures(actor: Actor, siteId: number, now = new Date()): Promise<{ open: number; overdue: number }> {
    authorizeAny(actor, ['inquiries.intake', 'oversight.inquiries'], siteId);
    const counts = await repo.countsByStatus(this.#d.db, [siteId]);
    const open = ['received', 'needs_info', 'forwarded', 'progress', 'answer_review'].reduce((n, status) => n + (counts.get(status) ?? 0), 0);
    const overdue = await repo.list(this.#d.db, { siteIds: [siteId], dueBefore: now, limit: 1, offset: 0 });
    return { open, overdue: overdue.total };
  }

  async #agencyIds(siteId: number, units: number[] | 'all'): Promise<number[]> {
    const all = await repo.agencies(this.#d.db, siteId, false);
    return all.filter((a) => units === 'all' || units.includes(a.unit_id)).map((a) => a.id);
  }

  /** Earlier requests that look like the same matter (for the board only). */
  async duplicates(actor: Actor, row: repo.InquiryRow): Promise<(repo.ListedInquiry & { score: number })[]> {
    if (!can(actor, 'inquiries.intake', row.site_id)) return [];
    return repo.likelyDuplicates(this.#d.db, row);
  }

  history(row: repo.InquiryRow): Promise<repo.EventRow[]> {
    return repo.eventsOf(this.#d.db, row.id, false);
  }

  attachments(row: repo.InquiryRow): Promise<repo.AttachmentRow[]> {
    return repo.attachmentsOf(this.#d.db, row.id);
  }

  deadlines(row: repo.InquiryRow) {
    return this.#clock.of(this.#d.db, row.id);
  }

  /** The sites where the actor has an inquiry console. */
  consoleSites(actor: Actor): number[] | 'all' {
    const a = sitesWhere(actor, 'inquiries.intake');
    const b = sitesWhere(actor, 'inquiries.answer');
    if (a === 'all' || b === 'all') return 'all';
    return [...new Set([...a, ...b])];
  }

  isClosed(row: repo.InquiryRow): boolean {
    return CLOSED.has(row.status as InquiryStatus);
  }
}
