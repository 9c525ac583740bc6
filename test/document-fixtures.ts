/** Office documents made in tests: a PDF (PDFKit, Be Vietnam Pro), a DOCX and an OpenDocument file zipped from minimal valid parts. */
import { createRequire } from 'node:module';
import { strToU8, zipSync, type Zippable } from 'fflate';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf');

/** A PDF written by PDFKit in Be Vietnam Pro (embedded subset with a ToUnicode map), one string per page. */
export function makePdf(pages: readonly (readonly string[])[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ pdfVersion: '1.3', font: FONT, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const lines of pages) {
      doc.addPage({ size: 'A4' });
      doc.font(FONT).fontSize(12);
      for (const line of lines) doc.text(line);
    }
    doc.end();
  });
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal valid Word document: content types, package relationships, the main part. */
export function makeDocx(body: string | Uint8Array, options: { level?: 0 | 1 | 6 } = {}): Buffer {
  const document =
    typeof body === 'string'
      ? strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr/></w:body></w:document>`)
      : body;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': document,
  };
  return Buffer.from(zipSync(files, { level: options.level ?? 6 }));
}

/** A minimal valid OpenDocument file: `mimetype` first and stored, the manifest, content.xml. */
export function makeOdf(kind: 'text' | 'spreadsheet', body: string): Buffer {
  const mime = `application/vnd.oasis.opendocument.${kind}`;
  const files: Zippable = {
    mimetype: [strToU8(mime), { level: 0 }],
    'META-INF/manifest.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ),
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">\n  <office:body>\n    ${body}\n  </office:body>\n</office:document-content>`,
    ),
  };
  return Buffer.from(zipSync(files));
}
