/**
 * Files sent with a request or an answer: only documents and photos, recognised by their
 * content (a script renamed .pdf is refused), within size limits. They are kept in a private
 * store (DATA_DIR/inquiries), never in the public media library: a citizen's attachment is
 * personal data and is never published (QA-8).
 */
import { fileTypeFromBuffer } from 'file-type';
import { newStorageKey, type Storage } from '../../platform/storage/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { t } from './messages.ts';

export const FILE_TYPES: Readonly<Record<string, { exts: readonly string[]; label: string }>> = {
  'application/pdf': { exts: ['pdf'], label: 'PDF' },
  'image/jpeg': { exts: ['jpg', 'jpeg'], label: 'JPEG' },
  'image/png': { exts: ['png'], label: 'PNG' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { exts: ['docx'], label: 'DOCX' },
  'application/vnd.oasis.opendocument.text': { exts: ['odt'], label: 'ODT' },
};

export const CITIZEN_FILES = { maxFiles: 3, maxBytes: 5 * 1024 * 1024 };
export const ANSWER_FILES = { maxFiles: 5, maxBytes: 10 * 1024 * 1024 };

export interface IncomingFile {
  filename: string;
  data: Buffer;
}

export interface CheckedFile {
  filename: string;
  data: Buffer;
  mime: string;
  ext: string;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The file's type by content, or the reason it is refused, in the visitor's language. */
export async function checkFile(file: IncomingFile, maxBytes: number, lang: Lang): Promise<CheckedFile | string> {
  const name =
    file.filename
      .normalize('NFC')
      .replace(/[\\/]/g, '_')
      .replace(/[\u0000-\u001f]/g, '')
      .slice(-150) || 'tep';
  if (file.data.length === 0) return t(lang, 'files.empty', { name });
  if (file.data.length > maxBytes) return t(lang, 'files.tooLarge', { name, size: MB(maxBytes) });
  const ext = (name.match(/\.([A-Za-z0-9]{1,5})$/)?.[1] ?? '').toLowerCase();
  const detected = await fileTypeFromBuffer(file.data);
  const type = detected ? FILE_TYPES[detected.mime] : undefined;
  const accepted = Object.values(FILE_TYPES)
    .map((t) => t.label)
    .join(', ');
  if (!detected || !type) return t(lang, 'files.notAccepted', { name, accepted });
  // A file whose name says one type and whose content is another is refused: it is disguised.
  if (!type.exts.includes(ext)) return t(lang, 'files.mismatch', { name, type: type.label });
  return { filename: name, data: file.data, mime: detected.mime, ext: type.exts[0]! };
}

/** Checks every file: the accepted ones, or the problems. */
export async function checkFiles(
  files: readonly IncomingFile[],
  limits: { maxFiles: number; maxBytes: number },
  lang: Lang,
): Promise<{ ok: CheckedFile[]; problems: string[] }> {
  const problems: string[] = [];
  if (files.length > limits.maxFiles) problems.push(t(lang, 'files.tooMany', { max: limits.maxFiles }));
  const ok: CheckedFile[] = [];
  for (const f of files.slice(0, limits.maxFiles)) {
    const r = await checkFile(f, limits.maxBytes, lang);
    if (typeof r === 'string') problems.push(r);
    else ok.push(r);
  }
  return { ok, problems };
}

/** Writes the files before the transaction; their keys go into it, and are deleted if it fails. */
export async function storeFiles(storage: Storage, files: readonly CheckedFile[]): Promise<{ key: string; file: CheckedFile }[]> {
  const out: { key: string; file: CheckedFile }[] = [];
  for (const file of files) {
    const key = newStorageKey(file.ext);
    await storage.put(key, file.data, file.mime);
    out.push({ key, file });
  }
  return out;
}

export async function removeFiles(storage: Storage, keys: readonly string[]): Promise<void> {
  for (const key of keys) await storage.delete(key).catch(() => undefined);
}
