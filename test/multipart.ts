/**
 * Uploads for tests: a FormClient that also posts multipart/form-data (as a browser does
 * with a file input, `_csrf` first), and small but real files of every kind the media
 * library takes or refuses, built in memory (stored ZIP, compound file, media headers).
 */
import { crc32 } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { FormClient } from './browser-like.ts';

export interface UploadFile {
  field?: string;
  filename: string;
  contentType?: string;
  data: Buffer;
}

/** A multipart/form-data body: the fields in order, then the file (when given; first with `fileFirst`). */
export function multipartBody(fields: Record<string, string>, file?: UploadFile, options: { fileFirst?: boolean } = {}): { body: Buffer; contentType: string } {
  const boundary = `----cong${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const quote = (v: string) => v.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  const fieldParts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'),
  );
  if (!options.fileFirst) parts.push(...fieldParts);
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field ?? 'file')}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  if (options.fileFirst) parts.push(...fieldParts);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export class UploadClient extends FormClient {
  /** Keeps cookies and the last CSRF token, as FormClient does. */
  remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.lastCsrf = m[1]!;
  }

  /**
   * Posts a form with a file as a browser does: `_csrf` (the last token seen unless given;
   * '' sends none) first, then the fields, then the file.
   */
  async postMultipart(url: string, fields: Record<string, string>, file?: UploadFile, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const all: Record<string, string> = fields._csrf === '' ? {} : { _csrf: fields._csrf ?? this.lastCsrf };
    for (const [k, v] of Object.entries(fields)) if (k !== '_csrf') all[k] = v;
    const { body, contentType } = multipartBody(all, file);
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload: body,
      headers: { host: this.host, cookie: this.cookieHeader(), 'content-type': contentType, ...headers },
    });
    this.remember(res);
    return res;
  }
}

// ── Files ────────────────────────────────────────────────────────────────────────────

/** A ZIP archive with stored (uncompressed) entries, in the given order. */
export function storedZip(entries: readonly { name: string; data: string | Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const OOXML_MAIN = {
  docx: { dir: 'word', part: 'document.xml', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' },
  docm: { dir: 'word', part: 'document.xml', type: 'application/vnd.ms-word.document.macroEnabled.main+xml' },
  xlsx: { dir: 'xl', part: 'workbook.xml', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
  pptx: { dir: 'ppt', part: 'presentation.xml', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml' },
} as const;

/** A minimal Office Open XML file (Word, Excel, PowerPoint; or Word with macros). */
export function ooxmlFile(kind: keyof typeof OOXML_MAIN): Buffer {
  const m = OOXML_MAIN[kind];
  return storedZip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${m.dir}/${m.part}" ContentType="${m.type}"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${m.dir}/${m.part}"/></Relationships>`,
    },
    { name: `${m.dir}/${m.part}`, data: '<?xml version="1.0" encoding="UTF-8"?><root>Xin chào</root>' },
  ]);
}

/** A minimal OpenDocument file (`mimetype` first, stored, as the standard requires). */
export function odfFile(kind: 'odt' | 'ods' | 'odp'): Buffer {
  const mime = { odt: 'text', ods: 'spreadsheet', odp: 'presentation' }[kind];
  return storedZip([
    { name: 'mimetype', data: `application/vnd.oasis.opendocument.${mime}` },
    {
      name: 'content.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
    },
  ]);
}

/**
 * A compound file (Office 97–2003 container) with the given storages/streams in its
 * directory: 512-byte sectors, one FAT sector, one directory sector. `rootClsid` as hex
 * of its stored bytes (a Windows Installer package has its own).
 */
