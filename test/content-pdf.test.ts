/** An item as a PDF download (PUB-3): Vietnamese text intact, the font embedded, nothing active. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { contentFixtures, news, type ContentFixtures } from './content-fixtures.ts';
import { pdfFlatText, pdfObjects, pdfText } from './pdf-text.ts';
import { renderItemPdf } from '../src/modules/content/views/item-pdf.view.ts';
import { htmlToBlocks } from '../src/modules/content/views/pdf-blocks.ts';
import type { ContentItemRow } from '../src/platform/db/schema.ts';

let t: TestApp;
let f: ContentFixtures;

beforeAll(async () => {
  t = await buildTestApp({ env: { PAGE_CACHE: 'false' } });
  f = await contentFixtures(t);
});
afterAll(async () => {
  await t?.close();
});

const BODY = [
  '<h2>Điều 1. Phạm vi điều chỉnh</h2>',
  '<p>Quy chế quy định việc <strong>cải cách hành chính</strong> và <em>chuyển đổi số</em> trên <a href="https://chinhphu.vn">Cổng Chính phủ</a>.</p>',
  '<ul><li>Công khai thủ tục hành chính;</li><li>Số hóa hồ sơ<ol><li>trong ba ngày làm việc;</li></ol></li></ul>',
  '<table><caption>Kết quả quý III</caption><thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Số lượng</th></tr></thead><tbody><tr><th scope="row">Hồ sơ đúng hạn</th><td>150.207</td></tr><tr><td colspan="2">Tỷ lệ đúng hạn đạt 98,6%</td></tr></tbody></table>',
  '<blockquote><p>Đổi mới, sáng tạo, phục vụ Nhân dân.</p></blockquote>',
].join('');

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the PDF of an item', () => {
  let item: ContentItemRow;
  let pdf: Buffer;

  beforeAll(async () => {
    item = await f.publish(news('Thành phố Hà Nội đẩy mạnh cải cách hành chính năm 2026', { bodyHtml: BODY, isReference: true }));
    const res = await f.get(`/tin/${item.slug}/pdf`);
    expect(res.statusCode).toBe(200);
    pdf = res.rawPayload;
  });

  it('is a PDF download named after the item', async () => {
    const res = await f.get(`/tin/${item.slug}/pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${item.slug}.pdf`);
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=60\b/);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    // The same document every time, so it revalidates.
    expect(Buffer.compare(res.rawPayload, pdf)).toBe(0);
    expect((await f.get(`/tin/${item.slug}/pdf`, { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);
  });

  it('embeds Be Vietnam Pro with a ToUnicode map, and no other font', () => {
    const fonts = [...pdfObjects(pdf).values()].filter((o) => /\/Type\s*\/Font\b/.test(o.dict) && /\/Subtype\s*\/Type0/.test(o.dict));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      expect(font.dict).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+BeVietnamPro-(Regular|Bold|Italic|BoldItalic)/);
      expect(font.dict).toMatch(/\/ToUnicode \d+ 0 R/);
    }
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont\s*\/(Helvetica|Times|Courier)/);
  });

  it('shows the site, title, date, author, source, reference badge, summary, body and address in Vietnamese', () => {
    const text = pdfFlatText(pdf);
    for (const phrase of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'Cổng Thông tin điện tử Thành phố Hà Nội',
      'Thành phố Hà Nội đẩy mạnh cải cách hành chính năm 2026',
      'Tác giả: Nguyễn Văn A',
      'Tin tham khảo',
      'Tóm tắt: Thành phố đẩy mạnh cải cách hành chính.',
      'Điều 1. Phạm vi điều chỉnh',
      'cải cách hành chính',
      'chuyển đổi số',
      'Công khai thủ tục hành chính;',
      'trong ba ngày làm việc;',
      'Kết quả quý III',
      'Hồ sơ đúng hạn',
      'Tỷ lệ đúng hạn đạt 98,6%',
      'Đổi mới, sáng tạo, phục vụ Nhân dân.',
      'Nguồn: Văn phòng UBND Thành phố',
      'Ngày diễn ra sự kiện: 20/11/2026',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
    expect(text).toMatch(/Ngày đăng: (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}\/\d{2}\/\d{4}/);
    expect(text).toMatch(/Trang 1\/\d/);
    // The address may wrap at a hyphen.
    expect(pdfText(pdf).replace(/\n/g, '')).toContain(`Địa chỉ của tin này: http://localhost:3000/tin/${item.slug}`);
    expect(pdfText(pdf)).not.toContain('\uFFFD');
  });

  it('has no JavaScript, no automatic action, and links only to web addresses', () => {
    const raw = pdf.toString('latin1');
    for (const active of ['/JavaScript', '/JS', '/OpenAction', '/AA', '/Launch', '/SubmitForm', '/AcroForm', '/EmbeddedFile'])
      expect(raw, active).not.toContain(active);
    const uris = [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
    expect(uris).toContain('https://chinhphu.vn');
    for (const u of uris) expect(u).toMatch(/^(https?:\/\/|mailto:)/);
  });

  it('is offered on the item page and answers 404 for a draft, another language and another site', async () => {
    expect((await f.get(`/tin/${item.slug}`)).body).toContain(
      `<a href="/tin/${item.slug}/pdf" rel="nofollow" type="application/pdf" download>Tải về (PDF)</a>`,
    );
    const draft = await t.modules.content.content.create(f.editor(), f.hanoi, news('Bản nháp không có PDF'));
    expect((await f.get(`/tin/${draft.slug}/pdf`)).statusCode).toBe(404);
    expect((await f.get(`/english/news/${item.slug}/pdf`)).statusCode).toBe(404);
    expect((await f.get(`/s/sonoivu/tin/${item.slug}/pdf`)).statusCode).toBe(404);
    expect((await f.get(`/s/hanoi/tin/${item.slug}/pdf`)).statusCode).toBe(200);
  });

  it('serves English items under /english/news/<slug>/pdf with English labels', async () => {
    const en = await f.publish(
      news('City speeds up administrative reform', {
        lang: 'en',
        summary: 'Summary.',
        source: 'City Office',
        authorName: 'Jane Doe',
        bodyHtml: '<p>Body text.</p>',
      }),
    );
    const res = await f.get(`/english/news/${en.slug}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${en.slug}.pdf`);
    const text = pdfFlatText(res.rawPayload);
    expect(text).toContain('City speeds up administrative reform');
    expect(text).toContain('Source: City Office');
    expect(text).toContain('Author: Jane Doe');
  });

  it.runIf(hasTool('pdftotext'))('reads the same with poppler (pdftotext), glyphs and all', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-pdf-'));
    try {
      const file = path.join(dir, 'item.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Thành phố Hà Nội đẩy mạnh cải cách hành chính năm 2026');
      expect(text).toContain('Nguồn: Văn phòng UBND Thành phố');
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the PDF renderer', () => {
  it('can write uncompressed streams, for reading the document by eye', async () => {
    const view = {
      title: 'Thành phố',
      summary: '',
      bodyHtml: '<p>cải cách hành chính</p>',
      typeLabel: 'Tin tức, sự kiện',
      date: new Date('2026-11-20T03:00:00Z'),
      author: '',
      source: '',
      isReference: false,
      fields: [],
      attachments: [],
      related: [],
      canonicalUrl: 'http://localhost/tin/x',
      printHref: '',
      pdfHref: '',
      itemHref: '',
    };
    const plain = await renderItemPdf('vi', view, { name: 'Cổng', ownerName: '' }, { compress: false });
    expect(plain.toString('latin1')).toMatch(/BT[\s\S]*Tf[\s\S]*TJ[\s\S]*ET/);
    expect(pdfFlatText(plain)).toContain('cải cách hành chính');
    const packed = await renderItemPdf('vi', view, { name: 'Cổng', ownerName: '' });
    expect(packed.length).toBeLessThan(plain.length);
  });

  it('turns sanitised HTML into headings, runs, list items and tables', () => {
    expect(
      htmlToBlocks(
        '<h3>Mục <em>a</em></h3><p>Một&nbsp;<strong>hai</strong> &amp; <a href="javascript:alert(1)">ba</a><br>bốn</p><ol start="3"><li>x</li></ol><table><tr><th>A</th><td colspan="2">B</td></tr></table>',
      ),
    ).toEqual([
      { kind: 'heading', level: 3, runs: [{ text: 'Mục ' }, { text: 'a', italic: true }] },
      { kind: 'paragraph', runs: [{ text: 'Một\u00a0' }, { text: 'hai', bold: true }, { text: ' & ba\nbốn' }] },
      { kind: 'item', depth: 1, marker: '3.', runs: [{ text: 'x' }] },
      {
        kind: 'table',
        caption: '',
        rows: [
          [
            { text: 'A', header: true, colSpan: 1 },
            { text: 'B', header: false, colSpan: 2 },
          ],
        ],
      },
    ]);
  });
});
