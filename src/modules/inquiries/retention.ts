/**
 * Retention (QA-8, privacy): once a request has been closed for the retention period, the
 * citizen's personal data are erased — name, contacts, address, their attachments, and names
 * or numbers inside the text — while the anonymised request, its history and its answer stay
 * for statistics and for the public Q&A. A background job; each request in its own transaction.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './inquiries.repo.ts';
import { knownPersonalData } from './publication.service.ts';
import { redactHtml, redactPersonalData } from './redact.ts';

const BATCH = 200;

/** The moment `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export async function erasePersonalData(db: Db, storage: Storage, months: number, now: Date = new Date()): Promise<number> {
  const ids = await repo.toErase(db, monthsBefore(now, months), BATCH);
  let erased = 0;
  for (const id of ids) {
    const keys = await withTx(db, async (tx) => {
      const row = await repo.lockById(tx, id);
      if (!row || row.personal_erased_at) return [];
      const known = knownPersonalData(row);
      const keys = await repo.deleteAttachments(tx, id, 'citizen');
      await repo.updateInquiry(tx, id, {
        name: '',
        email: '',
        phone: '',
        address: '',
        title: redactPersonalData(row.title, known).text,
        body: redactPersonalData(row.body, known).text,
        answer_html: redactHtml(row.answer_html, known).html,
        status_note: redactPersonalData(row.status_note, known).text,
        idempotency_key: null,
        personal_erased_at: now,
      });
      for (const e of await repo.eventsOf(tx, id, false)) {
        if (e.note && e.kind === 'info_added') await repo.redactEventNote(tx, e.id, redactPersonalData(e.note, known).text);
      }
      await repo.insertEvent(tx, { inquiry_id: id, at: now, kind: 'personal_data_erased', public: false, actor_label: 'retention' });
      await recordAudit(tx, {
        actorId: null,
        actorLabel: 'system:retention',
        ip: '',
        siteId: row.site_id,
        action: 'inquiry.personal_data_erased',
        targetType: 'inquiry',
        targetId: String(id),
        summary: { code: row.code, months },
      });
      return keys;
    });
    for (const key of keys) await storage.delete(key).catch(() => undefined);
    erased++;
  }
  return erased;
}
