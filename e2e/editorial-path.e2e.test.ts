/**
 * The editorial path end to end, in Chromium, on the demo portal (hanoi, two approval steps):
 * a contributor uploads an image with alt text to the media library, writes a news item in
 * the rich-text editor with that image as its cover, saves the draft and submits it; the
 * editor takes it into review; the board head returns it with a comment; the contributor
 * finds it among the returned items, corrects the body and submits it again; the editor
 * takes it; the board head approves it. The item is then on the public portal (item page
 * with source and cover, RSS, sitemap, home page). A second item, approved with a publish
 * time a little ahead, waits in "Đã lên lịch" (404 in public) until the scheduler runs.
 * Finally the board head cross-posts the first item to Phường Ba Đình, whose copy links to
 * the original as canonical. axe finds no serious or critical violation on the item form,
 * the public item page and the home page.
 *
 * The tests share one server (and database) and run in order: later ones use what earlier
 * ones created, and say so when that is missing. Each person signs in once; their page is kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/modules/accounts/demo-accounts.ts';
import { browserAvailable, screenshot, seriousViolations, freshTotp, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

const CONTRIBUTOR = 'congtacvien.hanoi@cong.example';
const EDITOR = 'bientap.hanoi@cong.example';
const HEAD = 'truongban.hanoi@cong.example';

const IMAGE = {
  fileName: 'Toàn cảnh lễ khánh thành.png',
  alt: 'Lãnh đạo Thành phố cắt băng khánh thành Trung tâm điều hành đô thị thông minh',
  caption: 'Lễ khánh thành sáng 05/12/2026 (ảnh minh họa).',
};
const ITEM = {
  title: 'Hà Nội khánh thành Trung tâm điều hành đô thị thông minh ở quận Hoàn Kiếm',
  summary: 'Trung tâm kết nối dữ liệu giao thông, môi trường và dịch vụ công của Thành phố, phục vụ người dân 24/7.',
  paragraphs: [
    'Sáng 05/12/2026, Ủy ban nhân dân Thành phố tổ chức lễ khánh thành Trung tâm điều hành đô thị thông minh.',
    'Trung tâm tích hợp dữ liệu từ các sở, ngành và ứng dụng iHanoi.',
  ],
  correction: 'Bổ sung: Trung tâm đã tiếp nhận hơn 12.000 phản ánh của người dân trong giai đoạn thử nghiệm.',
  eventDate: '2026-12-05',
  source: 'Văn phòng Ủy ban nhân dân Thành phố',
  author: 'Nguyễn Thị Thu Hường',
  category: 'Tin tức - Sự kiện',
  returnComment: 'Đề nghị bổ sung số liệu phản ánh của người dân đã tiếp nhận trong giai đoạn thử nghiệm.',
  changeNote: 'Bổ sung số liệu theo ý kiến của Trưởng ban',
};
const SCHEDULED = {
  title: 'Thông tin kiểm thử đăng theo lịch: Hội nghị tổng kết chuyển đổi số năm 2026',
  summary: 'Tin được duyệt trước, tự đăng vào giờ đã hẹn.',
  body: 'Hội nghị tổng kết công tác chuyển đổi số năm 2026 của Thành phố (nội dung kiểm thử).',
};

describe.runIf(enabled)('editorial path in Chromium: write, review, return, correct, approve, publish, schedule, cross-post', () => {
  let h: BrowserHarness;
  let dataDir: string;
  let imagePath: string;
  /** Each person's signed-in page, kept for the whole file (one sign-in each: no TOTP step is reused). */
  const pages = new Map<string, Page>();
  /** Set by the tests as they go. */
  let mediaId: number | undefined;
  let itemId: number | undefined;
  let slug: string | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-e2e-editorial-'));
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    imagePath = path.join(dataDir, IMAGE.fileName);
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1d5fa8' } })
      .composite([
        {
          input: await sharp({ create: { width: 600, height: 300, channels: 3, background: '#da251d' } })
            .png()
            .toBuffer(),
          left: 300,
          top: 250,
        },
      ])
      .png()
      .toBuffer();
    fs.writeFileSync(imagePath, png);
  });
  afterAll(async () => {
    await h?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const freshCode = (email: string): Promise<string> => freshTotp(h, email);

  /** The person's signed-in page (signing in with password and, when asked, TOTP the first time). */
  async function as(email: string): Promise<Page> {
    const kept = pages.get(email);
    if (kept && !kept.isClosed()) return kept;
    const page = await h.newPage();
    await page.goto(h.url('/quan-tri/dang-nhap'));
    await page.fill('#f-email', email);
    await page.fill('#f-password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/quan-tri/dang-nhap'), page.click('form.form button[type=submit]')]);
    if (new URL(page.url()).pathname === '/quan-tri/xac-thuc') {
      await page.fill('#f-code', await freshCode(email));
      await Promise.all([page.waitForURL((u) => u.pathname !== '/quan-tri/xac-thuc'), page.click('form.form button[type=submit]')]);
    }
    expect(new URL(page.url()).pathname, `${email} signed in`).toBe('/quan-tri');
    pages.set(email, page);
    return page;
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    expect(await seriousViolations(page), what).toEqual([]);
  }

  const itemAdmin = (id: number) => `/quan-tri/noi-dung/${id}`;

  /** Opens the item page in the admin. */
  async function openItem(page: Page, id: number): Promise<void> {
    await page.goto(h.url(itemAdmin(id)));
    expect(new URL(page.url()).pathname).toBe(itemAdmin(id));
  }

  /** Takes a workflow action from the item page (the form whose hidden thao_tac is `action`), waiting for the redirect with its notice. */
  async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
    await fill?.();
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get('tb') === action),
      page.click(`form.action-form:has(input[name="thao_tac"][value="${action}"]) button[type=submit]`),
    ]);
  }

  const stage = (page: Page) => page.textContent('.status-line dd:nth-of-type(2) .badge');
  const visibility = (page: Page) => page.textContent('.status-line dd:nth-of-type(3) .badge');
  const bodyValue = (page: Page) => page.$eval('#f-bodyHtml', (el) => (el as { value: string }).value);

  /** Viet Nam time (UTC+7) as a datetime-local value. */
  const vnLocal = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

  /** A public address, polled until `ok` holds (the page cache is invalidated by a NOTIFY delivered after commit). */
  async function fetchUntil(pathname: string, ok: (status: number, text: string) => boolean, host?: string): Promise<{ status: number; text: string }> {
    let last = { status: 0, text: '' };
    for (let i = 0; i < 30; i++) {
      const res = await fetch(h.url(pathname, host));
      last = { status: res.status, text: await res.text() };
      if (ok(last.status, last.text)) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return last;
  }

  /** Writes a news item in the open new-item form: the fields, the body typed in the editor. */
  async function writeNews(
    page: Page,
    v: {
      title: string;
      summary: string;
      paragraphs: readonly string[];
      eventDate: string;
      source: string;
      author: string;
      category: string;
      publishAt?: string;
    },
  ): Promise<void> {
    await page.fill('#f-title', v.title);
    await page.fill('#f-summary', v.summary);
    const area = page.locator('.rte-area[contenteditable="true"]');
    await area.waitFor();
    await area.click();
    for (const [i, text] of v.paragraphs.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.type(text);
    }
    await page.fill('#f-event_date', v.eventDate);
    await page.selectOption('#f-categoryId', { label: v.category });
    await page.fill('#f-source', v.source);
    await page.fill('#f-authorName', v.author);
    if (v.publishAt) await page.fill('#f-publishAt', v.publishAt);
  }

  it('lets the contributor upload an image with alt text, write a news item with it as cover in the editor, save the draft and submit it', {
    timeout: 120_000,
  }, async () => {
    const page = await as(CONTRIBUTOR);

    // The media library: upload with alt text and caption.
    await Promise.all([page.waitForURL((u) => u.pathname === '/quan-tri/thu-vien'), page.click('nav.admin-nav a:has-text("Thư viện tệp")')]);
    expect(await page.textContent('h1')).toBe('Thư viện tệp');
    await page.setInputFiles('#f-file', imagePath);
    await page.fill('#f-alt', IMAGE.alt);
    await page.fill('#f-caption', IMAGE.caption);
    await Promise.all([
      page.waitForURL((u) => /^\/quan-tri\/thu-vien\/\d+$/.test(u.pathname)),
      page.click('form[enctype="multipart/form-data"] button[type=submit]'),
    ]);
    mediaId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.textContent('.admin-notice')).toBe('Đã tải tệp lên thư viện.');
    // The Vietnamese file name survives the multipart upload.
    expect(await page.textContent('h1')).toBe(IMAGE.fileName);
    expect(await page.getAttribute('main figure img', 'alt')).toBe(IMAGE.alt);
    expect(await page.inputValue('#f-alt')).toBe(IMAGE.alt);
    expect(await page.textContent('main figure figcaption')).toBe(IMAGE.caption);

    // The new news item.
    await page.goto(h.url('/quan-tri/noi-dung'));
    await Promise.all([page.waitForURL((u) => u.pathname === '/quan-tri/noi-dung/moi'), page.click('a.button:has-text("Tạo tin, bài mới")')]);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('loai') === 'news'), page.click('a:has-text("Tin tức, sự kiện")')]);
    await page.locator('.rte-toolbar[role="toolbar"]').waitFor();
    await writeNews(page, ITEM);
    // The cover: the uploaded image, offered under its alt text.
    const cover = page.locator(`fieldset#f-coverMediaId input[type=radio][value="${mediaId}"]`);
    const coverId = await cover.getAttribute('id');
    expect(await page.textContent(`label[for="${coverId}"]`)).toBe(IMAGE.alt);
    await cover.check();
    expect(await bodyValue(page)).toBe(ITEM.paragraphs.map((p) => `<p>${p}</p>`).join(''));
    await screenshot(page, 'editorial-form');
    await expectAccessible(page, 'item form with the editor and the cover choice');

    await Promise.all([page.waitForURL((u) => /^\/quan-tri\/noi-dung\/\d+$/.test(u.pathname)), page.click('form.content-form button[type=submit]')]);
    itemId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.textContent('.admin-notice')).toBe('Đã tạo bản nháp.');
    expect(await page.textContent('h1')).toBe(ITEM.title);
    expect(await stage(page)).toBe('Bản nháp');
    expect(await page.textContent('.status-line')).toContain(ITEM.category);
    const working = await page.textContent('section:has(#ban-lam-viec)');
    for (const text of [ITEM.summary, ITEM.source, ITEM.author, '05/12/2026', IMAGE.alt]) expect(working, text).toContain(text);
    expect(await page.innerHTML('.content-preview')).toBe(ITEM.paragraphs.map((p) => `<p>${p}</p>`).join(''));

    const row = await h.server.db.db.selectFrom('content_items').select('slug').where('id', '=', itemId).executeTakeFirstOrThrow();
    slug = row.slug;
    // The title with its diacritics became a plain ASCII slug.
    expect(slug).toMatch(/^ha-noi-khanh-thanh-trung-tam-dieu-hanh-do-thi-thong-minh/);

    await act(page, 'submit');
    expect(await page.textContent('.admin-notice')).toBe('Đã gửi duyệt.');
    expect(await stage(page)).toBe('Chờ biên tập');
    // Submitted, the contributor may no longer edit it.
    expect(await page.locator('a.button:has-text("Sửa")').count()).toBe(0);
  });

  it('goes through review: taken, returned with a comment, corrected by the contributor, resubmitted, taken, approved', { timeout: 180_000 }, async () => {
    expect(itemId, 'needs the item written by the first test').toBeDefined();
    const id = itemId!;

    // The editor takes it from the "Chờ biên tập" queue.
    const editor = await as(EDITOR);
    await editor.goto(h.url('/quan-tri/hang-cho'));
    await Promise.all([editor.waitForURL((u) => u.pathname === itemAdmin(id)), editor.click(`section.queue:has(#cho-bien-tap) a[href="${itemAdmin(id)}"]`)]);
    await act(editor, 'take');
    expect(await editor.textContent('.admin-notice')).toBe('Đã nhận biên tập.');
    expect(await stage(editor)).toBe('Chờ duyệt');
    // Two steps: the editor does not approve.
    expect(await editor.locator('#act-approve').count()).toBe(0);

    // The board head returns it once, with a comment.
    const head = await as(HEAD);
    await head.goto(h.url('/quan-tri/hang-cho'));
    await Promise.all([head.waitForURL((u) => u.pathname === itemAdmin(id)), head.click(`section.queue:has(#cho-duyet) a[href="${itemAdmin(id)}"]`)]);
    await act(head, 'return', () => head.fill('#f-return-comment', ITEM.returnComment));
    expect(await head.textContent('.admin-notice')).toBe('Đã trả lại cho người cung cấp.');
    expect(await stage(head)).toBe('Bị trả lại');

    // The contributor: a notification, the "Bị trả lại" queue, the comment on the item page.
    const contributor = await as(CONTRIBUTOR);
    await contributor.goto(h.url('/quan-tri/thong-bao'));
    expect(await contributor.textContent('ul.notifications')).toContain(`Tin, bài "${ITEM.title}" được trả lại để bổ sung: ${ITEM.returnComment}`);
    await contributor.goto(h.url('/quan-tri/hang-cho'));
    const returned = contributor.locator(`section.queue:has(#bi-tra-lai) a[href="${itemAdmin(id)}"]`);
    expect(await returned.textContent()).toBe(ITEM.title);
    await Promise.all([contributor.waitForURL((u) => u.pathname === itemAdmin(id)), returned.click()]);
    expect(await stage(contributor)).toBe('Bị trả lại');
    const lastReturn = contributor.locator('section:has(#lich-su) tbody tr', { hasText: 'Trả lại để bổ sung' });
    expect(await lastReturn.count()).toBe(1);
    expect(await lastReturn.locator('td').last().textContent()).toBe(ITEM.returnComment);

    // It corrects the body in the editor (which loads the stored body) and submits again.
    await Promise.all([contributor.waitForURL((u) => u.pathname === `/quan-tri/noi-dung/sua/${id}`), contributor.click('a.button:has-text("Sửa")')]);
    const area = contributor.locator('.rte-area[contenteditable="true"]');
    await area.waitFor();
    expect(await area.innerHTML()).toBe(ITEM.paragraphs.map((p) => `<p>${p}</p>`).join(''));
    // The cover chosen before is still chosen.
    expect(await contributor.isChecked(`fieldset#f-coverMediaId input[value="${mediaId}"]`)).toBe(true);
    await area.click();
    await contributor.keyboard.press('Control+End');
    await contributor.keyboard.press('Enter');
    await contributor.keyboard.type(ITEM.correction);
    expect(await bodyValue(contributor)).toBe([...ITEM.paragraphs, ITEM.correction].map((p) => `<p>${p}</p>`).join(''));
    await contributor.fill('#f-changeNote', ITEM.changeNote);
    await Promise.all([contributor.waitForURL((u) => u.pathname === itemAdmin(id)), contributor.click('form.content-form button[type=submit]')]);
    expect(await contributor.textContent('.admin-notice')).toBe('Đã lưu phiên bản mới.');
    expect(await contributor.textContent('.content-preview')).toContain(ITEM.correction);
    await act(contributor, 'submit');
    expect(await stage(contributor)).toBe('Chờ biên tập');
    await contributor.goto(h.url('/quan-tri/hang-cho'));
    expect(await contributor.locator(`section.queue:has(#bi-tra-lai) a[href="${itemAdmin(id)}"]`).count()).toBe(0);

    // The editor takes it again; the board head approves it: published now.
    await openItem(editor, id);
    await act(editor, 'take');
    expect(await stage(editor)).toBe('Chờ duyệt');
    await openItem(head, id);
    expect(await head.textContent('section.action-box:has(#act-approve) button[type=submit]')).toBe('Duyệt và đăng ngay');
    await act(head, 'approve', () => head.fill('#f-approve-comment', 'Đồng ý đăng.'));
    expect(await head.textContent('.admin-notice')).toBe('Đã duyệt.');
    expect(await visibility(head)).toBe('Đang đăng');
    expect(await stage(head)).toBe('Không có bản chờ xử lý');
    const history = (await head.locator('section:has(#lich-su) tbody tr td:nth-child(3)').allTextContents()).map((s) => s.trim());
    expect(history).toEqual(['Tạo mới', 'Gửi duyệt', 'Nhận biên tập', 'Trả lại để bổ sung', 'Gửi duyệt', 'Nhận biên tập', 'Duyệt đăng']);
  });

  it('shows the published item on the public portal: item page with source and cover, RSS, sitemap, home page — accessible', { timeout: 90_000 }, async () => {
    expect(slug, 'needs the item approved by the previous tests').toBeDefined();
    const itemPath = `/tin/${slug}`;
    const itemUrl = h.url(itemPath);

    const first = await fetchUntil(itemPath, (status) => status === 200);
    expect(first.status, 'the item page answers once the cache has heard of the approval').toBe(200);

    const page = await h.newPage();
    const res = await page.goto(itemUrl);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('main h1')).toBe(ITEM.title);
    expect(await page.textContent('.item-source')).toBe(`Nguồn: ${ITEM.source}`);
    expect(await page.textContent('.item-meta')).toContain(`Tác giả: ${ITEM.author}`);
    expect(await page.textContent('.item .lead')).toBe(ITEM.summary);
    expect(await page.innerHTML('.item .prose')).toBe([...ITEM.paragraphs, ITEM.correction].map((p) => `<p>${p}</p>`).join(''));
    expect(await page.textContent('.item-fields')).toContain('05/12/2026');
    // The first publication announces no update: review change notes stay internal.
    expect(await page.locator('.item-update').count()).toBe(0);
    // The cover: the uploaded image with its alt text and caption, loaded.
    const cover = page.locator('.item-cover img');
    expect(await cover.getAttribute('alt')).toBe(IMAGE.alt);
    expect(await cover.getAttribute('src')).toMatch(new RegExp(`^/media/${mediaId}/`));
    expect(await page.textContent('.item-cover figcaption')).toBe(IMAGE.caption);
    await expect.poll(() => cover.evaluate((el) => (el as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(itemUrl);
    expect(await page.getAttribute('meta[property="og:image:alt"]', 'content')).toBe(IMAGE.alt);
    await screenshot(page, 'editorial-public-item');
    await expectAccessible(page, 'public item page');

    // The feed and the sitemap list it.
    const rss = await fetchUntil('/rss.xml', (status, text) => status === 200 && text.includes(`<link>${itemUrl}</link>`));
    expect(rss.text).toContain(`<link>${itemUrl}</link>`);
    expect(rss.text).toContain(`<title>${ITEM.title}</title>`);
    expect(rss.text).toContain(`<dc:creator>${ITEM.author}</dc:creator>`);
    expect(rss.text).toContain(`<category>${ITEM.category}</category>`);
    const sitemap = await fetchUntil('/sitemap.xml', (status, text) => status === 200 && text.includes(`<loc>${itemUrl}</loc>`));
    expect(sitemap.text).toContain(`<loc>${itemUrl}</loc>`);

    // The home page shows it (the newest item) in its latest block.
    await fetchUntil('/', (status, text) => status === 200 && text.includes(`href="${itemPath}"`));
    await page.goto(h.url('/'));
    const onHome = page.locator(`.home-block a[href="${itemPath}"]`);
    expect(await onHome.count()).toBeGreaterThanOrEqual(1);
    expect(await onHome.first().textContent()).toContain(ITEM.title);
    await screenshot(page, 'editorial-home');
    await expectAccessible(page, 'home page');
    await page.context().close();
  });

  it('holds an item approved with a later publish time in "Đã lên lịch" (404 in public) until the scheduler publishes it', { timeout: 180_000 }, async () => {
    // Written and submitted by the contributor, publish time about three minutes ahead (minutes: the form has no seconds).
    const contributor = await as(CONTRIBUTOR);
    const publishAtText = vnLocal(new Date(Date.now() + 3 * 60_000));
    await contributor.goto(h.url('/quan-tri/noi-dung/moi?loai=news'));
    await contributor.locator('.rte-toolbar[role="toolbar"]').waitFor();
    await writeNews(contributor, { ...ITEM, title: SCHEDULED.title, summary: SCHEDULED.summary, paragraphs: [SCHEDULED.body], publishAt: publishAtText });
    await Promise.all([
      contributor.waitForURL((u) => /^\/quan-tri\/noi-dung\/\d+$/.test(u.pathname)),
      contributor.click('form.content-form button[type=submit]'),
    ]);
    const id = Number(new URL(contributor.url()).pathname.split('/').pop());
    const row = await h.server.db.db.selectFrom('content_items').select(['slug', 'publish_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.publish_at, 'publish time stored').not.toBeNull();
    const publishAt = row.publish_at!;
    // The form's time is Viet Nam's.
    expect(vnLocal(publishAt)).toBe(publishAtText);
    expect(publishAt.getTime()).toBeGreaterThan(Date.now());
    await act(contributor, 'submit');

    const editor = await as(EDITOR);
    await openItem(editor, id);
    await act(editor, 'take');

    const head = await as(HEAD);
    await openItem(head, id);
    expect(await head.textContent('section.action-box:has(#act-approve) button[type=submit]')).toMatch(/^Duyệt và lên lịch đăng lúc /);
    expect(publishAt.getTime(), 'still ahead when approved (the steps above took too long otherwise)').toBeGreaterThan(Date.now());
    await act(head, 'approve');
    expect(await stage(head)).toBe('Đã lên lịch');
    expect(await visibility(head)).toBe('Chưa đăng');

    await head.goto(h.url('/quan-tri/hang-cho'));
    expect(await head.locator(`section.queue:has(#da-len-lich) a[href="${itemAdmin(id)}"]`).textContent()).toBe(SCHEDULED.title);

    // Not public yet.
    const itemPath = `/tin/${row.slug}`;
    expect((await fetch(h.url(itemPath))).status).toBe(404);
    expect(await (await fetch(h.url('/rss.xml'))).text()).not.toContain(SCHEDULED.title);

    // The scheduler, run as if three minutes later: published.
    const later = new Date(Date.now() + 3 * 60_000);
    expect(publishAt.getTime()).toBeLessThanOrEqual(later.getTime());
    const result = await h.server.modules.content.content.runSchedule(later);
    expect(result.published).toBeGreaterThanOrEqual(1);
    const page = await fetchUntil(itemPath, (status) => status === 200);
    expect(page.status).toBe(200);
    expect(page.text).toContain(SCHEDULED.title);
    const rss = await fetchUntil('/rss.xml', (_, text) => text.includes(`<link>${h.url(itemPath)}</link>`));
    expect(rss.text).toContain(`<link>${h.url(itemPath)}</link>`);

    // Out of the queue; the item page says it is live, published on schedule.
    await head.goto(h.url('/quan-tri/hang-cho'));
    expect(await head.locator(`section.queue:has(#da-len-lich) a[href="${itemAdmin(id)}"]`).count()).toBe(0);
    await openItem(head, id);
    expect(await visibility(head)).toBe('Đang đăng');
    expect(await head.locator('section:has(#lich-su) tbody tr', { hasText: 'Đăng theo lịch' }).count()).toBe(1);
  });

  it('cross-posts the item to Phường Ba Đình, whose copy shows it with a canonical link to the original', { timeout: 90_000 }, async () => {
    expect(itemId, 'needs the item approved by the earlier tests').toBeDefined();
    const ward = await h.server.db.db.selectFrom('sites').select(['id', 'name_vi', 'parent_id']).where('code', '=', 'phuongbadinh').executeTakeFirstOrThrow();
    // The ward's board has agreed to take the portal's items at once (by default they wait in its queue).
    const wardHeadEmail = 'truongban.phuongbadinh@cong.example';
    const wardHead = await h.server.db.db.selectFrom('accounts').select('id').where('email', '=', wardHeadEmail).executeTakeFirstOrThrow();
    await h.server.modules.content.content.setCrossPostConsent(
      { kind: 'person', accountId: wardHead.id, email: wardHeadEmail, ip: '', sessionId: null, grants: [{ role: 'board_head', siteId: ward.id, unit: null }] },
      ward.id,
      ward.parent_id!,
      'at_once',
    );
    const head = await as(HEAD);
    await openItem(head, itemId!);
    const box = head.locator('section.action-box:has(#act-cross-post)');
    expect(await box.locator(`label[for="f-cross-post-${ward.id}"]`).textContent()).toBe('Phường Ba Đình');
    await head.check(`#f-cross-post-${ward.id}`);
    await Promise.all([head.waitForURL((u) => u.searchParams.get('tb') === 'cross_post'), box.locator('button[type=submit]').click()]);
    expect(await head.textContent('.admin-notice')).toBe('Đã đăng chéo sang các trang thành phần đã chọn.');
    // The page now links to the copy on the ward's site.
    const copyLink = head.locator('section.action-box:has(#act-cross-post) a', { hasText: 'Phường Ba Đình' });
    const copyPath = await copyLink.getAttribute('href');
    expect(copyPath).toBe(`/s/phuongbadinh/tin/${slug}`);

    const page = await h.newPage();
    const res = await page.goto(h.url(copyPath!));
    expect(res?.status()).toBe(200);
    expect(await page.textContent('main h1')).toBe(ITEM.title);
    expect(await page.textContent('.item-source')).toBe(`Nguồn: ${ITEM.source}`);
    expect(await page.textContent('.item .prose')).toContain(ITEM.correction);
    // The copy shows the original's cover image (from the portal's library) and shares it.
    expect(await page.getAttribute('.item-cover img', 'alt')).toBe(IMAGE.alt);
    expect(await page.locator('meta[property="og:image"]').count()).toBe(1);
    // The ward's shell, the portal's item as the original.
    expect(await page.title()).toContain('Phường Ba Đình');
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    expect(canonical).toMatch(new RegExp(`^http://localhost:${h.port}(/s/hanoi)?/tin/${slug}$`));
    expect(await page.getAttribute('.cross-post a', 'href')).toBe(canonical);
    expect(await page.textContent('.cross-post')).toMatch(/^Đăng lại từ .+ \(bài gốc\)\.$/);
    // The canonical address is the original on the portal.
    const original = await fetch(canonical!);
    expect(original.status).toBe(200);
    expect(await original.text()).toContain(ITEM.title);
    await screenshot(page, 'editorial-cross-post');
    await expectAccessible(page, 'cross-posted item on the ward site');
    await page.context().close();
  });
});
