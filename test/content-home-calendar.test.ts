/** The home page from the operator's arrangement, the work calendar by week, and the language switch to a translation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { contentFixtures, news, type ContentFixtures } from './content-fixtures.ts';
import { DEFAULT_HOME_BLOCKS } from '../src/modules/content/index.ts';
import type { NewItemInput } from '../src/modules/content/index.ts';

let t: TestApp;
let f: ContentFixtures;

beforeAll(async () => {
  t = await buildTestApp({ env: { PAGE_CACHE: 'false' } });
  f = await contentFixtures(t);
});
afterAll(async () => {
  await t?.close();
});

/** The headings of the home page's content blocks, in order. */
const blockHeadings = (body: string) =>
  [...body.matchAll(/<section class="card home-block" aria-labelledby="([^"]+)"><h2 id="\1">([^<]*)<\/h2>/g)].map((m) => `${m[1]}:${m[2]}`);

/** The part of the page from a block's heading to the end of its section. */
function block(body: string, id: string): string {
  const start = body.indexOf(`<h2 id="${id}">`);
  expect(start, id).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</section>', start));
}

describe('home page blocks', () => {
  it('follows the default arrangement until the operator sets one', async () => {
    expect(await t.modules.content.homeBlockService.blocks(f.sonoivu, 'vi')).toEqual(DEFAULT_HOME_BLOCKS);
    await f.publish(news('Sở Nội vụ thông báo tuyển dụng', { type: 'announcement', fields: { issue_date: '2026-11-20' } }), f.sonoivu);
    await f.publish(news('Sở Nội vụ nổi bật', { featured: true }), f.sonoivu);
    const { body } = await f.get('/s/sonoivu/');
    expect(blockHeadings(body)).toEqual(['tin-noi-bat:Tin nổi bật', 'tin-moi:Tin mới', 'thong-bao:Thông báo']);
    expect(block(body, 'tin-noi-bat')).toContain('<a href="/s/sonoivu/noi-bat">Xem thêm');
    // "Latest" holds every type: the announcement is there too.
    expect(block(body, 'tin-moi')).toContain('Sở Nội vụ thông báo tuyển dụng');
    expect(block(body, 'tin-moi')).toContain('<a href="/s/sonoivu/tin-moi">Xem thêm');
    expect(block(body, 'thong-bao')).toContain('<a href="/s/sonoivu/thong-bao">Xem thêm');
    const latest = await f.get('/s/sonoivu/tin-moi');
    expect(latest.statusCode).toBe(200);
    expect(latest.body).toContain('<h1>Tin mới</h1>');
    expect(latest.body).toContain('Sở Nội vụ thông báo tuyển dụng');
  });

  it('shows the operator’s blocks in order, with their headings, sizes and "Xem thêm" to the matching listing', async () => {
    const cat = await t.modules.content.categories.create(f.editor(), f.hanoi, { lang: 'vi', name: 'Chuyển đổi số' });
    for (let i = 1; i <= 3; i++) await f.publish(news(`Chuyển đổi số, bài ${i}`, { categoryId: cat.id }));
    await f.publish({ ...news('Chỉ thị về kỷ cương hành chính', { type: 'directive' }), fields: { document_number: '15/CT-UBND', issue_date: '2026-11-17' } });
    await t.modules.content.homeBlockService.arrange(f.operator(f.hanoi), f.hanoi, 'vi', [
      { kind: 'category', ref: String(cat.id), title: 'Chuyển đổi số nổi bật', size: 2 },
      { kind: 'type', ref: 'directive', title: '', size: 5 },
      { kind: 'latest', ref: '', title: 'Mới đăng', size: 1 },
      { kind: 'type', ref: 'news', title: '', size: 3 },
      { kind: 'featured', ref: '', title: 'Nội dung', size: 3 },
    ]);
    const { body } = await f.get('/');
    const headings = blockHeadings(body);
    expect(headings.slice(0, 4)).toEqual([
      'chuyen-doi-so-noi-bat:Chuyển đổi số nổi bật',
      'chi-dao-dieu-hanh:Chỉ đạo điều hành',
      'moi-dang:Mới đăng',
      'tin-tuc-su-kien:Tin tức, sự kiện',
    ]);
    // A heading that would clash with the page's own ids gets its own.
    expect(headings[4]).toBe('khoi-noi-dung:Nội dung');
    const category = block(body, 'chuyen-doi-so-noi-bat');
    expect(category.match(/<li>/g)).toHaveLength(2);
    expect(category).toContain('Chuyển đổi số, bài 3');
    expect(category).not.toContain('Chuyển đổi số, bài 1<');
    expect(category).toContain(`<a href="/chuyen-muc/${cat.slug}">Xem thêm`);
    expect(block(body, 'chi-dao-dieu-hanh')).toContain('Chỉ thị về kỷ cương hành chính');
    expect(block(body, 'chi-dao-dieu-hanh')).toContain('<a href="/loai-tin/directive">Xem thêm');
    expect(block(body, 'moi-dang').match(/<li>/g)).toHaveLength(1);
    expect(block(body, 'tin-tuc-su-kien')).toContain('<a href="/tin-tuc">Xem thêm');
    // The English home keeps the default arrangement.
    expect(blockHeadings((await f.get('/english/')).body).map((h) => h.split(':')[0])).toEqual(['latest']);
  });

  it('lists the items of a type, and sends news and announcements to their own listing', async () => {
    const res = await f.get('/loai-tin/directive');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Chỉ đạo điều hành</h1>');
    expect(res.body).toContain('Chỉ thị về kỷ cương hành chính');
    expect((await f.get('/english/type/directive')).statusCode).toBe(200);
    const news = await f.get('/loai-tin/news');
    expect(news.statusCode).toBe(301);
    expect(news.headers.location).toBe('/tin-tuc');
    expect((await f.get('/loai-tin/khong-co')).statusCode).toBe(404);
  });
});

