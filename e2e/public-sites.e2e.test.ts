/** What a person sees: the portal and a component site in Chromium, in both languages, checked by axe. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, seriousViolations, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

describe.runIf(enabled)('public sites in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renders the portal home in Vietnamese, diacritics intact, with no serious axe violation', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/'));
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('h1')).toBe('Chào mừng bạn đến với Cổng Thông tin điện tử Thành phố Hà Nội');
    expect(await page.textContent('.owner-name')).toBe('Ủy ban nhân dân Thành phố Hà Nội');
    await screenshot(page, 'portal-home-vi');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('renders a component site by its host name and switches to English and back', async () => {
    const page = await h.newPage();
    await page.goto(h.url('/', 'sonoivu.localhost'));
    expect(await page.textContent('.site-name')).toBe('Sở Nội vụ Thành phố Hà Nội');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department-home-vi');

    await page.click('.lang-switch a');
    await page.waitForURL(/\/english\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('.site-name')).toBe('Hanoi Department of Home Affairs');
    expect(await page.textContent('.skip-link')).toBe('Skip to main content');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'department-home-en');

    await page.click('.lang-switch a');
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.context().close();
  });

  it('serves the ward by path prefix, its site map and an introduction page, all accessible', async () => {
    const page = await h.newPage();
    for (const path of [
      '/s/phuongbadinh/',
      '/s/phuongbadinh/so-do-cong',
      '/s/phuongbadinh/trang/gioi-thieu',
      '/s/phuongbadinh/lien-he',
      '/s/phuongbadinh/khong-co',
    ]) {
      await page.goto(h.url(path));
      expect(await page.textContent('.site-name'), path).toContain('Ba Đình');
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await screenshot(page, 'ward-not-found');
    await page.context().close();
  });

  it('changes text size and contrast without JavaScript', async () => {
    const context = await h.browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(h.url('/s/sonoivu/'));
    await page.click('.display-controls a[title="Tăng cỡ chữ"]');
    expect(await page.getAttribute('html', 'class')).toBe('text-lg');
    await page.click('.display-controls a[title="Tương phản cao"]');
    expect(await page.getAttribute('html', 'class')).toBe('text-lg contrast-high');
    expect(new URL(page.url()).pathname).toBe('/s/sonoivu/');
    await screenshot(page, 'department-large-contrast');
    await context.close();

    // axe needs script, so check the same display mode in a page with JavaScript on.
    const checked = await h.browser.newContext({ bypassCSP: true });
    await checked.addCookies([{ name: 'cong_hien_thi', value: 'rat-lon.cao', url: h.url('/') }]);
    const withJs = await checked.newPage();
    await withJs.goto(h.url('/s/sonoivu/'));
    expect(await withJs.getAttribute('html', 'class')).toBe('text-xl contrast-high');
    expect(await seriousViolations(withJs)).toEqual([]);
    await checked.close();
  });

  it('keeps the layout usable on a phone', async () => {
    const context = await h.browser.newContext({ viewport: { width: 375, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(h.url('/'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'portal-home-phone');
    await context.close();
  });
});
