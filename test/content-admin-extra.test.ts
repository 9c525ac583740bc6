/**
 * The rest of the content administration, over HTTP with forms (as a browser without
 * JavaScript): cover image, attachments and topics chosen from the site's library, linking
 * translations, cross-posting from the portal to a ward, proposing from the ward to the
 * portal, confirming a periodic review (and its dashboard card), and the site structure
 * screens (categories, menus, home-page blocks). Each is refused, with nothing changed, to
 * a role without the grant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import type { FormClient } from './browser-like.ts';
import { signedInClients } from './sign-in.ts';
import { factories, type TestPerson } from './factories.ts';
import { pdfFile } from './multipart.ts';
import type { Actor } from '../src/modules/access/index.ts';
import type { MediaView } from '../src/modules/media/index.ts';
import { DEFAULT_HOME_BLOCKS } from '../src/modules/content/index.ts';

let t: TestApp;
let dataDir: string;
let hanoi: number;
let ward: number;
let sonoivu: number;
let image: MediaView;
let image2: MediaView;
let wardImage: MediaView;
let docA: MediaView;
let docB: MediaView;
let topic: number;

/** People made for the test on the demo portal and its ward Phường Ba Đình (whose content and structure the tests use). */
let CONTRIBUTOR: TestPerson;
let EDITOR: TestPerson;
let HEAD: TestPerson;
let OPERATOR: TestPerson;
let WARD_HEAD: TestPerson;
let WARD_OPERATOR: TestPerson;
const system: Actor = { kind: 'system', label: 'test' };

