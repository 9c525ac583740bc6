/**
 * Search as citizens and other systems use it, on the demo portal: the page on every site
 * (no JavaScript needed), the JSON API, publication and withdrawal reaching the index in the
 * same transaction, the portal covering its component sites, and hostile input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { makeDocx, makePdf } from './document-fixtures.ts';
import type { Actor } from '../src/modules/access/index.ts';
import type { ContentService } from '../src/modules/content/index.ts';

let t: TestApp;
let content: ContentService;
let hanoi: number;
let phuong: number;
const system: Actor = { kind: 'system', label: 'test' };

beforeAll(async () => {
  t = await buildTestApp();
  content = t.modules.content.content;
  const sites = await t.modules.sites.listSites();
  hanoi = sites.find((s) => s.code === 'hanoi')!.id;
  phuong = sites.find((s) => s.code === 'phuongbadinh')!.id;
});
afterAll(async () => {
  await t?.close();
});

/** The page's text without tags (highlighted words are wrapped in <mark>). */
const text = (body: string) => body.replace(/<[^>]+>/g, '');
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost:3000' } });
const api = async (query: Record<string, string>) => {
  const r = await get(`/api/v1/search?${new URLSearchParams(query).toString()}`);
  expect(r.statusCode).toBe(200);
  return r.json() as {
    query: string;
    total: number;
    more: boolean;
    items: { title: string; url: string; site: string; exactMatch: boolean; snippet: { text: string; mark: boolean }[] }[];
    notices: { code: string; message: string }[];
    suggestion?: { query: string; items: { title: string }[] };
  };
};

async function publish(siteId: number, title: string, body: string, attachments: number[] = []): Promise<number> {
  const item = await content.create(system, siteId, {
    type: 'news',
    lang: 'vi',
    title,
    summary: '',
    bodyHtml: `<p>${body}</p>`,
    source: 'UBND',
    authorName: 'Ban Biên tập',
    fields: { event_date: '2026-11-20' },
    attachments,
  });
  await content.transition(system, item.id, 'submit');
  // Wards approve in one step, the portal in two.
  if ((await content.siteWorkflow(siteId)).approvalSteps === 2) await content.transition(system, item.id, 'take');
  await content.transition(system, item.id, 'approve');
  return item.id;
}

describe('the search page', () => {
  it('is linked from every page and works without JavaScript (a GET form)', async () => {
    const home = await get('/');
    expect(home.body).toMatch(/<form class="site-search" method="get" action="\/tim-kiem" role="search"/);
    const r = await get('/tim-kiem?q=thu+tuc+hanh+chinh');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toContain('role="status"');
    expect(r.body).toMatch(/<ol class="search-results"/);
    expect(r.body).toContain('<mark>');
  });

  it('finds the same items with and without diacritics', async () => {
    const plain = await api({ q: 'thu tuc hanh chinh', site: 'hanoi' });
    const marked = await api({ q: 'thủ tục hành chính', site: 'hanoi' });
    expect(plain.total).toBeGreaterThan(0);
    expect(new Set(marked.items.map((i) => i.title))).toEqual(new Set(plain.items.map((i) => i.title)));
    expect(marked.items[0]!.exactMatch).toBe(true);
  });

  it('finds the hotline regulation by its phrase', async () => {
    const r = await api({ q: '"đường dây nóng"', site: 'hanoi' });
    expect(r.items.map((i) => i.title)).toContainEqual(expect.stringContaining('90/2006/QĐ-UBND'));
  });

  it('searches the component sites from the portal, and one site alone from a component site', async () => {
    const portal = await api({ q: 'Ba Đình tiếp nhận hồ sơ', site: 'hanoi' });
    expect(portal.items.some((i) => i.site === 'phuongbadinh')).toBe(true);
    const ward = await api({ q: 'thu tuc', site: 'phuongbadinh' });
    expect(ward.items.every((i) => i.site === 'phuongbadinh')).toBe(true);
    const page = await get('/s/phuongbadinh/tim-kiem?q=tiep+nhan+ho+so');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/s/phuongbadinh/tin/');
    // One site searched: its categories are offered, and choosing one narrows the results.
    const category = /<select id="bo-loc-chuyen-muc" name="chuyen-muc"><option value="">[^<]*<\/option><option value="(\d+)">/.exec(page.body);
    expect(category).not.toBeNull();
    const narrowed = await get(`/s/phuongbadinh/tim-kiem?q=phuong&chuyen-muc=${category![1]}`);
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.body).not.toContain('không hợp lệ');
  });

  it('shows "Có phải bạn muốn tìm" for a typo, with the results of the correction', async () => {
    const r = await get(`/tim-kiem?q=${encodeURIComponent('cải cách hành chinh năm 2027 kế hoach')}`);
    expect(r.statusCode).toBe(200);
    const typo = await get(`/tim-kiem?q=${encodeURIComponent('ke hoach cai cach hanh chnh')}`);
    expect(typo.body).toContain('Có phải bạn muốn tìm');
    expect(text(typo.body)).toContain('Kế hoạch cải cách hành chính năm 2027');
  });

  it('finds an item the moment it is published and loses it the moment it is withdrawn', async () => {
    const id = await publish(phuong, 'Phường tổ chức ngày hội chuyển đổi số khu dân cư Zerobyte', 'Nội dung minh họa.');
    expect((await api({ q: 'zerobyte', site: 'hanoi' })).items.map((i) => i.title)).toEqual(['Phường tổ chức ngày hội chuyển đổi số khu dân cư Zerobyte']);
    await content.transition(system, id, 'unpublish');
    expect((await api({ q: 'zerobyte', site: 'hanoi' })).total).toBe(0);
  });

  it('finds words that are only in an attached DOCX or PDF', async () => {
    const docx = await t.modules.media.uploadMedia(system, hanoi, {
      data: makeDocx(`<w:p><w:r><w:t>Phụ lục: danh mục thủ tục cấp phép khai thác nước ngầm Quyxetvanban</w:t></w:r></w:p>`),
      originalName: 'Phụ lục.docx',
    });
    const pdf = await t.modules.media.uploadMedia(system, hanoi, { data: await makePdf([['Biểu mẫu tờ khai Pdfonlyword']]), originalName: 'Biểu mẫu.pdf' });
    await publish(hanoi, 'Công bố danh mục thủ tục tài nguyên nước', 'Xem phụ lục đính kèm.', [docx.id, pdf.id]);
    expect((await api({ q: 'quyxetvanban', site: 'hanoi' })).items.map((i) => i.title)).toEqual(['Công bố danh mục thủ tục tài nguyên nước']);
    expect((await api({ q: 'pdfonlyword', site: 'hanoi' })).items.map((i) => i.title)).toEqual(['Công bố danh mục thủ tục tài nguyên nước']);
    expect((await api({ q: '"khai thác nước ngầm"', site: 'hanoi' })).items.map((i) => i.title)).toContain('Công bố danh mục thủ tục tài nguyên nước');
  });

  it('keeps drafts out of the index', async () => {
    const item = await content.create(system, hanoi, {
      type: 'news',
      lang: 'vi',
      title: 'Bản nháp chưa duyệt Quasarword',
      summary: '',
      bodyHtml: '<p>x</p>',
      source: 'x',
      authorName: 'y',
      fields: { event_date: '2026-11-20' },
    });
    await content.transition(system, item.id, 'submit');
    expect((await api({ q: 'quasarword', site: 'hanoi' })).total).toBe(0);
  });

  it('is in English under /english', async () => {
    const r = await get('/english/search?q=hanoi');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1>Search</h1>');
    expect(text(r.body)).toContain('Hanoi rolls out end-to-end online public services');
  });
});

