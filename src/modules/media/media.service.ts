/**
 * The media library's use cases: upload (the type decided by the content, never by the name —
 * file-type.ts), the rules per kind, images with their WebP sizes (image-variants.ts), alt text and
 * captions, deletion, listing. Every change is one transaction with its audit entry; files are
 * written before it and removed again when it fails.
 */
import { createHash } from 'node:crypto';
import { withTx, type Db, type DbOrTx } from '../../platform/db/create-db.ts';
import type { MediaVariant } from '../../platform/db/schema.ts';
import { Invalid, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { newStorageStem, type Storage } from '../../platform/storage/index.ts';
import { actorId, authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import * as repo from './media.repo.ts';
import { extractDocumentText } from './text-extract.ts';
import { detectType, refusalMessage } from './file-type.ts';
import { cleanFileName, DANGEROUS_NAME_EXTS, nameExt } from './file-name.ts';
import { ImageUnreadable, MAX_IMAGE_PIXELS, processImage, type ProcessedImage } from './image-variants.ts';
import {
  contentDisposition,
  dispositionType,
  formatBytes,
  nameWithExt,
  presentMedia,
  ORIGINAL,
  type MediaKind,
  type MediaView,
  type VariantName,
} from './media.present.ts';

// ── Limits ──────────────────────────────────────────────────────────────────────────

const MB = 1024 * 1024;

/**
 * The largest file accepted of each kind (1 MB = 1,048,576 bytes):
 * - images 10 MB: a full-resolution photo from a camera or phone;
 * - documents 30 MB: a scanned decision or a long report in PDF;
 * - audio 50 MB: about an hour of speech in MP3;
 * - video 200 MB: a few minutes of HD video (longer videos belong on a video service).
 * The upload form's multipart limit (MAX_UPLOAD_BYTES) is the largest of these.
 */
export const SIZE_LIMITS: Readonly<Record<MediaKind, number>> = Object.freeze({
  image: 10 * MB,
  document: 30 * MB,
  audio: 50 * MB,
  video: 200 * MB,
});

/** The largest upload of any kind. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(SIZE_LIMITS));

export const ALT_MAX = 300;
export const CAPTION_MAX = 1000;
export const PAGE_SIZE = 24;

/** What the service needs: the database, where files go, and (tests, special installs) other size limits. */
export interface MediaDeps {
  db: Db;
  storage: Storage;
  limits?: Partial<Record<MediaKind, number>>;
  /** Told when a stored file could not be removed (the row is gone; the file is only an orphan). */
  onStorageError?: (err: unknown, key: string) => void;
}

function limitOf(deps: MediaDeps, kind: MediaKind): number {
  return deps.limits?.[kind] ?? SIZE_LIMITS[kind];
}

/** What a file of each kind is called in a refusal. */
const KIND_NOUN: Record<MediaKind, string> = { image: 'ảnh', document: 'tài liệu', audio: 'tệp âm thanh', video: 'video' };

// ── Use cases ───────────────────────────────────────────────────────────────────────

export interface UploadInput {
  data: Buffer;
  /** The name on the uploader's computer; kept for display and download, never trusted for the type. */
  originalName: string;
  /** Required for images: what the image shows, for people who cannot see it. */
  alt?: string;
  caption?: string;
}

function textProblems(alt: string, caption: string, isImage: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isImage && !alt) problems.push({ field: 'alt', message: 'Ảnh cần có văn bản thay thế: mô tả ngắn nội dung ảnh cho người không xem được ảnh.' });
  if ([...alt].length > ALT_MAX) problems.push({ field: 'alt', message: `Văn bản thay thế dài tối đa ${ALT_MAX} ký tự.` });
  if ([...caption].length > CAPTION_MAX) problems.push({ field: 'caption', message: `Chú thích dài tối đa ${CAPTION_MAX} ký tự.` });
  return problems;
}

function refuse(code: string, problems: FieldProblem[]): never {
  throw new Invalid(code, problems.map((p) => p.message).join(' '), { details: problems });
}

/** The refusal of a file larger than any kind may be: cut short while it was read, it never reaches `uploadMedia`. */
export function uploadTooLarge(name: string): Invalid {
  const message = `Tệp “${name}” nặng hơn ${formatBytes(MAX_UPLOAD_BYTES)}, giới hạn lớn nhất của thư viện (video).`;
  return new Invalid('media.too_large', message, { details: [{ field: 'file', message }] });
}

async function removeFiles(deps: MediaDeps, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    try {
      await deps.storage.delete(key);
    } catch (err) {
      deps.onStorageError?.(err, key);
    }
  }
}

/**
 * Adds a file to a site's library. Refuses (Invalid, with the problem of each field in
 * Vietnamese): an empty file, a type outside the allow-list or disguised as another, a
 * file above its kind's limit, a name ending like a program or web page, an image without
 * alt text.
 */
