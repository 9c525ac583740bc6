/**
 * Bulk creation of sites from a CSV file (issue #14), on the engine of the run (PGlite, or
 * PostgreSQL with DATABASE_URL): Hà Nội's 126 wards and communes (since 1 July 2025: 51 wards,
 * 75 communes) in one transaction; the same file with one bad line creates none and names the
 * line; and the same through the administration's upload form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { factories, type TestPerson } from './factories.ts';
import { UploadClient } from './multipart.ts';
import { totpOf } from './sign-in.ts';
import { wardsCsv } from './sites-csv.ts';

let t: TestApp;
let admin: TestPerson;

beforeAll(async () => {
  t = await buildTestApp({ seed: false });
  const f = factories(t);
  await f.site({ code: 'hanoi', nameVi: 'Cổng Thông tin điện tử Thành phố Hà Nội', nameEn: 'Hanoi City E-Portal' });
  admin = await f.person('platform_admin', null);
});
afterAll(async () => {
  await t?.close();
});

const count = async () => (await t.modules.sites.listSites()).length;

describe('creating the wards and communes of a city from a CSV file', () => {
  it('creates 126 sites in one run, each with its skeleton, served at once', { timeout: 180_000 }, async () => {
    const before = await count();
    const started = Date.now();
    const result = await t.modules.sites.sites.importCsv(admin.actor, wardsCsv(''));
    const ms = Date.now() - started;
    expect(result.ok, JSON.stringify(result).slice(0, 500)).toBe(true);
    if (!result.ok) return;
    expect(result.created).toHaveLength(126);
    expect(await count()).toBe(before + 126);
    console.log(`126 sites imported in ${ms} ms on ${t.db.engine}`);

    const last = result.created.at(-1)!;
    expect(last).toMatchObject({ code: 'xa75', kind: 'ward', name_vi: 'Xã Thử nghiệm 75', name_en: 'Xa Thu nghiem 75', email: 'ubnd.xa75@hanoi.gov.vn' });
    // Every site has its standard menu and empty fixed pages in both languages.
    const menuSites = await t.db.db.selectFrom('menu_items').select('site_id').distinct().where('lang', '=', 'en').execute();
    const ids = new Set(menuSites.map((r) => r.site_id));
    expect(result.created.every((s) => ids.has(s.id))).toBe(true);
    const pages = await t.db.db
      .selectFrom('pages')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('site_id', '=', last.id)
      .executeTakeFirstOrThrow();
    expect(Number(pages.n)).toBe(12);

    const home = await t.app.inject({ method: 'GET', url: '/', headers: { host: 'xa75.localhost' } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Xã Thử nghiệm 75');
    expect(home.body).toContain('Số 126, đường Thử nghiệm, Xã Thử nghiệm 75, Hà Nội');
    expect((await t.app.inject({ method: 'GET', url: '/', headers: { host: 'phuong1.hanoi.gov.vn' } })).body).toContain('Phường Thử nghiệm 1');

    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', 'in', ['site.created', 'sites.imported']).execute();
    expect(audit.filter((a) => a.action === 'site.created')).toHaveLength(126 + 1);
    expect(audit.filter((a) => a.action === 'sites.imported')).toEqual([{ action: 'sites.imported', actor_label: admin.email }]);
  });

  it('creates none when one line is bad, and names the line and why', { timeout: 180_000 }, async () => {
    const before = await count();
    const menusBefore = await t.db.db
      .selectFrom('menu_items')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await t.modules.sites.sites.importCsv(admin.actor, wardsCsv('moi-', { index: 60, column: 'email', value: 'ubnd@' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refused).toEqual([{ line: 61, code: 'moi-xa9', reasons: ['Địa chỉ thư điện tử không hợp lệ.'] }]);
    expect(await count()).toBe(before);
    const menusAfter = await t.db.db
      .selectFrom('menu_items')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(menusAfter.n)).toBe(Number(menusBefore.n));
  });

  it('names every bad line in one run: taken codes, codes repeated in the file, unknown parents, bad columns', async () => {
    const csv = [
      'code,kind,parent,name_vi,hosts',
      'phuong1,ward,hanoi,Phường trùng mã,',
      'phuongmoi,ward,khongco,Phường không có cấp trên,',
      'phuongmoi2,ward,hanoi,Phường mới 2,phuong1.hanoi.gov.vn',
      'phuongmoi3,ward,hanoi,"Phường ""mới"" 3",',
      'phuongmoi3,ward,hanoi,Phường lặp,',
      'phuongmoi4,quan,hanoi,Quận cũ,',
      'phuongmoi5,ward,hanoi',
    ].join('\n');
    const result = await t.modules.sites.sites.importCsv(admin.actor, csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refused.map((r) => [r.line, r.code])).toEqual([
      [2, 'phuong1'],
      [3, 'phuongmoi'],
      [4, 'phuongmoi2'],
      [6, 'phuongmoi3'],
      [7, 'phuongmoi4'],
      [8, 'phuongmoi5'],
    ]);
    const reasons = new Map(result.refused.map((r) => [r.line, r.reasons.join(' ')]));
    expect(reasons.get(2)).toContain('Mã trang “phuong1” đã được dùng.');
    expect(reasons.get(3)).toContain('Không có trang mã “khongco”');
    expect(reasons.get(4)).toContain('phuong1.hanoi.gov.vn');
    expect(reasons.get(6)).toContain('đã được dùng');
    expect(reasons.get(7)).toContain('Loại trang không hợp lệ.');
    expect(reasons.get(8)).toContain('Dòng có 3 ô trong khi tiêu đề có 5 cột.');
    expect((await t.modules.sites.listSites()).some((s) => s.code === 'phuongmoi3')).toBe(false);

    const header = await t.modules.sites.sites.importCsv(admin.actor, 'ma,ten\nx,y\n');
    expect(header).toEqual({
      ok: false,
      refused: [
        {
          line: 1,
          code: '',
          reasons: [expect.stringContaining('Cột không được hỗ trợ: ma, ten.'), expect.stringContaining('Thiếu cột bắt buộc: code, kind, name_vi.')],
        },
      ],
    });
  });

  it('refuses a bulk creation to anyone but a platform administrator', async () => {
    const operator = await factories(t).person('site_operator', (await t.modules.sites.sites.byCode('phuong2')).id);
    await expect(t.modules.sites.sites.importCsv(operator.actor, wardsCsv('x-'))).rejects.toMatchObject({ status: 403 });
  });
});

describe('the upload form', () => {
  async function signedIn(): Promise<UploadClient> {
    const c = new UploadClient(t.app, 'localhost', '10.78.0.1');
    await c.get('/quan-tri/dang-nhap');
    await c.post('/quan-tri/dang-nhap', { email: admin.email, password: admin.password });
    await c.get('/quan-tri/xac-thuc');
    expect((await c.post('/quan-tri/xac-thuc', { code: await totpOf(t, admin.email) })).statusCode).toBe(303);
    return c;
  }

  it('creates the sites of the file, or lists the lines refused with a 422 and creates none', async () => {
    const c = await signedIn();
    const page = await c.get('/quan-tri/trang/nhap-csv');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<code>theme_color</code>');

    const bad = await c.postMultipart(
      '/quan-tri/trang/nhap-csv',
      {},
      {
        filename: 'phuong.csv',
        contentType: 'text/csv',
        data: Buffer.from('code,kind,parent,name_vi\nphuongtai1,ward,hanoi,Phường Tải 1\nphuongtai2,ward,hanoi,\n'),
      },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/<th scope="row">3<\/th><td><code>phuongtai2<\/code><\/td><td>Cần nhập tên tiếng Việt\./);
    expect((await t.modules.sites.listSites()).some((s) => s.code === 'phuongtai1')).toBe(false);

    await c.get('/quan-tri/trang/nhap-csv');
    const ok = await c.postMultipart(
      '/quan-tri/trang/nhap-csv',
      {},
      {
        filename: 'phuong.csv',
        contentType: 'text/csv',
        data: Buffer.from('code,kind,parent,name_vi\nphuongtai1,ward,hanoi,Phường Tải 1\nphuongtai2,ward,hanoi,Phường Tải 2\n'),
      },
    );
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(303);
    expect(ok.headers.location).toBe('/quan-tri/trang?tb=da-nhap&so=2');
    expect((await c.get(String(ok.headers.location))).body).toContain('Đã tạo 2 trang từ tệp CSV.');

    await c.get('/quan-tri/trang/nhap-csv');
    const none = await c.postMultipart('/quan-tri/trang/nhap-csv', {});
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Chưa chọn tệp CSV.');
    await c.get('/quan-tri/trang/nhap-csv');
    const binary = await c.postMultipart('/quan-tri/trang/nhap-csv', {}, { filename: 'x.csv', data: Buffer.from([0xff, 0xfe, 0x00, 0xc3]) });
    expect(binary.statusCode).toBe(422);
    expect(binary.body).toContain('Tệp không phải văn bản UTF-8.');
  });
});
