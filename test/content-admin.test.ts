/**
 * Content in the administration, over HTTP with forms (as a browser without JavaScript):
 * a contributor writes and submits, the editor takes the item, the board head returns it
 * with a comment, the contributor corrects and resubmits, the head approves and it is live;
 * conflicting saves, revisions, queues, notifications, workflow settings; actions a role may
 * not take are neither offered nor accepted; what people type is escaped everywhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { FormClient } from './browser-like.ts';
import { signedInClients } from './sign-in.ts';
import { factories, type TestPerson } from './factories.ts';
import { pdfFile } from './multipart.ts';

let t: TestApp;
let hanoi: number;
let dataDir: string;

beforeAll(async () => {
  // Media files (for the editor's image list) go to a directory of the file's own.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-content-admin-'));
  t = await buildTestApp({ seed: false, env: { DATA_DIR: dataDir } });
  const f = factories(t);
  const portal = await f.site();
  hanoi = portal.id;
  CONTRIBUTOR = await f.person('contributor', portal);
  EDITOR = await f.person('board_member', portal);
  HEAD = await f.person('board_head', portal, { name: 'Trần Thị Trưởng (kiểm thử)' });
  DEPUTY = await f.person('board_deputy', portal);
  OPERATOR = await f.person('site_operator', portal);
});
afterAll(async () => {
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The people of the portal (the site at localhost). */
let CONTRIBUTOR: TestPerson;
let EDITOR: TestPerson;
let HEAD: TestPerson;
let DEPUTY: TestPerson;
let OPERATOR: TestPerson;

const as = signedInClients(() => t, 44);

const item = (id: number) => t.db.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const NEWS = {
  type: 'news',
  lang: 'vi',
  title: 'Hội nghị tổng kết công tác chuyển đổi số năm 2026',
  summary: 'Thành phố tổng kết một năm chuyển đổi số.',
  bodyHtml: '<p>Sáng nay, Thành phố tổ chức hội nghị tổng kết.</p>',
  field_event_date: '2026-12-01',
  field_location: 'Trụ sở UBND Thành phố',
  source: 'Văn phòng UBND Thành phố',
  authorName: 'Nguyễn Văn Tin',
  changeNote: 'Bản đầu tiên',
};

/** Offered actions on an item page (the hidden thao_tac values of its forms). */
function offered(body: string): string[] {
  return [...body.matchAll(/name="thao_tac" value="([a-z_]+)"/g)].map((m) => m[1]!);
}

/** Posts a form from a freshly loaded page (so the CSRF token is the page's). */
async function postFrom(c: FormClient, page: string, url: string, fields: Record<string, string>) {
  const loaded = await c.get(page);
  expect(loaded.statusCode, `${page}: ${loaded.body.slice(0, 300)}`).toBe(200);
  return c.post(url, fields);
}

async function createNews(c: FormClient, fields: Record<string, string> = {}): Promise<number> {
  const res = await postFrom(c, '/quan-tri/noi-dung/moi?loai=news', '/quan-tri/noi-dung/moi?loai=news', { ...NEWS, ...fields });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  const m = /^\/quan-tri\/noi-dung\/(\d+)\?tb=da-tao$/.exec(String(res.headers.location));
  expect(m, String(res.headers.location)).not.toBeNull();
  return Number(m![1]);
}

async function act(c: FormClient, id: number, action: string, fields: Record<string, string> = {}) {
  return postFrom(c, `/quan-tri/noi-dung/${id}`, `/quan-tri/noi-dung/${id}`, { thao_tac: action, ...fields });
}