export async function uploadMedia(deps: MediaDeps, actor: Actor, siteId: number, input: UploadInput): Promise<MediaView> {
  authorize(actor, 'content.write', siteId);
  const name = cleanFileName(input.originalName);
  const alt = cleanText(input.alt ?? '');
  const caption = cleanText(input.caption ?? '');
  const data = input.data;

  if (!data || data.length === 0) {
    refuse('media.empty', [{ field: 'file', message: `Tệp “${name}” rỗng (0 byte). Hãy chọn đúng tệp cần tải lên.` }, ...textProblems(alt, caption, false)]);
  }
  const detected = await detectType(data);
  if (!detected.ok) {
    const { code, message } = refusalMessage(detected, name);
    refuse(code, [{ field: 'file', message }, ...textProblems(alt, caption, false)]);
  }
  const type = detected.type;
  const limit = limitOf(deps, type.kind);
  if (data.length > limit) {
    refuse('media.too_large', [
      { field: 'file', message: `Tệp “${name}” nặng ${formatBytes(data.length)}, vượt giới hạn ${formatBytes(limit)} cho ${KIND_NOUN[type.kind]}.` },
      ...textProblems(alt, caption, type.kind === 'image'),
    ]);
  }
  const ext = nameExt(name);
  if (DANGEROUS_NAME_EXTS.has(ext)) {
    refuse('media.bad_name', [
      {
        field: 'file',
        message: `Tên tệp “${name}” có đuôi .${ext} của chương trình hoặc trang web. Hãy đổi tên cho đúng loại tệp (.${type.ext}) rồi tải lên lại.`,
      },
      ...textProblems(alt, caption, type.kind === 'image'),
    ]);
  }
  const problems = textProblems(alt, caption, type.kind === 'image');
  if (problems.length) refuse(problems[0]!.field === 'alt' && !alt ? 'media.alt_required' : 'media.invalid', problems);

  let stored = data;
  let width: number | null = null;
  let height: number | null = null;
  let variantFiles: ProcessedImage['variants'] = [];
  if (type.kind === 'image') {
    try {
      const image = await processImage(data, type);
      stored = image.original;
      width = image.width;
      height = image.height;
      variantFiles = image.variants;
    } catch (err) {
      if (!(err instanceof ImageUnreadable)) throw err;
      refuse(err.tooManyPixels ? 'media.too_many_pixels' : 'media.bad_image', [
        {
          field: 'file',
          message: err.tooManyPixels
            ? `Ảnh “${name}” có quá nhiều điểm ảnh (tối đa ${MAX_IMAGE_PIXELS / 1_000_000} triệu). Hãy thu nhỏ ảnh rồi tải lên lại.`
            : `Không đọc được ảnh “${name}”: tệp bị hỏng hoặc không đúng định dạng.`,
        },
      ]);
    }
  }

  // The text of a PDF, Word or OpenDocument file, for search: read before the transaction
  // (never inside it); '' when there is none or it cannot be read, and the upload goes on.
  const textContent = type.kind === 'document' ? await extractDocumentText(data, type.mime) : '';

  const stem = newStorageStem();
  const key = `${stem}.${type.ext}`;
  const variants: MediaVariant[] = variantFiles.map((v) => ({
    width: v.width,
    height: v.height,
    format: 'webp',
    storage_key: `${stem}-${v.width}.webp`,
    bytes: v.data.length,
  }));
  const sha256 = createHash('sha256').update(stored).digest('hex');
  const written: string[] = [];
  try {
    await deps.storage.put(key, stored, type.mime);
    written.push(key);
    for (const [i, v] of variants.entries()) {
      await deps.storage.put(v.storage_key, variantFiles[i]!.data, 'image/webp');
      written.push(v.storage_key);
    }
    const row = await withTx(deps.db, async (tx) => {
      const inserted = await repo.insertMedia(tx, {
        site_id: siteId,
        kind: type.kind,
        mime: type.mime,
        original_name: name,
        storage_key: key,
        bytes: stored.length,
        sha256,
        width,
        height,
        variants,
        alt,
        caption,
        text_content: textContent,
        uploaded_by: actorId(actor),
      });
      await audited(
        tx,
        actor,
        'media.upload',
        { type: 'media', id: inserted.id, siteId },
        { name, kind: type.kind, mime: type.mime, bytes: stored.length, uploadedBytes: data.length, sha256, variants: variants.map((v) => v.width) },
      );
      return inserted;
    });
    return presentMedia(row);
  } catch (err) {
    await removeFiles(deps, written);
    throw err;
  }
}

/**
 * The text extracted from each of the given files (PDF, Word, OpenDocument uploads; '' for
 * other files), by id; ids not in the library are left out. For other modules, inside their
 * own transaction (pass it as `db`). An empty list answers without a query.
 */
export async function documentTexts(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647);
  if (wanted.length === 0) return new Map();
  const rows = await repo.findTextContents(db, wanted);
  return new Map(rows.map((r) => [r.id, r.text_content]));
}

