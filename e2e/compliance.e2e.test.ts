/** The platform admin opens the compliance dashboard in Chromium from the navigation; axe finds nothing serious, in both languages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, seriousViolations, signInAdmin, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

describe.runIf(enabled)('compliance dashboard in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the deadlines and the month calendar of the portal, with its component sites', async () => {
    const page = await signInAdmin(h, 'quantri@cong.example');
    await Promise.all([page.waitForURL(/\/quan-tri\/tuan-thu$/), page.click('nav.admin-nav a[href="/quan-tri/tuan-thu"]')]);
    expect(await page.textContent('h1')).toBe('Tuân thủ thời hạn và tần suất cập nhật');
    expect(await page.locator('table caption').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Kết quả theo quy tắc, kỳ /), expect.stringMatching(/^Tần suất cập nhật tháng /)]),
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.check('#f-gom');
    await Promise.all([page.waitForURL(/gom=1/), page.click('form.filters button[type=submit]')]);
    expect(await page.textContent('main')).toContain('Kết quả theo trang');
    await page.selectOption('#f-lich', 'phuongbadinh');
    await Promise.all([page.waitForURL(/lich=phuongbadinh/), page.click('form.filters button[type=submit]')]);
    expect(await page.textContent('#lich-thang + p + .table-wrap caption')).toContain('Phường Ba Đình');
    await screenshot(page, 'compliance-portal');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(h.url('/english/admin/compliance'));
    expect(await page.textContent('h1')).toBe('Deadlines and update frequency');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
