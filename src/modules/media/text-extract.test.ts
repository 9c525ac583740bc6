/**
 * Text of uploaded documents: PDF (made here with PDFKit and Be Vietnam Pro), DOCX and ODT
 * (zipped here from minimal valid parts), with Vietnamese diacritics intact; the guards
 * against hostile files (corrupt files, ZIP bombs, too many characters or pages, time); and
 * an upload through the media service storing the text, read back with documentTexts on
 * the database of the run (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { makeDocx, makeOdf, makePdf, W_NS } from '../../../test/document-fixtures.ts';
import { withTx } from '../../platform/db/create-db.ts';
import { createMemoryStorage } from '../../platform/storage/index.ts';
import type { Actor } from '../access/index.ts';
import { documentTexts } from './index.ts';
import * as service from './media.service.ts';
import { detectType } from './file-type.ts';
import { decodeXmlEntities, extractDocumentText, MAX_TEXT_CHARS, MAX_ZIP_ENTRY_BYTES, normaliseText } from './text-extract.ts';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

// ── Fixtures ────────────────────────────────────────────────────────────────────────

/** Makes a ZIP lie about an entry's uncompressed size (local header and central directory). */
function understate(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name, 'utf8');
  for (let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const nameLength = out.readUInt16LE(at + 28);
    if (!out.subarray(at + 46, at + 46 + nameLength).equals(nameBytes)) continue;
    out.writeUInt32LE(size, at + 24);
    out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
    return out;
  }
  throw new Error(`no entry ${name}`);
}

const TITLE = 'Quy chế quản lý đường dây nóng';

