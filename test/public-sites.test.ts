/** The portal and its component sites as a visitor reaches them: by host, by path, in both languages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost:3000', ...headers } });

describe('routing a request to its site', () => {
  it('serves the portal home on the bare base domain, in Vietnamese with diacritics intact', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
    expect(res.body).toContain('<html lang="vi"');
    expect(res.body).toContain('Cổng Thông tin điện tử Thành phố Hà Nội');
    expect(res.body).toContain('Ủy ban nhân dân Thành phố Hà Nội');
  });

  it('serves a component site by path prefix and by host name alike', async () => {
    const byPath = await get('/s/sonoivu/');
    const byHost = await get('/', { host: 'sonoivu.localhost:3000' });
    for (const res of [byPath, byHost]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Sở Nội vụ Thành phố Hà Nội');
    }
    // Links stay on the way the site was reached.
    expect(byPath.body).toContain('href="/s/sonoivu/so-do-cong"');
    expect(byHost.body).toContain('href="/so-do-cong"');
  });

  it('serves the ward site too', async () => {
    const res = await get('/', { host: 'phuongbadinh.localhost' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Phường Ba Đình');
  });

  it('routes extra host names of a site', async () => {
    const portal = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!;
    await t.modules.sites.createSite({
      code: 'sotuphap',
      kind: 'department',
      parentCode: portal.code,
      nameVi: 'Sở Tư pháp',
      nameEn: 'Department of Justice',
      hosts: ['sotuphap.hanoi.gov.vn'],
    });
    const res = await get('/', { host: 'sotuphap.hanoi.gov.vn' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sở Tư pháp');
  });

  it('lists the platform sites for an unknown host, with 404', async () => {
    const res = await get('/', { host: 'khongton.tai.example' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Không tìm thấy trang thông tin');
    expect(res.body).toContain('href="/s/sonoivu/"');
    expect(res.body).toContain('Phường Ba Đình');
  });

  it('lists the sites for an unknown code under /s/ and an unknown sub-domain', async () => {
    for (const res of [await get('/s/khongco/'), await get('/', { host: 'khongco.localhost' })]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('href="/s/hanoi/"');
    }
  });

  it('answers 400 with a page for an invalid Host header', async () => {
    const res = await get('/', { host: 'bad host<script>' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Yêu cầu không hợp lệ');
    expect(res.body).not.toContain('<script>');
  });

  it('flags a site under maintenance, and answers 410 for a closed one with a link to the portal', async () => {
    await t.modules.sites.setStatus('sotuphap', 'maintenance');
    expect((await get('/s/sotuphap/')).body).toContain('Trang đang bảo trì');
    await t.modules.sites.setStatus('sotuphap', 'closed');
    const closed = await get('/s/sotuphap/');
    expect(closed.statusCode).toBe(410);
    expect(closed.body).toContain('Trang thông tin đã ngừng hoạt động');
    expect(closed.body).toContain('href="http://localhost:3000/"');
    expect((await get('/', { host: 'sotuphap.hanoi.gov.vn' })).statusCode).toBe(410);
    // It is in no list of sites.
    expect((await get('/', { host: 'khongton.tai.example' })).body).not.toContain('Sở Tư pháp');
  });
});

describe('the page shell', () => {
  it('has the layout the national rules expect', async () => {
    const { body } = await get('/s/sonoivu/');
    expect(body).toMatch(/<a class="skip-link" href="#noi-dung">Chuyển đến nội dung chính<\/a>/);
    expect(body).toContain('<main id="noi-dung"');
    for (const item of ['Trang chủ', 'Giới thiệu', 'Dịch vụ công trực tuyến', 'Sơ đồ cổng']) {
      expect(body).toMatch(new RegExp(`<nav class="mainnav"[\\s\\S]*>${item}</a>`));
    }
    expect(body).toContain('class="emblem"');
    expect(body).toMatch(/<footer[\s\S]*Chịu trách nhiệm chính[\s\S]*Địa chỉ[\s\S]*Điện thoại[\s\S]*Thư điện tử[\s\S]*©/);
    expect(body).toMatch(/Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật/);
  });

  it('carries Dublin Core metadata', async () => {
    const { body } = await get('/');
    for (const name of ['DC.title', 'DC.creator', 'DC.date', 'DC.description', 'DC.publisher', 'DC.identifier', 'DC.language']) {
      expect(body).toContain(`<meta name="${name}" content="`);
    }
    expect(body).toContain('<meta name="DC.identifier" content="http://localhost:3000/">');
    expect(body).toMatch(/<meta name="DC.date" content="\d{4}-\d{2}-\d{2}">/);
  });

  it('switches language to the English site and back', async () => {
    const vi = await get('/s/phuongbadinh/');
    expect(vi.body).toMatch(/<p class="lang-switch"><a href="\/s\/phuongbadinh\/english\/"/);
    const en = await get('/s/phuongbadinh/english/');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Ba Dinh Ward');
    expect(en.body).toContain('Skip to main content');
    expect(en.body).toMatch(/<p class="lang-switch"><a href="\/s\/phuongbadinh\/"/);
  });

  it('keeps the visitor on the same page when switching language', async () => {
    const { body } = await get('/s/sonoivu/trang/gioi-thieu');
    expect(body).toContain('href="/s/sonoivu/english/page/gioi-thieu"');
    const en = await get('/s/sonoivu/english/page/gioi-thieu');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('href="/s/sonoivu/trang/gioi-thieu"');
  });

  it('sets text size and contrast with plain links and a cookie', async () => {
    const res = await get('/s/sonoivu/hien-thi?co-chu=lon&quay-lai=%2Fs%2Fsonoivu%2Fso-do-cong');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/s/sonoivu/so-do-cong');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe('cong_hien_thi=lon.thuong');
    const page = await get('/s/sonoivu/so-do-cong', { cookie });
    expect(page.body).toContain('<html lang="vi" class="text-lg">');
    const high = await get('/s/sonoivu/hien-thi?tuong-phan=cao', { cookie });
    expect(String(high.headers['set-cookie'])).toContain('cong_hien_thi=lon.cao');
  });

  it('never redirects display preferences off the site', async () => {
    for (const target of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await get(`/hien-thi?co-chu=nho&quay-lai=${encodeURIComponent(target)}`);
      expect(res.headers.location).toBe('/');
    }
  });
});

describe('pages of a site', () => {
  it('shows the site map as a text tree with the menu and the component sites', async () => {
    const res = await get('/so-do-cong');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Sơ đồ cổng</h1>');
    expect(res.body).toMatch(/class="sitemap"[\s\S]*<ul>[\s\S]*Giới thiệu[\s\S]*<ul>/);
    expect(res.body).toContain('Sở Nội vụ Thành phố Hà Nội');
  });

  it('shows the contacts of a site (SITE-5)', async () => {
    const res = await get('/s/sonoivu/lien-he');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<dt>Địa chỉ<\/dt><dd>[^<]+<\/dd>/);
    expect(res.body).toMatch(/href="mailto:[^"]+\.gov\.vn"/);
  });

  it('shows a fixed page and the portal rules with their real title', async () => {
    const intro = await get('/trang/gioi-thieu');
    expect(intro.statusCode).toBe(200);
    const rules = await get('/trang/quy-che-hoat-dong');
    expect(rules.statusCode).toBe(200);
    expect(rules.body).toContain('4263/QĐ-UBND');
  });
});

describe('bad input never gets a 500', () => {
  it('answers 404 with the site shell for an unknown route, in the right language', async () => {
    const vi = await get('/s/sonoivu/khong-co-trang-nay');
    expect(vi.statusCode).toBe(404);
    expect(vi.body).toContain('Không tìm thấy trang');
    expect(vi.body).toContain('Sở Nội vụ Thành phố Hà Nội');
    const en = await get('/english/no-such-page');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('Page not found');
    expect(en.body).toContain('<html lang="en"');
  });

  it('answers 404 for an unknown page slug', async () => {
    expect((await get('/trang/khong-ton-tai')).statusCode).toBe(404);
  });

  it('answers 400 for a malformed URL', async () => {
    const res = await get('/trang/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Yêu cầu không hợp lệ');
  });

  it('answers 414 for an over-long URL, with the page shell', async () => {
    const res = await get(`/trang/${'a'.repeat(5000)}`);
    expect(res.statusCode).toBe(414);
    expect(res.body).toContain('Địa chỉ quá dài');
    expect(res.body).toContain('Cổng Thông tin điện tử Thành phố Hà Nội');
  });

  it('answers 405/404 for other methods on pages without crashing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/', headers: { host: 'localhost' }, payload: { a: 1 } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('survives odd but valid paths', async () => {
    for (const url of ['/s/', '/s//', '/english/english/', '/trang/', '/%20', '/s/HANOI/', '/trang/gioi-thieu?x=<script>']) {
      const res = await get(url);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toContain('<script>');
    }
  });
});
