/**
 * The site structure screens and the content screens' additions in Chromium: axe finds no
 * serious or critical violation on the structure overview, categories, menu and home-page
 * screens (also when a form is refused), on the item form with the cover, attachment,
 * topic and translation choices, on an item page with cross-posting, on an item page with
 * a proposal to the portal, and on the dashboard's review card. The structure screens
 * load no script: their forms are plain HTML forms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { Actor } from '../src/modules/access/index.ts';
import { pdfFile } from '../test/multipart.ts';
import { browserAvailable, screenshot, seriousViolations, signInAdmin, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

const OPERATOR = 'kythuat.hanoi@cong.example';
const HEAD = 'truongban.hanoi@cong.example';
const WARD_HEAD = 'truongban.phuongbadinh@cong.example';

describe.runIf(enabled)('site structure and content additions in Chromium', () => {
  let h: BrowserHarness;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-e2e-structure-'));
    h = await startHarness({ env: { DATA_DIR: dataDir } });
    const system: Actor = { kind: 'system', label: 'e2e' };
    const hanoi = (await h.server.modules.sites.listSites()).find((s) => s.code === 'hanoi')!.id;
    const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#1d5fa8' } })
      .png()
      .toBuffer();
    await h.server.modules.media.uploadMedia(system, hanoi, { data, originalName: 'hoi-nghi.png', alt: 'Toàn cảnh hội nghị' });
    await h.server.modules.media.uploadMedia(system, hanoi, { data: pdfFile('Ke hoach'), originalName: 'ke-hoach.pdf' });
    await h.server.modules.content.categories.createTopic(system, hanoi, 'Chuyển đổi số', 'Digital transformation');
  });
  afterAll(async () => {
    await h?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = (email: string, options: BrowserContextOptions = {}): Promise<Page> => signInAdmin(h, email, options);

  async function expectAccessible(page: Page, what: string): Promise<void> {
    expect(await seriousViolations(page), what).toEqual([]);
  }

  it('shows the operator accessible structure screens, refused forms included; they load no script', { timeout: 90_000 }, async () => {
    const page = await signIn(OPERATOR);
    await page.click('nav.admin-nav a:has-text("Cấu trúc trang")');
    await page.waitForURL((u) => u.pathname === '/quan-tri/cau-truc');
    expect(await page.textContent('h1')).toBe('Cấu trúc trang');
    await expectAccessible(page, 'structure overview');

    await page.click('main a:has-text("Chuyên mục")');
    await page.waitForURL((u) => u.pathname === '/quan-tri/cau-truc/chuyen-muc');
    await screenshot(page, 'structure-categories');
    await expectAccessible(page, 'categories');
    await page.fill('#f-name', 'Chuyển đổi số');
    await page.fill('#f-position', '-5');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.getAttribute('#f-position', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'categories with a refused form');
    await page.fill('#f-position', '3');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã thêm chuyên mục.');

    await page.goto(h.url('/quan-tri/cau-truc/menu'));
    // Plain forms: nothing on the page needs JavaScript.
    expect(await page.locator('script').count()).toBe(0);
    await screenshot(page, 'structure-menu');
    await expectAccessible(page, 'menu');
    const rows = Number(await page.getAttribute('input[name="so_muc"]', 'value'));
    await page.fill(`#f-nhan_${rows}`, 'Hỏi đáp');
    await page.fill(`#f-lien_ket_${rows}`, 'hoi-dap');
    await Promise.all([page.waitForNavigation(), page.click('form.rows-form button[type=submit]')]);
    expect(await page.getAttribute(`#f-lien_ket_${rows}`, 'aria-invalid')).toBe('true');
    expect(await page.inputValue(`#f-nhan_${rows}`)).toBe('Hỏi đáp');
    await expectAccessible(page, 'menu with a refused link');
    await page.fill(`#f-lien_ket_${rows}`, '/hoi-dap');
    await page.selectOption(`#f-cha_${rows}`, '2');
    await Promise.all([page.waitForNavigation(), page.click('form.rows-form button[type=submit]')]);
    expect(new URL(page.url()).searchParams.get('tb')).toBe('da-luu');
    // Saved under "Giới thiệu": shown indented among its children.
    expect(await page.locator('fieldset.row-fields.depth-1 legend', { hasText: 'Hỏi đáp' }).count()).toBe(1);

    await page.goto(h.url('/quan-tri/cau-truc/trang-chu'));
    await screenshot(page, 'structure-home');
    await expectAccessible(page, 'home-page blocks');
    await page.fill('#f-so_tin_1', '99');
    await Promise.all([page.waitForNavigation(), page.click('form.rows-form button[type=submit]')]);
    expect(await page.textContent('#f-so_tin_1-error')).toBe('Số tin mỗi khối từ 1 đến 20.');
    await expectAccessible(page, 'home-page blocks with a refused size');

    await page.goto(h.url('/english/admin/structure/menus?ngon_ngu=en'));
    expect(await page.textContent('h1')).toBe('Menu (English)');
    await expectAccessible(page, 'menu in English');
    await page.context().close();
  });

  it('shows the board head accessible item form choices, cross-posting and the review card', { timeout: 90_000 }, async () => {
    const page = await signIn(HEAD, { viewport: { width: 800, height: 1100 } });
    expect(await page.textContent('#db-reviews')).toMatch(/^Thông tin đến hạn rà soát \(\d+\)$/);
    await expectAccessible(page, 'dashboard with the review card');

    await page.goto(h.url('/quan-tri/noi-dung/moi?loai=news'));
    expect(await page.locator('fieldset#f-coverMediaId img').count()).toBe(1);
    expect(await page.locator('fieldset#f-attachments input[type=checkbox]').count()).toBe(1);
    expect(await page.locator('fieldset#f-topicIds input[type=checkbox]').count()).toBeGreaterThan(0);
    expect(await page.locator('#f-translationOf').count()).toBe(1);
    await screenshot(page, 'content-form-choices');
    await expectAccessible(page, 'item form with cover, attachments, topics, translation');

    const live = await h.server.db.db
      .selectFrom('content_items')
      .innerJoin('sites', 'sites.id', 'content_items.site_id')
      .select('content_items.id')
      .where('sites.code', '=', 'hanoi')
      .where('content_items.type', '=', 'news')
      .where('content_items.visibility', '=', 'live')
      .orderBy('content_items.id')
      .executeTakeFirstOrThrow();
    await page.goto(h.url(`/quan-tri/noi-dung/${live.id}`));
    expect(await page.locator('.action-box h3', { hasText: 'Đăng chéo sang trang thành phần' }).count()).toBe(1);
    await Promise.all([page.waitForNavigation(), page.click('.action-box:has(#act-cross-post) button[type=submit]')]);
    expect(await page.textContent('#f-cross-post-sites-error')).toBe('Cần chọn ít nhất một trang thành phần.');
    await screenshot(page, 'content-item-cross-post');
    await expectAccessible(page, 'item page with a refused cross-post');
    await page.check('#f-cross-post-sites input[type=checkbox] >> nth=0');
    await Promise.all([page.waitForNavigation(), page.click('.action-box:has(#act-cross-post) button[type=submit]')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã đăng chéo sang các trang thành phần đã chọn.');
    await expectAccessible(page, 'item page after cross-posting');
    await page.context().close();
  });

  it('shows the ward board head an accessible proposal to the portal', { timeout: 60_000 }, async () => {
    const page = await signIn(WARD_HEAD);
    const item = await h.server.db.db
      .selectFrom('content_items')
      .innerJoin('sites', 'sites.id', 'content_items.site_id')
      .select('content_items.id')
      .where('sites.code', '=', 'phuongbadinh')
      .where('content_items.visibility', '=', 'live')
      .where('content_items.origin_item_id', 'is', null)
      .orderBy('content_items.id')
      .executeTakeFirstOrThrow();
    await page.goto(h.url(`/quan-tri/noi-dung/${item.id}`));
    await expectAccessible(page, 'item page with the proposal');
    await Promise.all([page.waitForNavigation(), page.click('.action-box:has(#act-propose) button[type=submit]')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã gửi đề xuất lên Cổng; Ban Biên tập của Cổng sẽ xem xét.');
    await expectAccessible(page, 'item page after proposing');
    await page.context().close();
  });
});
