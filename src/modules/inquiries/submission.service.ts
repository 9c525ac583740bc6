/**
 * The citizen's side (QA-1): sending a request through any channel, following it with the
 * tracking code and the contact given, and adding information the agency asked for.
 *
 * A request is acknowledged only after its transaction committed, and a repeated submission
 * (double click, a network retry, the API's Idempotency-Key) finds the request the first one
 * created instead of creating another.
 */
import { createHash } from 'node:crypto';
import { withTx, type Db, type DbOrTx, type Tx } from '../../platform/db/create-db.ts';
import type { InquiryChannel, InquiryKind } from '../../platform/db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { cleanText } from '../../platform/text/index.ts';
import type { Storage } from '../../platform/storage/index.ts';
import type { DeadlineService } from '../calendar/index.ts';
import { contactMatches, normaliseEmail, normalisePhone } from './contact.ts';
import { CITIZEN_FILES, checkFiles, removeFiles, storeFiles, type IncomingFile } from './inquiry-files.ts';
import { InquiryClock } from './inquiry-deadlines.ts';
import { citizenMessage, notifyCitizen } from './inquiry-mail.ts';
import { queueMailFor } from '../../platform/mail/index.ts';
import { isField, isKind } from './inquiry-types.ts';
import { t } from './messages.ts';
import * as repo from './inquiries.repo.ts';
import { newTrackingCode, normaliseTrackingCode } from './tracking-code.ts';
import { fileToken, fileTokenValid } from './file-tokens.ts';
import { presentStatus, type PublicStatus } from './present/status.present.ts';

export const LIMITS = { title: [5, 300], body: [10, 10_000], name: [2, 100], address: [0, 300], info: [2, 5_000] } as const;

export interface SubmissionInput {
  siteId: number;
  channel: InquiryChannel;
  kind: string;
  field: string;
  agencyId?: number | null;
  title: string;
  body: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  consentPrivacy: boolean;
  consentPublish: boolean;
  /** The form's one-time submission key, or the API's Idempotency-Key. */
  idempotencyKey?: string;
  files?: readonly IncomingFile[];
  lang: Lang;
  /** The status page's address, for the citizen's mail. */
  statusUrl: string;
}

/** A private file that may be downloaded, as the store keeps it. */
export type DownloadableFile = Pick<repo.AttachmentRow, 'storage_key' | 'filename' | 'mime' | 'size'>;

export interface Submitted {
  row: repo.InquiryRow;
  /** True when this was a repeat of a submission already recorded. */
  replayed: boolean;
  answerDue: Date | undefined;
}

/** Where a channel's contact details may be left out: a caller to the hotline need not give any. */
const ANONYMOUS_CHANNELS: ReadonlySet<InquiryChannel> = new Set(['hotline', 'letter', 'in_person']);

// Control characters other than tab and line breaks have no place in a letter to an agency.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

interface Clean {
  kind: InquiryKind;
  field: string;
  agencyId: number | null;
  title: string;
  body: string;
  name: string;
  email: string;
  phone: string;
  address: string;
}