async function lockedRow(tx: DbOrTx, actor: Actor, id: number): Promise<repo.MediaInfo> {
  const row = await repo.findMediaForUpdate(tx, id);
  if (!row) throw new NotFound('media.not_found', 'No such media', { messageKey: 'error.body.404' });
  authorize(actor, 'content.write', row.site_id);
  return row;
}

/** Changes the alt text and caption (alt text stays required for images). */
export async function updateMediaText(deps: MediaDeps, actor: Actor, id: number, input: { alt: string; caption: string }): Promise<MediaView> {
  const alt = cleanText(input.alt ?? '');
  const caption = cleanText(input.caption ?? '');
  const row = await withTx(deps.db, async (tx) => {
    const before = await lockedRow(tx, actor, id);
    const problems = textProblems(alt, caption, before.kind === 'image');
    if (problems.length) refuse(problems[0]!.field === 'alt' && !alt ? 'media.alt_required' : 'media.invalid', problems);
    const after = (await repo.updateMediaText(tx, id, { alt, caption }))!;
    await audited(
      tx,
      actor,
      'media.update',
      { type: 'media', id, siteId: before.site_id },
      {
        name: before.original_name,
        ...(before.alt !== alt ? { alt: { from: before.alt, to: alt } } : {}),
        ...(before.caption !== caption ? { caption: { from: before.caption, to: caption } } : {}),
      },
    );
    return after;
  });
  return presentMedia(row);
}

/**
 * Removes a file from the library: the row and its audit entry in one transaction, then
 * the stored files (a file that cannot be removed is reported and left as an orphan).
 */
export async function deleteMedia(deps: MediaDeps, actor: Actor, id: number): Promise<void> {
  const row = await withTx(deps.db, async (tx) => {
    const before = await lockedRow(tx, actor, id);
    await repo.deleteMedia(tx, id);
    await audited(
      tx,
      actor,
      'media.delete',
      { type: 'media', id, siteId: before.site_id },
      { name: before.original_name, kind: before.kind, mime: before.mime, bytes: Number(before.bytes), sha256: before.sha256 },
    );
    return before;
  });
  await removeFiles(deps, [row.storage_key, ...(row.variants ?? []).map((v) => v.storage_key)]);
}

export interface MediaPage {
  items: MediaView[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

/** A site's files, newest first, a page at a time (anyone who may enter the administration of the site). */
export async function listMedia(deps: MediaDeps, actor: Actor, siteId: number, page = 1, pageSize = PAGE_SIZE): Promise<MediaPage> {
  authorize(actor, 'admin.enter', siteId);
  const size = Math.min(Math.max(1, Math.floor(pageSize)), 200);
  const total = await repo.countMedia(deps.db, siteId);
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(Number.isFinite(page) ? page : 1)), pages);
  const rows = await repo.listMedia(deps.db, siteId, size, (current - 1) * size);
  return { items: rows.map(presentMedia), total, page: current, pages, pageSize: size };
}

/** One file, for anyone who may enter the administration of its site. */
export async function getMediaForActor(deps: MediaDeps, actor: Actor, id: number): Promise<MediaView> {
  const row = await repo.findMedia(deps.db, id);
  if (!row) throw new NotFound('media.not_found', 'No such media', { messageKey: 'error.body.404' });
  authorize(actor, 'admin.enter', row.site_id);
  return presentMedia(row);
}

/** One file as the public sees it (for templates): undefined when there is none. */
export async function getMedia(deps: Pick<MediaDeps, 'db'>, id: number): Promise<MediaView | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = await repo.findMedia(deps.db, id);
  return row ? presentMedia(row) : undefined;
}

/** What the public route serves for `/media/<id>/<variant>`. */
export interface MediaFile {
  key: string;
  mime: string;
  bytes: number;
  etag: string;
  disposition: string;
}

export async function findMediaFile(deps: Pick<MediaDeps, 'db'>, id: number, variant: VariantName): Promise<MediaFile | undefined> {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = await repo.findMedia(deps.db, id);
  if (!row) return undefined;
  const media = presentMedia(row);
  if (variant === ORIGINAL) {
    return {
      key: row.storage_key,
      mime: media.mime,
      bytes: media.bytes,
      etag: `"${media.sha256}"`,
      disposition: contentDisposition(dispositionType(media.kind), media.downloadName),
    };
  }
  const v = (row.variants ?? []).find((x) => x.width === variant);
  if (!v) return undefined;
  const base = media.downloadName.replace(/\.[A-Za-z0-9]{1,10}$/, '');
  return {
    key: v.storage_key,
    mime: `image/${v.format}`,
    bytes: Number(v.bytes),
    etag: `"${media.sha256.slice(0, 32)}-${v.width}"`,
    disposition: contentDisposition('inline', nameWithExt(`${base}-${v.width}`, v.format === 'jpeg' ? 'jpg' : v.format)),
  };
}