const png = (colour: string, width = 800, height = 500) =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-content-extra-'));
  t = await buildTestApp({ env: { DATA_DIR: dataDir } });
  const sites = await t.modules.sites.listSites();
  hanoi = sites.find((s) => s.code === 'hanoi')!.id;
  ward = sites.find((s) => s.code === 'phuongbadinh')!.id;
  sonoivu = sites.find((s) => s.code === 'sonoivu')!.id;
  const f = factories(t);
  CONTRIBUTOR = await f.person('contributor', hanoi);
  EDITOR = await f.person('board_member', hanoi);
  HEAD = await f.person('board_head', hanoi);
  OPERATOR = await f.person('site_operator', hanoi);
  WARD_HEAD = await f.person('board_head', ward);
  WARD_OPERATOR = await f.person('site_operator', ward);
  const media = t.modules.media;
  image = await media.uploadMedia(system, hanoi, { data: await png('#1d5fa8'), originalName: 'hoi-nghi.png', alt: 'Toàn cảnh hội nghị' });
  image2 = await media.uploadMedia(system, hanoi, { data: await png('#a3161a', 600, 400), originalName: 'le-ky-ket.png', alt: 'Lễ ký kết' });
  wardImage = await media.uploadMedia(system, ward, { data: await png('#1e6b3a'), originalName: 'phuong.png', alt: 'Trụ sở phường' });
  docA = await media.uploadMedia(system, hanoi, { data: pdfFile('Ke hoach'), originalName: 'ke-hoach.pdf' });
  docB = await media.uploadMedia(system, hanoi, { data: pdfFile('Phu luc'), originalName: 'phu-luc.pdf' });
  topic = (await t.modules.content.categories.createTopic(system, hanoi, 'Chuyển đổi số', 'Digital transformation')).id;
});
afterAll(async () => {
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const as = signedInClients(() => t, 45);

const item = (id: number) => t.db.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const working = async (id: number) =>
  t.db.db
    .selectFrom('content_revisions')
    .selectAll()
    .where('id', '=', (await item(id)).working_revision_id!)
    .executeTakeFirstOrThrow();
const countItems = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('content_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const NEWS = {
  type: 'news',
  lang: 'vi',
  title: 'Thành phố khai trương Trung tâm điều hành thông minh',
  summary: 'Trung tâm kết nối dữ liệu của các sở, ngành.',
  bodyHtml: '<p>Sáng nay, Thành phố khai trương Trung tâm điều hành thông minh.</p>',
  field_event_date: '2026-12-02',
  source: 'Văn phòng UBND Thành phố',
  authorName: 'Trần Văn Tin',
};

/** Posts a form from a freshly loaded page (so the CSRF token is the page's). */
async function postFrom(c: FormClient, page: string, url: string, fields: Record<string, string | string[]>) {
  const loaded = await c.get(page);
  expect(loaded.statusCode, `${page}: ${loaded.body.slice(0, 300)}`).toBe(200);
  return c.post(url, fields);
}

async function createNews(c: FormClient, fields: Record<string, string | string[]> = {}): Promise<number> {
  const res = await postFrom(c, '/quan-tri/noi-dung/moi?loai=news', '/quan-tri/noi-dung/moi?loai=news', { ...NEWS, ...fields });
  expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
  return Number(/^\/quan-tri\/noi-dung\/(\d+)\?tb=da-tao$/.exec(String(res.headers.location))![1]);
}

const act = (c: FormClient, id: number, fields: Record<string, string | string[]>) =>
  postFrom(c, `/quan-tri/noi-dung/${id}`, `/quan-tri/noi-dung/${id}`, fields);

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The fields a browser would send from the form posting to `action` (as loaded, before any change). */
function formFields(body: string, action: string): Record<string, string> {
  const start = body.indexOf(`<form method="post" action="${action}"`);
  expect(start, `form ${action}`).toBeGreaterThanOrEqual(0);
  const form = body.slice(start, body.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const name = attr('name');
    const type = attr('type') ?? 'text';
    if (!name || name === '_csrf') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(tag)) continue;
    // Several checked boxes of one name: the tests set those fields themselves.
    out[name] = unescapeHtml(attr('value') ?? '');
  }
  for (const [, name, options] of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[name!] = unescapeHtml((/<option value="([^"]*)" selected>/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!))?.[1] ?? '');
  }
  for (const [, name, text] of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[name!] = unescapeHtml(text!);
  return out;
}

/** Loads a page first, so that the next post carries a token of the signed-in session. */
async function fresh(c: FormClient): Promise<FormClient> {
  expect((await c.get('/quan-tri')).statusCode).toBe(200);
  return c;
}

describe('cover image, attachments, topics and translations in the item form', () => {
  let vi: number;

  it('offers the site’s images with thumbnails, its documents and topics; refuses files of another site', async () => {
    const h = await as(HEAD);
    const form = await h.get('/quan-tri/noi-dung/moi?loai=news');
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(new RegExp(`name="coverMediaId" type="radio" value="${image.id}"`));
    expect(form.body).toMatch(new RegExp(`<img src="/media/${image.id}/320" alt=""`));
    expect(form.body).toContain('Toàn cảnh hội nghị');
    expect(form.body).toMatch(new RegExp(`name="attachments" type="checkbox" value="${docA.id}"`));
    expect(form.body).not.toMatch(new RegExp(`name="coverMediaId" type="radio" value="${docA.id}"`));
    expect(form.body).not.toMatch(new RegExp(`name="coverMediaId" type="radio" value="${wardImage.id}"`));
    expect(form.body).toMatch(new RegExp(`name="topicIds" type="checkbox" value="${topic}"`));
    expect(form.body).toContain('name="translationOf"');

    const before = await countItems();
    const foreign = await h.post('/quan-tri/noi-dung/moi?loai=news', {
      ...NEWS,
      hasMedia: '1',
      coverMediaId: String(wardImage.id),
      attachments: [String(image.id)],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.body).toContain('Ảnh đại diện phải là một ảnh trong thư viện tệp của trang này.');
    expect(foreign.body).toContain('Tệp đính kèm phải là văn bản trong thư viện tệp của trang này.');
    expect(foreign.body).toContain(`value="${NEWS.title}"`);
    expect(await countItems()).toBe(before);
  });

  it('saves the chosen cover, caption, attachments (in order) and topics, shows them, and changes them on edit', async () => {
    const h = await as(HEAD);
    vi = await createNews(h, {
      hasMedia: '1',
      hasTopics: '1',
      coverMediaId: String(image.id),
      coverCaption: 'Quang cảnh lễ khai trương',
      attachments: [String(docB.id), String(docA.id)],
      topicIds: [String(topic)],
    });
    expect(await working(vi)).toMatchObject({
      cover_media_id: image.id,
      cover_caption: 'Quang cảnh lễ khai trương',
      attachments: [docB.id, docA.id],
      topic_ids: [topic],
    });

    const page = await h.get(`/quan-tri/noi-dung/${vi}`);
    expect(page.body).toContain('<dt>Ảnh đại diện</dt>');
    expect(page.body).toContain(`<a href="/media/${docB.id}/goc">phu-luc.pdf</a>`);
    expect(page.body).toContain('Chuyển đổi số');

    const edit = await h.get(`/quan-tri/noi-dung/sua/${vi}`);
    expect(edit.body).toMatch(new RegExp(`name="coverMediaId" type="radio" value="${image.id}" checked`));
    expect(edit.body).toMatch(new RegExp(`name="attachments" type="checkbox" value="${docB.id}" checked`));
    expect(edit.body).toMatch(new RegExp(`name="topicIds" type="checkbox" value="${topic}" checked`));
    expect(edit.body).toContain('value="Quang cảnh lễ khai trương"');
    // The chosen documents come first, in their order.
    expect(edit.body.indexOf(`name="attachments" type="checkbox" value="${docB.id}"`)).toBeLessThan(
      edit.body.indexOf(`name="attachments" type="checkbox" value="${docA.id}"`),
    );
    const fields = formFields(edit.body, `/quan-tri/noi-dung/sua/${vi}`);
    const saved = await h.post(`/quan-tri/noi-dung/sua/${vi}`, {
      ...fields,
      field_event_date: NEWS.field_event_date,
      coverMediaId: String(image2.id),
      attachments: [String(docA.id)],
      topicIds: [],
    });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    expect(await working(vi)).toMatchObject({ cover_media_id: image2.id, attachments: [docA.id], topic_ids: [] });
  });

  it('links an English item as the translation of a Vietnamese one (both get the smaller id), and unlinks it', async () => {
    const h = await as(HEAD);
    const en = await createNews(h, { lang: 'en', title: 'Hanoi opens its smart operations centre', translationOf: String(vi), hasTranslation: '1' });
    expect((await item(vi)).translation_group).toBe(Math.min(vi, en));
    expect((await item(en)).translation_group).toBe(Math.min(vi, en));
    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'content.translation_linked')
      .where('target_id', '=', String(en))
      .execute();
    expect(audit).toHaveLength(1);

    const page = await h.get(`/quan-tri/noi-dung/${vi}`);
    expect(page.body).toContain(`<a href="/quan-tri/noi-dung/${en}" hreflang="en">Hanoi opens its smart operations centre</a>`);
    const edit = await h.get(`/quan-tri/noi-dung/sua/${vi}`);
    expect(edit.body).toMatch(new RegExp(`<option value="${en}" selected>`));
    // Only items of the other language are offered.
    const selectHtml = /<select id="f-translationOf"[\s\S]*?<\/select>/.exec(edit.body)![0];
    expect(selectHtml).not.toContain(`value="${vi}"`);

    // A translation in the same language is refused, nothing changes.
    const other = await createNews(h, { title: 'Một tin khác cùng tiếng Việt' });
    const fields = formFields((await h.get(`/quan-tri/noi-dung/sua/${other}`)).body, `/quan-tri/noi-dung/sua/${other}`);
    const same = await h.post(`/quan-tri/noi-dung/sua/${other}`, { ...fields, field_event_date: NEWS.field_event_date, translationOf: String(vi) });
    expect(same.statusCode).toBe(422);
    expect(same.body).toContain('Bản dịch phải là tin, bài bằng ngôn ngữ kia.');
    expect((await item(other)).translation_group).toBeNull();

    const unlink = await h.post(`/quan-tri/noi-dung/sua/${en}`, {
      ...formFields((await h.get(`/quan-tri/noi-dung/sua/${en}`)).body, `/quan-tri/noi-dung/sua/${en}`),
      field_event_date: NEWS.field_event_date,
      translationOf: '',
    });
    expect(unlink.statusCode).toBe(303);
    expect((await item(vi)).translation_group).toBeNull();
    expect((await item(en)).translation_group).toBeNull();
  });

  it('refuses a contributor linking a translation (403, nothing saved), and does not offer it', async () => {
    const c = await as(CONTRIBUTOR);
    const id = await createNews(c, { title: 'Bản nháp của cộng tác viên' });
    const form = await c.get(`/quan-tri/noi-dung/sua/${id}`);
    expect(form.body).not.toContain('name="translationOf"');
    const revisions = await t.db.db.selectFrom('content_revisions').select('id').where('item_id', '=', id).execute();
    const before = await item(id);
    const refused = await (await fresh(c)).post(`/quan-tri/noi-dung/sua/${id}`, {
      ...NEWS,
      version: String(before.version),
      hasTranslation: '1',
      translationOf: String(vi),
    });
    expect(refused.statusCode).toBe(403);
    expect(await item(id)).toEqual(before);
    expect(await t.db.db.selectFrom('content_revisions').select('id').where('item_id', '=', id).execute()).toHaveLength(revisions.length);
    // The operator has no content role at all.
    expect((await (await fresh(await as(OPERATOR))).post(`/quan-tri/noi-dung/sua/${vi}`, { ...NEWS, hasMedia: '1', coverMediaId: '' })).statusCode).toBe(403);
    expect((await working(vi)).cover_media_id).toBe(image2.id);
  });
});

describe('between the portal and its component sites', () => {
  let portalItem: { id: number; slug: string };

  beforeAll(async () => {
    portalItem = await t.db.db
      .selectFrom('content_items')
      .select(['id', 'slug'])
      .where('site_id', '=', hanoi)
      .where('type', '=', 'news')
      .where('lang', '=', 'vi')
      .where('visibility', '=', 'live')
      .orderBy('id')
      .executeTakeFirstOrThrow();
  });

  it('lets the portal board head cross-post a live item to the ward, where it is then live', async () => {
    const h = await as(HEAD);
    const page = await h.get(`/quan-tri/noi-dung/${portalItem.id}`);
    expect(page.body).toContain('Đăng chéo sang trang thành phần');
    expect(page.body).toContain(`name="sites" type="checkbox" value="${ward}"`);
    expect(page.body).toContain(`name="sites" type="checkbox" value="${sonoivu}"`);

    const none = await act(h, portalItem.id, { thao_tac: 'cross_post' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Cần chọn ít nhất một trang thành phần.');
    expect(none.body).toMatch(/id="f-cross-post-sites-error">Cần chọn ít nhất một trang thành phần\./);

    expect((await t.app.inject({ url: `/s/phuongbadinh/tin/${portalItem.slug}` })).statusCode).toBe(404);
    // The ward's board consents to items from the portal going live at once (default: they wait).
    const w = await as(WARD_HEAD);
    expect((await postFrom(w, '/quan-tri/nhan-dang-cheo', '/quan-tri/nhan-dang-cheo', { source: String(hanoi), mode: 'at_once' })).statusCode).toBe(303);
    const done = await act(h, portalItem.id, { thao_tac: 'cross_post', sites: [String(ward)] });
    expect(done.statusCode, done.body.slice(0, 500)).toBe(303);
    expect(done.headers.location).toBe(`/quan-tri/noi-dung/${portalItem.id}?tb=cross_post`);
    const copies = await t.db.db.selectFrom('content_items').selectAll().where('origin_item_id', '=', portalItem.id).execute();
    expect(copies.map((c) => [c.site_id, c.visibility])).toEqual([[ward, 'live']]);
    const live = await t.app.inject({ url: `/s/phuongbadinh/tin/${copies[0]!.slug}` });
    expect(live.statusCode).toBe(200);

    const after = await h.get(`/quan-tri/noi-dung/${portalItem.id}?tb=cross_post`);
    expect(after.body).toContain('Đã đăng chéo sang các trang thành phần đã chọn.');
    expect(after.body).toContain(`<a href="/s/phuongbadinh/tin/${copies[0]!.slug}">Phường Ba Đình</a>`);
    expect(after.body).not.toContain(`name="sites" type="checkbox" value="${ward}"`);
    // Posting it there again is refused with a message.
    const again = await h.post(`/quan-tri/noi-dung/${portalItem.id}`, { thao_tac: 'cross_post', sites: [String(ward)] });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Tin, bài đã được đăng chéo sang: Phường Ba Đình.');
  });

  it('refuses cross-posting to a board member (no approval grant): not offered, 403, no copy', async () => {
    const e = await as(EDITOR);
    const page = await e.get(`/quan-tri/noi-dung/${portalItem.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="sites"');
    const refused = await (await fresh(e)).post(`/quan-tri/noi-dung/${portalItem.id}`, { thao_tac: 'cross_post', sites: [String(sonoivu)] });
    expect(refused.statusCode).toBe(403);
    expect(await t.db.db.selectFrom('content_items').select('id').where('origin_item_id', '=', portalItem.id).where('site_id', '=', sonoivu).execute()).toEqual(
      [],
    );
  });

  it('lets the ward board propose a live item to the portal, where it enters the queue “Chờ biên tập”', async () => {
    const wardItem = await t.db.db
      .selectFrom('content_items')
      .select('id')
      .where('site_id', '=', ward)
      .where('visibility', '=', 'live')
      .where('origin_item_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const op = await as(WARD_OPERATOR);
    expect((await (await fresh(op)).post(`/quan-tri/noi-dung/${wardItem.id}`, { thao_tac: 'propose' })).statusCode).toBe(403);
    expect(await t.db.db.selectFrom('content_items').select('id').where('origin_item_id', '=', wardItem.id).execute()).toEqual([]);

    const w = await as(WARD_HEAD);
    const page = await w.get(`/quan-tri/noi-dung/${wardItem.id}`);
    expect(page.body).toContain('Đề xuất lên Cổng');
    expect(page.body).toContain('Cổng Thông tin điện tử Thành phố Hà Nội');
    const done = await act(w, wardItem.id, { thao_tac: 'propose' });
    expect(done.statusCode, done.body.slice(0, 500)).toBe(303);
    const proposal = await t.db.db.selectFrom('content_items').selectAll().where('origin_item_id', '=', wardItem.id).executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ site_id: hanoi, stage: 'submitted', visibility: 'never' });
    expect((await w.get(`/quan-tri/noi-dung/${wardItem.id}?tb=propose`)).body).toContain('Đã gửi đề xuất lên Cổng');
    const twice = await w.post(`/quan-tri/noi-dung/${wardItem.id}`, { thao_tac: 'propose' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('đã được đề xuất lên Cổng');

    const queues = await (await as(HEAD)).get('/quan-tri/hang-cho');
    const toEdit = queues.body.slice(queues.body.indexOf('id="cho-bien-tap"'), queues.body.indexOf('id="cho-duyet"'));
    expect(toEdit).toContain(`href="/quan-tri/noi-dung/${proposal.id}"`);

    // A portal item has no portal to propose to: not offered, and refused with the reason.
    const h = await as(HEAD);
    expect((await h.get(`/quan-tri/noi-dung/${portalItem.id}`)).body).not.toContain('value="propose"');
    const refused = await h.post(`/quan-tri/noi-dung/${portalItem.id}`, { thao_tac: 'propose' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Trang này không thuộc cổng thông tin nào.');
  });
});

describe('periodic review of fixed pages', () => {
  it('shows overdue pages on the board’s dashboard; the board marks one reviewed, a contributor may not', async () => {
    const content = t.modules.content.content;
    const contributor = CONTRIBUTOR.actor;
    const page = await content.create(contributor, hanoi, {
      type: 'page',
      lang: 'vi',
      title: 'Chức năng, nhiệm vụ của Văn phòng',
      bodyHtml: '<p>Văn phòng tham mưu, giúp việc.</p>',
      fields: { page_kind: 'functions' },
      source: 'Văn phòng',
      authorName: 'Văn phòng',
    });
    await content.transition(contributor, page.id, 'submit');
    await content.transition(EDITOR.actor, page.id, 'take');
    await content.transition(HEAD.actor, page.id, 'approve');
    const due = new Date(Date.now() - 3 * 86_400_000);
    await t.db.db.updateTable('content_items').set({ next_review_at: due }).where('id', '=', page.id).execute();

    const h = await as(HEAD);
    const dash = await h.get('/quan-tri');
    expect(dash.body).toContain('Thông tin đến hạn rà soát');
    const card = dash.body.slice(dash.body.indexOf('id="db-reviews"'));
    expect(card).toContain(`<a href="/quan-tri/noi-dung/${page.id}">Chức năng, nhiệm vụ của Văn phòng</a>`);

    const c = await as(CONTRIBUTOR);
    expect((await c.get('/quan-tri')).body).not.toContain('id="db-reviews"');
    expect((await c.get(`/quan-tri/noi-dung/${page.id}`)).body).not.toContain('value="mark_reviewed"');
    expect((await (await fresh(c)).post(`/quan-tri/noi-dung/${page.id}`, { thao_tac: 'mark_reviewed' })).statusCode).toBe(403);
    expect((await item(page.id)).next_review_at?.getTime()).toBe(due.getTime());

    const itemPage = await h.get(`/quan-tri/noi-dung/${page.id}`);
    expect(itemPage.body).toContain('Đã đến hạn rà soát');
    const done = await act(h, page.id, { thao_tac: 'mark_reviewed' });
    expect(done.statusCode).toBe(303);
    expect((await h.get(String(done.headers.location))).body).toContain('Đã ghi nhận việc rà soát');
    const next = (await item(page.id)).next_review_at!;
    expect(next.getTime()).toBeGreaterThan(Date.now() + 179 * 86_400_000);
    expect((await h.get('/quan-tri')).body).not.toContain(`<a href="/quan-tri/noi-dung/${page.id}">`);

    // A news item has no periodic review.
    const news = await t.db.db
      .selectFrom('content_items')
      .select('id')
      .where('site_id', '=', hanoi)
      .where('type', '=', 'news')
      .where('visibility', '=', 'live')
      .executeTakeFirstOrThrow();
    const refused = await h.post(`/quan-tri/noi-dung/${news.id}`, { thao_tac: 'mark_reviewed' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Tin, bài này không cần rà soát định kỳ.');
  });
});

describe('site structure screens (site operator)', () => {
  it('adds “Cấu trúc trang” to the operator’s navigation only, and refuses others (403)', async () => {
    const op = await as(OPERATOR);
    const dash = await op.get('/quan-tri');
    expect(dash.body).toContain('<a href="/quan-tri/cau-truc">Cấu trúc trang</a>');
    const overview = await op.get('/quan-tri/cau-truc');
    expect(overview.statusCode).toBe(200);
    for (const href of ['/quan-tri/cau-truc/chuyen-muc', '/quan-tri/cau-truc/menu', '/quan-tri/cau-truc/trang-chu'])
      expect(overview.body).toContain(`href="${href}"`);
    const h = await as(HEAD);
    expect((await h.get('/quan-tri')).body).not.toContain('Cấu trúc trang');
    for (const url of ['/quan-tri/cau-truc', '/quan-tri/cau-truc/chuyen-muc', '/quan-tri/cau-truc/menu', '/quan-tri/cau-truc/trang-chu'])
      expect((await h.get(url)).statusCode, url).toBe(403);
    const en = await op.get('/english/admin/structure/menus?ngon_ngu=en');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Menu (English)');
  });

  it('lists the category trees and adds a category under a parent; refuses a parent of the other language and a taken path', async () => {
    const op = await as(OPERATOR);
    const page = await op.get('/quan-tri/cau-truc/chuyen-muc');
    expect(page.body).toContain('<strong>Tin tức - Sự kiện</strong> <code>tin-tuc-su-kien</code>');
    const parent = (await t.modules.content.categories.list(hanoi, 'vi'))[0]!;
    const english = (await t.modules.content.categories.list(hanoi, 'en'))[0]!;

    const wrong = await op.post('/quan-tri/cau-truc/chuyen-muc', {
      lang: 'vi',
      parentId: String(english.id),
      name: 'Chuyển đổi số <b>mới</b>',
      slug: '',
      description: '',
      position: '2',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Chuyên mục cha phải là chuyên mục của trang này, cùng ngôn ngữ với chuyên mục mới.');
    expect(wrong.body).toContain('value="Chuyển đổi số &lt;b&gt;mới&lt;/b&gt;"');

    const done = await op.post('/quan-tri/cau-truc/chuyen-muc', {
      lang: 'vi',
      parentId: String(parent.id),
      name: 'Chuyển đổi số',
      slug: '',
      description: 'Tin về chuyển đổi số',
      position: '2',
    });
    expect(done.statusCode, done.body.slice(0, 2000)).toBe(303);
    const row = (await t.modules.content.categories.bySlug(hanoi, 'vi', 'chuyen-doi-so'))!;
    expect(row).toMatchObject({ parent_id: parent.id, position: 2, name: 'Chuyển đổi số' });
    const listed = await op.get('/quan-tri/cau-truc/chuyen-muc?tb=da-tao');
    expect(listed.body).toContain('Đã thêm chuyên mục.');
    expect(listed.body).toContain('<code>chuyen-doi-so</code>');

    const taken = await op.post('/quan-tri/cau-truc/chuyen-muc', { lang: 'vi', parentId: '', name: 'Chuyển đổi số', slug: '', description: '', position: '' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Trang đã có chuyên mục với đường dẫn này');

    const before = (await t.modules.content.categories.list(hanoi, 'vi')).length;
    const h = await as(HEAD);
    expect(
      (
        await (
          await fresh(h)
        ).post('/quan-tri/cau-truc/chuyen-muc', { lang: 'vi', parentId: '', name: 'Của Trưởng ban', slug: '', description: '', position: '' })
      ).statusCode,
    ).toBe(403);
    expect((await t.modules.content.categories.list(hanoi, 'vi')).length).toBe(before);
  });

  it('edits the menu as numbered rows: rename, add under a parent, reorder, remove; a bad link is refused and the form keeps what was typed', async () => {
    const op = await as(OPERATOR);
    const menus = t.modules.menus.menus;
    const original = await menus.tree(hanoi, 'vi');
    const form = await op.get('/quan-tri/cau-truc/menu');
    expect(form.statusCode).toBe(200);
    const fields = formFields(form.body, '/quan-tri/cau-truc/menu');
    const rows = Number(fields.so_muc);
    expect(fields.nhan_1).toBe(original[0]!.label);
    expect(fields.lien_ket_1).toBe(original[0]!.href);
    const blankRow = rows; // the last row is empty
    expect(fields[`nhan_${blankRow}`]).toBe('');

    // A javascript: link is refused: 422, the message by the field, everything typed kept, nothing changed.
    const bad = await op.post('/quan-tri/cau-truc/menu', {
      ...fields,
      nhan_1: 'Trang chủ mới',
      [`nhan_${blankRow}`]: 'Liên kết "xấu"',
      [`lien_ket_${blankRow}`]: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(`id="f-lien_ket_${blankRow}-error">Liên kết phải là đường dẫn trong trang bắt đầu bằng một dấu &quot;/&quot;`);
    expect(bad.body).toMatch(new RegExp(`id="f-lien_ket_${blankRow}"[^>]*value="javascript:alert\\(1\\)"[^>]*aria-invalid="true"`));
    expect(bad.body).toContain('value="Liên kết &quot;xấu&quot;"');
    expect(bad.body).toContain('value="Trang chủ mới"');
    expect(await menus.tree(hanoi, 'vi')).toEqual(original);

    // Rename the first item, add a child under it, move the second item first, remove the last saved one.
    const lastSaved = rows - 3;
    const saved = await op.post('/quan-tri/cau-truc/menu', {
      ...fields,
      nhan_1: 'Trang chủ mới',
      vi_tri_2: '0',
      [`xoa_${lastSaved}`]: '1',
      [`nhan_${blankRow}`]: 'Hỏi đáp',
      [`lien_ket_${blankRow}`]: '/hoi-dap',
      [`cha_${blankRow}`]: '1',
    });
    expect(saved.statusCode, saved.body.slice(0, 3000)).toBe(303);
    expect(saved.headers.location).toBe('/quan-tri/cau-truc/menu?ngon_ngu=vi&tb=da-luu');
    const tree = await menus.tree(hanoi, 'vi');
    expect(tree[0]!.label).toBe(original[1]!.label);
    expect(tree[1]!.label).toBe('Trang chủ mới');
    expect(tree[1]!.children.map((c) => c.label)).toContain('Hỏi đáp');
    const flat = (nodes: typeof tree): string[] => nodes.flatMap((n) => [n.label, ...flat(n.children)]);
    expect(flat(tree)).not.toContain(fields[`nhan_${lastSaved}`]);
    expect((await t.app.inject({ url: '/' })).body).toContain('Trang chủ mới');
    const entry = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'menu.replaced').execute();
    expect(entry).toHaveLength(1);

    // A parent that is a child of its own child is refused.
    const loops = formFields((await op.get('/quan-tri/cau-truc/menu')).body, '/quan-tri/cau-truc/menu');
    const cyc = await op.post('/quan-tri/cau-truc/menu', { ...loops, cha_1: '2', cha_2: '1' });
    expect(cyc.statusCode).toBe(422);
    expect(cyc.body).toContain('Không thể chọn một mục con của mục này làm mục cha.');

    // Refused to the board head: 403, the menu unchanged.
    const current = await menus.tree(hanoi, 'vi');
    expect((await (await fresh(await as(HEAD))).post('/quan-tri/cau-truc/menu', { ...fields, nhan_1: 'Không được' })).statusCode).toBe(403);
    expect(await menus.tree(hanoi, 'vi')).toEqual(current);
  });

  it('arranges the home-page blocks by position numbers, adds and removes blocks, and refuses bad sizes', async () => {
    const op = await as(OPERATOR);
    const blocks = t.modules.content.homeBlockService;
    const form = await op.get('/quan-tri/cau-truc/trang-chu');
    expect(form.body).toContain('đang dùng cách sắp xếp mặc định');
    const fields = formFields(form.body, '/quan-tri/cau-truc/trang-chu');
    expect(fields).toMatchObject({ so_khoi: '5', loai_1: 'featured', loai_2: 'latest', loai_3: 'type', nguon_3: 'announcement', loai_4: '' });
    const category = (await t.modules.content.categories.list(hanoi, 'vi'))[0]!;

    const bad = await op.post('/quan-tri/cau-truc/trang-chu', { ...fields, so_tin_2: '50', loai_4: 'category', nguon_4: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="f-so_tin_2-error">Số tin mỗi khối từ 1 đến 20.');
    expect(bad.body).toContain('Khối theo chuyên mục cần chọn một chuyên mục cùng ngôn ngữ của trang này.');
    expect(bad.body).toContain('id="f-so_tin_2" name="so_tin_2" type="number" value="50"');
    expect(await blocks.blocks(hanoi, 'vi')).toEqual(DEFAULT_HOME_BLOCKS);

    const done = await op.post('/quan-tri/cau-truc/trang-chu', {
      ...fields,
      vi_tri_1: '3',
      vi_tri_2: '1',
      vi_tri_3: '2',
      xoa_3: '',
      loai_4: 'category',
      nguon_4: String(category.id),
      tieu_de_4: 'Tin theo chuyên mục',
      so_tin_4: '4',
      vi_tri_4: '4',
      xoa_1: '1',
    });
    expect(done.statusCode, done.body.slice(0, 2000)).toBe(303);
    expect(await blocks.blocks(hanoi, 'vi')).toEqual([
      { kind: 'latest', ref: '', title: '', size: 6 },
      { kind: 'type', ref: 'announcement', title: '', size: 5 },
      { kind: 'category', ref: String(category.id), title: 'Tin theo chuyên mục', size: 4 },
    ]);
    expect((await op.get('/quan-tri/cau-truc/trang-chu?ngon_ngu=vi&tb=da-luu')).body).not.toContain('đang dùng cách sắp xếp mặc định');

    const h = await as(HEAD);
    expect((await (await fresh(h)).post('/quan-tri/cau-truc/trang-chu', { ...fields })).statusCode).toBe(403);
    expect((await blocks.blocks(hanoi, 'vi')).map((b) => b.kind)).toEqual(['latest', 'type', 'category']);
  });
});
