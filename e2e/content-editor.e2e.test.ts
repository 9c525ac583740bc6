/**
 * The content editor in Chromium: the rich-text island loads over the plain textarea
 * (toolbar, bold, lists, Word paste cleaned, images from the library), keeps the textarea
 * in sync and submits it; without JavaScript the plain textarea works alone; axe finds no
 * serious or critical violation on the list, form, item, revisions and queues pages.
 *
 * The tests share one server and run in order: later ones use the item the first creates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { browserAvailable, screenshot, seriousViolations, signInAdmin, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

const CONTRIBUTOR = 'congtacvien.hanoi@cong.example';
const HEAD = 'truongban.hanoi@cong.example';

/** What Word puts on the clipboard (abridged): classes, mso- styles, o:p, spans, fonts, conditional comments. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><p class=MsoNormal style='mso-margin-top-alt:auto'><span lang=VI style='font-size:13.0pt;mso-bidi-font-family:Arial'>Văn bản <b>từ Word</b><o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><font face="Arial" color="red">Mục thứ nhất</font><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>`;

describe.runIf(enabled)('content editor in Chromium', () => {
  let h: BrowserHarness;
  let itemId: number | undefined;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const signIn = (email: string, options: BrowserContextOptions = {}): Promise<Page> => signInAdmin(h, email, options);

  async function expectAccessible(page: Page, what: string): Promise<void> {
    expect(await seriousViolations(page), what).toEqual([]);
  }

  const bodyValue = (page: Page) => page.$eval('#f-bodyHtml', (el) => (el as { value: string }).value);

  async function fillCommonFields(page: Page, title: string): Promise<void> {
    await page.fill('#f-title', title);
    await page.fill('#f-summary', 'Tóm tắt cho kiểm thử trình soạn thảo.');
    await page.fill('#f-event_date', '2026-12-05');
    await page.fill('#f-source', 'Văn phòng UBND Thành phố');
    await page.fill('#f-authorName', 'Nguyễn Thị Soạn');
    await page.fill('#f-publishAt', '2026-12-05T08:30');
  }

  it('loads the editor island, formats text, cleans a Word paste, inserts a library image, and submits the synced textarea', { timeout: 90_000 }, async () => {
    const page = await signIn(CONTRIBUTOR);
    // A small library answer, so the image picker can be exercised without files on disk.
    await page.route(/\/quan-tri\/noi-dung\/anh(\?.*)?$/, (route) =>
      route.fulfill({
        json: {
          page: 1,
          pages: 1,
          items: [{ id: 7, alt: 'Quốc huy', name: 'quoc-huy.svg', thumb: '/static/emblem.svg', src: '/static/emblem.svg', width: 100, height: 100 }],
        },
      }),
    );

    await page.goto(h.url('/quan-tri/noi-dung'));
    expect(await page.textContent('h1')).toBe('Nội dung');
    await screenshot(page, 'content-list');
    await expectAccessible(page, 'content list');

    await page.click('a.button:has-text("Tạo tin, bài mới")');
    await page.waitForURL((u) => u.pathname === '/quan-tri/noi-dung/moi');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('loai') === 'news'), page.click('a:has-text("Tin tức, sự kiện")')]);

    // The island replaced the textarea: toolbar, editable area labelled by the field's label.
    const toolbar = page.locator('.rte-toolbar[role="toolbar"]');
    await toolbar.waitFor();
    expect(await toolbar.locator('button').count()).toBeGreaterThanOrEqual(12);
    expect(await page.isHidden('#f-bodyHtml')).toBe(true);
    const area = page.locator('.rte-area[contenteditable="true"]');
    expect(await area.getAttribute('role')).toBe('textbox');
    expect(await area.getAttribute('aria-labelledby')).toBe('f-bodyHtml-label');
    expect(await page.getAttribute('#f-bodyHtml', 'data-rich-editor-active')).toBe('true');
    await screenshot(page, 'content-form-editor');
    await expectAccessible(page, 'new item form with the editor');

    await fillCommonFields(page, 'Thử trình soạn thảo: đậm, danh sách, dán từ Word');

    // Bold: type, select the line, press the button.
    await area.click();
    await page.keyboard.type('Câu in đậm');
    await page.keyboard.press('Shift+Home');
    await page.click('.rte-toolbar button[data-command="bold"]');
    expect(await page.getAttribute('.rte-toolbar button[data-command="bold"]', 'aria-pressed')).toBe('true');
    expect(await bodyValue(page)).toContain('<strong>Câu in đậm</strong>');

    // A bulleted list on a new line.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.click('.rte-toolbar button[data-command="bold"]');
    await page.click('.rte-toolbar button[data-command="ul"]');
    await page.keyboard.type('Mục một');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mục hai');
    expect(await bodyValue(page)).toMatch(/<ul><li>Mục một<\/li><li>Mục hai<\/li><\/ul>/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    // Paste from Word: structure kept, Office markup gone.
    await area.evaluate((el, html) => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { setData(type: string, value: string): void };
        ClipboardEvent: new (type: string, init: object) => unknown;
      };
      const dt = new g.DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', 'Văn bản từ Word');
      (el as { dispatchEvent(e: unknown): boolean }).dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    const pasted = await bodyValue(page);
    expect(pasted).toContain('Văn bản <strong>từ Word</strong>');
    expect(pasted).toContain('Mục thứ nhất');
    for (const junk of ['mso-', 'o:p', 'class=', 'style=', '<span', '<font', '<!--', 'lang=', 'MsoNormal', '1.&nbsp;'])
      expect(pasted, junk).not.toContain(junk);

    // An image from the library, through the picker dialog.
    await page.click('.rte-toolbar button[data-command="image"]');
    const dialog = page.locator('.rte-images[role="dialog"]');
    await dialog.waitFor();
    expect(await page.getAttribute('.rte-toolbar button[data-command="image"]', 'aria-expanded')).toBe('true');
    await expectAccessible(page, 'image picker');
    await dialog.locator('button:has-text("Quốc huy")').click();
    expect(await dialog.count()).toBe(0);
    expect(await bodyValue(page)).toContain('<p><img src="/static/emblem.svg" alt="Quốc huy" width="100" height="100"></p>');

    // Undo removes the image again; redo is available as a button too.
    await page.click('.rte-toolbar button[data-command="undo"]');
    expect(await bodyValue(page)).not.toContain('<img');

    // The HTML source view shows the same field.
    await page.click('.rte-toolbar button[data-command="source"]');
    expect(await page.isVisible('#f-bodyHtml')).toBe(true);
    expect(await page.inputValue('#f-bodyHtml')).toContain('<strong>Câu in đậm</strong>');
    await page.click('.rte-toolbar button[data-command="source"]');
    expect(await page.isHidden('#f-bodyHtml')).toBe(true);

    await Promise.all([page.waitForURL((u) => /^\/quan-tri\/noi-dung\/\d+$/.test(u.pathname)), page.click('form.content-form button[type=submit]')]);
    itemId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.textContent('.admin-notice')).toBe('Đã tạo bản nháp.');
    const preview = await page.innerHTML('.content-preview');
    expect(preview).toContain('<strong>Câu in đậm</strong>');
    expect(preview).toMatch(/<ul><li>Mục một<\/li><li>Mục hai<\/li><\/ul>/);
    expect(preview).toContain('Văn bản <strong>từ Word</strong>');
    const stored = await h.server.db.db
      .selectFrom('content_items')
      .innerJoin('content_revisions', 'content_revisions.id', 'content_items.working_revision_id')
      .select(['content_revisions.body_html', 'content_items.publish_at'])
      .where('content_items.id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(stored.body_html).not.toMatch(/mso-|class=|<span/);
    // 08:30 in Ha Noi is 01:30 UTC.
    expect(stored.publish_at?.toISOString()).toBe('2026-12-05T01:30:00.000Z');
    await screenshot(page, 'content-item');
    await expectAccessible(page, 'item page (contributor)');

    // Edit once (the form loads the stored body into the editor), then the revisions page compares them.
    await page.click('a.button:has-text("Sửa")');
    await page.locator('.rte-toolbar').waitFor();
    expect(await page.innerHTML('.rte-area')).toContain('<strong>Câu in đậm</strong>');
    await page.fill('#f-title', 'Thử trình soạn thảo: bản sửa lần hai');
    await page.fill('#f-changeNote', 'Đổi tiêu đề');
    await Promise.all([page.waitForURL((u) => u.pathname === `/quan-tri/noi-dung/${itemId}`), page.click('form.content-form button[type=submit]')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã lưu phiên bản mới.');
    await page.click('a.button:has-text("Các phiên bản")');
    await page.waitForURL((u) => u.pathname === `/quan-tri/noi-dung/phien-ban/${itemId}`);
    expect(await page.locator('.diff ins', { hasText: 'hai' }).count()).toBe(1);
    expect(await page.locator('.diff del', { hasText: 'Word' }).count()).toBe(1);
    await screenshot(page, 'content-revisions');
    await expectAccessible(page, 'revisions page with a comparison');

    // Submitted, it shows in the queues.
    await page.goto(h.url(`/quan-tri/noi-dung/${itemId}`));
    await Promise.all([page.waitForURL((u) => u.searchParams.get('tb') === 'submit'), page.click('button:has-text("Gửi duyệt")')]);
    await page.goto(h.url('/quan-tri/hang-cho'));
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Chờ biên tập'),
        expect.stringContaining('Chờ duyệt'),
        expect.stringContaining('Bị trả lại'),
        expect.stringContaining('Đã lên lịch'),
      ]),
    );
    // A contributor takes nothing into review: the section says so.
    expect(await page.textContent('section:has(#cho-bien-tap)')).toContain('Chỉ Ban Biên tập nhận biên tập.');
    await screenshot(page, 'content-queues');
    await expectAccessible(page, 'queues page');
    await page.context().close();
  });

  it('works without JavaScript: the plain textarea is the body', { timeout: 60_000 }, async () => {
    const page = await signIn(CONTRIBUTOR, { javaScriptEnabled: false });
    await page.goto(h.url('/quan-tri/noi-dung/moi?loai=news'));
    expect(await page.locator('.rte-toolbar').count()).toBe(0);
    expect(await page.isVisible('#f-bodyHtml')).toBe(true);
    await fillCommonFields(page, 'Tin soạn không cần JavaScript');
    await page.fill('#f-bodyHtml', '<h2>Mục lớn</h2><p>Nội dung <em>viết tay</em> bằng HTML.</p><script>alert(1)</script>');
    await Promise.all([page.waitForURL((u) => /^\/quan-tri\/noi-dung\/\d+$/.test(u.pathname)), page.click('form.content-form button[type=submit]')]);
    const preview = await page.innerHTML('.content-preview');
    expect(preview).toContain('<h2>Mục lớn</h2><p>Nội dung <em>viết tay</em> bằng HTML.</p>');
    expect(preview).not.toContain('<script');
    // The workflow forms work without scripts too.
    await Promise.all([page.waitForURL((u) => u.searchParams.get('tb') === 'submit'), page.click('button:has-text("Gửi duyệt")')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã gửi duyệt.');
    await page.context().close();
  });

  it('shows the board head the item with its action forms, accessible, on a tablet', { timeout: 90_000 }, async () => {
    expect(itemId, 'needs the item created by the first test').toBeDefined();
    const page = await signIn(HEAD, { viewport: { width: 800, height: 1100 }, hasTouch: true });
    await page.goto(h.url(`/quan-tri/noi-dung/${itemId}`));
    expect(await page.textContent('h1')).toBe('Thử trình soạn thảo: bản sửa lần hai');
    for (const heading of ['Trả lại để bổ sung', 'Từ chối đăng', 'Đăng khẩn cấp'])
      expect(await page.locator('.action-box h3', { hasText: heading }).count(), heading).toBe(1);
    // No horizontal scrolling on a tablet.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'content-item-head-tablet');
    await expectAccessible(page, 'item page (board head)');

    // A return without a comment is refused with a message tied to the field.
    await Promise.all([page.waitForNavigation(), page.click('.action-box:has(h3:has-text("Trả lại để bổ sung")) button[type=submit]')]);
    expect(await page.getAttribute('#f-return-comment', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#f-return-comment-error')).toBe('Cần ghi ý kiến khi trả lại để người cung cấp bổ sung, làm rõ.');
    await expectAccessible(page, 'item page with a refused action');

    await page.goto(h.url('/quan-tri/hang-cho'));
    expect(await page.locator('section:has(#cho-bien-tap) a', { hasText: 'bản sửa lần hai' }).count()).toBe(1);
    await expectAccessible(page, 'queues page (board head)');

    await page.goto(h.url('/quan-tri'));
    expect(await page.textContent('#db-queues')).toBe('Hàng chờ tin, bài');
    expect(await page.textContent('#db-notifications')).toMatch(/^Thông báo chưa đọc \(\d+\)$/);
    await expectAccessible(page, 'dashboard with content cards');
    await page.context().close();
  });
});
