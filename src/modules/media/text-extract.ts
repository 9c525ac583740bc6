/**
 * The text of uploaded documents, for search: PDF (PDF.js, through unpdf's serverless build),
 * Word (DOCX) and OpenDocument (ODT, ODS, ODP; the same content.xml) read from their ZIP
 * container with yauzl. Both libraries are loaded with the first document, not at start.
 *
 * Hostile files are expected: at most MAX_TEXT_CHARS characters come out, a ZIP entry may
 * hold at most MAX_ZIP_ENTRY_BYTES (declared and actually inflated: yauzl checks the
 * inflated bytes against the declared size as they come, so a "bomb" that understates its
 * size stops there), at most MAX_PDF_PAGES pages are read, and the whole extraction gives up
 * after TIME_LIMIT_MS (a PDF keeps the pages read by then). Nothing here throws: a file
 * that cannot be read gives '' and its upload goes on.
 */
import type { Entry, ZipFile } from 'yauzl';

/** The most characters kept of one document. */
export const MAX_TEXT_CHARS = 300_000;
/** The largest uncompressed ZIP entry read (a larger one is refused, and the file gives ''). */
export const MAX_ZIP_ENTRY_BYTES = 50 * 1024 * 1024;
/** Pages of a PDF read at most (the first ones). */
export const MAX_PDF_PAGES = 300;
/** Time given to one document. */
export const TIME_LIMIT_MS = 15_000;
/** Entries of a ZIP's directory looked at (a real document has a few dozen). */
const MAX_ZIP_ENTRIES = 10_000;
/** Raw text gathered before normalising: enough for MAX_TEXT_CHARS after whitespace is collapsed. */
const RAW_LIMIT = MAX_TEXT_CHARS * 4;
/** XML nested deeper than this is not read further (real documents nest a few dozen levels). */
const MAX_XML_DEPTH = 2_000;

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODF = 'application/vnd.oasis.opendocument';
const ODF_TYPES = new Set([`${ODF}.text`, `${ODF}.spreadsheet`, `${ODF}.presentation`]);

/** The mime types whose text is extracted. */
export const EXTRACTED_MIMES: ReadonlySet<string> = new Set([PDF, DOCX, ...ODF_TYPES]);

export interface ExtractOptions {
  /** Milliseconds for this document (TIME_LIMIT_MS by default; tests use less). */
  timeLimitMs?: number;
}

/**
 * The text of a PDF, DOCX or ODT/ODS/ODP file (`mime` as the media library detected it from
 * the content): NFC, no control characters, runs of spaces collapsed, one newline between
 * paragraphs, at most MAX_TEXT_CHARS characters. '' for other types and for anything that
 * cannot be read.
 */
export async function extractDocumentText(data: Buffer, mime: string, options: ExtractOptions = {}): Promise<string> {
  try {
    if (!Buffer.isBuffer(data) || data.length === 0 || !EXTRACTED_MIMES.has(mime)) return '';
    const deadline = Date.now() + (options.timeLimitMs ?? TIME_LIMIT_MS);
    let raw: string;
    if (mime === PDF) raw = await pdfText(data, deadline);
    else if (mime === DOCX) raw = await docxText(data, deadline);
    else raw = await odfText(data, deadline);
    return normaliseText(raw);
  } catch {
    return '';
  }
}

// ── Normalising ─────────────────────────────────────────────────────────────────────

/**
 * Line separators to '\n'; tabs and other spaces to ' '; control characters, soft hyphens,
 * zero-width characters and byte-order marks removed; NFC; spaces collapsed; lines
 * trimmed; empty lines dropped; cut to MAX_TEXT_CHARS (never inside a surrogate pair).
 */
export function normaliseText(raw: string): string {
  let text = raw
    .toWellFormed()
    .replace(/\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g, '\n')
    .replace(/[\t\p{Zs}]+/gu, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .normalize('NFC')
    .replace(/ {2,}/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
  if (text.length > MAX_TEXT_CHARS) {
    let end = MAX_TEXT_CHARS;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    text = text.slice(0, end).trimEnd();
  }
  return text;
}

// ── Time ────────────────────────────────────────────────────────────────────────────

class TimeUp extends Error {}

/** The promise, or TimeUp when the deadline comes first. */
function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeUp('time limit')), Math.max(0, deadline - Date.now()));
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────

