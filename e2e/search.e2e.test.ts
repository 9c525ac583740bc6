/** Search as a citizen uses it in Chromium: from the header box, with and without JavaScript, checked by axe. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, seriousViolations, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

describe.runIf(enabled)('search in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('searches from the header box of any page, without diacritics, with no serious axe violation', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/'));
    await page.fill('#o-tim-kiem', 'thu tuc hanh chinh');
    await page.press('#o-tim-kiem', 'Enter');
    await page.waitForURL(/\/tim-kiem\?q=thu\+tuc\+hanh\+chinh/);
    expect(await page.textContent('[role="status"]')).toMatch(/kết quả cho «thu tuc hanh chinh»/);
    expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'search-results-vi');
    await page.context().close();
  });

  it('offers title suggestions while typing (JavaScript on)', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/tim-kiem'));
    await page.fill('#tu-khoa', 'ke hoach cai');
    await page.locator('#goi-y-tieu-de option').first().waitFor({ state: 'attached' });
    const options = await page.locator('#goi-y-tieu-de option').evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
    expect(options).toContain('Kế hoạch cải cách hành chính năm 2027');
    await page.context().close();
  });

  it('works without JavaScript: filters, a typo suggestion, pages, English', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(h.url('/tim-kiem?q=ke+hoach+cai+cach+hanh+chnh'));
    expect(await page.textContent('.search-suggestion')).toContain('Có phải bạn muốn tìm');
    await page.click('.search-suggestion a');
    await page.waitForURL(/q=k%E1%BA%BF/);
    expect(await page.locator('.search-results li').count()).toBeGreaterThan(0);

    await page.goto(h.url('/tim-kiem?q=th%C3%B4ng+b%C3%A1o'));
    await page.click('.search-filters summary');
    await page.selectOption('#bo-loc-loai', 'content:announcement');
    await page.click('.search-filters button[type="submit"]');
    await page.waitForURL(/loai=content%3Aannouncement/);
    const metas = await page.$$eval('.search-results .meta', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.startsWith('Thông báo'))).toBe(true);
    await screenshot(page, 'search-filtered-nojs');
    await context.close();

    const en = await h.newPage();
    await en.goto(h.url('/english/search?q=hotline'));
    expect(await en.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousViolations(en)).toEqual([]);
    await en.context().close();
  });
});
