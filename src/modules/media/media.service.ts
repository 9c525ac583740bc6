/**
 * The media library: upload (type decided by the content, never by the name), the rules
 * per kind, image normalisation and responsive WebP sizes, alt text and captions,
 * deletion, listing. Every change is one transaction with its audit entry; files are
 * written before it and removed again when it fails.
 */
import { createHash } from 'node:crypto';
import { withTx, type Db, type DbOrTx } from '../../platform/db/create-db.ts';
import type { MediaVariant } from '../../platform/db/schema.ts';
import { Invalid, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { newStorageStem, type Storage } from '../../platform/storage/index.ts';
import { actorId, actorIp, actorLabel, authorize, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './media.repo.ts';
import { extractDocumentText } from './text-extract.ts';
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

/** Widths of the WebP variants of an image (never wider than the image itself). */
export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const;

/** Images with more pixels are refused before they are decoded (a "decompression bomb" stops here). */
export const MAX_IMAGE_PIXELS = 50_000_000;

export const ALT_MAX = 300;
export const CAPTION_MAX = 1000;
const NAME_MAX = 200;
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

// ── What a file is ──────────────────────────────────────────────────────────────────

interface AcceptedType {
  kind: MediaKind;
  mime: string;
  /** The extension of the stored file and of the download name. */
  ext: string;
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/** The allow-list, by what file-type recognises in the content. */
const ALLOWED: Record<string, AcceptedType> = {
  jpg: { kind: 'image', mime: 'image/jpeg', ext: 'jpg' },
  png: { kind: 'image', mime: 'image/png', ext: 'png' },
  // An animated PNG is kept as its first frame.
  apng: { kind: 'image', mime: 'image/png', ext: 'png' },
  webp: { kind: 'image', mime: 'image/webp', ext: 'webp' },
  gif: { kind: 'image', mime: 'image/gif', ext: 'gif' },
  pdf: { kind: 'document', mime: 'application/pdf', ext: 'pdf' },
  docx: { kind: 'document', mime: `${OOXML}.wordprocessingml.document`, ext: 'docx' },
  xlsx: { kind: 'document', mime: `${OOXML}.spreadsheetml.sheet`, ext: 'xlsx' },
  pptx: { kind: 'document', mime: `${OOXML}.presentationml.presentation`, ext: 'pptx' },
  odt: { kind: 'document', mime: `${ODF}.text`, ext: 'odt' },
  ods: { kind: 'document', mime: `${ODF}.spreadsheet`, ext: 'ods' },
  odp: { kind: 'document', mime: `${ODF}.presentation`, ext: 'odp' },
  mp3: { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' },
  m4a: { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' },
  ogg: { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' },
  oga: { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' },
  opus: { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' },
  wav: { kind: 'audio', mime: 'audio/wav', ext: 'wav' },
  // MP4 without the M4A brand may hold sound only; it is a video here either way.
  mp4: { kind: 'video', mime: 'video/mp4', ext: 'mp4' },
  webm: { kind: 'video', mime: 'video/webm', ext: 'webm' },
};

/** Office 97–2003 files are compound files (CFB); told apart by their main stream. */
const CFB_TYPES: { stream: string; type: AcceptedType }[] = [
  { stream: 'worddocument', type: { kind: 'document', mime: 'application/msword', ext: 'doc' } },
  { stream: 'workbook', type: { kind: 'document', mime: 'application/vnd.ms-excel', ext: 'xls' } },
  { stream: 'book', type: { kind: 'document', mime: 'application/vnd.ms-excel', ext: 'xls' } },
  { stream: 'powerpoint document', type: { kind: 'document', mime: 'application/vnd.ms-powerpoint', ext: 'ppt' } },
];
/** Storages that hold VBA macros in Office 97–2003 files. */
const CFB_MACRO_STREAMS = new Set(['macros', '_vba_project_cur', 'vba', '_vba_project']);

const EXECUTABLES: Record<string, string> = {
  exe: 'chương trình chạy được của Windows (.exe)',
  elf: 'chương trình chạy được của Linux (ELF)',
  macho: 'chương trình chạy được của macOS',
  class: 'chương trình Java (.class)',
  jar: 'chương trình Java (.jar)',
  apk: 'ứng dụng Android (.apk)',
  wasm: 'mã WebAssembly',
  swf: 'tệp Flash (.swf)',
  crx: 'tiện ích trình duyệt',
  xpi: 'tiện ích trình duyệt',
  deb: 'gói cài đặt phần mềm (.deb)',
  rpm: 'gói cài đặt phần mềm (.rpm)',
  dmg: 'gói cài đặt phần mềm (.dmg)',
  msi: 'gói cài đặt Windows (.msi)',
  lnk: 'lối tắt Windows (.lnk)',
  reg: 'tệp sửa registry Windows (.reg)',
  chm: 'tệp trợ giúp Windows (.chm), có thể chứa mã chạy được',
  asar: 'gói ứng dụng Electron',
  html: 'trang web (HTML), có thể chứa mã chạy trong trình duyệt',
  svg: 'ảnh SVG, có thể chứa mã chạy trong trình duyệt',
  script: 'tệp mã kịch bản (script)',
};
const MACRO_OFFICE = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'pptm', 'potm', 'ppsm', 'cfb-macro']);
const ARCHIVES = new Set(['zip', 'tar', 'tar.gz', 'rar', 'gz', 'bz2', '7z', 'xz', 'Z', 'lz', 'zst', 'lzh', 'arj', 'cpio', 'ace', 'lz4', 'cab', 'ar']);

/** Extensions a name may not end with, whatever the content: programs, scripts, web pages. */
const DANGEROUS_NAME_EXTS = new Set(
  'exe com bat cmd scr pif msi msp dll cpl sys drv ocx jar js mjs cjs jse vbs vbe wsf wsh hta ps1 psm1 psd1 sh bash zsh csh ksh py pyc pl rb php php3 php4 php5 phtml phar asp aspx ashx jsp jspx cgi html htm xhtml shtml mht mhtml svg svgz xml xsl xslt swf lnk reg inf url desktop apk app dmg deb rpm appimage msix appx'.split(
    ' ',
  ),
);
/** Extensions of the accepted types: a file named like this but refused is a disguised file. */
const HARMLESS_LOOKING_EXTS = new Set(
  'jpg jpeg jpe jfif png gif webp pdf doc docx xls xlsx ppt pptx odt ods odp mp3 m4a ogg oga opus wav mp4 webm txt rtf'.split(' '),
);

const ACCEPTED_LIST =
  'Chỉ nhận: ảnh JPEG, PNG, WebP, GIF; tài liệu PDF, Word, Excel, PowerPoint (cả bản 97–2003), OpenDocument (ODT, ODS, ODP); âm thanh MP3, M4A, OGG, WAV; video MP4, WebM.';

type Detection = { ok: true; type: AcceptedType } | { ok: false; refusal: 'executable' | 'macro' | 'archive' | 'unsupported' | 'unknown'; what: string };

/** Decides what a file is from its bytes alone. */
export async function detectType(data: Buffer): Promise<Detection> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(data);
  if (found?.ext === 'cfb') return classifyCfb(data);
  if (found) {
    const accepted = ALLOWED[found.ext];
    if (accepted) return { ok: true, type: accepted };
    if (EXECUTABLES[found.ext]) return { ok: false, refusal: 'executable', what: EXECUTABLES[found.ext]! };
    if (MACRO_OFFICE.has(found.ext)) return { ok: false, refusal: 'macro', what: `tài liệu Office có macro (.${found.ext})` };
    if (ARCHIVES.has(found.ext)) return { ok: false, refusal: 'archive', what: `tệp nén (.${found.ext})` };
    if (found.ext !== 'xml') return { ok: false, refusal: 'unsupported', what: `.${found.ext}, ${found.mime}` };
  }
  // No signature (or plain XML): text. Name the dangerous kinds of text.
  const text = data
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/<svg[\s>/]/.test(text)) return { ok: false, refusal: 'executable', what: EXECUTABLES.svg! };
  if (/<(!doctype html|html|head|body|script|iframe|object|embed|meta|form|a\s|img\s|style|link\s)/.test(text))
    return { ok: false, refusal: 'executable', what: EXECUTABLES.html! };
  if (text.startsWith('#!') || text.startsWith('<?php') || text.startsWith('<%') || /^@echo off/.test(text))
    return { ok: false, refusal: 'executable', what: EXECUTABLES.script! };
  if (found?.ext === 'xml') return { ok: false, refusal: 'unsupported', what: 'tệp XML' };
  return { ok: false, refusal: 'unknown', what: '' };
}

/**
 * Names of the streams and storages of a compound file (CFB, [MS-CFB]), lower case; undefined
 * when the structure is not readable. Only the directory is read: header, FAT (with its
 * DIFAT chain), then the directory's sector chain, every step bounds-checked.
 */
function cfbEntries(buf: Buffer): { names: Set<string>; rootClsid: string } | undefined {
  if (buf.length < 512) return undefined;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectors = Math.floor((buf.length - size) / size) + (buf.length > size ? 1 : 0);
  const offsetOf = (sector: number) => (sector + 1) * size;
  const inBounds = (sector: number) => sector >= 0 && sector < 0xfffffffa && offsetOf(sector) + size <= buf.length;

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + i * 4);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  let difat = buf.readUInt32LE(0x44);
  for (let guard = 0; difat < 0xfffffffa && guard <= sectors; guard++) {
    if (!inBounds(difat)) return undefined;
    const base = offsetOf(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = buf.readUInt32LE(base + i * 4);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = buf.readUInt32LE(base + size - 4);
  }
  const fatAt = (index: number): number | undefined => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(index / perSector)];
    if (fs === undefined || !inBounds(fs)) return undefined;
    return buf.readUInt32LE(offsetOf(fs) + (index % perSector) * 4);
  };

  const names = new Set<string>();
  let rootClsid = '';
  let sector = buf.readUInt32LE(0x30);
  for (let guard = 0; sector !== 0xfffffffe; guard++) {
    if (guard > sectors || !inBounds(sector)) return undefined;
    const base = offsetOf(sector);
    for (let e = 0; e < size / 128; e++) {
      const entry = base + e * 128;
      const nameBytes = buf.readUInt16LE(entry + 0x40);
      const type = buf[entry + 0x42];
      if (type === 5 && !rootClsid) rootClsid = buf.subarray(entry + 0x50, entry + 0x60).toString('hex');
      if ((type === 1 || type === 2) && nameBytes >= 2 && nameBytes <= 64) {
        names.add(buf.toString('utf16le', entry, entry + nameBytes - 2).toLowerCase());
      }
    }
    const next = fatAt(sector);
    if (next === undefined) return undefined;
    sector = next;
  }
  return { names, rootClsid };
}

/** The class id of Windows Installer packages, as stored (little-endian GUID). */
const MSI_CLSID = '84100c0000000000c000000000000046';

function classifyCfb(data: Buffer): Detection {
  const entries = cfbEntries(data);
  if (!entries) return { ok: false, refusal: 'unknown', what: '' };
  if (entries.rootClsid === MSI_CLSID) return { ok: false, refusal: 'executable', what: EXECUTABLES.msi! };
  const match = CFB_TYPES.find((c) => entries.names.has(c.stream));
  if (!match) return { ok: false, refusal: 'unsupported', what: 'tệp Microsoft dạng CFB không phải Word, Excel hay PowerPoint' };
  if ([...entries.names].some((n) => CFB_MACRO_STREAMS.has(n))) return { ok: false, refusal: 'macro', what: `tài liệu Office có macro (.${match.type.ext})` };
  return { ok: true, type: match.type };
}

/** The extension of a file name, lower case ('' when none). */
function nameExt(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** A file name fit to keep: last path segment, NFC, no control characters, at most NAME_MAX characters. */
export function cleanFileName(raw: string): string {
  const last =
    String(raw ?? '')
      .split(/[\\/]/)
      .pop() ?? '';
  let name = cleanText(last.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\s+/g, ' '));
  if ([...name].length > NAME_MAX) {
    const ext = nameExt(name);
    const chars = [...name.slice(0, name.length - (ext ? ext.length + 1 : 0))];
    name = `${chars
      .slice(0, NAME_MAX - ext.length - 1)
      .join('')
      .trim()}${ext ? `.${ext}` : ''}`;
  }
  return name.replace(/^\.+/, '') || 'tep';
}

function refusalMessage(d: Extract<Detection, { ok: false }>, name: string): { code: string; message: string } {
  const ext = nameExt(name);
  if (d.refusal === 'unknown') {
    return { code: 'media.unknown_type', message: `Không nhận ra loại của tệp “${name}” từ nội dung của nó. ${ACCEPTED_LIST}` };
  }
  if (HARMLESS_LOOKING_EXTS.has(ext) && (d.refusal === 'executable' || d.refusal === 'macro')) {
    return {
      code: 'media.disguised',
      message: `Tệp “${name}” mang đuôi .${ext} nhưng nội dung thật là ${d.what}. Tệp bị từ chối vì có thể gây hại cho người xem.`,
    };
  }
  switch (d.refusal) {
    case 'executable':
      return {
        code: 'media.dangerous_type',
        message: `Tệp “${name}” là ${d.what}. Thư viện không nhận chương trình, mã kịch bản, trang web (HTML) hay ảnh SVG vì chúng có thể chứa mã độc. Với ảnh, hãy dùng JPEG, PNG, WebP hoặc GIF.`,
      };
    case 'macro':
      return {
        code: 'media.dangerous_type',
        message: `Tệp “${name}” là ${d.what}; macro có thể chứa mã độc. Hãy lưu lại thành tài liệu không có macro (ví dụ .docx, .xlsx, .pptx hoặc PDF).`,
      };
    case 'archive':
      return { code: 'media.type_refused', message: `Tệp “${name}” là ${d.what}. Hãy giải nén và tải lên từng tệp. ${ACCEPTED_LIST}` };
    default:
      return { code: 'media.type_refused', message: `Loại tệp của “${name}” (${d.what}) không được nhận. ${ACCEPTED_LIST}` };
  }
}

const KIND_NOUN: Record<MediaKind, string> = { image: 'ảnh', document: 'tài liệu', audio: 'tệp âm thanh', video: 'video' };

// ── Images ──────────────────────────────────────────────────────────────────────────

/** Widths of an image's WebP variants: each step not wider than it, plus its own width when below the widest step. */
export function variantWidths(width: number): number[] {
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w <= width);
  const widest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  if (width < widest && !widths.includes(width)) widths.push(width);
  return widths;
}

interface ProcessedImage {
  original: Buffer;
  width: number;
  height: number;
  variants: { width: number; height: number; data: Buffer }[];
}

class ImageUnreadable extends Error {
  readonly tooManyPixels: boolean;
  constructor(tooManyPixels: boolean) {
    super('image unreadable');
    this.tooManyPixels = tooManyPixels;
  }
}

/**
 * The original re-encoded in its own format (turned upright by its EXIF orientation,
 * metadata such as GPS position and camera removed — sharp keeps none unless asked), and
 * the WebP variants. GIF and WebP keep their animation.
 */
async function processImage(data: Buffer, type: AcceptedType): Promise<ProcessedImage> {
  const { default: sharp } = await import('sharp');
  const animatable = type.ext === 'gif' || type.ext === 'webp';
  const input = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' as const, animated: animatable };
  let meta: import('sharp').Metadata;
  try {
    meta = await sharp(data, input).metadata();
  } catch (err) {
    throw new ImageUnreadable(/pixel limit/i.test(String((err as Error).message)));
  }
  const animated = (meta.pages ?? 1) > 1;
  const upright = () => (animated ? sharp(data, input) : sharp(data, input).rotate());
  try {
    const normalised = upright();
    if (type.ext === 'jpg') normalised.jpeg({ quality: 88 });
    else if (type.ext === 'png') normalised.png({ compressionLevel: 9 });
    else if (type.ext === 'webp') normalised.webp({ quality: 88 });
    else normalised.gif();
    const { data: original, info } = await normalised.toBuffer({ resolveWithObject: true });
    const width = info.width;
    const height = animated ? (meta.pageHeight ?? info.height) : info.height;
    const variants: ProcessedImage['variants'] = [];
    for (const w of variantWidths(width)) {
      const out = await upright().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const h = animated ? Math.max(1, Math.round((height * out.info.width) / width)) : out.info.height;
      variants.push({ width: out.info.width, height: h, data: out.data });
    }
    return { original, width, height, variants };
  } catch (err) {
    throw new ImageUnreadable(/pixel limit/i.test(String((err as Error).message)));
  }
}

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
      await recordAudit(tx, {
        actorId: actorId(actor),
        actorLabel: actorLabel(actor),
        ip: actorIp(actor),
        siteId,
        action: 'media.upload',
        targetType: 'media',
        targetId: inserted.id,
        summary: { name, kind: type.kind, mime: type.mime, bytes: stored.length, uploadedBytes: data.length, sha256, variants: variants.map((v) => v.width) },
      });
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
    await recordAudit(tx, {
      actorId: actorId(actor),
      actorLabel: actorLabel(actor),
      ip: actorIp(actor),
      siteId: before.site_id,
      action: 'media.update',
      targetType: 'media',
      targetId: id,
      summary: {
        name: before.original_name,
        ...(before.alt !== alt ? { alt: { from: before.alt, to: alt } } : {}),
        ...(before.caption !== caption ? { caption: { from: before.caption, to: caption } } : {}),
      },
    });
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
    await recordAudit(tx, {
      actorId: actorId(actor),
      actorLabel: actorLabel(actor),
      ip: actorIp(actor),
      siteId: before.site_id,
      action: 'media.delete',
      targetType: 'media',
      targetId: id,
      summary: { name: before.original_name, kind: before.kind, mime: before.mime, bytes: Number(before.bytes), sha256: before.sha256 },
    });
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