/** Checks and normalises a submission; every problem at once, per field, in the visitor's language. */
export async function validateSubmission(db: DbOrTx, input: SubmissionInput): Promise<{ clean: Clean; problems: FieldProblem[] }> {
  const L = input.lang;
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const text = (v: unknown) => (typeof v === 'string' ? cleanText(v) : '');
  const title = text(input.title).replace(/\s+/g, ' ');
  const body = text(input.body).replace(/\r\n?/g, '\n');
  const name = text(input.name).replace(/\s+/g, ' ');
  const address = text(input.address).replace(/\s+/g, ' ');
  const rawEmail = text(input.email);
  const rawPhone = text(input.phone);
  if (!isKind(String(input.kind))) add('kind', t(L, 'submit.kind'));
  if (!isField(String(input.field))) add('field', t(L, 'submit.field'));
  if (title.length < LIMITS.title[0] || title.length > LIMITS.title[1]) add('title', t(L, 'submit.title', { min: LIMITS.title[0], max: LIMITS.title[1] }));
  if (body.length < LIMITS.body[0] || body.length > LIMITS.body[1]) add('body', t(L, 'submit.body', { min: LIMITS.body[0], max: LIMITS.body[1] }));
  for (const [k, v] of Object.entries({ title, body, name, address })) if (CONTROL.test(v)) add(k, t(L, 'submit.control'));
  const anonymous = ANONYMOUS_CHANNELS.has(input.channel);
  if (!(anonymous && name === '') && (name.length < LIMITS.name[0] || name.length > LIMITS.name[1])) add('name', t(L, 'submit.name'));
  if (address.length > LIMITS.address[1]) add('address', t(L, 'submit.address', { max: LIMITS.address[1] }));
  const email = rawEmail ? normaliseEmail(rawEmail) : '';
  const phone = rawPhone ? normalisePhone(rawPhone) : '';
  if (email === undefined) add('email', t(L, 'submit.email'));
  if (phone === undefined) add('phone', t(L, 'submit.phone'));
  if (!anonymous && !rawEmail && !rawPhone) add('email', t(L, 'submit.contact'));
  if (!input.consentPrivacy && !anonymous) add('consentPrivacy', t(L, 'submit.consent'));
  let agencyId: number | null = null;
  if (input.agencyId !== undefined && input.agencyId !== null) {
    const agency = Number.isSafeInteger(input.agencyId) ? await repo.agencyById(db, input.agencyId) : undefined;
    if (!agency || agency.site_id !== input.siteId || !agency.active) add('agency', t(L, 'submit.agency'));
    else agencyId = agency.id;
  }
  return {
    clean: { kind: input.kind as InquiryKind, field: input.field, agencyId, title, body, name, email: email ?? '', phone: phone ?? '', address },
    problems,
  };
}

/** What makes two submissions "the same": a repeated key with different content is refused. */
function requestHash(c: Clean): string {
  return createHash('sha256')
    .update(JSON.stringify([c.kind, c.field, c.agencyId, c.title, c.body, c.name, c.email, c.phone, c.address]))
    .digest('base64url');
}

export class SubmissionService {
  readonly #db: Db;
  readonly #storage: Storage;
  readonly #clock: InquiryClock;
  readonly #deadlines: DeadlineService;

  constructor(db: Db, storage: Storage, deadlines: DeadlineService) {
    this.#db = db;
    this.#storage = storage;
    this.#deadlines = deadlines;
    this.#clock = new InquiryClock(deadlines);
  }

