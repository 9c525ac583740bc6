/** The platform admin edits the working-day calendar in Chromium: a bad line is refused and kept, a new holiday is saved; axe finds nothing serious. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, seriousViolations, signInAdmin, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();

describe.runIf(enabled)('calendar administration in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds 24 November 2026 as a holiday, refusing a malformed line first', async () => {
    const page = await signInAdmin(h, 'quantri@cong.example');
    await page.goto(h.url('/quan-tri/lich-nghi'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('a[href="/quan-tri/lich-nghi/2026"]');
    await page.waitForURL(/\/quan-tri\/lich-nghi\/2026$/);
    expect(await page.textContent('main')).toContain('Theo thông báo của Chính phủ');
    const original = await page.inputValue('#f-off');

    await page.fill('#f-off', `${original}\n24-11-2026 Ngày Văn hóa Việt Nam`);
    await page.fill('#f-source', 'Thử nghiệm');
    await Promise.all([page.waitForLoadState(), page.click('button[value="save"]')]);
    expect(await page.textContent('main')).toContain('không bắt đầu bằng một ngày');
    expect(await page.inputValue('#f-off')).toContain('24-11-2026 Ngày Văn hóa Việt Nam');
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('#f-off', `${original}\n2026-11-24 Ngày Văn hóa Việt Nam | Nghị quyết (giả định)`);
    await Promise.all([page.waitForURL(/tb=da-luu/), page.click('button[value="save"]')]);
    expect(await page.textContent('main')).toContain('Đã được quản trị nền tảng chỉnh sửa');
    expect(await page.textContent('table')).toContain('Ngày Văn hóa Việt Nam');
    await screenshot(page, 'calendar-2026-edited');
    expect(await seriousViolations(page)).toEqual([]);

    // The portal's own deadline rules: a nonsense amount is refused and kept, a real rule added.
    await page.goto(h.url('/quan-tri/quy-tac-thoi-han'));
    await page.fill('#f-code', 'DL-12');
    await page.fill('#f-label', 'Hướng dẫn theo quy chế cũ');
    await page.fill('#f-amount', '9999');
    await page.fill('#f-effectiveFrom', '2027-01-01');
    await Promise.all([page.waitForLoadState(), page.click('form.form button[type=submit]')]);
    expect(await page.inputValue('#f-amount')).toBe('9999');
    expect(await page.textContent('main')).toContain('không hợp lý');
    await page.fill('#f-amount', '15');
    await Promise.all([page.waitForURL(/tb=da-them/), page.click('form.form button[type=submit]')]);
    expect(await page.textContent('main')).toContain('Hướng dẫn theo quy chế cũ');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