/** The text of the first MAX_PDF_PAGES pages, one line per line PDF.js sees, pages on new lines. */
async function pdfText(data: Buffer, deadline: number): Promise<string> {
  const { getResolvedPDFJS } = await import('unpdf');
  const pdfjs = await beforeDeadline(getResolvedPDFJS(), deadline);
  const task = pdfjs.getDocument({
    // A copy: PDF.js wants a plain Uint8Array and may take over its buffer; the upload is stored after this.
    data: new Uint8Array(data),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  const parts: string[] = [];
  let length = 0;
  try {
    const pdf = await beforeDeadline(task.promise, deadline);
    const pages = Math.min(pdf.numPages, MAX_PDF_PAGES);
    for (let n = 1; n <= pages && length < RAW_LIMIT; n++) {
      if (Date.now() >= deadline) break;
      try {
        const page = await beforeDeadline(pdf.getPage(n), deadline);
        const content = await beforeDeadline(page.getTextContent(), deadline);
        let text = '';
        for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
        page.cleanup();
        parts.push(text);
        length += text.length + 1;
      } catch (err) {
        // The pages read so far are kept when time runs out; a page that cannot be read is skipped.
        if (err instanceof TimeUp) break;
      }
    }
  } finally {
    void task.destroy().catch(() => {});
  }
  return parts.join('\n');
}

// ── ZIP containers ──────────────────────────────────────────────────────────────────

class Refused extends Error {}

/** Reads the text of a ZIP's entries by name (undefined when there is none): what `use` asks for. */
async function withZip<T>(data: Buffer, deadline: number, use: (read: (name: string) => Promise<string | undefined>) => Promise<T>): Promise<T> {
  const yauzl = await import('yauzl');
  const zip: ZipFile = await beforeDeadline(
    yauzl.fromBufferPromise(data, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }),
    deadline,
  );
  try {
    // The central directory (the first entry of each name), then only the entries asked for are inflated.
    const entries = new Map<string, Entry>();
    let count = 0;
    for await (const entry of zip.eachEntry()) {
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      if (++count >= MAX_ZIP_ENTRIES || Date.now() >= deadline) break;
    }
    return await use(async (name) => {
      const entry = entries.get(name);
      return entry ? decodeXmlBytes(await readEntry(zip, entry, deadline)) : undefined;
    });
  } finally {
    zip.close();
  }
}

/** One entry's bytes: refused when it says it is larger than the limit, or inflates to more than it says. */
async function readEntry(zip: ZipFile, entry: Entry, deadline: number): Promise<Buffer> {
  if (entry.uncompressedSize > MAX_ZIP_ENTRY_BYTES) throw new Refused(`zip entry too large: ${entry.fileName}`);
  const stream = await beforeDeadline(zip.openReadStreamPromise(entry), deadline);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_ZIP_ENTRY_BYTES) throw new Refused(`zip entry too large: ${entry.fileName}`);
      if (Date.now() >= deadline) throw new TimeUp('time limit');
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

/** XML bytes as text: UTF-16 when a byte-order mark says so, else UTF-8 (OOXML and ODF use UTF-8). */
function decodeXmlBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

// ── The text of XML ─────────────────────────────────────────────────────────────────

/** What carries text in one XML vocabulary (qualified names, with the prefixes both formats always use). */
interface XmlRules {
  /** Paragraphs: a line break before and after. */
  paragraphs: ReadonlySet<string>;
  /** Elements whose character data is text; when absent, all character data inside a paragraph is. */
  textIn?: ReadonlySet<string>;
  /** Empty elements that stand for a character: tab, line break, space… */
  chars: ReadonlyMap<string, string>;
  /** Elements whose whole content is left out: properties, comments, deleted text, duplicates. */
  skip: ReadonlySet<string>;
  /** Whether whitespace in character data is collapsed to one space (ODF), or kept (OOXML's w:t). */
  collapseSpace: boolean;
}

const DOCX_RULES: XmlRules = {
  paragraphs: new Set(['w:p']),
  textIn: new Set(['w:t']),
  chars: new Map([
    ['w:tab', '\t'],
    ['w:ptab', '\t'],
    ['w:br', '\n'],
    ['w:cr', '\n'],
    ['w:noBreakHyphen', '-'],
  ]),
  // Properties hold tab stops (w:tab) but no text; mc:Fallback repeats the text boxes of mc:Choice.
  // Tracked deletions and the old place of moved text are left out; field codes (w:instrText)
  // and comments (another part) are never w:t.
  skip: new Set(['w:pPr', 'w:rPr', 'w:sectPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'mc:Fallback', 'w:del', 'w:moveFrom']),
  collapseSpace: false,
};

const ODF_RULES: XmlRules = {
  paragraphs: new Set(['text:p', 'text:h']),
  chars: new Map([
    ['text:s', ' '],
    ['text:tab', '\t'],
    ['text:line-break', '\n'],
  ]),
  // Comments, tracked deletions and a footnote's number are not the document's text.
  skip: new Set(['office:annotation', 'text:tracked-changes', 'text:note-citation', 'office:forms']),
  collapseSpace: true,
};

/**
 * XML tokens: comment, CDATA, declaration or processing instruction, tag (name, attributes,
 * and a trailing '/' when empty), a stray '<', character data. No part can run past the next
 * '<' except comments and CDATA (which end at their terminator or the end), so scanning is
 * linear even on broken input ('<' is not allowed in attribute values).
 */
const XML_TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^<>]*>?|<(\/?)([A-Za-z_][\w.:-]*)((?:"[^"<]*"|'[^'<]*'|[^'"<>])*)>|<|([^<]+)/g;