describe('the editorial path through the admin pages', () => {
  let id: number;

  it('lets a contributor choose a type, fill the form (refused forms keep what was typed) and save a draft', async () => {
    const c = await as(CONTRIBUTOR);
    const list = await c.get('/quan-tri/noi-dung');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<h1>Nội dung</h1>');
    expect(list.body).toContain('href="/quan-tri/noi-dung/moi"');

    const chooser = await c.get('/quan-tri/noi-dung/moi');
    expect(chooser.body).toContain('href="/quan-tri/noi-dung/moi?loai=directive"');
    expect(chooser.body).toContain('Chỉ đạo điều hành');

    const form = await c.get('/quan-tri/noi-dung/moi?loai=news');
    expect(form.body).toContain('<textarea id="f-bodyHtml" name="bodyHtml"');
    expect(form.body).toMatch(/<script type="module" src="\/static\/editor\.js\?v=[0-9a-f]+"><\/script>/);
    expect(form.body).toContain('type="datetime-local"');
    expect(form.body).toContain('name="field_event_date"');
    expect(form.body).toContain('name="isReference"');

    // Missing source and author, an impossible date-time: refused, everything typed kept.
    const bad = await c.post('/quan-tri/noi-dung/moi?loai=news', { ...NEWS, source: '', authorName: '', publishAt: '2026-02-31T08:00' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="f-publishAt-error"');
    expect(bad.body).toContain(`value="${NEWS.title}"`);
    expect(bad.body).toContain('Sáng nay, Thành phố tổ chức hội nghị tổng kết.');
    const bad2 = await c.post('/quan-tri/noi-dung/moi?loai=news', { ...NEWS, source: '', authorName: '' });
    expect(bad2.statusCode).toBe(422);
    expect(bad2.body).toContain('Cần ghi nguồn tin (CONT-9).');
    expect(bad2.body).toMatch(/id="f-source"[^>]*aria-invalid="true"/);
    expect(bad2.body).toContain('role="alert"');

    id = await createNews(c, { publishAt: '', isReference: '1' });
    const row = await item(id);
    expect(row).toMatchObject({ site_id: hanoi, stage: 'draft', visibility: 'never', type: 'news', lang: 'vi' });
    const rev = await t.db.db.selectFrom('content_revisions').selectAll().where('id', '=', row.working_revision_id!).executeTakeFirstOrThrow();
    expect(rev).toMatchObject({ title: NEWS.title, source: NEWS.source, author_name: NEWS.authorName, is_reference: true, change_note: 'Bản đầu tiên' });
    expect(rev.fields).toEqual({ event_date: '2026-12-01', location: 'Trụ sở UBND Thành phố' });

    const page = await c.get(`/quan-tri/noi-dung/${id}?tb=da-tao`);
    expect(page.body).toContain('Đã tạo bản nháp.');
    expect(page.body).toContain('Bản nháp');
    expect(offered(page.body)).toEqual(['submit']);
    expect(page.body).toContain(`href="/quan-tri/noi-dung/sua/${id}"`);
  });

  it('submits; the contributor may then neither take nor approve it (not offered, 403 if posted, nothing changes)', async () => {
    const c = await as(CONTRIBUTOR);
    const res = await act(c, id, 'submit');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/quan-tri/noi-dung/${id}?tb=submit`);
    expect((await item(id)).stage).toBe('submitted');

    const page = await c.get(`/quan-tri/noi-dung/${id}`);
    expect(offered(page.body)).toEqual([]);
    expect(page.body).not.toContain(`href="/quan-tri/noi-dung/sua/${id}"`);
    const before = await item(id);
    for (const action of ['take', 'approve', 'refuse', 'emergency_publish']) {
      const refused = await c.post(`/quan-tri/noi-dung/${id}`, { thao_tac: action, comment: 'x', reason: 'duplicate' });
      expect(refused.statusCode, action).toBe(403);
    }
    expect(await item(id)).toEqual(before);
    // Editing a submitted item is not for the contributor either.
    expect((await c.get(`/quan-tri/noi-dung/sua/${id}`)).statusCode).toBe(403);
    expect((await c.post(`/quan-tri/noi-dung/sua/${id}`, { ...NEWS, version: String(before.version) })).statusCode).toBe(403);
    expect(await item(id)).toEqual(before);
  });

  it('shows it in the editor’s queue; the editor takes it, and may not approve', async () => {
    const e = await as(EDITOR);
    const queues = await e.get('/quan-tri/hang-cho');
    expect(queues.statusCode).toBe(200);
    for (const heading of ['Chờ biên tập', 'Chờ duyệt', 'Bị trả lại', 'Đã lên lịch']) expect(queues.body).toContain(heading);
    const toEdit = queues.body.slice(queues.body.indexOf('id="cho-bien-tap"'), queues.body.indexOf('id="cho-duyet"'));
    expect(toEdit).toContain(`href="/quan-tri/noi-dung/${id}"`);

    // The editor was told, on the dashboard.
    const dash = await e.get('/quan-tri');
    expect(dash.body).toContain('Hàng chờ tin, bài');
    expect(dash.body).toContain('Thông báo chưa đọc');
    expect(dash.body).toContain(`Tin, bài chờ biên tập: ${NEWS.title}`);
    expect(dash.body).toContain(`href="/quan-tri/noi-dung/${id}"`);

    const page = await e.get(`/quan-tri/noi-dung/${id}`);
    expect(offered(page.body)).toEqual(expect.arrayContaining(['take', 'return', 'refuse']));
    expect(offered(page.body)).not.toContain('approve');
    expect((await act(e, id, 'take')).statusCode).toBe(303);
    expect((await item(id)).stage).toBe('in_review');
    const after = await e.get(`/quan-tri/noi-dung/${id}`);
    expect(offered(after.body)).not.toContain('approve');
    expect(offered(after.body)).not.toContain('take');
    const refused = await e.post(`/quan-tri/noi-dung/${id}`, { thao_tac: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Chỉ Trưởng ban, Phó Trưởng ban Biên tập được duyệt đăng.');
    expect((await item(id)).stage).toBe('in_review');
    // Opening the item marked its notification read.
    expect((await e.get('/quan-tri')).body).not.toContain(`Tin, bài chờ biên tập: ${NEWS.title}`);
  });

  it('lets the board head return it, but not without a comment', async () => {
    const h = await as(HEAD);
    const page = await h.get(`/quan-tri/noi-dung/${id}`);
    expect(offered(page.body)).toEqual(expect.arrayContaining(['approve', 'return', 'refuse', 'archive']));
    const before = await item(id);
    const empty = await h.post(`/quan-tri/noi-dung/${id}`, { thao_tac: 'return', comment: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Cần ghi ý kiến khi trả lại để người cung cấp bổ sung, làm rõ.');
    expect(empty.body).toMatch(/id="f-return-comment"[^>]*aria-invalid="true"/);
    expect(await item(id)).toEqual(before);

    const noReason = await act(h, id, 'refuse', { reason: '', comment: 'Trùng tin' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Cần chọn lý do từ chối theo quy chế.');
    expect(noReason.body).toContain('Trùng tin');
    expect((await item(id)).stage).toBe('in_review');

    const returned = await act(h, id, 'return', { comment: 'Bổ sung số liệu và ảnh hội nghị.' });
    expect(returned.statusCode).toBe(303);
    expect((await item(id)).stage).toBe('returned');
    const history = await h.get(`/quan-tri/noi-dung/${id}`);
    expect(history.body).toContain('Bổ sung số liệu và ảnh hội nghị.');
    expect(history.body).toContain(HEAD.name);
    expect(history.body).toContain('Chờ duyệt → Bị trả lại');
  });

  it('lets the contributor see it returned, edit it and resubmit', async () => {
    const c = await as(CONTRIBUTOR);
    const dash = await c.get('/quan-tri');
    expect(dash.body).toContain('được trả lại để bổ sung: Bổ sung số liệu và ảnh hội nghị.');
    const queues = await c.get('/quan-tri/hang-cho');
    const returned = queues.body.slice(queues.body.indexOf('id="bi-tra-lai"'), queues.body.indexOf('id="da-len-lich"'));
    expect(returned).toContain(`href="/quan-tri/noi-dung/${id}"`);

    const form = await c.get(`/quan-tri/noi-dung/sua/${id}`);
    expect(form.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    expect(form.body).toContain('value="2026-12-01"');
    expect(form.body).toContain('&lt;p&gt;Sáng nay, Thành phố tổ chức hội nghị tổng kết.&lt;/p&gt;');
    const saved = await c.post(`/quan-tri/noi-dung/sua/${id}`, {
      ...NEWS,
      version,
      bodyHtml: '<p>Sáng nay, Thành phố tổ chức hội nghị tổng kết với 500 đại biểu.</p>',
      changeNote: 'Bổ sung số liệu',
    });
    expect(saved.statusCode, saved.body.slice(0, 1000)).toBe(303);
    expect(saved.headers.location).toBe(`/quan-tri/noi-dung/${id}?tb=da-luu`);
    expect((await item(id)).stage).toBe('returned');
    expect((await act(c, id, 'submit')).statusCode).toBe(303);
    expect((await item(id)).stage).toBe('submitted');
  });

  it('goes live once taken and approved; the page then offers unpublish and shows it published', async () => {
    expect((await act(await as(EDITOR), id, 'take')).statusCode).toBe(303);
    const h = await as(HEAD);
    const page = await h.get(`/quan-tri/noi-dung/${id}`);
    expect(page.body).toContain('Duyệt và đăng ngay');
    expect((await act(h, id, 'approve', { comment: 'Đồng ý đăng.' })).statusCode).toBe(303);
    const live = await item(id);
    expect(live).toMatchObject({ stage: null, visibility: 'live' });
    expect(live.live_revision_id).toBe(live.working_revision_id);
    const after = await h.get(`/quan-tri/noi-dung/${id}?tb=approve`);
    expect(after.body).toContain('Đã duyệt.');
    expect(after.body).toContain('Đang đăng');
    expect(offered(after.body)).toEqual(expect.arrayContaining(['unpublish', 'archive']));
    expect(offered(after.body)).not.toContain('approve');
    expect(after.body).toContain('500 đại biểu');
    const actions = (await t.modules.content.content.transitionsOf(id)).map((x) => x.action);
    expect(actions).toEqual(['create', 'submit', 'take', 'return', 'submit', 'take', 'approve']);

    // A new working copy of a live item leaves the live one shown until approved again.
    const e = await as(EDITOR);
    const form = await e.get(`/quan-tri/noi-dung/sua/${id}`);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    expect((await e.post(`/quan-tri/noi-dung/sua/${id}`, { ...NEWS, version, title: 'Tiêu đề đã biên tập lại' })).statusCode).toBe(303);
    const both = await e.get(`/quan-tri/noi-dung/${id}`);
    expect(both.body).toContain('Bản đang đăng');
    expect(both.body).toContain('Tiêu đề đã biên tập lại');
    expect(both.body).toContain('500 đại biểu');
  });

  it('lists and filters items by type, status and text (without diacritics)', async () => {
    const c = await as(EDITOR);
    const all = await c.get('/quan-tri/noi-dung');
    expect(all.body).toContain(`href="/quan-tri/noi-dung/${id}"`);
    const byText = await c.get(`/quan-tri/noi-dung?tim=${encodeURIComponent('bien tap lai')}`);
    expect(byText.body).toContain(`href="/quan-tri/noi-dung/${id}"`);
    const live = await c.get('/quan-tri/noi-dung?trang_thai=hien-thi%3Alive&loai=news');
    expect(live.body).toContain(`href="/quan-tri/noi-dung/${id}"`);
    const other = await c.get('/quan-tri/noi-dung?loai=directive');
    expect(other.body).not.toContain(`href="/quan-tri/noi-dung/${id}"`);
    const drafts = await c.get('/quan-tri/noi-dung?trang_thai=returned');
    expect(drafts.body).not.toContain(`href="/quan-tri/noi-dung/${id}"`);
    expect(drafts.body).toMatch(/<option value="returned" selected>/);
  });
});

describe('conflicts, revisions', () => {
  it('refuses a save over someone else’s with 409, keeps what was typed and shows the word difference', async () => {
    const c = await as(CONTRIBUTOR);
    const e = await as(EDITOR);
    const id = await createNews(c, { title: 'Thông tin tuyển dụng công chức', bodyHtml: '<p>Thành phố tuyển 120 công chức.</p>' });
    const mine = await c.get(`/quan-tri/noi-dung/sua/${id}`);
    const theirs = await e.get(`/quan-tri/noi-dung/sua/${id}`);
    const v = (body: string) => /name="version" value="(\d+)"/.exec(body)![1]!;
    expect(v(mine.body)).toBe(v(theirs.body));

    const first = await e.post(`/quan-tri/noi-dung/sua/${id}`, {
      ...NEWS,
      version: v(theirs.body),
      title: 'Thông tin tuyển dụng công chức',
      bodyHtml: '<p>Thành phố tuyển 150 công chức.</p>',
    });
    expect(first.statusCode).toBe(303);
    const stale = await c.post(`/quan-tri/noi-dung/sua/${id}`, {
      ...NEWS,
      version: v(mine.body),
      title: 'Thông tin tuyển dụng viên chức',
      bodyHtml: '<p>Thành phố tuyển 120 viên chức.</p>',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Người khác vừa lưu tin, bài này');
    expect(stale.body).toContain('value="Thông tin tuyển dụng viên chức"');
    expect(stale.body).toContain('Thành phố tuyển 120 viên chức.');
    expect(stale.body).toMatch(/<del><span class="visually-hidden">\[bỏ: <\/span>150<span class="visually-hidden">\]<\/span><\/del>/);
    expect(stale.body).toMatch(/<ins><span class="visually-hidden">\[thêm: <\/span>120<span class="visually-hidden">\]<\/span><\/ins>/);
    expect(stale.body).toContain('<del><span class="visually-hidden">[bỏ: </span>công<span class="visually-hidden">]</span></del>');
    const bodies = await t.db.db.selectFrom('content_revisions').select('body_html').where('item_id', '=', id).orderBy('number').execute();
    expect(bodies.map((b) => b.body_html)).toEqual(['<p>Thành phố tuyển 120 công chức.</p>', '<p>Thành phố tuyển 150 công chức.</p>']);

    // Knowingly saving again (with the version the conflict page carries) replaces theirs.
    const again = await c.post(`/quan-tri/noi-dung/sua/${id}`, {
      ...NEWS,
      version: v(stale.body),
      title: 'Thông tin tuyển dụng viên chức',
      bodyHtml: '<p>Thành phố tuyển 120 viên chức.</p>',
    });
    expect(again.statusCode).toBe(303);
  });

  it('lists revisions, compares any two word by word, and restores one as a new draft', async () => {
    const c = await as(CONTRIBUTOR);
    const id = await createNews(c, { title: 'Lịch tiếp công dân tháng 12', bodyHtml: '<p>Lãnh đạo tiếp công dân vào thứ Năm.</p>' });
    const form = await c.get(`/quan-tri/noi-dung/sua/${id}`);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    expect(
      (
        await c.post(`/quan-tri/noi-dung/sua/${id}`, {
          ...NEWS,
          version,
          title: 'Lịch tiếp công dân tháng 12',
          bodyHtml: '<p>Lãnh đạo tiếp công dân vào thứ Sáu.</p>',
          changeNote: 'Đổi ngày',
        })
      ).statusCode,
    ).toBe(303);
    const revs = await t.db.db.selectFrom('content_revisions').select(['id', 'number']).where('item_id', '=', id).orderBy('number').execute();

    const page = await c.get(`/quan-tri/noi-dung/phien-ban/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đổi ngày');
    // By default the two newest are compared.
    expect(page.body).toContain('<del><span class="visually-hidden">[bỏ: </span>Năm<span class="visually-hidden">]</span></del>');
    const reversed = await c.get(`/quan-tri/noi-dung/phien-ban/${id}?tu=${revs[1]!.id}&den=${revs[0]!.id}`);
    expect(reversed.body).toContain('<ins><span class="visually-hidden">[thêm: </span>Năm<span class="visually-hidden">]</span></ins>');

    const restored = await c.post(`/quan-tri/noi-dung/phien-ban/${id}`, { phien_ban: String(revs[0]!.id) });
    expect(restored.statusCode).toBe(303);
    expect(restored.headers.location).toBe(`/quan-tri/noi-dung/${id}?tb=da-khoi-phuc`);
    const latest = await t.db.db.selectFrom('content_revisions').selectAll().where('item_id', '=', id).orderBy('number', 'desc').executeTakeFirstOrThrow();
    expect(latest).toMatchObject({ number: 3, body_html: '<p>Lãnh đạo tiếp công dân vào thứ Năm.</p>', change_note: 'Khôi phục từ phiên bản 1' });
  });
});

describe('escaping and scope', () => {
  it('escapes what people type in every admin page; rich text is sanitised', async () => {
    const c = await as(CONTRIBUTOR);
    const payload = '<script>alert("x")</script>"><img src=x onerror=alert(1)>';
    const id = await createNews(c, {
      title: `Tin thử ${payload}`,
      summary: payload,
      bodyHtml: `<p>Đoạn an toàn</p><script>alert(2)</script><img src="x" onerror="alert(3)" alt="">`,
      field_location: payload,
      source: payload,
      authorName: payload,
      changeNote: payload,
    });
    const pages = [
      `/quan-tri/noi-dung/${id}`,
      `/quan-tri/noi-dung/sua/${id}`,
      `/quan-tri/noi-dung/phien-ban/${id}`,
      '/quan-tri/noi-dung',
      `/quan-tri/noi-dung?tim=${encodeURIComponent(payload)}`,
      '/quan-tri/hang-cho',
    ];
    for (const url of pages) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('<script>alert');
      expect(res.body, url).not.toContain('<img src=x onerror');
      expect(res.body, url).not.toMatch(/<img[^>]*onerror/);
    }
    const itemPage = await c.get(`/quan-tri/noi-dung/${id}`);
    expect(itemPage.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(itemPage.body).toContain('<p>Đoạn an toàn</p>');
    // The submitted item appears escaped in the editor's queue and notifications too.
    expect((await act(c, id, 'submit')).statusCode).toBe(303);
    const e = await as(EDITOR);
    for (const url of ['/quan-tri/hang-cho', '/quan-tri', '/quan-tri/thong-bao']) {
      const res = await e.get(url);
      expect(res.body, url).toContain('Tin thử &lt;script&gt;');
      expect(res.body, url).not.toContain('<script>alert');
    }
  });

  it('keeps people without content roles out, and answers unknown addresses with 404', async () => {
    const op = await as(OPERATOR);
    expect((await op.get('/quan-tri/noi-dung')).statusCode).toBe(403);
    expect((await op.get('/quan-tri/noi-dung/moi?loai=news')).statusCode).toBe(403);
    const anyItem = await t.db.db.selectFrom('content_items').select('id').where('site_id', '=', hanoi).executeTakeFirstOrThrow();
    expect((await op.get(`/quan-tri/noi-dung/${anyItem.id}`)).statusCode).toBe(403);
    const c = await as(CONTRIBUTOR);
    expect((await c.get('/quan-tri/noi-dung/99999999')).statusCode).toBe(404);
    expect((await c.get('/quan-tri/noi-dung/abc')).statusCode).toBe(404);
    // Not signed in: sent to the sign-in page; a POST without a session is refused.
    const anonymous = new FormClient(t.app);
    expect((await anonymous.get('/quan-tri/noi-dung')).statusCode).toBe(303);
    expect((await anonymous.post(`/quan-tri/noi-dung/${anyItem.id}`, { thao_tac: 'archive', _csrf: '' })).statusCode).toBeGreaterThanOrEqual(401);
    // A form without its CSRF token is refused.
    const h = await as(HEAD);
    expect((await h.post(`/quan-tri/noi-dung/${anyItem.id}`, { thao_tac: 'archive', _csrf: '' })).statusCode).toBe(403);
  });

  it('serves the pages in English under /english/admin', async () => {
    const c = await as(DEPUTY);
    const list = await c.get('/english/admin/content');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<html lang="en">');
    expect(list.body).toContain('<h1>Content</h1>');
    const id = Number(/href="\/english\/admin\/content\/(\d+)"/.exec(list.body)![1]);
    const page = await c.get(`/english/admin/content/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="lich-su">History</h2>');
    expect(page.body).toContain(`hreflang="vi" lang="vi"`);
    expect(page.body).toContain(`href="/quan-tri/noi-dung/${id}"`);
    expect((await c.get('/english/admin/queues')).body).toContain('Awaiting approval');
    expect((await c.get('/english/admin/content/new?loai=directive')).body).toContain('Document number');
  });
});

describe('the editor’s image list', () => {
  it('lists the site’s images (not other files) as JSON for writers only', async () => {
    const c = await as(CONTRIBUTOR);
    const account = await t.db.db.selectFrom('accounts').select('id').where('email', '=', CONTRIBUTOR.email).executeTakeFirstOrThrow();
    const actor = {
      kind: 'person' as const,
      accountId: account.id,
      email: CONTRIBUTOR.email,
      ip: '127.0.0.1',
      sessionId: null,
      grants: [{ role: 'contributor' as const, siteId: hanoi, unit: null }],
    };
    const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1d5fa8' } })
      .jpeg()
      .toBuffer();
    const image = await t.modules.media.uploadMedia(actor, hanoi, { data, originalName: 'hoi-nghi.jpg', alt: 'Toàn cảnh hội nghị' });
    const pdf = await t.modules.media.uploadMedia(actor, hanoi, { data: pdfFile('Van ban'), originalName: 'van-ban.pdf' });
    expect(pdf.kind).toBe('document');

    const form = await c.get('/quan-tri/noi-dung/moi?loai=news');
    expect(form.body).toContain('data-images-url="/quan-tri/noi-dung/anh"');
    const res = await c.get('/quan-tri/noi-dung/anh', { accept: 'application/json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const list = res.json() as { items: { id: number; alt: string; src: string; thumb: string; width: number; height: number }[]; page: number; pages: number };
    expect(list.items.map((i) => i.id)).toEqual([image.id]);
    expect(list.items[0]).toMatchObject({ alt: 'Toàn cảnh hội nghị', src: expect.stringMatching(new RegExp(`^/media/${image.id}/\\d+$`)) });
    expect(list.items[0]!.width).toBeLessThanOrEqual(960);

    const op = await as(OPERATOR);
    expect((await op.get('/quan-tri/noi-dung/anh', { accept: 'application/json' })).statusCode).toBe(403);
  });
});

describe('workflow settings', () => {
  it('lets the site operator choose one approval step; then approvers approve submitted items directly', async () => {
    const c = await as(CONTRIBUTOR);
    expect((await c.get('/quan-tri/quy-trinh-duyet')).statusCode).toBe(403);
    expect((await c.post('/quan-tri/quy-trinh-duyet', { buoc: '1' })).statusCode).toBe(403);

    const op = await as(OPERATOR);
    const form = await op.get('/quan-tri/quy-trinh-duyet');
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="buoc" type="radio" value="2" checked/);
    const saved = await op.post('/quan-tri/quy-trinh-duyet', { buoc: '1', khong_tu_duyet: '1' });
    expect(saved.statusCode).toBe(303);
    expect(await t.modules.content.content.siteWorkflow(hanoi)).toEqual({ approvalSteps: 1, forbidSelfApproval: true });

    const id = await createNews(c, { title: 'Thông báo lịch nghỉ Tết' });
    expect((await act(c, id, 'submit')).statusCode).toBe(303);
    const e = await as(EDITOR);
    expect(offered((await e.get(`/quan-tri/noi-dung/${id}`)).body)).not.toContain('take');
    const h = await as(HEAD);
    const page = await h.get(`/quan-tri/noi-dung/${id}`);
    expect(offered(page.body)).toContain('approve');
    expect((await act(h, id, 'approve')).statusCode).toBe(303);
    expect((await item(id)).visibility).toBe('live');

    // Self-approval is refused when forbidden: not offered to the head for their own item.
    const own = await createNews(h, { title: 'Tin của Trưởng ban' });
    expect((await act(h, own, 'submit')).statusCode).toBe(303);
    const ownPage = await h.get(`/quan-tri/noi-dung/${own}`);
    expect(offered(ownPage.body)).not.toContain('approve');
    const selfApproval = await h.post(`/quan-tri/noi-dung/${own}`, { thao_tac: 'approve' });
    expect(selfApproval.statusCode).toBe(409);
    expect(selfApproval.body).toContain('Trang này không cho phép tự duyệt tin, bài của mình.');
    expect((await item(own)).stage).toBe('submitted');

    await op.get('/quan-tri/quy-trinh-duyet');
    expect((await op.post('/quan-tri/quy-trinh-duyet', { buoc: '2', khong_tu_duyet: '1' })).statusCode).toBe(303);
  });
});
