/**
 * Running a city's sites through HTTP (issue #14): the platform administrator creates a ward with
 * a host name and it answers at once with its menu, footer contacts and checklist; bad input is
 * refused by field, keeping what was typed, saving nothing; a site is changed, closed (410) and
 * reopened; its operator edits its identity, logo and theme; and a change made by another process
 * (the CLI's) reaches the running server within seconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../src/modules.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import { pdfFile } from './multipart.ts';
import { signIn } from './sign-in.ts';
import type { FormClient } from './browser-like.ts';

let t: TestApp;
let dataDir: string;
let department: TestSite;
let admin: TestPerson;
let operator: TestPerson;
let boardMember: TestPerson;
let nextNet = 1;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-sites-admin-'));
  t = await buildTestApp({ seed: false, env: { DATA_DIR: dataDir } });
  const f = factories(t);
  await f.site({ code: 'thanhpho', nameVi: 'Cổng Thông tin điện tử Thành phố Kiểm thử', nameEn: 'Test City E-Portal' });
  department = await f.site({
    kind: 'department',
    code: 'sotuphap',
    nameVi: 'Sở Tư pháp',
    nameEn: 'Department of Justice',
    hosts: ['sotuphap.thanhpho.gov.vn'],
  });
  admin = await f.person('platform_admin', null);
  operator = await f.person('site_operator', department);
  boardMember = await f.person('board_member', department);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const as = (who: TestPerson): Promise<FormClient> => signIn(t, who, `10.77.${nextNet++}.1`);
const get = (url: string, host = 'localhost') => t.app.inject({ method: 'GET', url, headers: { host } });
const siteCount = async () => (await t.modules.sites.listSites()).length;

const WARD = {
  code: 'phuonghoankiem',
  kind: 'ward',
  parentCode: 'thanhpho',
  nameVi: 'Phường Hoàn Kiếm',
  nameEn: 'Hoan Kiem Ward',
  ownerNameVi: 'Ủy ban nhân dân phường Hoàn Kiếm',
  ownerNameEn: "Hoan Kiem Ward People's Committee",
  responsiblePerson: 'Chánh Văn phòng HĐND và UBND phường',
  address: 'Số 126 Hàng Trống, phường Hoàn Kiếm',
  phone: '024 3825 1234',
  fax: '',
  email: 'ubnd.hoankiem@thanhpho.gov.vn',
  hosts: 'hoankiem.thanhpho.gov.vn',
  logoMediaId: '',
  themeColor: '#1e6b3a',
  languages: ['en'],
};

describe('the platform administrator', () => {
  it('sees the sites as the city’s tree, in both languages', async () => {
    const c = await as(admin);
    const list = await c.get('/quan-tri/trang');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Các trang thông tin');
    expect(list.body).toMatch(/Cổng Thông tin điện tử Thành phố Kiểm thử[\s\S]*— <a[^>]*>Sở Tư pháp/);
    expect(list.body).toContain('<code>sotuphap.thanhpho.gov.vn</code>');
    expect(list.body).toContain('href="/quan-tri/trang/sua/sotuphap"');
    const en = await c.get('/english/admin/sites');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Import several sites from a CSV file');
  });

  it('creates a ward with a host name: it answers at once with its menu, footer and checklist', async () => {
    const c = await as(admin);
    const form = await c.get('/quan-tri/trang/moi');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="code"');
    const res = await c.post('/quan-tri/trang/moi', WARD);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(res.headers.location).toBe('/quan-tri/trang/sua/phuonghoankiem?tb=da-tao');

    for (const [url, host] of [
      ['/', 'phuonghoankiem.localhost'],
      ['/s/phuonghoankiem/', 'localhost'],
      ['/', 'hoankiem.thanhpho.gov.vn'],
    ] as const) {
      const page = await get(url, host);
      expect(page.statusCode, `${host}${url}`).toBe(200);
      expect(page.body).toContain('Phường Hoàn Kiếm');
      for (const entry of ['Trang chủ', 'Giới thiệu', 'Tin tức', 'Văn bản', 'Dịch vụ công trực tuyến', 'Hỏi đáp', 'Sơ đồ cổng', 'Liên hệ']) {
        expect(page.body, entry).toMatch(new RegExp(`<nav class="mainnav"[\\s\\S]*>${entry}</a>`));
      }
      expect(page.body).toMatch(/<footer[\s\S]*Số 126 Hàng Trống[\s\S]*024 3825 1234[\s\S]*ubnd\.hoankiem@thanhpho\.gov\.vn/);
      expect(page.body).toContain('--brand:#1e6b3a');
    }
    // The fixed pages exist, empty, in both languages.
    const intro = await get('/s/phuonghoankiem/trang/gioi-thieu');
    expect(intro.statusCode).toBe(200);
    expect(intro.body).toContain('Nội dung trang đang được cập nhật.');
    expect((await get('/s/phuonghoankiem/english/page/lanh-dao')).statusCode).toBe(200);

    const edit = await c.get(String(res.headers.location));
    expect(edit.body).toContain('Đã tạo trang.');
    expect(edit.body).toContain('Việc còn thiếu theo quy định');
    expect(edit.body).toContain('Trang “Giới thiệu” chưa có nội dung.');
    expect(edit.body).toContain('Các trang tiếng Anh chưa có nội dung');
    expect(edit.body).not.toContain('Liên hệ: chưa có');

    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'site.created')
      .where('target_id', '=', String((await t.modules.sites.sites.byCode('phuonghoankiem')).id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe(admin.email);
  });

  it('refuses bad input by field, keeping what was typed and saving nothing', async () => {
    const c = await as(admin);
    await c.get('/quan-tri/trang/moi');
    const before = await siteCount();
    const cases: [Record<string, string | string[]>, number, string, string][] = [
      [{ code: 'phuonghoankiem' }, 409, 'f-code', 'Mã trang “phuonghoankiem” đã được dùng.'],
      [{ code: 'api' }, 422, 'f-code', 'được dành cho nền tảng'],
      [{ code: 'Phuong Moi' }, 422, 'f-code', 'chữ thường không dấu'],
      [{ code: 'phuongmoi', hosts: 'sotuphap.thanhpho.gov.vn' }, 409, 'f-hosts', 'Tên miền đã thuộc trang khác: sotuphap.thanhpho.gov.vn.'],
      [{ code: 'phuongmoi', hosts: 'sotuphap.localhost' }, 422, 'f-hosts', 'thuộc tên miền của nền tảng'],
      [{ code: 'phuongmoi', hosts: 'not a host' }, 422, 'f-hosts', 'không hợp lệ'],
      [{ code: 'phuongmoi', email: 'ubnd@' }, 422, 'f-email', 'Địa chỉ thư điện tử không hợp lệ.'],
      [{ code: 'phuongmoi', phone: '12345' }, 422, 'f-phone', 'Số điện thoại “12345” không hợp lệ'],
      [{ code: 'phuongmoi', themeColor: '#f6c343' }, 422, 'f-themeColor', 'không đủ tương phản'],
      [{ code: 'phuongmoi', parentCode: 'khongco' }, 422, 'f-parentCode', 'Không có trang mã “khongco”'],
      [{ code: 'phuongmoi', parentCode: '' }, 422, 'f-parentCode', 'phải thuộc một trang cấp trên'],
      [{ code: 'phuongmoi', nameVi: '' }, 422, 'f-nameVi', 'Cần nhập'],
    ];
    for (const [change, status, field, message] of cases) {
      const res = await c.post('/quan-tri/trang/moi', { ...WARD, nameVi: 'Phường Mới Lập', ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      expect(res.body, JSON.stringify(change)).toContain(message);
      expect(res.body).toContain(`href="#${field}"`);
      expect(res.body).toContain(`id="${field}"`);
      // What was typed is kept.
      if (change.code !== undefined && change.code !== 'phuonghoankiem') expect(res.body).toContain(`value="${change.code}"`);
      expect(res.body).toContain('Số 126 Hàng Trống');
    }
    expect(await siteCount()).toBe(before);
  });

  it('changes a site (not its code), refusing a parent that would make a cycle', async () => {
    const c = await as(admin);
    const edit = await c.get('/quan-tri/trang/sua/sotuphap');
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('Mã trang: sotuphap (không đổi được).');
    expect(edit.body).not.toContain('name="code"');
    // The language switch leads to the same site's page in English.
    expect(edit.body).toContain('href="/english/admin/sites/edit/sotuphap"');
    const en = await c.get('/english/admin/sites/edit/sotuphap');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Site code: sotuphap (cannot change).');
    const values = {
      kind: 'department',
      parentCode: 'thanhpho',
      nameVi: 'Sở Tư pháp Thành phố',
      nameEn: 'City Department of Justice',
      ownerNameVi: '',
      ownerNameEn: '',
      responsiblePerson: 'Chánh Văn phòng Sở',
      address: 'Số 1 Phố Thử',
      phone: '0912 345 678',
      fax: '',
      email: 'stp@thanhpho.gov.vn',
      hosts: 'sotuphap.thanhpho.gov.vn\nstp.thanhpho.gov.vn',
      logoMediaId: '',
      themeColor: '#0b5394',
      languages: ['en'],
    };
    const saved = await c.post('/quan-tri/trang/sua/sotuphap', values);
    expect(saved.statusCode, saved.body.slice(0, 400)).toBe(303);
    expect((await get('/', 'stp.thanhpho.gov.vn')).body).toContain('Sở Tư pháp Thành phố');

    // The portal under its own component site: a cycle.
    await c.get('/quan-tri/trang/sua/thanhpho');
    const cycle = await c.post('/quan-tri/trang/sua/thanhpho', { ...values, kind: 'portal', parentCode: 'sotuphap', nameVi: 'Cổng mới', hosts: '' });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.body).toContain('Không thể đặt “sotuphap” làm trang cấp trên');
    expect(cycle.body).toContain('value="Cổng mới"');
    expect((await t.modules.sites.sites.byCode('thanhpho')).parent_id).toBeNull();

    const entry = await t.db.db
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'site.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.summary)).toContain('stp.thanhpho.gov.vn');
  });

  it('closes a site (410 with a link to the portal, content kept), never the portal, and reopens it', async () => {
    const c = await as(admin);
    await c.get('/quan-tri/trang/sua/phuonghoankiem');
    const closed = await c.post('/quan-tri/trang/trang-thai/phuonghoankiem', { status: 'closed' });
    expect(closed.statusCode).toBe(303);
    for (const [url, host] of [
      ['/', 'phuonghoankiem.localhost'],
      ['/s/phuonghoankiem/trang/gioi-thieu', 'localhost'],
      ['/', 'hoankiem.thanhpho.gov.vn'],
      ['/english/', 'phuonghoankiem.localhost'],
    ] as const) {
      const res = await get(url, host);
      expect(res.statusCode, `${host}${url}`).toBe(410);
      expect(res.body).toMatch(/Trang thông tin đã ngừng hoạt động|This site has closed/);
      expect(res.body).toMatch(/<a href="http:\/\/localhost\/(english\/)?">(Cổng Thông tin điện tử Thành phố Kiểm thử|Test City E-Portal)<\/a>/);
    }
    // Its pages stay in the database; the admin list still shows it, as closed.
    expect(
      await t.db.db
        .selectFrom('pages')
        .select('id')
        .where('site_id', '=', (await t.modules.sites.sites.byCode('phuonghoankiem')).id)
        .execute(),
    ).not.toHaveLength(0);
    expect((await c.get('/quan-tri/trang')).body).toMatch(/phuonghoankiem[\s\S]*Đã đóng/);

    await c.get('/quan-tri/trang/sua/thanhpho');
    const portalClosed = await c.post('/quan-tri/trang/trang-thai/thanhpho', { status: 'closed' });
    expect(portalClosed.statusCode).toBe(422);
    expect(portalClosed.body).toContain('Không thể đóng cổng thông tin chính của thành phố.');
    expect((await get('/')).statusCode).toBe(200);

    await c.get('/quan-tri/trang/sua/phuonghoankiem');
    expect((await c.post('/quan-tri/trang/trang-thai/phuonghoankiem', { status: 'active' })).statusCode).toBe(303);
    expect((await get('/', 'phuonghoankiem.localhost')).statusCode).toBe(200);
    const actions = await t.db.db.selectFrom('audit_log').select('summary').where('action', '=', 'site.status_changed').execute();
    expect(actions.map((a) => JSON.stringify(a.summary))).toEqual([expect.stringContaining('"to":"closed"'), expect.stringContaining('"to":"active"')]);
  });

  it('keeps everyone else out of the sites administration', async () => {
    const c = await as(operator);
    expect((await c.get('/quan-tri/trang')).statusCode).toBe(403);
    expect((await c.get('/quan-tri/trang/moi')).statusCode).toBe(403);
    expect((await c.get('/quan-tri')).body).not.toContain('href="/quan-tri/trang"');
    const member = await as(boardMember);
    expect((await member.get('/quan-tri/thong-tin-trang')).statusCode).toBe(403);
    expect((await member.get('/quan-tri')).body).not.toContain('href="/quan-tri/thong-tin-trang"');
  });
});

describe('the site operator', () => {
  it('edits the identity, contacts, logo and theme of their site, not its host names', async () => {
    const c = await as(operator);
    const page = await c.get('/quan-tri/thong-tin-trang');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Thông tin trang — Sở Tư pháp Thành phố');
    expect(page.body).toContain('Việc còn thiếu theo quy định');
    expect(page.body).toContain('href="/quan-tri/tai-khoan"');
    expect(page.body).not.toContain('name="hosts"');
    expect(page.body).not.toContain('name="parentCode"');

    const png = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#a3161a' } })
      .png()
      .toBuffer();
    const logo = await t.modules.media.uploadMedia(admin.actor, department.id, { data: png, originalName: 'bieu-trung.png', alt: 'Biểu trưng Sở Tư pháp' });
    const pdf = await t.modules.media.uploadMedia(admin.actor, department.id, { data: pdfFile('Van ban'), originalName: 'van-ban.pdf' });
    const withLogo = await c.get('/quan-tri/thong-tin-trang');
    expect(withLogo.body).toContain(`<option value="${logo.id}">Biểu trưng Sở Tư pháp (#${logo.id})</option>`);

    const identity = {
      nameVi: 'Sở Tư pháp Thành phố',
      nameEn: 'City Department of Justice',
      ownerNameVi: 'Ủy ban nhân dân Thành phố',
      ownerNameEn: "City People's Committee",
      responsiblePerson: 'Giám đốc Sở',
      address: 'Số 2 Phố Mới',
      phone: '024 3999 8888',
      fax: '024 3999 8889',
      email: 'vanphong.stp@thanhpho.gov.vn',
      logoMediaId: String(logo.id),
      themeColor: '#5b2c6f',
      // Not in the operator's form: ignored.
      hosts: 'chiem.example.gov.vn',
    };
    const bad = await c.post('/quan-tri/thong-tin-trang', { ...identity, phone: 'abc', logoMediaId: String(pdf.id) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Số điện thoại “abc” không hợp lệ');
    expect(bad.body).toContain('Biểu trưng phải là một ảnh của thư viện.');
    expect(bad.body).toContain('value="Số 2 Phố Mới"');

    const ok = await c.post('/quan-tri/thong-tin-trang', identity);
    expect(ok.statusCode, ok.body.slice(0, 400)).toBe(303);
    const home = await get('/', 'sotuphap.localhost');
    expect(home.body).toMatch(/<footer[\s\S]*Số 2 Phố Mới[\s\S]*024 3999 8888[\s\S]*vanphong\.stp@thanhpho\.gov\.vn/);
    expect(home.body).toMatch(new RegExp(`<img class="emblem" src="/media/${logo.id}/[^"]+"`));
    expect(home.body).toContain('--brand:#5b2c6f');
    expect((await t.modules.sites.sites.byCode('sotuphap')).hosts).not.toContain('chiem.example.gov.vn');

    // A logo deleted from the library leaves the national emblem, not a broken image.
    await t.modules.media.deleteMedia(admin.actor, logo.id);
    await new Promise((r) => setTimeout(r, 200));
    const after = await get('/', 'sotuphap.localhost');
    expect(after.body).not.toContain(`/media/${logo.id}/`);
  });

  it('switches English off: no /english pages and no language switch', async () => {
    const c = await as(admin);
    await c.get('/quan-tri/trang/sua/sotuphap');
    const site = await t.modules.sites.sites.byCode('sotuphap');
    await t.modules.sites.sites.update(admin.actor, 'sotuphap', { languages: [] });
    expect((await get('/english/', 'sotuphap.localhost')).statusCode).toBe(404);
    expect((await get('/', 'sotuphap.localhost')).body).not.toContain('class="lang-switch"');
    await t.modules.sites.sites.update(admin.actor, 'sotuphap', { languages: site.languages });
    expect((await get('/english/', 'sotuphap.localhost')).statusCode).toBe(200);
  });
});

describe('the sites API', () => {
  it('lists each site’s children, languages, and closed sites as closed', async () => {
    await t.modules.sites.setStatus('phuonghoankiem', 'closed');
    const items = (await get('/api/v1/sites')).json().items as { code: string; children: string[]; status: string; languages: string[] }[];
    expect(items.find((s) => s.code === 'thanhpho')!.children).toEqual(['sotuphap', 'phuonghoankiem']);
    expect(items.find((s) => s.code === 'phuonghoankiem')).toMatchObject({ status: 'closed', children: [], languages: ['vi', 'en'] });
    expect((await get('/api/v1/sites/phuonghoankiem')).json().status).toBe('closed');
    const doc = (await get('/api/openapi.json')).json();
    const schema = JSON.stringify(doc.components?.schemas ?? doc);
    expect(schema).toContain('"closed"');
    expect(schema).toContain('children');
    await t.modules.sites.setStatus('phuonghoankiem', 'active');
  });
});

describe('several processes', () => {
  it('serves a site created by another process (the CLI) within seconds, and shows it on the portal’s site map', async () => {
    expect((await get('/so-do-cong')).statusCode).toBe(200);
    expect((await get('/s/xaminhhoa/')).statusCode).toBe(404);
    // Another process: its own modules (its own site directory, no listener), the same database.
    const other = createModules({ config: t.config, db: t.db.db, engine: t.db.engine, ping: t.db.ping });
    await other.sites.sites.create(
      { kind: 'system', label: 'cli' },
      { code: 'xaminhhoa', kind: 'ward', parentCode: 'thanhpho', nameVi: 'Xã Minh Họa', nameEn: 'Minh Hoa Commune' },
    );
    const deadline = Date.now() + 5_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await get('/s/xaminhhoa/')).statusCode;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await get('/so-do-cong')).body).toContain('Xã Minh Họa');

    await other.sites.sites.setStatus({ kind: 'system', label: 'cli' }, 'xaminhhoa', 'closed');
    const until = Date.now() + 5_000;
    while (Date.now() < until && (await get('/s/xaminhhoa/')).statusCode !== 410) await new Promise((r) => setTimeout(r, 100));
    expect((await get('/s/xaminhhoa/')).statusCode).toBe(410);
  });
});
