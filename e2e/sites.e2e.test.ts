/**
 * Running a city's sites in Chromium (issue #14): the platform administrator creates a ward under
 * the portal with a host name (a refused code first); the ward answers at once on its sub-domain
 * and under /s/, with its menu and footer contacts; its operator edits its contacts and sees the
 * checklist of what is still empty; a CSV file with a bad line is refused line by line; the ward
 * is closed and answers 410 with a link to the portal. axe finds nothing serious or critical on
 * any of these screens, which also fit a 390-pixel phone (screenshots at that width).
 *
 * The tests share one server and run in order: later ones use the ward the first one created.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories, TEST_PASSWORD } from '../test/factories.ts';
import { browserAvailable, freshTotp, screenshot, seriousViolations, signInAdmin, startHarness, type BrowserHarness } from './browser.ts';

const enabled = browserAvailable();
const ADMIN = 'quantri@cong.example';
const PHONE = { width: 390, height: 844 };

describe.runIf(enabled)('sites administration in Chromium', () => {
  let h: BrowserHarness;
  let admin: Page;

  beforeAll(async () => {
    h = await startHarness();
    admin = await signInAdmin(h, ADMIN, { viewport: PHONE });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** No serious or critical axe violation, and nothing wider than the phone's screen. */
  async function check(page: Page, what: string): Promise<void> {
    expect(await seriousViolations(page), what).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${what}: horizontal overflow`).toBeLessThanOrEqual(0);
  }

  it('creates a ward with a host name, refusing a reserved code first; the ward answers at once', async () => {
    await admin.goto(h.url('/quan-tri/trang'));
    expect(await admin.textContent('h1')).toBe('Các trang thông tin');
    expect(await admin.textContent('table.sites-tree')).toContain('Phường Ba Đình');
    await screenshot(admin, 'sites-list-390');
    await check(admin, 'sites list');

    await Promise.all([admin.waitForURL(/\/quan-tri\/trang\/moi$/), admin.click('a.button[href="/quan-tri/trang/moi"]')]);
    await check(admin, 'new site form');
    await admin.fill('#f-code', 'api');
    await admin.check('input[name="kind"][value="ward"]');
    await admin.selectOption('#f-parentCode', 'hanoi');
    await admin.fill('#f-nameVi', 'Phường Hoàn Kiếm');
    await admin.fill('#f-nameEn', 'Hoan Kiem Ward');
    await admin.fill('#f-ownerNameVi', 'Ủy ban nhân dân phường Hoàn Kiếm');
    await admin.fill('#f-responsiblePerson', 'Chánh Văn phòng HĐND và UBND phường (minh họa)');
    await admin.fill('#f-address', 'Số 126 Hàng Trống, phường Hoàn Kiếm, Hà Nội');
    await admin.fill('#f-phone', '024 3825 1234');
    await admin.fill('#f-email', 'ubnd.hoankiem.minhhoa@hanoi.gov.vn');
    await admin.fill('#f-hosts', 'hoankiem.hanoi.gov.vn');
    await admin.check('input[name="themeColor"][value="#0e6655"]');
    await Promise.all([admin.waitForLoadState(), admin.click('form.form button[type=submit]')]);
    expect(await admin.textContent('#loi')).toContain('được dành cho nền tảng');
    expect(await admin.inputValue('#f-address')).toBe('Số 126 Hàng Trống, phường Hoàn Kiếm, Hà Nội');
    await screenshot(admin, 'site-new-refused-390');
    await check(admin, 'refused new site form');

    await admin.fill('#f-code', 'phuonghoankiem');
    await Promise.all([admin.waitForURL(/\/quan-tri\/trang\/sua\/phuonghoankiem\?tb=da-tao$/), admin.click('form.form button[type=submit]')]);
    expect(await admin.textContent('main')).toContain('Đã tạo trang.');
    expect(await admin.textContent('.checklist')).toContain('Trang “Giới thiệu” chưa có nội dung.');
    await screenshot(admin, 'site-edit-390');
    await check(admin, 'site page');

    const visitor = await h.newPage({ viewport: PHONE });
    for (const url of [h.url('/', 'phuonghoankiem.localhost'), h.url('/s/phuonghoankiem/')]) {
      await visitor.goto(url);
      expect(await visitor.textContent('.site-name'), url).toBe('Phường Hoàn Kiếm');
      const menu = await visitor.textContent('nav.mainnav');
      for (const entry of ['Trang chủ', 'Giới thiệu', 'Tin tức', 'Văn bản', 'Dịch vụ công trực tuyến', 'Hỏi đáp', 'Sơ đồ cổng', 'Liên hệ'])
        expect(menu, entry).toContain(entry);
      const footer = await visitor.textContent('footer');
      expect(footer).toContain('Số 126 Hàng Trống');
      expect(footer).toContain('024 3825 1234');
      await check(visitor, url);
    }
    await screenshot(visitor, 'ward-home-390');
    await visitor.goto(h.url('/trang/gioi-thieu', 'phuonghoankiem.localhost'));
    expect(await visitor.textContent('main')).toContain('Nội dung trang đang được cập nhật.');
    await check(visitor, 'empty fixed page');
    await visitor.context().close();
  });

  it('lets the ward’s operator edit its contacts, with the checklist of what is still empty', async () => {
    const ward = await h.server.modules.sites.sites.byCode('phuonghoankiem');
    const operator = await factories(h.server).person('site_operator', ward.id, { email: 'kythuat.hoankiem.e2e@hanoi.gov.vn' });
    const page = await h.newPage({ viewport: PHONE });
    await page.goto(h.url('/quan-tri/dang-nhap'));
    await page.fill('#f-email', operator.email);
    await page.fill('#f-password', TEST_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    await page.fill('#f-code', await freshTotp(h, operator.email));
    await Promise.all([page.waitForURL((u) => u.pathname === '/quan-tri'), page.click('form.form button[type=submit]')]);

    await Promise.all([page.waitForURL(/\/quan-tri\/thong-tin-trang$/), page.click('nav.admin-nav a[href="/quan-tri/thong-tin-trang"]')]);
    expect(await page.textContent('.checklist')).toContain('Các trang tiếng Anh chưa có nội dung');
    await check(page, 'identity page');
    await page.fill('#f-phone', 'không có');
    await Promise.all([page.waitForLoadState(), page.click('form.form button[type=submit]')]);
    expect(await page.textContent('#loi')).toContain('không hợp lệ');
    expect(await page.inputValue('#f-phone')).toBe('không có');
    await check(page, 'refused identity form');

    await page.fill('#f-phone', '024 3825 9999');
    await page.fill('#f-fax', '024 3825 9998');
    await Promise.all([page.waitForURL(/tb=da-luu/), page.click('form.form button[type=submit]')]);
    expect(await page.textContent('main')).toContain('Đã lưu thay đổi.');
    await screenshot(page, 'site-identity-390');
    await check(page, 'saved identity page');

    const visitor = await h.newPage();
    await visitor.goto(h.url('/', 'phuonghoankiem.localhost'));
    expect(await visitor.textContent('footer')).toContain('024 3825 9999');
    await visitor.context().close();
    await page.context().close();
  });

  it('refuses a CSV file with a bad line, naming it, and creates nothing', async () => {
    await admin.goto(h.url('/quan-tri/trang/nhap-csv'));
    await check(admin, 'import page');
    await admin.setInputFiles('#f-file', {
      name: 'xa-phuong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,kind,parent,name_vi\nxadonganh,ward,hanoi,Xã Đông Anh\nphuonghoankiem,ward,hanoi,Phường trùng mã\n'),
    });
    await Promise.all([admin.waitForLoadState(), admin.click('form.form button[type=submit]')]);
    const report = await admin.textContent('table.refused-lines');
    expect(report).toContain('phuonghoankiem');
    expect(report).toContain('đã được dùng');
    expect((await h.server.modules.sites.listSites()).some((s) => s.code === 'xadonganh')).toBe(false);
    await screenshot(admin, 'sites-import-refused-390');
    await check(admin, 'refused import');
  });

  it('closes the ward: it answers 410 with a link to the portal', async () => {
    await admin.goto(h.url('/quan-tri/trang/sua/phuonghoankiem'));
    await admin.check('input[name="status"][value="closed"]');
    await Promise.all([admin.waitForURL(/tb=da-doi/), admin.click('form[action^="/quan-tri/trang/trang-thai/"] button[type=submit]')]);
    expect(await admin.textContent('main')).toContain('Đã đổi trạng thái của trang.');

    const visitor = await h.newPage({ viewport: PHONE });
    const res = await visitor.goto(h.url('/', 'phuonghoankiem.localhost'));
    expect(res?.status()).toBe(410);
    expect(await visitor.textContent('h1')).toBe('Trang thông tin đã ngừng hoạt động');
    expect(await visitor.getAttribute('main a', 'href')).toMatch(/^http:\/\/localhost:\d+\/$/);
    await screenshot(visitor, 'site-closed-390');
    await check(visitor, 'closed site');
    await visitor.context().close();

    await admin.goto(h.url('/english/admin/sites'));
    expect(await admin.textContent('h1')).toBe('Sites');
    await check(admin, 'English sites list');
  });
});
