/**
 * Fixed pages under the workflow (issue #14, point 4): a fixed page is edited as an item from the
 * admin's list of fixed pages and shows nothing new until the board approves it; leader profiles
 * are items shown on the leaders' list and profile pages in both languages, in the API and in
 * search; the board asks for a review on demand (audited); the checklist follows; hostile input
 * on the new forms is refused or shown as text, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import { signedInClients } from './sign-in.ts';
import type { FormClient } from './browser-like.ts';
import { pdfFile } from './multipart.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let t: TestApp;
let site: TestSite;
let CONTRIBUTOR: TestPerson;
let EDITOR: TestPerson;
let HEAD: TestPerson;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-fixed-pages-'));
  t = await buildTestApp({ env: { PAGE_CACHE: 'false', DATA_DIR: dataDir } });
  const f = factories(t);
  site = await f.site({ kind: 'department', parent: await f.siteByCode('hanoi') });
  CONTRIBUTOR = await f.person('contributor', site.id);
  EDITOR = await f.person('board_member', site.id);
  HEAD = await f.person('board_head', site.id);
});
afterAll(async () => {
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const as = signedInClients(() => t, 61);
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost:3000' } });
const content = () => t.modules.content.content;

async function postFrom(c: FormClient, page: string, url: string, fields: Record<string, string | string[]>) {
  const loaded = await c.get(page);
  expect(loaded.statusCode, loaded.body.slice(0, 300)).toBe(200);
  return c.post(url, fields);
}

async function pageRow(lang: string, slug: string) {
  return t.db.db.selectFrom('pages').selectAll().where('site_id', '=', site.id).where('lang', '=', lang).where('slug', '=', slug).executeTakeFirstOrThrow();
}

async function gaps(): Promise<string[]> {
  const row = await t.db.db.selectFrom('sites').selectAll().where('id', '=', site.id).executeTakeFirstOrThrow();
  return (await t.modules.sites.sites.checklist(row, 'vi')).map((g) => g.key);
}

async function approve(id: number) {
  await content()
    .transition(EDITOR.actor, id, 'submit')
    .catch(() => undefined);
  await content().transition(EDITOR.actor, id, 'take');
  return content().transition(HEAD.actor, id, 'approve');
}

describe('a fixed page under the workflow', () => {
  it('is edited from the list of fixed pages, hidden until the board approves, then shown; the checklist follows', async () => {
    expect(await gaps()).toContain('page:vi:gioi-thieu');
    const c = await as(CONTRIBUTOR);
    const list = await c.get('/quan-tri/trang-co-dinh');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Giới thiệu');
    const en = await c.get('/english/admin/fixed-pages');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('About');
    const intro = await pageRow('vi', 'gioi-thieu');
    const opened = await postFrom(c, '/quan-tri/trang-co-dinh', '/quan-tri/trang-co-dinh', { trang: String(intro.id) });
    expect(opened.statusCode, opened.body.slice(0, 500)).toBe(303);
    const id = Number(/\/quan-tri\/noi-dung\/sua\/(\d+)$/.exec(String(opened.headers.location))![1]);
    expect((await pageRow('vi', 'gioi-thieu')).item_id).toBe(id);
    // Opening it again gives the same item.
    const again = await postFrom(c, '/quan-tri/trang-co-dinh', '/quan-tri/trang-co-dinh', { trang: String(intro.id) });
    expect(String(again.headers.location)).toContain(`/${id}`);

    const item = (await content().item(id))!;
    await content().save(
      CONTRIBUTOR.actor,
      id,
      { title: 'Giới thiệu Sở', bodyHtml: '<p>Sở kiểm thử là cơ quan chuyên môn <script>alert(1)</script></p>', fields: { page_kind: 'introduction' } },
      item.version,
    );
    await content().transition(CONTRIBUTOR.actor, id, 'submit');
    // Submitted, not approved: the public page still shows nothing.
    const before = await get(`/s/${site.code}/trang/gioi-thieu`);
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('cơ quan chuyên môn');
    expect(before.body).toContain('Nội dung trang đang được cập nhật.');
    expect(await gaps()).toContain('page:vi:gioi-thieu');

    await content().transition(EDITOR.actor, id, 'take');
    await content().transition(HEAD.actor, id, 'approve');
    const after = await get(`/s/${site.code}/trang/gioi-thieu`);
    expect(after.body).toContain('Sở kiểm thử là cơ quan chuyên môn');
    expect(after.body).toContain('<h1>Giới thiệu Sở</h1>');
    expect(after.body).not.toContain('<script>alert(1)');
    expect(await gaps()).not.toContain('page:vi:gioi-thieu');
    // Found once, as the page.
    const found = JSON.stringify((await get(`/api/v1/search?q=${encodeURIComponent('cơ quan chuyên môn')}&site=${site.code}`)).json());
    expect(found).toContain('/trang/gioi-thieu');
    expect(found).not.toContain('/tin/');

    // A new revision is not shown until approved; the approved one stays.
    const live = (await content().item(id))!;
    await content().save(
      CONTRIBUTOR.actor,
      id,
      { title: 'Giới thiệu Sở', bodyHtml: '<p>Bản nháp chưa duyệt</p>', fields: { page_kind: 'introduction' } },
      live.version,
    );
    const draft = await get(`/s/${site.code}/trang/gioi-thieu`);
    expect(draft.body).toContain('Sở kiểm thử là cơ quan chuyên môn');
    expect(draft.body).not.toContain('Bản nháp chưa duyệt');

    // Withdrawn: the page is empty again and back on the checklist.
    await content().transition(HEAD.actor, id, 'unpublish');
    expect((await get(`/s/${site.code}/trang/gioi-thieu`)).body).not.toContain('cơ quan chuyên môn');
    expect(await gaps()).toContain('page:vi:gioi-thieu');
  });

  it('shows the administrative map, a PDF of the media library, once approved', async () => {
    const map = await pageRow('vi', 'ban-do-hanh-chinh');
    const pdf = await t.modules.media.uploadMedia(HEAD.actor, site.id, { data: pdfFile('Ban do'), originalName: 'ban-do-hanh-chinh.pdf' });
    const item = await t.modules.content.fixedPages.open(CONTRIBUTOR.actor, site.id, map.id);
    await content().save(CONTRIBUTOR.actor, item.id, { title: 'Bản đồ hành chính', fields: { page_kind: 'map' }, attachments: [pdf.id] }, item.version);
    expect((await get(`/s/${site.code}/trang/ban-do-hanh-chinh`)).body).not.toContain(pdf.url);
    await approve(item.id);
    const shown = await get(`/s/${site.code}/trang/ban-do-hanh-chinh`);
    expect(shown.body).toContain(`href="${pdf.url}"`);
    expect(shown.body).toContain('ban-do-hanh-chinh.pdf');
  });

  it('still shows the demo sites’ pages, and the portal’s demo leaders in both languages', async () => {
    expect((await get('/s/sonoivu/trang/gioi-thieu')).body).not.toContain('Nội dung trang đang được cập nhật.');
    const vi = await get('/trang/lanh-dao');
    expect(vi.body).toContain('Nguyễn Văn An (minh họa)');
    expect((await get('/english/page/lanh-dao')).body).toContain('Nguyen Van An (sample)');
  });

  it('refuses hostile or unknown input on the list form without a 500', async () => {
    const c = await as(CONTRIBUTOR);
    for (const trang of ['<script>alert(1)</script>', 'x'.repeat(5000), '-1', '']) {
      const res = await postFrom(c, '/quan-tri/trang-co-dinh', '/quan-tri/trang-co-dinh', { trang });
      expect(res.statusCode, trang.slice(0, 20)).toBe(422);
      expect(res.body).not.toContain('<script>alert(1)');
    }
    const unknown = await postFrom(c, '/quan-tri/trang-co-dinh', '/quan-tri/trang-co-dinh', { trang: '999999999' });
    expect(unknown.statusCode).toBe(404);
    // Another site's page is not this site's.
    const other = await t.db.db.selectFrom('pages').select('id').where('site_id', '<>', site.id).executeTakeFirstOrThrow();
    expect((await postFrom(c, '/quan-tri/trang-co-dinh', '/quan-tri/trang-co-dinh', { trang: String(other.id) })).statusCode).toBe(404);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/quan-tri/trang-co-dinh',
      payload: 'trang=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(noCsrf.statusCode).toBeGreaterThanOrEqual(400);
    expect(noCsrf.statusCode).toBeLessThan(500);
  });
});

describe('leader profiles', () => {
  it('are approved like any item and shown on the list and profile pages in both languages, in the API and in search', async () => {
    expect(await gaps()).toContain('page:vi:lanh-dao');
    const vi = await content().create(EDITOR.actor, site.id, {
      type: 'leader',
      lang: 'vi',
      title: 'Phạm Thị Hoa',
      bodyHtml: '<p>Sinh năm 1975, thạc sĩ luật.</p>',
      fields: { position: 'Giám đốc Sở', phone: '024 3825 1234', email: 'giamdoc@so.example.vn', duties: 'Phụ trách chung', position_order: '1' },
    });
    const en = await content().create(EDITOR.actor, site.id, {
      type: 'leader',
      lang: 'en',
      title: 'Pham Thi Hoa',
      bodyHtml: '<p>Born in 1975, Master of Laws.</p>',
      fields: { position: 'Director', phone: '024 3825 1234', email: 'giamdoc@so.example.vn', duties: 'General management' },
    });
    await content().linkTranslation(EDITOR.actor, vi.id, en.id);
    expect((await get(`/s/${site.code}/trang/lanh-dao`)).body).not.toContain('Phạm Thị Hoa');
    await approve(vi.id);
    await approve(en.id);

    const list = await get(`/s/${site.code}/trang/lanh-dao`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Phạm Thị Hoa');
    expect(list.body).toContain('Giám đốc Sở');
    expect(list.body).toContain('mailto:giamdoc@so.example.vn');
    const slug = (await content().item(vi.id))!.slug;
    const profile = await get(`/s/${site.code}/trang/lanh-dao/${slug}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('Sinh năm 1975, thạc sĩ luật.');
    expect(profile.body).toContain('Phụ trách chung');
    const enList = await get(`/s/${site.code}/english/page/lanh-dao`);
    expect(enList.body).toContain('Pham Thi Hoa');
    expect(enList.body).toContain('Director');
    const enSlug = (await content().item(en.id))!.slug;
    expect((await get(`/s/${site.code}/english/page/lanh-dao/${enSlug}`)).body).toContain('Born in 1975');
    expect((await get(`/s/${site.code}/trang/lanh-dao/khong-co-ai`)).statusCode).toBe(404);
    // Profiles have their own pages: not among the latest items.
    expect((await get(`/s/${site.code}/tin-moi`)).body).not.toContain('Phạm Thị Hoa');
    expect((await get(`/s/${site.code}/trang/lanh-dao/%3Cscript%3E`)).statusCode).toBe(404);

    const api = await get(`/api/v1/sites/${site.code}/leaders?lang=vi`);
    expect(api.statusCode).toBe(200);
    expect(api.json().items).toEqual([
      expect.objectContaining({ name: 'Phạm Thị Hoa', position: 'Giám đốc Sở', email: 'giamdoc@so.example.vn', path: `/trang/lanh-dao/${slug}` }),
    ]);
    expect((await get('/api/v1/sites/khong-co/leaders')).statusCode).toBe(404);
    expect((await get('/api/v1/sites/%3Cb%3E/leaders')).statusCode).toBe(400);

    const found = await get(`/api/v1/search?q=${encodeURIComponent('Phạm Thị Hoa')}&site=${site.code}`);
    expect(found.statusCode).toBe(200);
    expect(JSON.stringify(found.json())).toContain(`/trang/lanh-dao/${slug}`);

    expect(await gaps()).not.toContain('page:vi:lanh-dao');
    expect((await get(`/s/${site.code}/sitemap.xml`)).body).toContain(`/trang/lanh-dao/${slug}</loc>`);
  });

  it('refuses a wrong e-mail or phone, keeping what was typed', async () => {
    const c = await as(EDITOR);
    const res = await postFrom(c, '/quan-tri/noi-dung/moi?loai=leader', '/quan-tri/noi-dung/moi?loai=leader', {
      type: 'leader',
      lang: 'vi',
      title: 'Lê <b>Văn</b> Nam',
      bodyHtml: '<p>Tiểu sử</p>',
      field_position: 'Phó Giám đốc',
      field_phone: 'không phải số',
      field_email: '"><script>alert(1)</script>',
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
    expect(res.body).toContain('Lê &lt;b&gt;Văn&lt;/b&gt; Nam');
    expect(res.body).toContain('không phải số');
    expect(res.body).not.toContain('<script>alert(1)');
  });
});

describe('hostile text in a leader profile', () => {
  it('is shown as text on the list, the profile and in the API', async () => {
    const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const item = await content().create(EDITOR.actor, site.id, {
      type: 'leader',
      lang: 'vi',
      title: `Trần Văn ${hostile}`,
      bodyHtml: `<p>Tiểu sử ${hostile}</p><a href="javascript:alert(1)">x</a>`,
      fields: { position: `Phó Giám đốc ${hostile}`, duties: `Nhiệm vụ ${hostile}`, position_order: '2' },
    });
    await approve(item.id);
    const slug = (await content().item(item.id))!.slug;
    for (const url of [`/s/${site.code}/trang/lanh-dao`, `/s/${site.code}/trang/lanh-dao/${slug}`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<script>alert(1)');
      expect(res.body).not.toContain('<img src=x onerror');
      expect(res.body).not.toContain('javascript:alert');
      expect(res.body).toContain('Phó Giám đốc &lt;script&gt;');
    }
    const api = await get(`/api/v1/sites/${site.code}/leaders`);
    expect(api.json().items.map((l: { name: string }) => l.name)).toContain(`Trần Văn ${hostile}`);
  });
});

describe('review on demand', () => {
  it('makes a live item due for review now, tells the board, is audited, and is confirmed as usual', async () => {
    const leader = await content().create(EDITOR.actor, site.id, { type: 'leader', lang: 'vi', title: 'Đỗ Văn Minh', fields: { position: 'Phó Giám đốc Sở' } });
    await approve(leader.id);
    expect((await content().overdueReviews(site.id)).map((x) => x.id)).not.toContain(leader.id);
    const c = await as(HEAD);
    const page = await c.get(`/quan-tri/noi-dung/${leader.id}`);
    expect(page.body).toContain('value="request_review"');
    const res = await c.post(`/quan-tri/noi-dung/${leader.id}`, { thao_tac: 'request_review' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    expect((await content().overdueReviews(site.id)).map((x) => x.id)).toContain(leader.id);
    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'content.review_requested')
      .where('target_id', '=', String(leader.id))
      .execute();
    expect(audit).toHaveLength(1);
    const told = await t.db.db
      .selectFrom('notifications')
      .select('account_id')
      .where('item_id', '=', leader.id)
      .where('message', 'like', 'Đề nghị rà soát%')
      .execute();
    expect(told.map((n) => n.account_id)).toContain(EDITOR.id);
    await content().markReviewed(EDITOR.actor, leader.id);
    expect((await content().overdueReviews(site.id)).map((x) => x.id)).not.toContain(leader.id);
    // A contributor may not ask; a draft cannot be asked about.
    await expect(content().requestReview(CONTRIBUTOR.actor, leader.id)).rejects.toMatchObject({ status: 403 });
    const draft = await content().create(EDITOR.actor, site.id, { type: 'leader', lang: 'vi', title: 'Bản nháp', fields: { position: 'X' } });
    await expect(content().requestReview(HEAD.actor, draft.id)).rejects.toMatchObject({ status: 422 });
  });
});
