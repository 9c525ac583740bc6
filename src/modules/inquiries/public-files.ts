/**
 * Which file a public download may serve: a file of an answer, to whoever holds the request's
 * code and the file's token (the status page's links), and a redacted copy published with a
 * Q&A entry. Everything else — above all the citizen's own attachments — is not found.
 *
 * (Lookups only; they would sit well as `SubmissionService.answerFile` and
 * `PublicationService.publicFile`.)
 */
import { stripDiacritics } from '../../platform/text/index.ts';
import type { Db } from '../../platform/db/create-db.ts';
import * as repo from './inquiries.repo.ts';
import { fileTokenValid } from './status.present.ts';
import { normaliseTrackingCode } from './tracking-code.ts';

export type DownloadableFile = Pick<repo.AttachmentRow, 'storage_key' | 'filename' | 'mime' | 'size'>;

/** A file of the answer to request `code` on `siteId`, if `token` is its token. */
export async function answerFile(db: Db, siteId: number, code: string, attachmentId: number, token: string): Promise<DownloadableFile | undefined> {
  const canonical = normaliseTrackingCode(code);
  if (!canonical || !(await fileTokenValid(db, canonical, attachmentId, token))) return undefined;
  const att = await repo.attachmentById(db, attachmentId);
  if (att?.role !== 'answer') return undefined;
  const row = await repo.byId(db, att.inquiry_id);
  if (!row || row.code !== canonical || row.site_id !== siteId || row.status !== 'answered') return undefined;
  return att;
}

/** A redacted copy published with a Q&A entry of `siteId` that is still published. */
export async function publicFile(db: Db, siteId: number, attachmentId: number): Promise<DownloadableFile | undefined> {
  const att = await repo.attachmentById(db, attachmentId);
  if (att?.role !== 'public') return undefined;
  const row = await repo.byId(db, att.inquiry_id);
  if (!row || row.site_id !== siteId || !row.published_at) return undefined;
  return att;
}

/** RFC 6266 with an RFC 5987 name: `attachment; filename="Tra loi.pdf"; filename*=UTF-8''Tr%E1%BA%A3%20l%E1%BB%9Di.pdf`. */
export function attachmentDisposition(filename: string): string {
  const name = filename.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_');
  const ascii =
    stripDiacritics(name)
      .replace(/[^A-Za-z0-9._ -]+/g, '_')
      .replace(/^[.\s]+/, '')
      .slice(-150) || 'tep';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