const XML_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references decoded (an invalid code point becomes nothing). */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(XML_ENTITY, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The text of an XML document by `rules`: paragraphs on their own lines, tabs and breaks kept (raw, before normalising). */
function xmlText(xml: string, rules: XmlRules): string {
  const out: string[] = [];
  let length = 0;
  const push = (s: string) => {
    out.push(s);
    length += s.length;
  };
  let skipDepth = 0; // > 0 inside a skipped element
  let paragraphDepth = 0;
  let textDepth = 0; // inside an element of rules.textIn
  // The open elements, and how many of each name (a closing tag nothing matches costs nothing).
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const enter = (name: string) => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  XML_TOKEN.lastIndex = 0;
  for (let m = XML_TOKEN.exec(xml); m && length < RAW_LIMIT && stack.length < MAX_XML_DEPTH; m = XML_TOKEN.exec(xml)) {
    const [, cdata, closing, name, attrs, chars] = m;
    if (chars !== undefined || cdata !== undefined) {
      if (skipDepth || !(rules.textIn ? textDepth : paragraphDepth)) continue;
      let text = chars !== undefined ? decodeXmlEntities(chars) : cdata!;
      if (rules.collapseSpace) text = text.replace(/[ \t\r\n]+/g, ' ');
      push(text);
      continue;
    }
    if (name === undefined) continue; // comment, declaration, processing instruction, stray '<'
    const empty = attrs!.endsWith('/');
    if (closing) {
      // Close up to the matching open element (tolerates unbalanced input).
      if (!openCount.get(name)) continue;
      for (const open of stack.splice(stack.lastIndexOf(name)).reverse()) {
        openCount.set(open, openCount.get(open)! - 1);
        leave(open);
      }
      continue;
    }
    if (skipDepth) {
      if (!empty) enter(name);
      if (!empty && rules.skip.has(name)) skipDepth++;
      continue;
    }
    const char = rules.chars.get(name);
    if (char !== undefined) {
      if (rules.textIn ? true : paragraphDepth) push(char);
      if (!empty) enter(name);
      continue;
    }
    if (empty) {
      if (rules.paragraphs.has(name)) push('\n');
      continue;
    }
    enter(name);
    if (rules.skip.has(name)) skipDepth++;
    else if (rules.paragraphs.has(name)) {
      paragraphDepth++;
      push('\n');
    } else if (rules.textIn?.has(name)) textDepth++;
  }
  return out.join('');

  function leave(name: string): void {
    if (rules.skip.has(name) && skipDepth) skipDepth--;
    else if (skipDepth) return;
    else if (rules.paragraphs.has(name)) {
      paragraphDepth = Math.max(0, paragraphDepth - 1);
      push('\n');
    } else if (rules.textIn?.has(name)) textDepth = Math.max(0, textDepth - 1);
  }
}

/** The value of an attribute in a tag's attribute text ('' when absent). */
function attribute(attrs: string, name: string): string {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:-]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXmlEntities(m[1] ?? m[2] ?? '') : '';
}

// ── DOCX, ODT ───────────────────────────────────────────────────────────────────────

/** The main part of a Word document: the package relationship of type officeDocument (word/document.xml when missing). */
function officeDocumentPart(rels: string | undefined): string {
  for (const m of (rels ?? '').matchAll(/<(?:\w+:)?Relationship\s((?:"[^"<]*"|'[^'<]*'|[^'"<>])*)>/g)) {
    const attrs = m[1]!;
    if (!/\/officeDocument$/.test(attribute(attrs, 'Type'))) continue;
    const segments = attribute(attrs, 'Target')
      .replace(/\\/g, '/')
      .split('/')
      .filter((s) => s && s !== '.');
    if (segments.length && !segments.includes('..')) return segments.join('/');
  }
  return 'word/document.xml';
}

async function docxText(data: Buffer, deadline: number): Promise<string> {
  return withZip(data, deadline, async (read) => {
    const main = officeDocumentPart(await read('_rels/.rels'));
    const xml = await read(main);
    return xml === undefined ? '' : xmlText(xml, DOCX_RULES);
  });
}

/** ODT, ODS, ODP: the body is content.xml in all three. */
async function odfText(data: Buffer, deadline: number): Promise<string> {
  return withZip(data, deadline, async (read) => {
    const xml = await read('content.xml');
    return xml === undefined ? '' : xmlText(xml, ODF_RULES);
  });
}