const DOCX_BODY = [
  // Tab stops in the paragraph properties are not text; xml:space="preserve" keeps the space.
  `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Quy chế quản lý</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> đường dây nóng</w:t></w:r></w:p>`,
  // A tab, an entity, a line break, a tracked deletion (left out), a field code (left out).
  `<w:p><w:r><w:t>Điều 1.</w:t></w:r><w:r><w:tab/><w:t>Phạm vi &amp; đối tượng &#8220;điều chỉnh&#x201D;</w:t></w:r><w:r><w:br/><w:t>Ủy ban nhân dân tỉnh</w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>văn bản đã xoá</w:delText></w:r></w:del><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r></w:p>`,
  // A table: one line per cell.
  `<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Số điện thoại</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0243 111 222</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
  // Decomposed (NFD) letters come out composed.
  `<w:p><w:r><w:t>${'Thủ tục hành chính'.normalize('NFD')}</w:t></w:r></w:p>`,
].join('\n');

const ODT_BODY = `<office:text>
      <text:h text:outline-level="1">${TITLE}</text:h>
      <text:p text:style-name="P1">Điều 1.<text:tab/>Phạm vi &amp; đối<text:s/>tượng<office:annotation><dc:creator>A</dc:creator><text:p>ghi chú riêng</text:p></office:annotation><text:line-break/>Ủy ban <text:span text:style-name="T1">nhân dân</text:span>
 tỉnh</text:p>
      <text:list><text:list-item><text:p>Tiếp nhận phản ánh, kiến nghị</text:p></text:list-item></text:list>
    </office:text>`;

// ── Extraction ──────────────────────────────────────────────────────────────────────

describe('extractDocumentText', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await makePdf([[TITLE, 'Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng'], ['Trang hai: Ủy ban nhân dân tỉnh Hòa Bình — “trích dẫn” ỹ Ỹ ặ']]);
  });

  it('reads a PDF with its Vietnamese letters, page after page', async () => {
    const text = await extractDocumentText(pdf, PDF);
    expect(text).toContain(TITLE);
    expect(text).toContain('Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng');
    expect(text).toContain('Trang hai: Ủy ban nhân dân tỉnh Hòa Bình — “trích dẫn” ỹ Ỹ ặ');
    expect(text.indexOf(TITLE)).toBeLessThan(text.indexOf('Trang hai'));
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/\n\n| {2}|^\s|\s$/);
  });

  it('leaves the uploaded bytes as they were (PDF.js gets a copy)', async () => {
    const before = createHash('sha256').update(pdf).digest('hex');
    await extractDocumentText(pdf, PDF);
    expect(pdf.length).toBeGreaterThan(0);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(before);
  });

  it('reads a DOCX: runs, tabs, breaks, tables and entities; not tab stops, deletions or field codes', async () => {
    const docx = makeDocx(DOCX_BODY);
    expect(await extractDocumentText(docx, DOCX)).toBe(
      [TITLE, 'Điều 1. Phạm vi & đối tượng “điều chỉnh”', 'Ủy ban nhân dân tỉnh', 'Số điện thoại', '0243 111 222', 'Thủ tục hành chính'].join('\n'),
    );
  });

  it('finds the main part of a DOCX through its package relationships', async () => {
    const files: Zippable = {
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="/noi-dung/chinh.xml" Id="rId1" Type='http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'/></Relationships>`,
      ),
      'word/document.xml': strToU8(`<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>không phải phần chính</w:t></w:r></w:p></w:body></w:document>`),
      'noi-dung/chinh.xml': strToU8(`<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>Phần chính của văn bản</w:t></w:r></w:p></w:body></w:document>`),
    };
    expect(await extractDocumentText(Buffer.from(zipSync(files)), DOCX)).toBe('Phần chính của văn bản');
  });

  it('reads an ODT: headings, paragraphs, spans, spaces, tabs, line breaks, lists; not comments', async () => {
    const odt = makeOdf('text', ODT_BODY);
    expect(await extractDocumentText(odt, ODT)).toBe(
      [TITLE, 'Điều 1. Phạm vi & đối tượng', 'Ủy ban nhân dân tỉnh', 'Tiếp nhận phản ánh, kiến nghị'].join('\n'),
    );
  });

  it('reads an ODS with the same code (one line per cell)', async () => {
    const ods = makeOdf(
      'spreadsheet',
      `<office:spreadsheet><table:table table:name="Trang tính 1"><table:table-row><table:table-cell office:value-type="string"><text:p>Đơn vị</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="12"><text:p>12</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>`,
    );
    expect(await extractDocumentText(ods, ODS)).toBe('Đơn vị\n12');
  });

  it('gives the media library fixtures it recognises as DOCX and ODT', async () => {
    expect(await detectType(makeDocx(DOCX_BODY))).toMatchObject({ ok: true, type: { mime: DOCX, ext: 'docx' } });
    expect(await detectType(makeOdf('text', ODT_BODY))).toMatchObject({ ok: true, type: { mime: ODT, ext: 'odt' } });
    expect(await detectType(pdf)).toMatchObject({ ok: true, type: { mime: PDF } });
  });

  it('gives "" for a type it does not read, or no bytes', async () => {
    expect(await extractDocumentText(pdf, 'image/png')).toBe('');
    expect(await extractDocumentText(makeDocx(DOCX_BODY), 'application/msword')).toBe('');
    expect(await extractDocumentText(makeDocx(DOCX_BODY), 'application/zip')).toBe('');
    expect(await extractDocumentText(Buffer.alloc(0), PDF)).toBe('');
  });

  it('gives "" for corrupt files, without throwing', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251))]);
    expect(await extractDocumentText(garbage, PDF)).toBe('');
    expect(await extractDocumentText(Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog'), PDF)).toBe('');
    const docx = makeDocx(DOCX_BODY);
    expect(await extractDocumentText(docx.subarray(0, docx.length - 30), DOCX)).toBe('');
    expect(await extractDocumentText(garbage, DOCX)).toBe('');
    expect(await extractDocumentText(pdf, ODT)).toBe('');
    // A ZIP without the part.
    expect(await extractDocumentText(Buffer.from(zipSync({ 'a.txt': strToU8('x') })), ODT)).toBe('');
    // Broken XML still gives what can be read, and never more than its text.
    expect(await extractDocumentText(makeDocx('<w:p><w:r><w:t>Còn đọc được</w:t></w:r></w:p><w:p><w:r><w:t>dở <dang'), DOCX)).toBe('Còn đọc được\ndở dang');
  });

  it('refuses a ZIP entry over the limit (a "bomb"), declared or understated', async () => {
    const head = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>${TITLE}</w:t></w:r></w:p>`;
    const bomb = Buffer.concat([Buffer.from(head), Buffer.alloc(MAX_ZIP_ENTRY_BYTES + 1024 * 1024, 0x20), Buffer.from('</w:body></w:document>')]);
    const zipped = makeDocx(bomb, { level: 1 });
    expect(zipped.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    expect(await extractDocumentText(zipped, DOCX)).toBe('');
    // The same entry claiming 4 KB: inflating stops as soon as it passes what it claimed.
    expect(await extractDocumentText(understate(zipped, 'word/document.xml', 4096), DOCX)).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
    // Below the limit the same shape is read.
    const fine = Buffer.concat([Buffer.from(head), Buffer.alloc(1024 * 1024, 0x20), Buffer.from('</w:body></w:document>')]);
    expect(await extractDocumentText(makeDocx(fine), DOCX)).toBe(TITLE);
  });

  it(`keeps at most ${MAX_TEXT_CHARS} characters`, async () => {
    const paragraph = `<w:p><w:r><w:t>${'Đường dây nóng tiếp nhận phản ánh '.repeat(10)}</w:t></w:r></w:p>`;
    const text = await extractDocumentText(makeDocx(paragraph.repeat(1500)), DOCX);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text.length).toBeGreaterThan(MAX_TEXT_CHARS - 100);
    expect(text.startsWith('Đường dây nóng tiếp nhận phản ánh Đường')).toBe(true);
  });

  it('reads the first 300 pages of a PDF only', async () => {
    const long = await makePdf(Array.from({ length: 303 }, (_, i) => [`Trang số ${i + 1} của văn bản`]));
    const text = await extractDocumentText(long, PDF);
    expect(text).toContain('Trang số 1 của văn bản');
    expect(text).toContain('Trang số 300 của văn bản');
    expect(text).not.toContain('Trang số 301');
  });

  it('stops when its time is up, without throwing', async () => {
    const long = await makePdf(Array.from({ length: 40 }, (_, i) => [`Trang số ${i + 1}`]));
    const started = Date.now();
    const text = await extractDocumentText(long, PDF, { timeLimitMs: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(text).not.toContain('Trang số 40');
  });
});

describe('normaliseText and entities', () => {
  it('collapses spaces, keeps paragraph breaks single, strips control and invisible characters, composes NFC', () => {
    const raw = `  Quy\u00a0chế\t\tquản  lý\r\n\r\n\n  đường\u0007 dây\u00ad nóng\u200b \u2028${'Hòa Bình'.normalize('NFD')}\u0000\ufeff  \n\n`;
    expect(normaliseText(raw)).toBe('Quy chế quản lý\nđường dây nóng\nHòa Bình');
  });

  it('never cuts a surrogate pair in two', () => {
    const text = normaliseText(`${'a'.repeat(MAX_TEXT_CHARS - 1)}😀tail`);
    expect(text.length).toBe(MAX_TEXT_CHARS - 1);
    expect(text.isWellFormed()).toBe(true);
  });

  it('decodes XML references, dropping invalid ones', () => {
    expect(decodeXmlEntities('&lt;a&gt; &amp;amp; &quot;&apos; &#7889;&#x1EC7; &#0; &#x110000; &nbsp;')).toBe(`<a> &amp; "' ốệ   &nbsp;`);
  });
});