describe('hostile and odd input', () => {
  const queries = ['"', "'; drop table search_documents; --", 'a & | ! <-> :*', '<script>alert(1)</script>', '%', '行政 🚀', 'x'.repeat(10_000), '-', '"""'];
  for (const q of queries) {
    it(`answers ${JSON.stringify(q.slice(0, 24))} on the page and the API`, async () => {
      const page = await get(`/tim-kiem?q=${encodeURIComponent(q)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert(1)</script>');
      const r = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(r.statusCode).toBe(200);
    });
  }

  it('explains an empty query, a cut query and filters it could not use', async () => {
    expect((await get('/tim-kiem?q=%21%21%21')).body).toContain('Hãy nhập từ khóa cần tìm');
    expect((await api({ q: 'x'.repeat(10_000) })).notices.map((n) => n.code)).toContain('truncated');
    const page = await get('/tim-kiem?q=thu+tuc&loai=khong-co&tu-ngay=31%2F02%2F2026&trang-con=nowhere&ngon-ngu=%3Cb%3E');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Một số điều kiện lọc không hợp lệ nên đã được bỏ qua');
    expect(page.body).toContain('value="31/02/2026"');
  });

  it('handles pages beyond the results and nonsense page numbers', async () => {
    expect((await get('/tim-kiem?q=thu+tuc&trang=999')).body).toContain('Trang kết quả này không có');
    expect((await get('/tim-kiem?q=thu+tuc&trang=-1')).statusCode).toBe(200);
    expect((await get('/tim-kiem?q=thu+tuc&trang=99999999999999999999')).statusCode).toBe(200);
    expect((await get('/api/v1/search?q=thu&page=abc')).statusCode).toBe(200);
  });

  it('refuses an unknown site in the API with 404, not 500', async () => {
    expect((await get('/api/v1/search?q=x&site=nowhere')).statusCode).toBe(404);
  });

  it('completes titles', async () => {
    const r = await get(`/api/v1/search/suggest?q=${encodeURIComponent('ke hoach cai')}&site=hanoi`);
    expect(r.statusCode).toBe(200);
    expect((r.json() as { items: { title: string }[] }).items.map((i) => i.title)).toContain('Kế hoạch cải cách hành chính năm 2027');
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/search', '/api/v1/search/suggest']));
  });
});
