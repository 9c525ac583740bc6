/**
 * The finished structure screens (issue #14, points 7 and 8), over HTTP with forms as a browser
 * without JavaScript: categories renamed, moved (never into themselves) and retired (301 to the
 * parent, gone from the editor, items still published); the topics screen; menu entries chosen
 * from the site's parts; the site map listing every public section; the receiving board's
 * consent to cross-posted items; no "propose to the portal" for what came from the portal.
 * Hostile input is refused by field, escaped, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import type { FormClient } from './browser-like.ts';
import { signedInClients } from './sign-in.ts';
import { factories, type TestPerson } from './factories.ts';
import type { Actor } from '../src/modules/access/index.ts';
import type { NewItemInput } from '../src/modules/content/index.ts';

let t: TestApp;
let hanoi: number;
let ward: number;
let OPERATOR: TestPerson;
let HEAD: TestPerson;
let WARD_HEAD: TestPerson;
let WARD_EDITOR: TestPerson;
const system: Actor = { kind: 'system', label: 'test' };

beforeAll(async () => {
  t = await buildTestApp();
  const sites = await t.modules.sites.listSites();
  hanoi = sites.find((s) => s.code === 'hanoi')!.id;
  ward = sites.find((s) => s.code === 'phuongbadinh')!.id;
  const f = factories(t);
  OPERATOR = await f.person('site_operator', hanoi);
  HEAD = await f.person('board_head', hanoi);
  WARD_HEAD = await f.person('board_head', ward);
  WARD_EDITOR = await f.person('board_member', ward);
});
afterAll(async () => {
  await t?.close();
});

const as = signedInClients(() => t, 61);

async function postFrom(c: FormClient, page: string, url: string, fields: Record<string, string | string[]>) {
  const loaded = await c.get(page);
  expect(loaded.statusCode, `${page}: ${loaded.body.slice(0, 300)}`).toBe(200);
  return c.post(url, fields);
}

const content = () => t.modules.content.content;
const categories = () => t.modules.content.categories;

/** A live news item of `siteId`, through the workflow. */
function liveItem(siteId: number, title: string, extra: Partial<NewItemInput> = {}) {
  return factories(t).item(siteId, 'live', { title, ...extra });
}

