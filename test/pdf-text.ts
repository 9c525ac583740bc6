/**
 * Just enough of a PDF reader for tests of the PDFs PDFKit writes: objects, Flate streams,
 * the fonts' ToUnicode maps, and the text shown by the content streams (one line per text
 * object), so a test can read what a person would see without poppler. Not a general
 * PDF parser: no object streams, no cross-reference streams, no encryption.
 */
import zlib from 'node:zlib';

export interface PdfObject {
  id: number;
  dict: string;
  /** The stream's bytes, inflated when it was FlateDecode. */
  stream?: Buffer;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const id = Number(m[1]);
    const start = header.lastIndex;
    // The dictionary, then either endobj or a stream of exactly /Length bytes.
    const next = /\bstream\r?\n|\bendobj/g;
    next.lastIndex = start;
    const end = next.exec(text);
    if (!end) break;
    const dict = text.slice(start, end.index);
    if (end[0] === 'endobj') {
      out.set(id, { id, dict });
      continue;
    }
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
    if (!Number.isFinite(length)) throw new Error(`object ${id}: stream without a direct /Length`);
    const from = end.index + end[0].length;
    let stream = pdf.subarray(from, from + length);
    if (/\/Filter\s*\/FlateDecode/.test(dict)) stream = zlib.inflateSync(stream);
    out.set(id, { id, dict, stream: Buffer.from(stream) });
    header.lastIndex = from + length;
  }
  return out;
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const units = (hex: string) =>
    String.fromCharCode(
      ...hex
        .trim()
        .split(/\s+/)
        .map((h) => parseInt(h, 16)),
    );
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = parseInt(m[1]!, 16);
    for (const [i, u] of [...m[3]!.matchAll(/<([^>]*)>/g)].entries()) map.set(start + i, units(u[1]!));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([^>]*)>/g)) map.set(parseInt(m[1]!, 16), units(m[2]!));
  }
  return map;
}

/** The text of every page, in drawing order, one line per text object. */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  // Resource name (F1) → font object → its ToUnicode map.
  const maps = new Map<string, Map<number, string>>();
  for (const o of objects.values()) {
    for (const fonts of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const f of fonts[1]!.matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(f[2]));
        const ref = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
        const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
        if (cmap) maps.set(f[1]!, parseToUnicode(cmap.toString('latin1')));
      }
    }
  }
  const lines: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || /\/(Length1|Subtype\s*\/(Image|XML))/.test(o.dict)) continue;
    const content = o.stream.toString('latin1');
    if (!/\bBT\b/.test(content) || !/\bTf\b/.test(content)) continue;
    let font: Map<number, string> | undefined;
    let line = '';
    const decode = (hex: string) => {
      for (let i = 0; i + 4 <= hex.length; i += 4) line += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
    };
    for (const m of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g)) {
      if (m[1]) font = maps.get(m[1]);
      else if (m[2] !== undefined) for (const h of m[2].matchAll(/<([0-9a-fA-F]*)>/g)) decode(h[1]!);
      else if (m[3] !== undefined) decode(m[3]);
      else {
        lines.push(line);
        line = '';
      }
    }
  }
  return lines.join('\n');
}

/** The same text with the lines joined, for phrases a line break may split. */
export function pdfFlatText(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}
