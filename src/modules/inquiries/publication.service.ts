/**
 * The public Q&A section (QA-5, QA-8): an answered request of general interest is published
 * only with the citizen's consent, in a text the board confirms after personal data were
 * redacted automatically; the citizen's own attachments never, only a redacted copy the board
 * uploads. Publishing and withdrawing feed the search index in the same transaction.
 */
import { withTx, type Db, type Tx } from '../../platform/db/create-db.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { cleanText, htmlToText, slugify } from '../../platform/text/index.ts';
import { sanitizeRichText } from '../../platform/text/sanitize.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { actorId, actorLabel, authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import type { SearchableType, SearchDocument, SearchModule } from '../search/index.ts';
import { CITIZEN_FILES, checkFiles, removeFiles, storeFiles, type IncomingFile } from './inquiry-files.ts';
import { FIELD_CODES, fieldLabel, isField, langOf } from './inquiry-types.ts';
import { qaEntryPath } from './paths.ts';
import { t } from './messages.ts';
import * as repo from './inquiries.repo.ts';
import { redactHtml, redactPersonalData } from './redact.ts';

export const SEARCH_TYPE = 'inquiry';
const BATCH = 200;

export interface Proposal {
  title: string;
  question: string;
  answerHtml: string;
  /** How many pieces of personal data were replaced. */
  redactions: number;
}

/** What the citizen gave about themselves: replaced wherever it appears. */
export function knownPersonalData(row: Pick<repo.InquiryRow, 'name' | 'email' | 'phone' | 'address'>) {
  return {
    names: row.name ? [row.name] : [],
    emails: row.email ? [row.email] : [],
    phones: row.phone ? [row.phone] : [],
    addresses: row.address ? [row.address] : [],
  };
}

/** True when `text` still holds the citizen's own name, e-mail, phone or address. */
export function containsKnown(text: string, row: Pick<repo.InquiryRow, 'name' | 'email' | 'phone' | 'address'>): boolean {
  const lower = text.normalize('NFC').toLowerCase();
  // Phone numbers are written in groups: join digits separated by spaces, dots or dashes.
  const joined = text.replace(/(?<=\d)[\s.()-]+(?=\d)/g, '');
  const phone = row.phone.replace(/\D/g, '');
  if (phone.length >= 8 && (joined.includes(phone) || joined.includes(`84${phone.slice(1)}`))) return true;
  return [row.name, row.email, row.address].some((v) => v.trim().length >= 4 && lower.includes(v.normalize('NFC').toLowerCase().trim()));
}

function toDocument(row: repo.PublishedRow): SearchDocument {
  const lang = langOf(row.lang);
  return {
    refId: row.id,
    siteId: row.site_id,
    lang,
    kind: row.field,
    publishedAt: new Date(row.published_at),
    path: qaEntryPath(lang, row.public_slug),
    title: row.public_title,
    summary: row.public_question.slice(0, 300),
    fields: { question: row.public_question, answer: htmlToText(row.public_answer_html), field: isField(row.field) ? fieldLabel(row.field, lang) : '' },
  };
}

export class PublicationService {
  readonly #db: Db;
  readonly #storage: Storage;
  readonly #search: SearchModule['search'];

  /** Published entries in the search index (kinds: fields), rebuilt from the published rows. */
  readonly searchType: SearchableType;

  constructor(db: Db, storage: Storage, search: SearchModule['search']) {
    this.#db = db;
    this.#storage = storage;
    this.#search = search;
    this.searchType = {
      type: SEARCH_TYPE,
      label: (lang) => t(lang, 'search.label'),
      fields: { question: 'B', answer: 'C', field: 'D' },
      kinds: FIELD_CODES.map((code) => ({ code, label: (lang) => fieldLabel(code, lang) })),
      async *all(source: Db) {
        for (let after = 0; ; ) {
          const rows = await repo.publishedBatch(source, after, BATCH);
          if (rows.length === 0) return;
          for (const row of rows) yield toDocument(row);
          after = rows[rows.length - 1]!.id;
        }
      },
    };
  }