describe('categories: rename, move, retire', () => {
  it('renames and moves a category: the item keeps its address, the category its address too', async () => {
    const parent = await categories().create(system, hanoi, { lang: 'vi', name: 'Kinh tế', slug: 'kinh-te-kt' });
    const other = await categories().create(system, hanoi, { lang: 'vi', name: 'Xã hội', slug: 'xa-hoi-kt' });
    const cat = await categories().create(system, hanoi, { lang: 'vi', name: 'Đầu tư', slug: 'dau-tu-kt', parentId: parent.id });
    const item = await liveItem(hanoi, 'Thu hút đầu tư năm 2026', { categoryId: cat.id });
    const itemUrl = `/tin/${item.slug}`;
    expect((await t.app.inject({ url: itemUrl })).statusCode).toBe(200);

    const op = await as(OPERATOR);
    const page = `/quan-tri/cau-truc/chuyen-muc/${cat.id}`;
    const form = await op.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Đầu tư"');
    const saved = await op.post(page, { name: 'Đầu tư và phát triển', description: 'Mới', parentId: String(other.id), position: '3' });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    expect(saved.headers.location).toBe(`${page}?tb=saved`);
    const row = (await categories().find(cat.id))!;
    expect(row).toMatchObject({ name: 'Đầu tư và phát triển', parent_id: other.id, position: 3, slug: 'dau-tu-kt' });
    expect((await t.app.inject({ url: itemUrl })).statusCode).toBe(200);
    const listing = await t.app.inject({ url: '/chuyen-muc/dau-tu-kt' });
    expect(listing.statusCode).toBe(200);
    expect(listing.body).toContain('Đầu tư và phát triển');
    expect(listing.body).toContain('Thu hút đầu tư năm 2026');
    expect((await t.app.inject({ url: '/chuyen-muc/xa-hoi-kt' })).body).toContain('Thu hút đầu tư năm 2026');
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'category.changed').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a move into itself or below itself, an empty or a sibling’s name, an unknown parent: by field, input kept, nothing saved', async () => {
    const top = await categories().create(system, hanoi, { lang: 'vi', name: 'Văn hóa', slug: 'van-hoa-kt' });
    const child = await categories().create(system, hanoi, { lang: 'vi', name: 'Lễ hội', slug: 'le-hoi-kt', parentId: top.id });
    await categories().create(system, hanoi, { lang: 'vi', name: 'Di sản', slug: 'di-san-kt', parentId: top.id });
    const op = await as(OPERATOR);
    const page = `/quan-tri/cau-truc/chuyen-muc/${top.id}`;
    await op.get(page);
    const cycle = await op.post(page, { name: 'Văn hóa <b>mới</b>', description: '', parentId: String(child.id), position: '0' });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.body).toContain('id="f-parentId-error">Không thể chuyển chuyên mục vào chính nó');
    expect(cycle.body).toContain('value="Văn hóa &lt;b&gt;mới&lt;/b&gt;"');
    const self = await op.post(page, { name: 'Văn hóa', description: '', parentId: String(top.id), position: '0' });
    expect(self.statusCode).toBe(422);
    const unknown = await op.post(page, { name: 'Văn hóa', description: '', parentId: '999999999', position: '0' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('id="f-parentId-error"');
    const empty = await op.post(page, { name: '   ', description: '', parentId: '', position: '0' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('id="f-name-error">Cần nhập tên chuyên mục.');
    const childPage = `/quan-tri/cau-truc/chuyen-muc/${child.id}`;
    await op.get(childPage);
    const duplicate = await op.post(childPage, { name: 'di sản', description: '', parentId: String(top.id), position: '0' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain('id="f-name-error"');
    const badPosition = await op.post(childPage, { name: 'Lễ hội', description: '', parentId: String(top.id), position: 'abc' });
    expect(badPosition.statusCode).toBe(422);
    expect(badPosition.body).toContain('id="f-position-error"');
    expect(await categories().find(top.id)).toMatchObject({ name: 'Văn hóa', parent_id: null });
    expect(await categories().find(child.id)).toMatchObject({ name: 'Lễ hội', parent_id: top.id });
    // Without the CSRF token, or for another site's category, or a hostile id: never a 500.
    expect((await op.post(page, { _csrf: '', name: 'X', description: '', parentId: '', position: '0' })).statusCode).toBe(403);
    expect((await op.get('/quan-tri/cau-truc/chuyen-muc/99999999')).statusCode).toBe(404);
    expect((await op.get('/quan-tri/cau-truc/chuyen-muc/abc')).statusCode).toBe(404);
    const wardCat = (await categories().list(ward, 'vi'))[0]!;
    expect((await op.get(`/quan-tri/cau-truc/chuyen-muc/${wardCat.id}`)).statusCode).toBe(404);
    const long = await op.post(page, { name: 'x'.repeat(3000), description: '', parentId: '', position: '0' });
    expect(long.statusCode).toBe(422);
  });

  it('retires a category: 301 to its parent (or home), not offered in the editor, its items still published', async () => {
    const parent = await categories().create(system, hanoi, { lang: 'vi', name: 'Giáo dục', slug: 'giao-duc-kt' });
    const cat = await categories().create(system, hanoi, { lang: 'vi', name: 'Tuyển sinh', slug: 'tuyen-sinh-kt', parentId: parent.id });
    const top = await categories().create(system, hanoi, { lang: 'vi', name: 'Chuyên mục cũ', slug: 'cu-kt' });
    const item = await liveItem(hanoi, 'Tuyển sinh lớp 10 năm học mới', { categoryId: cat.id });
    const op = await as(OPERATOR);
    const retire = await postFrom(op, `/quan-tri/cau-truc/chuyen-muc/${cat.id}`, `/quan-tri/cau-truc/chuyen-muc/${cat.id}/trang-thai`, { retired: '1' });
    expect(retire.statusCode).toBe(303);
    expect((await categories().find(cat.id))!.retired_at).not.toBeNull();
    const moved = await t.app.inject({ url: '/chuyen-muc/tuyen-sinh-kt' });
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/chuyen-muc/giao-duc-kt');
    expect((await t.app.inject({ url: `/tin/${item.slug}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/chuyen-muc/giao-duc-kt' })).body).toContain('Tuyển sinh lớp 10 năm học mới');
    await postFrom(op, `/quan-tri/cau-truc/chuyen-muc/${top.id}`, `/quan-tri/cau-truc/chuyen-muc/${top.id}/trang-thai`, { retired: '1' });
    const home = await t.app.inject({ url: '/chuyen-muc/cu-kt' });
    expect(home.statusCode).toBe(301);
    expect(home.headers.location).toBe('/');
    const h = await as(HEAD);
    const editor = await h.get('/quan-tri/noi-dung/moi?loai=news');
    expect(editor.body).toContain(`<option value="${parent.id}">Giáo dục</option>`);
    expect(editor.body).not.toContain('>Tuyển sinh</option>');
    expect(editor.body).not.toContain('>Chuyên mục cũ</option>');
    const list = await op.get('/quan-tri/cau-truc/chuyen-muc');
    expect(list.body).toContain('ngừng dùng');
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'category.retired').execute();
    expect(audit.length).toBe(2);
    // Used again: the listing answers again.
    await postFrom(op, `/quan-tri/cau-truc/chuyen-muc/${cat.id}`, `/quan-tri/cau-truc/chuyen-muc/${cat.id}/trang-thai`, { retired: '0' });
    await vi.waitFor(async () => expect((await t.app.inject({ url: '/chuyen-muc/tuyen-sinh-kt' })).statusCode).toBe(200));
    const bad = await op.post(`/quan-tri/cau-truc/chuyen-muc/${cat.id}/trang-thai`, { retired: '<script>' });
    expect(bad.statusCode).toBe(422);
  });
});

describe('topics screen', () => {
  it('adds, renames and retires topics with their item counts; a topic page lists its items', async () => {
    const op = await as(OPERATOR);
    const added = await postFrom(op, '/quan-tri/cau-truc/chu-de', '/quan-tri/cau-truc/chu-de', {
      nameVi: 'Cải cách hành chính',
      nameEn: 'Administrative reform',
    });
    expect(added.statusCode, added.body.slice(0, 2000)).toBe(303);
    const topic = (await categories().topics(hanoi)).find((tp) => tp.name_vi === 'Cải cách hành chính')!;
    expect(topic.slug).toBe('cai-cach-hanh-chinh');
    const dup = await op.post('/quan-tri/cau-truc/chu-de', { nameVi: 'cải cách hành chính', nameEn: '' });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('id="f-nameVi-error"');
    const empty = await op.post('/quan-tri/cau-truc/chu-de', { nameVi: '', nameEn: '<script>alert(1)</script>' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('id="f-nameVi-error">Cần nhập tên chủ đề.');
    expect(empty.body).not.toContain('<script>alert(1)</script>');
    expect(empty.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const item = await liveItem(hanoi, 'Một cửa liên thông cấp phường', { topicIds: [topic.id] });
    const list = await op.get('/quan-tri/cau-truc/chu-de');
    expect(list.body).toMatch(/Cải cách hành chính<\/th><td>Administrative reform<\/td><td><code>\/chu-de\/cai-cach-hanh-chinh<\/code><\/td><td>1<\/td>/);
    const pageVi = await t.app.inject({ url: '/chu-de/cai-cach-hanh-chinh' });
    expect(pageVi.statusCode).toBe(200);
    expect(pageVi.body).toContain('Một cửa liên thông cấp phường');

    const renamed = await postFrom(op, `/quan-tri/cau-truc/chu-de/${topic.id}`, `/quan-tri/cau-truc/chu-de/${topic.id}`, {
      nameVi: 'Cải cách thủ tục hành chính',
      nameEn: 'Reform',
    });
    expect(renamed.statusCode).toBe(303);
    expect(await categories().findTopic(topic.id)).toMatchObject({ name_vi: 'Cải cách thủ tục hành chính', slug: 'cai-cach-hanh-chinh' });
    // Cached pages are dropped on the change's notice (asynchronous on PostgreSQL).
    await vi.waitFor(async () => expect((await t.app.inject({ url: '/chu-de/cai-cach-hanh-chinh' })).body).toContain('Cải cách thủ tục hành chính'));

    const retired = await op.post(`/quan-tri/cau-truc/chu-de/${topic.id}/trang-thai`, { retired: '1' });
    expect(retired.statusCode).toBe(303);
    await vi.waitFor(async () => expect((await t.app.inject({ url: '/chu-de/cai-cach-hanh-chinh' })).statusCode).toBe(301));
    expect((await t.app.inject({ url: `/tin/${item.slug}` })).statusCode).toBe(200);
    const h = await as(HEAD);
    expect((await h.get('/quan-tri/noi-dung/moi?loai=news')).body).not.toContain('Cải cách thủ tục hành chính');
    expect((await op.get('/quan-tri/cau-truc/chu-de/99999999')).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/chu-de/khong-co' })).statusCode).toBe(404);
    const actions = (await t.db.db.selectFrom('audit_log').select('action').where('action', 'like', 'topic.%').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['topic.created', 'topic.changed', 'topic.retired']));
  });
});

describe('menu entry picker and the site map', () => {
  it('stores a chosen category; the entry still leads there after a rename; an unknown target is refused', async () => {
    const cat = await categories().create(system, hanoi, { lang: 'vi', name: 'Quy hoạch', slug: 'quy-hoach-kt' });
    const op = await as(OPERATOR);
    const form = await op.get('/quan-tri/cau-truc/menu');
    expect(form.body).toContain(`<option value="category:${cat.id}">Quy hoạch</option>`);
    expect(form.body).toContain('<option value="calendar">Lịch làm việc</option>');
    const bad = await op.post('/quan-tri/cau-truc/menu', {
      ngon_ngu: 'vi',
      so_muc: '2',
      nhan_1: 'Quy hoạch',
      dich_1: 'category:99999999',
      nhan_2: 'Lịch',
      dich_2: 'calendar',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="f-dich_1-error">Mục được chọn không có trên trang này');
    const saved = await op.post('/quan-tri/cau-truc/menu', {
      ngon_ngu: 'vi',
      so_muc: '3',
      nhan_1: 'Quy hoạch',
      dich_1: `category:${cat.id}`,
      nhan_2: 'Lịch công tác',
      dich_2: 'calendar',
      nhan_3: 'Giới thiệu',
      dich_3: 'page:gioi-thieu',
    });
    expect(saved.statusCode, saved.body.slice(0, 3000)).toBe(303);
    const tree = await t.modules.menus.menus.tree(hanoi, 'vi');
    expect(tree.map((n) => [n.label, n.href, n.target])).toEqual([
      ['Quy hoạch', '/chuyen-muc/quy-hoach-kt', `category:${cat.id}`],
      ['Lịch công tác', '/lich-lam-viec', 'calendar'],
      ['Giới thiệu', '/trang/gioi-thieu', 'page:gioi-thieu'],
    ]);
    await categories().change(system, cat.id, { name: 'Quy hoạch đô thị', description: '', parentId: null, position: 0 });
    await vi.waitFor(async () => expect((await t.app.inject({ url: '/' })).body).toContain('href="/chuyen-muc/quy-hoach-kt"'));
    const listing = await t.app.inject({ url: '/chuyen-muc/quy-hoach-kt' });
    expect(listing.statusCode).toBe(200);
    expect(listing.body).toContain('Quy hoạch đô thị');
    // The picker shows the stored choice again.
    expect((await op.get('/quan-tri/cau-truc/menu')).body).toContain(`<option value="category:${cat.id}" selected>`);
  });

  it('lists every public section on /so-do-cong, whether in the menu or not', async () => {
    await t.modules.menus.menus.replace(hanoi, 'vi', [{ label: 'Trang chủ', href: '/' }]);
    const cat = await categories().create(system, hanoi, { lang: 'vi', name: 'Nông nghiệp <i>sạch</i>', slug: 'nong-nghiep-kt' });
    await categories().createTopic(system, hanoi, 'Kinh tế số');
    const map = await t.app.inject({ url: '/so-do-cong' });
    expect(map.statusCode).toBe(200);
    expect(map.body).toContain(`href="/chuyen-muc/${cat.slug}">Nông nghiệp &lt;i&gt;sạch&lt;/i&gt;</a>`);
    expect(map.body).toContain('href="/chu-de/kinh-te-so"');
    expect(map.body).toContain('href="/trang/gioi-thieu"');
    expect(map.body).toContain('href="/hoi-dap"');
    expect(map.body).toContain('href="/lich-lam-viec"');
    expect(map.body).toContain('href="/tim-kiem"');
    expect(map.body).toContain('href="/tin-tuc"');
    expect(map.body).not.toContain('href="/chuyen-muc/cu-kt"');
    const en = await t.app.inject({ url: '/english/site-map' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('href="/english/questions"');
    expect(en.body).toContain('href="/english/work-calendar"');
  });
});

describe('consent to cross-posted items and proposals', () => {
  it('keeps a cross-posted item in the ward’s queue until its board approves, unless the board chose to publish at once', async () => {
    const wh = await as(WARD_HEAD);
    const screen = await wh.get('/quan-tri/nhan-dang-cheo');
    expect(screen.statusCode).toBe(200);
    expect(screen.body).toContain('<option value="wait" selected>');
    const waiting = await liveItem(hanoi, 'Thông báo lịch tiếp công dân tháng 12');
    const [copy] = await content().crossPost(HEAD.actor, waiting.id, [ward]);
    expect(copy).toMatchObject({ site_id: ward, stage: 'submitted', visibility: 'never', origin_item_id: waiting.id });
    expect((await t.app.inject({ url: `/s/phuongbadinh/tin/${copy!.slug}` })).statusCode).toBe(404);
    const note = await t.db.db.selectFrom('notifications').select('id').where('item_id', '=', copy!.id).execute();
    expect(note.length).toBeGreaterThan(0);
    // The ward's board takes and approves it through the workflow: then it is live.
    const editor = WARD_EDITOR.actor;
    const head = WARD_HEAD.actor;
    const workflow = await content().siteWorkflow(ward);
    if (workflow.approvalSteps === 2) await content().transition(editor, copy!.id, 'take');
    expect((await content().transition(head, copy!.id, 'approve')).visibility).toBe('live');
    expect((await t.app.inject({ url: `/s/phuongbadinh/tin/${copy!.slug}` })).statusCode).toBe(200);

    // Hostile or unknown choices are refused on the form; the portal is not a source for itself.
    expect((await wh.post('/quan-tri/nhan-dang-cheo', { source: String(hanoi), mode: 'ngay<script>' })).statusCode).toBe(422);
    expect((await wh.post('/quan-tri/nhan-dang-cheo', { source: String(ward), mode: 'at_once' })).statusCode).toBe(422);
    expect((await wh.post('/quan-tri/nhan-dang-cheo', { _csrf: '', source: String(hanoi), mode: 'at_once' })).statusCode).toBe(403);
    expect(await content().crossPostConsent(ward, hanoi)).toBe('wait');
    // A board member of the ward may not choose.
    const we = await as(WARD_EDITOR);
    expect((await postFrom(we, '/quan-tri', '/quan-tri/nhan-dang-cheo', { source: String(hanoi), mode: 'at_once' })).statusCode).toBe(403);

    const set = await wh.post('/quan-tri/nhan-dang-cheo', { source: String(hanoi), mode: 'at_once' });
    expect(set.statusCode).toBe(303);
    expect(await content().crossPostConsent(ward, hanoi)).toBe('at_once');
    const audit = await t.db.db.selectFrom('audit_log').select('summary').where('action', '=', 'content.crosspost_consent').execute();
    expect(audit).toHaveLength(1);
    const atOnce = await liveItem(hanoi, 'Hội nghị trực tuyến về an toàn giao thông');
    const [live] = await content().crossPost(HEAD.actor, atOnce.id, [ward]);
    expect(live).toMatchObject({ visibility: 'live', stage: null });
  });

  it('does not offer “propose to the portal” for an item that came from the portal, and refuses it', async () => {
    const original = await liveItem(hanoi, 'Chỉ thị về phòng chống thiên tai');
    const [copy] = await content().crossPost(HEAD.actor, original.id, [ward]);
    expect(copy!.visibility).toBe('live');
    const wh = await as(WARD_HEAD);
    const page = await wh.get(`/quan-tri/noi-dung/${copy!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Đề xuất lên Cổng');
    const refused = await wh.post(`/quan-tri/noi-dung/${copy!.id}`, { thao_tac: 'propose' });
    expect(refused.statusCode).toBe(422);
    expect(await t.db.db.selectFrom('content_items').select('id').where('origin_item_id', '=', copy!.id).execute()).toEqual([]);
    // The ward's own item is still offered.
    const own = await liveItem(ward, 'Phường tổ chức ngày hội đại đoàn kết');
    expect((await wh.get(`/quan-tri/noi-dung/${own.id}`)).body).toContain('Đề xuất lên Cổng');
  });
});
