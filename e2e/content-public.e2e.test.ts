/** The public content pages in Chromium: item, print view, category, work calendar, home — no serious axe violation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, seriousViolations, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

describe.runIf(enabled)('public content in Chromium', () => {
  let h: BrowserHarness;
  let slug: string;

  beforeAll(async () => {
    h = await startHarness();
    // A live demo item of the portal, with a category, fields and a source.
    const row = await h.server.db.db
      .selectFrom('content_items')
      .innerJoin('sites', 'sites.id', 'content_items.site_id')
      .select('content_items.slug')
      .where('sites.code', '=', 'hanoi')
      .where('content_items.type', '=', 'news')
      .where('content_items.lang', '=', 'vi')
      .where('content_items.visibility', '=', 'live')
      .orderBy('content_items.id')
      .executeTakeFirstOrThrow();
    slug = row.slug;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows an item with its metadata, share, print and PDF links, accessibly', async () => {
    const page = await h.newPage();
    await page.goto(h.url(`/tin/${slug}`));
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('main h1')).toBeTruthy();
    expect(await page.textContent('.item-source')).toMatch(/^Nguồn: /);
    expect(await page.getAttribute('.share a[type="application/pdf"]', 'href')).toBe(`/tin/${slug}/pdf`);
    await screenshot(page, 'content-item');
    expect(await seriousViolations(page)).toEqual([]);

    // The PDF link downloads a PDF.
    const pdf = await page.request.get(h.url(`/tin/${slug}/pdf`));
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.context().close();
  });

  it('has an accessible print view', async () => {
    const page = await h.newPage();
    await page.goto(h.url(`/tin/${slug}/in`));
    expect(await page.locator('.mainnav').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').isVisible()).toBe(false);
    await screenshot(page, 'content-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lists a category accessibly', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/chuyen-muc/tin-tuc-su-kien'));
    expect(await page.textContent('main h1')).toBe('Tin tức - Sự kiện');
    expect(await page.locator('.item-list > li').count()).toBeGreaterThan(0);
    await screenshot(page, 'content-category');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the work calendar of a week, and a week without one, accessibly', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/lich-lam-viec?tuan=2026-11-23'));
    expect(await page.textContent('main h1')).toBe('Lịch làm việc của lãnh đạo');
    expect(await page.textContent('.calendar-item h2')).toContain('Lịch làm việc của lãnh đạo UBND Thành phố tuần từ 23/11');
    expect(await page.locator('.calendar-item table').count()).toBe(1);
    await screenshot(page, 'content-calendar');
    expect(await seriousViolations(page)).toEqual([]);

    await page.click('.week-nav a[rel="next"]');
    await page.waitForURL(/tuan=2026-11-30$/);
    expect(await page.textContent('.calendar-empty')).toBe('Chưa có lịch làm việc được công bố cho tuần này.');
    await screenshot(page, 'content-calendar-empty');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(h.url('/english/work-calendar'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the home page blocks accessibly, each with "Xem thêm"', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/'));
    const blocks = page.locator('.home-block');
    expect(await blocks.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await blocks.count()); i++) expect(await blocks.nth(i).locator('a', { hasText: 'Xem thêm' }).count()).toBe(1);
    await screenshot(page, 'content-home');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
