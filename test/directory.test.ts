/**
 * The organisation and contact directory (issue #14 point 5, CONT-12): the unit tree's use cases
 * (a cycle refused, another site's operator refused in the service), the operator's screens (bad
 * e-mail and phone refused by field, the form keeping what was typed, nothing saved; CSRF), every
 * change audited; the city-wide page searched without JavaScript (diacritics and case ignored),
 * its CSV and JSON, the read API and the sites API's units; the checklist's gap; and a responder
 * granted a unit seeing the inquiries of the agency that is that unit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/modules/access/index.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import { signIn } from './sign-in.ts';
import type { FormClient } from './browser-like.ts';

let t: TestApp;
let dataDir: string;
let portal: TestSite;
let ward: TestSite;
let opPortal: TestPerson;
let opWard: TestPerson;
let nextNet = 1;
const SYSTEM: Actor = { kind: 'system', label: 'test' };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-directory-'));
  t = await buildTestApp({ seed: false, env: { DATA_DIR: dataDir } });
  const f = factories(t);
  portal = await f.site({ code: 'thanhpho', nameVi: 'Cổng Thông tin điện tử Thành phố Kiểm thử', nameEn: 'Test City E-Portal' });
  ward = await f.site({ kind: 'ward', code: 'phuongdongda', nameVi: 'Phường Đống Đa', nameEn: 'Dong Da Ward' });
  opPortal = await f.person('site_operator', portal);
  opWard = await f.person('site_operator', ward);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const as = (who: TestPerson): Promise<FormClient> => signIn(t, who, `10.88.${nextNet++}.1`);
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost' } });
const svc = () => t.modules.directory.directory;
const actorOf = (p: TestPerson): Actor => p.actor;

describe('the unit tree', () => {
  it('creates, moves and retires units; refuses a cycle, a parent of another site, and bad contacts', async () => {
    const office = await svc().create(actorOf(opPortal), portal.id, {
      nameVi: 'Văn phòng',
      kind: 'office',
      email: ' VanPhong@ThanhPho.Example ',
      phone: '024 3825 1234',
    });
    expect(office).toMatchObject({ email: 'vanphong@thanhpho.example', phone: '02438251234', parent_id: null });
    const general = await svc().create(actorOf(opPortal), portal.id, {
      nameVi: 'Phòng Tổng hợp',
      kind: 'department',
      parentId: String(office.id),
      focalName: 'Nguyễn Văn An',
    });
    const desk = await svc().create(actorOf(opPortal), portal.id, { nameVi: 'Tổ Văn thư', kind: 'section', parentId: general.id });
    // Placing the office below its own grandchild would make a cycle; below itself too.
    await expect(svc().update(actorOf(opPortal), office.id, { nameVi: 'Văn phòng', kind: 'office', parentId: desk.id })).rejects.toMatchObject({
      status: 422,
      code: 'directory.cycle',
    });
    await expect(svc().update(actorOf(opPortal), office.id, { nameVi: 'Văn phòng', kind: 'office', parentId: office.id })).rejects.toMatchObject({
      status: 422,
    });
    // Moving the desk to the top is fine.
    const moved = await svc().update(actorOf(opPortal), desk.id, { nameVi: 'Tổ Văn thư', kind: 'section', parentId: '' });
    expect(moved.parent_id).toBeNull();
    // A unit of another site cannot be a parent.
    const wardUnit = await svc().create(actorOf(opWard), ward.id, { nameVi: 'Bộ phận một cửa', kind: 'section' });
    await expect(svc().create(actorOf(opPortal), portal.id, { nameVi: 'Phòng X', kind: 'department', parentId: wardUnit.id })).rejects.toMatchObject({
      status: 422,
    });
    // Names are unique within a site (case aside), not across sites.
    await expect(svc().create(actorOf(opPortal), portal.id, { nameVi: 'VĂN PHÒNG', kind: 'office' })).rejects.toMatchObject({ status: 409 });
    await svc().create(actorOf(opWard), ward.id, { nameVi: 'Văn phòng', kind: 'office' });
    // Bad e-mail and phone: a message per field, nothing saved.
    const before = (await svc().list([portal.id], true)).length;
    const bad = await svc()
      .create(actorOf(opPortal), portal.id, { nameVi: 'Phòng Y', kind: 'department', email: 'không-phải-thư', phone: '12345' })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 422 });
    expect((bad as { details: { field: string }[] }).details.map((d) => d.field).sort()).toEqual(['email', 'phone']);
    expect((await svc().list([portal.id], true)).length).toBe(before);
    // A unit with an active unit below it is not retired; a leaf is.
    await expect(svc().setRetired(actorOf(opPortal), office.id, true)).rejects.toMatchObject({ status: 409 });
    expect((await svc().setRetired(actorOf(opPortal), moved.id, true)).retired).toBe(true);
    expect((await svc().list([portal.id])).some((u) => u.id === moved.id)).toBe(false);
    // Every change audited, with who did it.
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'actor_label', 'target_id']).where('action', 'like', 'directory_unit.%').execute();
    const actions = audit.filter((a) => a.target_id === String(desk.id)).map((a) => a.action);
    expect(actions).toEqual(['directory_unit.created', 'directory_unit.moved', 'directory_unit.retired']);
    expect(audit.find((a) => a.target_id === String(office.id))?.actor_label).toBe(opPortal.email);
  });

  it('refuses (403, in the service) an operator of site A changing site B’s units', async () => {
    const unit = await svc().create(SYSTEM, ward.id, { nameVi: 'Địa chính – Xây dựng', kind: 'section' });
    await expect(svc().update(actorOf(opPortal), unit.id, { nameVi: 'Đổi tên', kind: 'section' })).rejects.toMatchObject({ status: 403 });
    await expect(svc().setRetired(actorOf(opPortal), unit.id, true)).rejects.toMatchObject({ status: 403 });
    await expect(svc().create(actorOf(opPortal), ward.id, { nameVi: 'Phòng lạ', kind: 'section' })).rejects.toMatchObject({ status: 403 });
    // Through the screens too, whatever the address says.
    const c = await as(opPortal);
    await c.get('/quan-tri/danh-ba');
    expect((await c.get(`/quan-tri/danh-ba/sua/${unit.id}`)).statusCode).toBe(403);
    expect((await c.post(`/quan-tri/danh-ba/sua/${unit.id}`, { nameVi: 'Đổi tên', kind: 'section' })).statusCode).toBe(403);
    expect((await svc().byId(unit.id))?.name_vi).toBe('Địa chính – Xây dựng');
  });
});

describe('the operator’s screens', () => {
  it('lists the tree, refuses bad e-mail and phone by field keeping what was typed, and saves a good unit', async () => {
    const c = await as(opWard);
    const list = await c.get('/quan-tri/danh-ba');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Bộ phận một cửa');
    const form = await c.get('/quan-tri/danh-ba/moi');
    expect(form.statusCode).toBe(200);
    const typed = {
      nameVi: 'Phòng Văn hóa <script>alert(1)</script>',
      nameEn: '',
      kind: 'department',
      parentId: '',
      focalName: 'Trần Thị Bình',
      focalTitle: '',
      email: 'binh@@x',
      phone: '99-abc',
      address: '',
      position: '',
    };
    const bad = await c.post('/quan-tri/danh-ba/moi', typed);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Địa chỉ thư điện tử không hợp lệ.');
    expect(bad.body).toContain('Số điện thoại không hợp lệ');
    expect(bad.body).toContain('value="Trần Thị Bình"');
    expect(bad.body).toContain('value="binh@@x"');
    expect(bad.body).toContain('Phòng Văn hóa &lt;script&gt;');
    expect(bad.body).not.toContain('<script>alert(1)');
    // Hostile and malformed input: never a 500.
    expect((await c.post('/quan-tri/danh-ba/moi', { ...typed, nameVi: 'x'.repeat(5000) })).statusCode).toBe(422);
    expect((await c.post('/quan-tri/danh-ba/moi', { ...typed, kind: 'nope', email: '', phone: '' })).statusCode).toBe(422);
    expect((await c.post('/quan-tri/danh-ba/moi', { ...typed, position: 'abc', email: '', phone: '' })).statusCode).toBe(422);
    expect((await c.post('/quan-tri/danh-ba/moi', { ...typed, parentId: '999999', email: '', phone: '' })).statusCode).toBe(422);
    expect((await c.post('/quan-tri/danh-ba/moi', { ...typed, email: '', phone: '', _csrf: '' })).statusCode).toBe(403);
    expect((await c.get('/quan-tri/danh-ba/sua/999999')).statusCode).toBe(404);
    expect((await c.get('/quan-tri/danh-ba/sua/abc')).statusCode).toBe(404);
    expect((await svc().list([ward.id], true)).some((u) => u.name_vi.startsWith('Phòng Văn hóa'))).toBe(false);
    const ok = await c.post('/quan-tri/danh-ba/moi', { ...typed, nameVi: 'Phòng Văn hóa – Xã hội', email: 'vanhoa@dongda.example', phone: '0912 345 678' });
    expect(ok.statusCode).toBe(303);
    const saved = (await svc().list([ward.id])).find((u) => u.name_vi === 'Phòng Văn hóa – Xã hội')!;
    expect(saved).toMatchObject({ focal_name: 'Trần Thị Bình', email: 'vanhoa@dongda.example', phone: '0912345678' });
    // The edit form moves it below another unit; the English admin works too.
    const office = (await svc().list([ward.id])).find((u) => u.name_vi === 'Văn phòng')!;
    expect((await c.get(`/english/admin/directory/edit/${saved.id}`)).statusCode).toBe(200);
    const move = await c.post(`/quan-tri/danh-ba/sua/${saved.id}`, {
      ...typed,
      nameVi: saved.name_vi,
      email: saved.email,
      phone: saved.phone,
      parentId: String(office.id),
    });
    expect(move.statusCode).toBe(303);
    expect((await svc().byId(saved.id))?.parent_id).toBe(office.id);
    const cycle = await c.post(`/quan-tri/danh-ba/sua/${office.id}`, { nameVi: 'Văn phòng', kind: 'office', parentId: String(saved.id) });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.body).toContain('Không thể đặt một đơn vị trực thuộc chính nó');
    // Retire through the screen, audited.
    expect((await c.post(`/quan-tri/danh-ba/ngung/${saved.id}`, { retired: '1' })).statusCode).toBe(303);
    expect((await svc().byId(saved.id))?.retired).toBe(true);
    expect((await c.post(`/quan-tri/danh-ba/ngung/${office.id}`, { retired: 'x' })).statusCode).toBe(422);
  });
});

describe('the city-wide directory', () => {
  it('finds units without JavaScript, ignoring diacritics and case, grouped by site in the city’s order', async () => {
    const page = await get('/danh-ba?q=VAN%20PHONG');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<form class="search-form directory-search" method="get"');
    expect(page.body).toContain('Văn phòng');
    const portalAt = page.body.indexOf('id="trang-thanhpho"');
    const wardAt = page.body.indexOf('id="trang-phuongdongda"');
    expect(portalAt).toBeGreaterThan(0);
    expect(wardAt).toBeGreaterThan(portalAt);
    // By a person's name, without diacritics.
    const byPerson = await get('/danh-ba?q=nguyen%20van%20an');
    expect(byPerson.body).toContain('Phòng Tổng hợp');
    expect(byPerson.body).not.toContain('Bộ phận một cửa');
    // By site; a retired unit is not shown; hostile input is escaped and never a 500.
    const wardOnly = await get('/danh-ba?trang=phuongdongda');
    expect(wardOnly.body).toContain('Bộ phận một cửa');
    expect(wardOnly.body).not.toContain('id="trang-thanhpho"');
    expect(wardOnly.body).not.toContain('Phòng Văn hóa – Xã hội');
    const hostile = await get(`/danh-ba?q=${encodeURIComponent('<script>alert(1)</script>')}&trang=${encodeURIComponent('"><b>')}`);
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>alert(1)');
    expect((await get(`/danh-ba?q=${'a'.repeat(3000)}`)).statusCode).toBeLessThan(500);
    // English, and on a component site's address.
    const en = await get('/english/directory?q=van%20phong');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Directory of agencies and units');
    expect((await get('/s/phuongdongda/danh-ba')).statusCode).toBe(200);
    // Every site's footer leads to it.
    expect((await get('/s/phuongdongda/')).body).toContain('<a href="/s/phuongdongda/danh-ba">Danh bạ</a>');
    expect((await get('/english/')).body).toContain('<a href="/english/directory">Directory</a>');
  });

  it('exports CSV (UTF-8 with BOM, Vietnamese order) and JSON', async () => {
    const csv = await get('/danh-ba.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('Đơn vị');
    const wardUnits = lines.filter((l) => l.startsWith('Phường Đống Đa,')).map((l) => l.split(',')[2]!);
    expect(wardUnits).toEqual([...wardUnits].sort(new Intl.Collator('vi').compare));
    expect(wardUnits).toContain('Bộ phận một cửa');
    const filtered = await get('/danh-ba.csv?q=tong%20hop');
    expect(filtered.body).toContain('Phòng Tổng hợp');
    expect(filtered.body).not.toContain('Bộ phận một cửa');
    const json = await get('/danh-ba.json?q=van%20phong');
    expect(json.statusCode).toBe(200);
    const body = JSON.parse(json.body) as { sites: { code: string; units: { name: string; email: string }[] }[] };
    expect(body.sites.map((s) => s.code)).toEqual(['thanhpho', 'phuongdongda']);
    expect(body.sites[0]!.units[0]).toMatchObject({ name: 'Văn phòng', email: 'vanphong@thanhpho.example' });
  });

  it('serves the read API, and the sites API gains each site’s units', async () => {
    const api = await get('/api/v1/directory?q=tong%20hop');
    expect(api.statusCode).toBe(200);
    expect((JSON.parse(api.body) as { items: { name: string; focalPerson: { name: string } }[] }).items).toEqual([
      expect.objectContaining({ name: 'Phòng Tổng hợp', focalPerson: { name: 'Nguyễn Văn An', title: '' } }),
    ]);
    expect((await get('/api/v1/directory?site=%3Cx%3E')).statusCode).toBe(400);
    const sites = JSON.parse((await get('/api/v1/sites')).body) as { items: { code: string; units: { name: string; parentId: number | null }[] }[] };
    const p = sites.items.find((s) => s.code === 'thanhpho')!;
    expect(p.units.map((u) => u.name)).toEqual(expect.arrayContaining(['Văn phòng', 'Phòng Tổng hợp']));
    const one = JSON.parse((await get('/api/v1/sites/phuongdongda?lang=en')).body) as { units: { name: string }[] };
    expect(one.units.map((u) => u.name)).toContain('Bộ phận một cửa');
  });

  it('puts a site without a focal person on its operator’s checklist', async () => {
    const f = factories(t);
    const lonely = await f.site({ kind: 'department', code: 'sokiemthu', nameVi: 'Sở Kiểm thử', parent: 'thanhpho' });
    const gaps = async () => (await t.modules.sites.sites.checklist(await t.modules.sites.sites.byCode('sokiemthu', 'vi'), 'vi')).map((g) => g.key);
    expect(await gaps()).toContain('directory:focal');
    await svc().create(SYSTEM, lonely.id, { nameVi: 'Văn phòng Sở', kind: 'office', focalName: 'Lê Thị Hoa' });
    expect(await gaps()).not.toContain('directory:focal');
  });
});

describe('grants and agencies name units', () => {
  it('a responder granted a unit sees the inquiries of the agency that is that unit, and the granter sees which unit', async () => {
    const f = factories(t);
    const [construction] = await t.modules.directory.ensureUnits(portal.id, ['Sở Xây dựng']);
    const agency = await t.modules.inquiries.agencies.add(SYSTEM, portal.id, { unitId: construction!.id });
    expect(agency).toMatchObject({ unit_id: construction!.id, name: 'Sở Xây dựng' });
    // The operator grants the role through the form, picking the unit from the site's list.
    const target = await f.person('contributor', portal, { twoFactor: true });
    const c = await as(opPortal);
    const page = await c.get(`/quan-tri/tai-khoan/${target.id}`);
    expect(page.body).toContain(`<option value="${construction!.id}">Sở Xây dựng</option>`);
    const foreign = (await svc().list([ward.id]))[0]!;
    const refused = await c.post(`/quan-tri/tai-khoan/${target.id}`, { 'thao-tac': 'cap', role: 'agency_responder', grantUnit: String(foreign.id) });
    expect(refused.statusCode).toBe(422);
    const granted = await c.post(`/quan-tri/tai-khoan/${target.id}`, { 'thao-tac': 'cap', role: 'agency_responder', grantUnit: String(construction!.id) });
    expect(granted.statusCode).toBe(303);
    const after = await c.get(`/quan-tri/tai-khoan/${target.id}`);
    expect(after.body).toContain('(Sở Xây dựng)');
    const audit = await t.db.db.selectFrom('audit_log').select('summary').where('action', '=', 'grant.added').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({ unit: { id: construction!.id, name: 'Sở Xây dựng' } });

    // A request forwarded to the agency is seen by that responder (from the grant as stored).
    const submitted = await t.modules.inquiries.submission.submit({
      siteId: portal.id,
      channel: 'web',
      kind: 'question',
      field: 'thu-tuc-hanh-chinh',
      title: 'Hỏi về giấy phép xây dựng nhà ở riêng lẻ',
      body: 'Xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ tại phường cần những giấy tờ gì? Xin cảm ơn.',
      name: 'Nguyễn Văn Hỏi',
      email: 'hoi@example.vn',
      phone: '0912345678',
      address: '12 phố Hàng Bạc',
      consentPrivacy: true,
      consentPublish: false,
      lang: 'vi',
      statusUrl: 'http://localhost/tra-cuu-cau-hoi',
    });
    await t.modules.inquiries.handling.forward(SYSTEM, submitted.row.id, { agencyId: agency.id });
    const responder = await as(target);
    const list = await responder.get('/quan-tri/hoi-dap');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Hỏi về giấy phép xây dựng');
    expect((await t.modules.accounts.respondersOf(portal.id, construction!.id)).map((r) => r.email)).toContain(target.email);
  });
});