  async #answered(actor: Actor, id: number): Promise<repo.InquiryRow> {
    const row = await repo.byId(this.#db, id);
    if (!row) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.');
    authorize(actor, 'inquiries.intake', row.site_id);
    if (row.status !== 'answered') throw new Conflict('inquiry.not_answered', 'Chỉ công bố được yêu cầu đã trả lời.');
    return row;
  }

  /** The text proposed for publication: the request and answer with personal data replaced. */
  async proposal(actor: Actor, id: number): Promise<Proposal> {
    const row = await this.#answered(actor, id);
    if (row.published_at) return { title: row.public_title, question: row.public_question, answerHtml: row.public_answer_html, redactions: 0 };
    const known = knownPersonalData(row);
    const title = redactPersonalData(row.title, known);
    const question = redactPersonalData(row.body, known);
    const answer = redactHtml(row.answer_html, known);
    return { title: title.text, question: question.text, answerHtml: answer.html, redactions: title.count + question.count + answer.count };
  }

  /**
   * Publishes the board's confirmed text. Refused without the citizen's consent, and when the
   * text still holds the citizen's name, e-mail, phone or address.
   */
  async publish(actor: Actor, id: number, input: { title: unknown; question: unknown; answerHtml: unknown }): Promise<{ slug: string }> {
    const row = await this.#answered(actor, id);
    if (!row.consent_publish) throw new Conflict('inquiry.no_consent', 'Công dân không đồng ý công bố câu trả lời: không công bố được.');
    const title = cleanText(typeof input.title === 'string' ? input.title : '').replace(/\s+/g, ' ');
    const question = cleanText(typeof input.question === 'string' ? input.question : '');
    const answerHtml = await sanitizeRichText(typeof input.answerHtml === 'string' ? input.answerHtml : '');
    const problems: { field: string; message: string }[] = [];
    if (title.length < 5 || title.length > 300) problems.push({ field: 'title', message: 'Tiêu đề công bố cần từ 5 đến 300 ký tự.' });
    if (question.length < 10 || question.length > 10_000) problems.push({ field: 'question', message: 'Nội dung câu hỏi công bố cần từ 10 đến 10.000 ký tự.' });
    if (htmlToText(answerHtml).trim().length < 10) problems.push({ field: 'answer', message: 'Nội dung trả lời công bố cần ít nhất 10 ký tự.' });
    const _known = knownPersonalData(row);
    // The HTML itself too: an address may hide in a link (mailto:, title=…).
    if (containsKnown(`${title}\n${question}\n${htmlToText(answerHtml)}\n${answerHtml}`, row))
      problems.push({ field: 'question', message: 'Văn bản công bố vẫn còn họ tên, thư điện tử, số điện thoại hoặc địa chỉ của công dân.' });
    if (problems.length) throw new Invalid('inquiry.publish_invalid', problems.map((p) => p.message).join(' '), { details: problems });
    return withTx(this.#db, async (tx) => {
      const locked = await repo.lockById(tx, id);
      if (locked?.status !== 'answered') throw new Conflict('inquiry.not_answered', 'Chỉ công bố được yêu cầu đã trả lời.');
      const slug = locked.public_slug ?? (await this.#slug(tx, locked, title));
      const now = new Date();
      await repo.updateInquiry(tx, id, {
        public_title: title,
        public_question: question,
        public_answer_html: answerHtml,
        public_slug: slug,
        published_at: locked.published_at ?? now,
      });
      await repo.insertEvent(tx, { inquiry_id: id, at: now, kind: 'published', actor_id: actorId(actor), actor_label: actorLabel(actor), note: slug });
      await audited(tx, actor, 'inquiry.published', { type: 'inquiry', id, siteId: locked.site_id }, { code: locked.code, slug });
      await announceChange(tx, locked.site_id);
      await this.#search.index(
        tx,
        SEARCH_TYPE,
        toDocument({
          id,
          site_id: locked.site_id,
          field: locked.field,
          public_title: title,
          public_question: question,
          public_answer_html: answerHtml,
          public_slug: slug,
          published_at: locked.published_at ?? now,
          answered_at: locked.answered_at,
          agency_id: locked.agency_id,
          lang: locked.lang,
        }),
      );
      return { slug };
    });
  }

  async unpublish(actor: Actor, id: number): Promise<void> {
    const row = await repo.byId(this.#db, id);
    if (!row) throw new NotFound('inquiry.not_found', 'Không có yêu cầu này.');
    authorize(actor, 'inquiries.intake', row.site_id);
    if (!row.published_at) return;
    await withTx(this.#db, async (tx) => {
      await repo.updateInquiry(tx, id, { published_at: null });
      await repo.insertEvent(tx, { inquiry_id: id, kind: 'unpublished', actor_id: actorId(actor), actor_label: actorLabel(actor) });
      await audited(tx, actor, 'inquiry.unpublished', { type: 'inquiry', id, siteId: row.site_id }, { code: row.code });
      await announceChange(tx, row.site_id);
      await this.#search.remove(tx, SEARCH_TYPE, id);
    });
  }

  /** A redacted copy of a document for the public page (the board's own upload, never the citizen's file). */
  async addPublicFile(actor: Actor, id: number, files: readonly IncomingFile[], lang: Lang): Promise<void> {
    const row = await this.#answered(actor, id);
    const checked = await checkFiles(files, { maxFiles: CITIZEN_FILES.maxFiles, maxBytes: 10 * 1024 * 1024 }, lang);
    if (checked.problems.length)
      throw new Invalid('inquiry.files', checked.problems.join(' '), { details: checked.problems.map((message) => ({ field: 'files', message })) });
    const stored = await storeFiles(this.#storage, checked.ok);
    try {
      await withTx(this.#db, async (tx) => {
        await announceChange(tx, row.site_id);
        for (const s of stored)
          await repo.insertAttachment(tx, {
            inquiry_id: row.id,
            role: 'public',
            storage_key: s.key,
            filename: s.file.filename,
            mime: s.file.mime,
            size: s.file.data.length,
          });
        await audited(
          tx,
          actor,
          'inquiry.public_file_added',
          { type: 'inquiry', id, siteId: row.site_id },
          { code: row.code, files: stored.map((s) => s.file.filename) },
        );
      });
    } catch (err) {
      await removeFiles(
        this.#storage,
        stored.map((s) => s.key),
      );
      throw err;
    }
  }

  async #slug(tx: Tx, row: repo.InquiryRow, title: string): Promise<string> {
    const base = slugify(title, 70) || 'hoi-dap';
    for (let n = 0; ; n++) {
      const slug = n === 0 ? base : `${base}-${n + 1}`;
      if (!(await repo.slugTaken(tx, row.site_id, slug, row.id))) return slug;
    }
  }

  // ——— Public reading ———

  list(siteId: number, field: string | undefined, page: number, pageSize: number) {
    return repo.published(this.#db, siteId, field, pageSize, (page - 1) * pageSize);
  }

  fieldCounts(siteId: number) {
    return repo.publishedFieldCounts(this.#db, siteId);
  }

  bySlug(siteId: number, slug: string) {
    return repo.publishedBySlug(this.#db, siteId, slug);
  }

  /** A redacted copy published with a Q&A entry of `siteId` that is still published; nothing else. */
  async publicFile(siteId: number, attachmentId: number): Promise<repo.AttachmentRow | undefined> {
    const att = await repo.attachmentById(this.#db, attachmentId);
    if (att?.role !== 'public') return undefined;
    const row = await repo.byId(this.#db, att.inquiry_id);
    if (!row || row.site_id !== siteId || !row.published_at) return undefined;
    return att;
  }

  /** The redacted copies published with a Q&A entry. */
  async publicFiles(id: number): Promise<repo.AttachmentRow[]> {
    return (await repo.attachmentsOf(this.#db, id)).filter((a) => a.role === 'public');
  }
}