  /** What is wrong with a submission, every problem at once (nothing is recorded). */
  async problems(input: SubmissionInput): Promise<FieldProblem[]> {
    return (await validateSubmission(this.#db, input)).problems;
  }

  /**
   * Records a request from the web form or the API (or, with `extra`, one an officer logs).
   * Throws Invalid with every problem; nothing is stored then.
   */
  async submit(
    input: SubmissionInput,
    extra: { loggedBy?: number | null; forwardTo?: { agencyId: number; agencyName: string }; inTx?: (tx: Tx, row: repo.InquiryRow) => Promise<void> } = {},
  ): Promise<Submitted> {
    const { clean, problems } = await validateSubmission(this.#db, input);
    const checked = await checkFiles(input.files ?? [], CITIZEN_FILES, input.lang);
    for (const message of checked.problems) problems.push({ field: 'files', message });
    if (problems.length > 0) throw new Invalid('inquiry.invalid', problems.map((p) => p.message).join(' '), { details: problems });
    const key = input.idempotencyKey ? cleanText(input.idempotencyKey).slice(0, 200) : null;
    const hash = requestHash(clean);

    // A repeat is found by the insert itself (on conflict do nothing): no read before it.
    const values = (now: Date) => ({
      site_id: input.siteId,
      code: newTrackingCode(),
      channel: input.channel,
      kind: clean.kind,
      field: clean.field,
      requested_agency_id: clean.agencyId,
      title: clean.title,
      body: clean.body,
      name: clean.name,
      email: clean.email,
      phone: clean.phone,
      address: clean.address,
      consent_publish: Boolean(input.consentPublish),
      lang: input.lang,
      logged_by: extra.loggedBy ?? null,
      idempotency_key: key,
      request_hash: hash,
      received_at: now,
      ...(extra.forwardTo ? { status: 'forwarded', agency_id: extra.forwardTo.agencyId } : {}),
    });

    // The common case — a citizen's request with no files — is one statement: one round trip and
    // one commit, which is what lets an intake take hundreds of requests a second.
    if (checked.ok.length === 0 && !extra.forwardTo && !extra.inTx && !extra.loggedBy) {
      const now = new Date();
      const row = values(now);
      const deadlines = await this.#clock.prepareStart(this.#db, { siteId: input.siteId, receivedAt: now });
      const answerDue = deadlines.dues[1];
      const message = citizenMessage({ ...row, name: clean.name }, { kind: 'received', answerDue }, input.statusUrl);
      const inserted = await repo.insertReceived(this.#db, row, { at: now, actorId: null }, (request) => [
        ...deadlines.insertsFor(request),
        ...(message ? [queueMailFor(message, request)] : []),
      ]);
      if (inserted) return { row: inserted, replayed: false, answerDue };
      const earlier = await repo.byIdempotencyKey(this.#db, input.siteId, key!);
      if (!earlier) throw new Error('inquiry: idempotency key conflict without a row');
      return this.#replay(earlier, hash);
    }

    const stored = await storeFiles(this.#storage, checked.ok);
    try {
      const result = await withTx(this.#db, async (tx) => {
        const now = new Date();
        const row = await repo.insertReceived(tx, values(now), { at: now, actorId: extra.loggedBy ?? null });
        // Another submission with the same key committed first: this one is its repeat.
        if (!row) return undefined;
        for (const s of stored)
          await repo.insertAttachment(tx, {
            inquiry_id: row.id,
            role: 'citizen',
            storage_key: s.key,
            filename: s.file.filename,
            mime: s.file.mime,
            size: s.file.data.length,
          });
        const clock = { siteId: input.siteId, inquiryId: row.id, receivedAt: now };
        const answerDue = await this.#clock.start(tx, clock, extra.forwardTo?.agencyName ?? '');
        if (extra.forwardTo) {
          await this.#clock.forwarded(tx, clock, extra.forwardTo.agencyName, now);
          await repo.insertEvent(tx, { inquiry_id: row.id, at: now, kind: 'forwarded', actor_id: extra.loggedBy ?? null, note: extra.forwardTo.agencyName });
        }
        if (extra.inTx) await extra.inTx(tx, row);
        await notifyCitizen(tx, row, { kind: 'received', answerDue }, input.statusUrl);
        return { row, replayed: false, answerDue };
      });
      if (result) return result;
      await removeFiles(
        this.#storage,
        stored.map((s) => s.key),
      );
      const earlier = await repo.byIdempotencyKey(this.#db, input.siteId, key!);
      if (!earlier) throw new Error('inquiry: idempotency key conflict without a row');
      return this.#replay(earlier, hash);
    } catch (err) {
      await removeFiles(
        this.#storage,
        stored.map((s) => s.key),
      );
      throw err;
    }
  }

  async #replay(earlier: repo.InquiryRow, hash: string): Promise<Submitted> {
    if (earlier.request_hash !== hash) {
      throw new Conflict('inquiry.idempotency_mismatch', 'Mã chống gửi trùng (Idempotency-Key) đã được dùng cho một yêu cầu khác.', {
        details: [{ field: 'idempotencyKey', message: 'Mã chống gửi trùng đã được dùng cho một yêu cầu có nội dung khác.' }],
      });
    }
    const answerDue = (await this.#deadlines.ofSubject(this.#db, 'inquiry_answer', earlier.id))[0]?.due_at;
    return { row: earlier, replayed: true, answerDue: answerDue ? new Date(answerDue) : undefined };
  }

  /**
   * The request a code and contact pair names, if any. An unknown code and a wrong contact are
   * alike (undefined), so the pair cannot be used to learn which codes exist.
   */
  async lookup(code: string, contact: string): Promise<repo.InquiryRow | undefined> {
    const canonical = normaliseTrackingCode(String(code ?? ''));
    const row = canonical ? await repo.byCode(this.#db, canonical) : undefined;
    if (!row || row.personal_erased_at || !contactMatches({ email: row.email, phone: row.phone }, String(contact ?? ''))) return undefined;
    return row;
  }

  /** `lookup`, or the same NotFound for an unknown code and a wrong contact. */
  async find(code: string, contact: string): Promise<repo.InquiryRow> {
    const row = await this.lookup(code, contact);
    if (!row) throw new NotFound('inquiry.not_found', 'Không tìm thấy yêu cầu với mã và thông tin liên hệ này.');
    return row;
  }

  /**
   * A file of the answer to the request `code` of `siteId`, to whoever holds the code and the
   * file's token (the status page's links); nothing else — above all not the citizen's own files.
   */
  async answerFile(siteId: number, code: string, attachmentId: number, token: string): Promise<DownloadableFile | undefined> {
    const canonical = normaliseTrackingCode(code);
    if (!canonical || !(await fileTokenValid(this.#db, canonical, attachmentId, token))) return undefined;
    const att = await repo.attachmentById(this.#db, attachmentId);
    if (att?.role !== 'answer') return undefined;
    const row = await repo.byId(this.#db, att.inquiry_id);
    if (!row || row.code !== canonical || row.site_id !== siteId || row.status !== 'answered') return undefined;
    return att;
  }

  /** What the citizen sees of a request found with `lookup` (never anyone's personal data). */
  async status(row: repo.InquiryRow, lang: Lang): Promise<PublicStatus> {
    const [events, files, answerDue, promised, agency, into] = await Promise.all([
      repo.eventsOf(this.#db, row.id, true),
      row.status === 'answered' ? repo.attachmentsOf(this.#db, row.id) : Promise.resolve([]),
      this.#deadlines.ofSubject(this.#db, 'inquiry_answer', row.id),
      this.#deadlines.ofSubject(this.#db, 'inquiry_promised', row.id),
      row.agency_id ? repo.agencyById(this.#db, row.agency_id) : Promise.resolve(undefined),
      row.merged_into ? repo.byId(this.#db, row.merged_into) : Promise.resolve(undefined),
    ]);
    const answerFiles = await Promise.all(
      files.filter((f) => f.role === 'answer').map(async (f) => ({ ...f, token: await fileToken(this.#db, row.code, f.id) })),
    );
    return presentStatus(lang, {
      row,
      events,
      answerFiles,
      deadlines: [...answerDue, ...promised],
      agencyName: agency?.name,
      mergedIntoCode: into?.code,
    });
  }

  /** The citizen adds what the agency asked for; the request goes back to the board. */
  async addInformation(code: string, contact: string, text: string, lang: Lang): Promise<repo.InquiryRow> {
    const row = await this.find(code, contact);
    const info = cleanText(String(text ?? ''));
    if (row.status !== 'needs_info') throw new Conflict('inquiry.no_info_requested', t(lang, 'submit.noInfoRequested'));
    if (info.length < LIMITS.info[0] || info.length > LIMITS.info[1] || CONTROL.test(info)) {
      const message = t(lang, 'submit.info', { min: LIMITS.info[0], max: LIMITS.info[1] });
      throw new Invalid('inquiry.info_invalid', message, { details: [{ field: 'info', message }] });
    }
    return withTx(this.#db, async (tx) => {
      const locked = await repo.lockById(tx, row.id);
      if (locked?.status !== 'needs_info') throw new Conflict('inquiry.no_info_requested', 'Yêu cầu này không ở bước cần bổ sung thông tin.');
      await repo.updateInquiry(tx, row.id, { status: 'received', status_note: '' });
      await repo.insertEvent(tx, { inquiry_id: row.id, kind: 'info_added', note: info });
      return { ...locked, status: 'received' };
    });
  }
}