describe('the leaders’ work calendar by week', () => {
  const calendar = (title: string, week: string, extra: Partial<NewItemInput> = {}): NewItemInput => ({
    type: 'calendar',
    lang: 'vi',
    title,
    summary: 'Lịch công tác tuần của lãnh đạo.',
    bodyHtml:
      '<table><thead><tr><th scope="col">Ngày</th><th scope="col">Nội dung</th></tr></thead><tbody><tr><th scope="row">Thứ Hai</th><td>Giao ban lãnh đạo Thành phố</td></tr></tbody></table>',
    source: 'Văn phòng UBND Thành phố',
    authorName: 'Văn phòng UBND Thành phố',
    fields: { week_start: week },
    ...extra,
  });

  /** Monday of this week in Viet Nam, as the page computes it. */
  function thisMonday(): string {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date())
        .map((x) => [x.type, x.value]),
    );
    const d = new Date(`${p.year}-${p.month}-${p.day}T00:00:00Z`);
    return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  }

  beforeAll(async () => {
    await f.publish(calendar('Lịch làm việc tuần từ 07/01 đến 13/01/2030', '2030-01-07'));
    await t.modules.content.content.create(f.editor(), f.hanoi, calendar('Bản nháp lịch tuần 14/01/2030', '2030-01-14'));
  });

  it('shows the calendar of a given week with links to the weeks before and after', async () => {
    const res = await f.get('/lich-lam-viec?tuan=2030-01-07');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=60\b/);
    const body = res.body;
    expect(body).toContain('<h1>Lịch làm việc của lãnh đạo</h1>');
    expect(body).toContain('Tuần từ Thứ Hai, 07/01/2030 đến Chủ Nhật, 13/01/2030');
    expect(body).toContain('<h2 id="lich-tuan">Lịch làm việc tuần từ 07/01 đến 13/01/2030</h2>');
    expect(body).toContain('<td>Giao ban lãnh đạo Thành phố</td>');
    expect(body).toContain('Nguồn: Văn phòng UBND Thành phố');
    expect(body).toContain('<a href="/lich-lam-viec?tuan=2029-12-31" rel="prev">');
    expect(body).toContain('<a href="/lich-lam-viec?tuan=2030-01-14" rel="next">');
    expect(body).toContain('<a href="/lich-lam-viec">Tuần này</a>');
    expect(body).toMatch(/<a href="\/tin\/lich-lam-viec-tuan-tu-07-01-den-13-01-2030[^"]*">Xem trang của lịch này/);
    expect(body).toContain('<link rel="canonical" href="http://localhost:3000/lich-lam-viec?tuan=2030-01-07">');
    expect(body).toContain('<link rel="alternate" hreflang="en" href="/english/work-calendar?tuan=2030-01-07">');
    expect((await f.get('/s/hanoi/lich-lam-viec?tuan=2030-01-07')).body).toContain('<a href="/s/hanoi/lich-lam-viec?tuan=2030-01-14" rel="next">');
  });

  it('says clearly when no calendar is published for the week (a draft does not count), and points to the latest one', async () => {
    const res = await f.get('/lich-lam-viec?tuan=2030-01-14');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p class="calendar-empty" role="status">Chưa có lịch làm việc được công bố cho tuần này.</p>');
    expect(res.body).not.toContain('Bản nháp lịch tuần');
    expect(res.body).toContain('Lịch đã công bố gần nhất: <a href="/lich-lam-viec?tuan=2030-01-07">Tuần từ Thứ Hai, 07/01/2030 đến Chủ Nhật, 13/01/2030</a>');
    const en = await f.get('/english/work-calendar?tuan=2030-01-07');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1>Leaders&#39; work calendar</h1>');
    expect(en.body).toContain('No work calendar has been published for this week.');
    expect(en.body).toContain('Week from Monday, 07/01/2030 to Sunday, 13/01/2030');
    expect(en.body).toContain('<a href="/lich-lam-viec?tuan=2030-01-07" hreflang="vi" lang="vi"');
  });

  it('shows the current week without ?tuan, and sends any other day to its Monday', async () => {
    const monday = thisMonday();
    await f.publish(calendar('Lịch làm việc của tuần này', monday));
    const res = await f.get('/lich-lam-viec');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    expect(res.body).toContain(`Tuần từ Thứ Hai, ${monday.split('-').reverse().join('/')}`);
    expect(res.body).toContain('<h2 id="lich-tuan">Lịch làm việc của tuần này</h2>');
    expect(res.body).not.toContain('>Tuần này</a>');
    expect((await f.get('/lich-lam-viec', { 'if-none-match': String(res.headers.etag) })).statusCode).toBe(304);

    const wednesday = await f.get('/lich-lam-viec?tuan=2030-01-09');
    expect(wednesday.statusCode).toBe(301);
    expect(wednesday.headers.location).toBe('/lich-lam-viec?tuan=2030-01-07');
    for (const bad of ['2030-02-30', 'abc', '1999-01-04', '2030-1-7']) expect((await f.get(`/lich-lam-viec?tuan=${bad}`)).statusCode, bad).toBe(404);
  });

  it('is in the sitemap', async () => {
    expect((await f.get('/sitemap.xml')).body).toContain('<loc>http://localhost:3000/lich-lam-viec</loc>');
  });
});

