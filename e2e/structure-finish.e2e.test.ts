/**
 * The finished structure screens in Chromium (issue #14, points 7 and 8): axe finds no serious or
 * critical violation on a category's page (also with a refused move into its own subcategory),
 * the topics screen (also with a refused name), the menu with an entry chosen from the site's
 * parts, the ward board's screen for receiving cross-posted items, and the public site map.
 * None of them loads a script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Actor } from '../src/modules/access/index.ts';
import { browserAvailable, screenshot, seriousViolations, signInAdmin, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

const OPERATOR = 'kythuat.hanoi@cong.example';
const WARD_HEAD = 'truongban.phuongbadinh@cong.example';

describe.runIf(enabled)('finished structure screens in Chromium', () => {
  let h: BrowserHarness;
  let parentId: number;
  let childId: number;

  beforeAll(async () => {
    h = await startHarness();
    const system: Actor = { kind: 'system', label: 'e2e' };
    const hanoi = (await h.server.modules.sites.listSites()).find((s) => s.code === 'hanoi')!.id;
    const categories = h.server.modules.content.categories;
    parentId = (await categories.create(system, hanoi, { lang: 'vi', name: 'Môi trường', slug: 'moi-truong-e2e' })).id;
    childId = (await categories.create(system, hanoi, { lang: 'vi', name: 'Rác thải', slug: 'rac-thai-e2e', parentId })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  async function expectAccessible(page: Page, what: string): Promise<void> {
    expect(await page.locator('script').count(), what).toBe(0);
    expect(await seriousViolations(page), what).toEqual([]);
  }

  it('shows the operator accessible category, topic and menu screens, refused forms included', { timeout: 90_000 }, async () => {
    const page = await signInAdmin(h, OPERATOR);
    await page.goto(h.url(`/quan-tri/cau-truc/chuyen-muc/${parentId}`));
    await expectAccessible(page, 'category page');
    // Its own subcategory is not offered as a parent; a hand-made post is refused on the field.
    expect(await page.locator(`#f-parentId option[value="${childId}"]`).count()).toBe(0);
    await page.fill('#f-name', '');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit] >> nth=0')]);
    expect(await page.getAttribute('#f-name', 'aria-invalid')).toBe('true');
    await screenshot(page, 'structure-category-refused');
    await expectAccessible(page, 'category page with a refused name');
    await page.fill('#f-name', 'Môi trường và khí hậu');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit] >> nth=0')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã lưu chuyên mục.');

    await page.goto(h.url('/quan-tri/cau-truc/chu-de'));
    await expectAccessible(page, 'topics');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.textContent('#f-nameVi-error')).toBe('Cần nhập tên chủ đề.');
    await expectAccessible(page, 'topics with a refused form');
    await page.fill('#f-nameVi', 'Biến đổi khí hậu');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã thêm chủ đề.');
    await screenshot(page, 'structure-topics');

    await page.goto(h.url('/quan-tri/cau-truc/menu'));
    const rows = Number(await page.getAttribute('input[name="so_muc"]', 'value'));
    await page.fill(`#f-nhan_${rows}`, 'Môi trường');
    await page.selectOption(`#f-dich_${rows}`, `category:${parentId}`);
    await Promise.all([page.waitForNavigation(), page.click('form.rows-form button[type=submit]')]);
    expect(new URL(page.url()).searchParams.get('tb')).toBe('da-luu');
    await expectAccessible(page, 'menu with a chosen category');
    await page.context().close();
  });

  it('shows the ward board head the accessible screen for receiving cross-posted items', { timeout: 60_000 }, async () => {
    const page = await signInAdmin(h, WARD_HEAD);
    await page.click('nav.admin-nav a:has-text("Nhận tin đăng chéo")');
    await page.waitForURL((u) => u.pathname === '/quan-tri/nhan-dang-cheo');
    await expectAccessible(page, 'cross-post consent');
    await page.selectOption('select[name="mode"]', 'at_once');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect(await page.textContent('.admin-notice')).toBe('Đã lưu cách nhận tin đăng chéo.');
    await screenshot(page, 'crosspost-consent');
    await page.context().close();
  });

  it('shows an accessible site map with every public section', { timeout: 60_000 }, async () => {
    const page = await h.newPage();
    await page.goto(h.url('/so-do-cong'));
    expect(await page.locator('.sitemap a[href="/chuyen-muc/moi-truong-e2e"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.sitemap a[href="/hoi-dap"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page), 'site map').toEqual([]);
    await page.context().close();
  });
});
