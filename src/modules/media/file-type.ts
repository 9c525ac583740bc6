/**
 * What a file is, decided from its bytes alone (file-type's signatures, the directory of a compound
 * file, the start of a text), against the allow-list of the library; and, for a refused file, the
 * Vietnamese sentence that says what it really is and why it is refused.
 */
import type { MediaKind } from './media.present.ts';
import { compoundFileDirectory } from './compound-file.ts';
import { nameExt } from './file-name.ts';

export interface AcceptedType {
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
/** The class id of Windows Installer packages, as stored (little-endian GUID). */
const MSI_CLSID = '84100c0000000000c000000000000046';

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

/** Extensions of the accepted types: a file named like this but refused is a disguised file. */
const HARMLESS_LOOKING_EXTS = new Set(
  'jpg jpeg jpe jfif png gif webp pdf doc docx xls xlsx ppt pptx odt ods odp mp3 m4a ogg oga opus wav mp4 webm txt rtf'.split(' '),
);

const ACCEPTED_LIST =
  'Chỉ nhận: ảnh JPEG, PNG, WebP, GIF; tài liệu PDF, Word, Excel, PowerPoint (cả bản 97–2003), OpenDocument (ODT, ODS, ODP); âm thanh MP3, M4A, OGG, WAV; video MP4, WebM.';

export type Detection = { ok: true; type: AcceptedType } | { ok: false; refusal: 'executable' | 'macro' | 'archive' | 'unsupported' | 'unknown'; what: string };

/** Decides what a file is from its bytes alone. */
export async function detectType(data: Buffer): Promise<Detection> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(data);
  if (found?.ext === 'cfb') return classifyCompoundFile(data);
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

function classifyCompoundFile(data: Buffer): Detection {
  const entries = compoundFileDirectory(data);
  if (!entries) return { ok: false, refusal: 'unknown', what: '' };
  if (entries.rootClsid === MSI_CLSID) return { ok: false, refusal: 'executable', what: EXECUTABLES.msi! };
  const match = CFB_TYPES.find((c) => entries.names.has(c.stream));
  if (!match) return { ok: false, refusal: 'unsupported', what: 'tệp Microsoft dạng CFB không phải Word, Excel hay PowerPoint' };
  if ([...entries.names].some((n) => CFB_MACRO_STREAMS.has(n))) return { ok: false, refusal: 'macro', what: `tài liệu Office có macro (.${match.type.ext})` };
  return { ok: true, type: match.type };
}

/** The code and sentence of a refused file, named as the uploader named it. */
export function refusalMessage(d: Extract<Detection, { ok: false }>, name: string): { code: string; message: string } {
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