describe('the language switch to a translation', () => {
  it('goes to the translated item when both share a translation group, and to the home page otherwise', async () => {
    const vi = await f.publish(news('Thành phố khởi công cầu Tứ Liên'));
    const en = await f.publish(
      news('Hanoi breaks ground on Tu Lien Bridge', { lang: 'en', summary: 'Summary.', source: 'City Office', authorName: 'Jane Doe' }),
    );
    const lone = await f.publish(news('Tin chưa có bản tiếng Anh'));
    // The editor links translations (a colleague's admin screen); here, directly.
    await t.db.db.updateTable('content_items').set({ translation_group: vi.id }).where('id', 'in', [vi.id, en.id]).execute();

    const viPage = (await f.get(`/tin/${vi.slug}`)).body;
    expect(viPage).toContain(`<link rel="alternate" hreflang="en" href="/english/news/${en.slug}">`);
    expect(viPage).toMatch(new RegExp(`<p class="lang-switch"><a href="/english/news/${en.slug}" hreflang="en" lang="en"`));
    const enPage = (await f.get(`/english/news/${en.slug}`)).body;
    expect(enPage).toMatch(new RegExp(`<p class="lang-switch"><a href="/tin/${vi.slug}" hreflang="vi" lang="vi"`));
    expect((await f.get(`/s/hanoi/tin/${vi.slug}`)).body).toContain(`<p class="lang-switch"><a href="/s/hanoi/english/news/${en.slug}"`);
    expect((await f.get(`/tin/${lone.slug}`)).body).toContain('<p class="lang-switch"><a href="/english/"');

    // A translation taken down is no longer a target.
    await t.modules.content.content.transition(f.head(), en.id, 'unpublish');
    expect((await f.get(`/tin/${vi.slug}`)).body).toContain('<p class="lang-switch"><a href="/english/"');
  });

  it('never crosses to another site’s item in the same group', async () => {
    const here = await f.publish(news('Tin của Thành phố có nhóm dịch'));
    const there = await f.publish(news('Department news in English', { lang: 'en', summary: 'S.', source: 'Dept', authorName: 'X' }), f.sonoivu);
    await t.db.db.updateTable('content_items').set({ translation_group: here.id }).where('id', 'in', [here.id, there.id]).execute();
    expect((await f.get(`/tin/${here.slug}`)).body).toContain('<p class="lang-switch"><a href="/english/"');
  });
});