// ── Upload and documentTexts ────────────────────────────────────────────────────────

describe('upload stores the text; documentTexts reads it', () => {
  let handle: TestDatabase;
  let deps: service.MediaDeps;
  let siteId: number;
  let editor: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    deps = { db: handle.db, storage: createMemoryStorage() };
    const site = await sql<{
      id: number;
    }>`insert into sites (code, kind, name_vi, name_en) values ('so-tt', 'portal', 'Sở Thông tin', 'Department of Information') returning id`.execute(
      handle.db,
    );
    siteId = site.rows[0]!.id;
    const account = await sql<{
      id: number;
    }>`insert into accounts (email, name, phone, unit, password_hash) values ('bientap@so-tt.example', 'Biên tập', '', '', 'x') returning id`.execute(
      handle.db,
    );
    editor = {
      kind: 'person',
      accountId: account.rows[0]!.id,
      email: 'bientap@so-tt.example',
      ip: '10.1.2.3',
      sessionId: null,
      grants: [{ role: 'board_member', siteId, unit: null }],
    };
  });
  afterAll(async () => {
    await handle?.destroy();
  });

  it('stores the text of an uploaded PDF and DOCX, and none for a file it cannot read', async () => {
    const pdf = await service.uploadMedia(deps, editor, siteId, { data: await makePdf([[TITLE, 'Điều 2. Trách nhiệm của Sở']]), originalName: 'Quy chế.pdf' });
    const docx = await service.uploadMedia(deps, editor, siteId, { data: makeDocx(DOCX_BODY), originalName: 'Kế hoạch.docx' });
    const broken = await service.uploadMedia(deps, editor, siteId, { data: Buffer.from('%PDF-1.4\n%hỏng rồi\n'), originalName: 'Hỏng.pdf' });
    expect([pdf.mime, docx.mime, broken.mime]).toEqual([PDF, DOCX, PDF]);

    const rows = await handle.db.selectFrom('media').select(['id', 'text_content']).where('id', 'in', [pdf.id, docx.id, broken.id]).orderBy('id').execute();
    expect(rows[0]!.text_content).toBe(`${TITLE}\nĐiều 2. Trách nhiệm của Sở`);
    expect(rows[1]!.text_content).toContain('Điều 1. Phạm vi & đối tượng “điều chỉnh”\nỦy ban nhân dân tỉnh');
    expect(rows[2]!.text_content).toBe('');

    // Read by another module inside its own transaction (PGlite: one session, so only the transaction may be used).
    const texts = await withTx(handle.db, (tx) => documentTexts(tx, [pdf.id, docx.id, broken.id, pdf.id, 2_000_000_000]));
    expect(texts).toBeInstanceOf(Map);
    expect([...texts.keys()].sort((a, b) => a - b)).toEqual([pdf.id, docx.id, broken.id].sort((a, b) => a - b));
    expect(texts.get(pdf.id)).toContain(TITLE);
    expect(texts.get(docx.id)).toContain('Số điện thoại\n0243 111 222');
    expect(texts.get(broken.id)).toBe('');
  });

  it('answers an empty list with an empty map, without a query', async () => {
    const noQuery = new Proxy(handle.db, {
      get() {
        throw new Error('no query expected');
      },
    });
    const texts = await documentTexts(noQuery, []);
    expect(texts.size).toBe(0);
    expect((await documentTexts(handle.db, [0, -1, 1.5, Number.NaN])).size).toBe(0);
  });
});