export function compoundFile(streams: readonly { name: string; storage?: boolean }[], rootClsid = ''): Buffer {
  const S = 512;
  const buf = Buffer.alloc(S * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18);
  buf.writeUInt16LE(3, 0x1a);
  buf.writeUInt16LE(0xfffe, 0x1c);
  buf.writeUInt16LE(9, 0x1e);
  buf.writeUInt16LE(6, 0x20);
  buf.writeUInt32LE(1, 0x2c); // one FAT sector
  buf.writeUInt32LE(1, 0x30); // directory starts at sector 1
  buf.writeUInt32LE(4096, 0x38);
  buf.writeUInt32LE(0xfffffffe, 0x3c);
  buf.writeUInt32LE(0xfffffffe, 0x44);
  buf.writeUInt32LE(0, 0x4c); // FAT in sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  // FAT: sector 0 is the FAT itself, sector 1 (directory) ends its chain.
  const fat = S;
  buf.writeUInt32LE(0xfffffffd, fat);
  buf.writeUInt32LE(0xfffffffe, fat + 4);
  for (let i = 2; i < S / 4; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  const dir = 2 * S;
  const entry = (index: number, name: string, type: number, child = 0xffffffff, right = 0xffffffff) => {
    const at = dir + index * 128;
    const nameBytes = Buffer.from(`${name}\u0000`, 'utf16le');
    nameBytes.copy(buf, at);
    buf.writeUInt16LE(nameBytes.length, at + 0x40);
    buf[at + 0x42] = type;
    buf[at + 0x43] = 1;
    buf.writeUInt32LE(0xffffffff, at + 0x44);
    buf.writeUInt32LE(right, at + 0x48);
    buf.writeUInt32LE(child, at + 0x4c);
    buf.writeUInt32LE(0xfffffffe, at + 0x74);
  };
  entry(0, 'Root Entry', 5, streams.length ? 1 : 0xffffffff);
  if (rootClsid) Buffer.from(rootClsid, 'hex').copy(buf, dir + 0x50);
  for (const [i, s] of streams.slice(0, 3).entries())
    entry(i + 1, s.name, s.storage ? 1 : 2, 0xffffffff, i + 2 <= Math.min(streams.length, 3) ? i + 2 : 0xffffffff);
  return buf;
}

export const MSI_CLSID = '84100c0000000000c000000000000046';

/** A one-page PDF. */
export function pdfFile(text = 'Xin chao'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n4 0 obj<</Length ${text.length + 20}>>stream\nBT /F1 12 Tf (${text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** An MP3: ID3v2 tag, then MPEG-1 Layer III frames. */
export function mp3File(): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417, 0);
  Buffer.from([0xff, 0xfb, 0x90, 0x64]).copy(frame, 0);
  return Buffer.concat([id3, frame, frame, frame]);
}

function ftyp(brand: string): Buffer {
  const box = Buffer.alloc(32, 0);
  box.writeUInt32BE(32, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brand.padEnd(4, ' '), 8, 'latin1');
  box.write(brand.padEnd(4, ' '), 16, 'latin1');
  box.write('isom', 20, 'latin1');
  box.write('mp42', 24, 'latin1');
  const free = Buffer.alloc(64, 0);
  free.writeUInt32BE(64, 0);
  free.write('free', 4, 'latin1');
  return Buffer.concat([box, free]);
}

export const m4aFile = (): Buffer => ftyp('M4A');
export const mp4File = (): Buffer => ftyp('isom');

/** An Ogg page holding a Vorbis identification header. */
export function oggFile(): Buffer {
  const page = Buffer.alloc(28 + 30, 0);
  page.write('OggS', 0, 'latin1');
  page[5] = 0x02;
  page[26] = 1;
  page[27] = 30;
  Buffer.from('\x01vorbis', 'latin1').copy(page, 28);
  return page;
}

/** A WAV file with a short silence. */
export function wavFile(): Buffer {
  const samples = 800;
  const buf = Buffer.alloc(44 + samples * 2, 0);
  buf.write('RIFF', 0, 'latin1');
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVE', 8, 'latin1');
  buf.write('fmt ', 12, 'latin1');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(8000, 24);
  buf.writeUInt32LE(16000, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'latin1');
  buf.writeUInt32LE(samples * 2, 40);
  return buf;
}

/** The EBML header of a WebM file. */
export function webmFile(): Buffer {
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84]), Buffer.from('webm', 'latin1'), Buffer.alloc(64, 0)]);
}

/** The start of a Windows program ("MZ", then a PE header). */
export function exeFile(): Buffer {
  const buf = Buffer.alloc(512, 0);
  buf.write('MZ', 0, 'latin1');
  buf.writeUInt32LE(0x80, 0x3c);
  buf.write('PE\0\0', 0x80, 'latin1');
  buf.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return buf;
}

/** The start of a Linux program. */
export function elfFile(): Buffer {
  const buf = Buffer.alloc(128, 0);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]).copy(buf, 0);
  return buf;
}
