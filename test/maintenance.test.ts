/**
 * Maintenance notices (issue #14 point 6, OPS-4): the notice period in working days across Tết
 * 2026 and the make-up Saturday 10/01/2026; refusals by field (past, too soon with the
 * explanation, emergency without reason, hostile input) saving nothing; the banner on the
 * affected site's pages only; 503 + Retry-After during a window while the administration
 * answers; mail to the site's people and audit rows in the scheduling transaction; the API.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLocalInput } from '../src/platform/views/form-controls.ts';
import type { SiteWithHosts } from '../src/modules/sites/index.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import { signIn } from './sign-in.ts';
import type { FormClient } from './browser-like.ts';

let t: TestApp;
let ward: TestSite;
let other: TestSite;
let operator: TestPerson;
let member: TestPerson;
let client: FormClient;
let otherOperator: TestPerson;
let admin: TestPerson;

const vn = (local: string) => new Date(`${local}+07:00`);
const windowCount = async () =>
  (
    await t.db.db
      .selectFrom('maintenance_windows')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const siteRow = async (id: number): Promise<SiteWithHosts> => (await t.modules.sites.directory.liveSites()).find((s) => s.id === id)!;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp({ seed: false });
  const f = factories(t);
  await f.site({ code: 'thanhpho' });
  ward = await f.site({ kind: 'ward', code: 'phuongbaotri', nameVi: 'Phường Bảo Trì', nameEn: 'Bao Tri Ward' });
  other = await f.site({ kind: 'ward', code: 'phuongkhac', nameVi: 'Phường Khác', nameEn: 'Other Ward' });
  operator = await f.person('site_operator', ward, { email: 'vanhanh@phuong.example' });
  member = await f.person('board_member', ward, { email: 'bientap@phuong.example' });
  await f.person('board_member', other, { email: 'khac@phuong.example' });
  otherOperator = await f.person('site_operator', other, { email: 'vanhanh-khac@phuong.example' });
  admin = await f.person('platform_admin', null, { email: 'quantri@thanhpho.example' });
  client = await signIn(t, operator, '10.91.0.1');
});
afterAll(async () => {
  await t?.close();
});

/** The form's fields (a check box is sent only when ticked: `emergency: '1'`). */
const form = (start: Date, hours = 4, more: Record<string, string> = {}): Record<string, string> => {
  const { emergency: _e, ...rest } = input(start, hours);
  return { ...rest, ...more };
};
const input = (start: Date, hours = 4, more: Partial<Record<string, string | boolean>> = {}) => ({
  startsAt: toLocalInput(start),
  expectedEndAt: toLocalInput(new Date(start.getTime() + hours * 3_600_000)),
  descriptionVi: 'Nâng cấp máy chủ',
  descriptionEn: 'Server upgrade',
  scope: '' as const,
  emergency: false,
  emergencyReason: '',
  ...more,
});

describe('the notice period in working days (calendar engine)', () => {
  it('across Tết 2026: announced Monday 09/02, seven working days skip 14/02–22/02 — earliest 00:00 Thursday 26/02/2026', async () => {
    const service = t.modules.maintenance.service;
    const now = vn('2026-02-09T10:00:00');
    const check = await service.earliest([ward.id], 'vi', now);
    expect(check.days).toBe(7);
    expect(check.earliest).toEqual(vn('2026-02-26T00:00:00'));
    expect(check.explanation).toContain('sớm nhất được bắt đầu từ 00:00 26/02/2026');
    expect(check.explanation).toContain('Tết Nguyên đán Bính Ngọ (14/02/2026–22/02/2026)');
    const site = await siteRow(ward.id);
    const before = await windowCount();
    await expect(service.schedule(operator.actor, site, input(vn('2026-02-25T08:00:00')), 'vi', now)).rejects.toMatchObject({
      status: 422,
      details: [expect.objectContaining({ field: 'startsAt', message: expect.stringContaining('ít nhất 7 ngày làm việc') })],
    });
    expect(await windowCount()).toBe(before);
    expect(await service.schedule(operator.actor, site, input(vn('2026-02-26T08:00:00')), 'vi', now)).toBeGreaterThan(0);
  });

  it('across the make-up Saturday 10/01/2026: it counts as a working day — earliest 00:00 Wednesday 14/01, not Thursday 15/01', async () => {
    const check = await t.modules.maintenance.service.earliest([ward.id], 'en', vn('2026-01-05T09:00:00'));
    expect(check.earliest).toEqual(vn('2026-01-14T00:00:00'));
    expect(check.explanation).toContain('10/01/2026 counted as working days');
  });

  it("follows the site's own notice period (5..30 working days, refused outside)", async () => {
    const service = t.modules.maintenance.service;
    await expect(service.setNoticeDays(operator.actor, ward.id, 4, 'vi')).rejects.toMatchObject({ status: 422 });
    await service.setNoticeDays(operator.actor, ward.id, 10, 'vi');
    expect((await service.earliest([ward.id], 'vi', vn('2026-01-05T09:00:00'))).days).toBe(10);
    await service.setNoticeDays(operator.actor, ward.id, 7, 'vi');
    await expect(service.setNoticeDays(member.actor, ward.id, 7, 'vi')).rejects.toMatchObject({ status: 403 });
  });
});

describe('scheduling over HTTP', () => {
  const now = () => new Date();

  it('refuses a start in the past, naming the field, keeping what was typed, saving nothing', async () => {
    await client.get('/quan-tri/bao-tri');
    const before = await windowCount();
    const res = await client.post('/quan-tri/bao-tri', { ...form(new Date(now().getTime() - DAY)) } as never);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('đã qua');
    expect(res.body).toContain('href="#f-startsAt"');
    expect(res.body).toContain('Nâng cấp máy chủ');
    expect(await windowCount()).toBe(before);
  });

  it('the English administration has the same screen, with the earliest start', async () => {
    const res = await client.get('/english/admin/maintenance');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Schedule maintenance');
    expect(res.body).toContain('working days’ notice');
  });

  it('refuses a window sooner than the notice period with the explanation', async () => {
    const res = await client.post('/quan-tri/bao-tri', { ...form(new Date(now().getTime() + DAY)) } as never);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Cần báo trước ít nhất 7 ngày làm việc');
  });

  it('refuses an emergency without a reason', async () => {
    const res = await client.post('/quan-tri/bao-tri', { ...form(new Date(now().getTime() + 60_000)), emergency: '1' } as never);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Bảo trì khẩn cấp phải có lý do');
  });

  it('schedules a window: mail to the site people, audit row, banner on the site only, public list and API', async () => {
    const start = new Date(now().getTime() + 30 * DAY);
    const mailBefore = await t.db.db.selectFrom('mail_outbox').select('to_address').execute();
    const res = await client.post('/quan-tri/bao-tri', { ...form(start), descriptionVi: '<script>alert(1)</script> Nâng cấp' } as never);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const mail = (await t.db.db.selectFrom('mail_outbox').select('to_address').execute()).slice(mailBefore.length).map((m) => m.to_address);
    expect(mail.sort()).toEqual(['bientap@phuong.example', 'vanhanh@phuong.example']);
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'site_id']).where('action', '=', 'maintenance.scheduled').execute();
    expect(audit.some((a) => a.site_id === ward.id)).toBe(true);

    const page = await t.app.inject({ method: 'GET', url: `/s/${ward.code}/` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Thông báo bảo trì');
    expect(page.body).toContain('&lt;script&gt;');
    expect(page.body).not.toContain('<script>alert(1)');
    const elsewhere = await t.app.inject({ method: 'GET', url: `/s/${other.code}/` });
    expect(elsewhere.body).not.toContain('Thông báo bảo trì');
    const list = await t.app.inject({ method: 'GET', url: `/s/${ward.code}/english/maintenance` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Server upgrade');
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/maintenance/${ward.code}` });
    expect(api.statusCode).toBe(200);
    expect(api.json().items).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/maintenance/khong-co' })).statusCode).toBe(404);
  });

  it('hostile input: no CSRF is refused, over-long and wrong types come back as the form, unknown ids are 404', async () => {
    const before = await windowCount();
    expect((await client.post('/quan-tri/bao-tri', { ...form(new Date()), emergency: '', _csrf: '' } as never)).statusCode).toBe(403);
    const long = await client.post('/quan-tri/bao-tri', { ...form(new Date(now().getTime() + 40 * DAY)), descriptionVi: 'x'.repeat(5000) } as never);
    expect(long.statusCode).toBe(422);
    const garbage = await client.post('/quan-tri/bao-tri', { startsAt: '2026-02-31T25:00', expectedEndAt: '<b>', descriptionVi: '', scope: 'moon' });
    expect(garbage.statusCode).toBe(422);
    expect((await client.post('/quan-tri/bao-tri/thoi-han', { noticeDays: 'abc' })).statusCode).toBe(422);
    expect((await client.post('/quan-tri/bao-tri/huy/999999', {})).statusCode).toBe(404);
    expect((await client.post('/quan-tri/bao-tri/huy/abc', {})).statusCode).toBe(404);
    expect(await windowCount()).toBe(before);
  });

  it('an emergency window with a reason: 503 + Retry-After on the public site, the administration still answers', async () => {
    const res = await client.post('/quan-tri/bao-tri', {
      ...input(new Date(now().getTime() - 60_000), 2),
      emergency: '1',
      emergencyReason: 'Sự cố máy chủ',
    } as never);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const down = await t.app.inject({ method: 'GET', url: `/s/${ward.code}/` });
    expect(down.statusCode).toBe(503);
    const retry = Number(down.headers['retry-after']);
    expect(retry).toBeGreaterThan(3600);
    expect(retry).toBeLessThanOrEqual(7200);
    expect(down.body).toContain('Trang đang bảo trì');
    const en = await t.app.inject({ method: 'GET', url: `/s/${ward.code}/english/` });
    expect(en.statusCode).toBe(503);
    expect(en.body).toContain('Site under maintenance');
    expect((await t.app.inject({ method: 'GET', url: `/s/${other.code}/` })).statusCode).toBe(200);
    expect((await client.get('/quan-tri/bao-tri')).statusCode).toBe(200);
    expect([200, 302, 303]).toContain((await t.app.inject({ method: 'GET', url: '/quan-tri' })).statusCode);
    expect((await t.app.inject({ method: 'GET', url: '/quan-tri/dang-nhap' })).statusCode).toBe(200);
    const audit = await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'maintenance.emergency_scheduled').execute();
    expect(audit).toHaveLength(1);

    // Cancelled: the site answers again at once.
    const w = await t.db.db.selectFrom('maintenance_windows').select('id').where('emergency', '=', true).executeTakeFirstOrThrow();
    await client.get('/quan-tri/bao-tri');
    expect((await client.post(`/quan-tri/bao-tri/huy/${w.id}`, {})).statusCode).toBe(303);
    const told = await t.db.db.selectFrom('mail_outbox').select('to_address').where('subject', 'like', 'Hủy bảo trì%').execute();
    expect(told.map((m) => m.to_address).sort()).toEqual(['bientap@phuong.example', 'vanhanh@phuong.example']);
    expect(await t.db.db.selectFrom('audit_log').select('action').where('action', '=', 'maintenance.cancelled').execute()).toHaveLength(1);
    // Cancelling twice is refused on the form, not an error page.
    await client.get('/quan-tri/bao-tri');
    expect((await client.post(`/quan-tri/bao-tri/huy/${w.id}`, {})).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/s/${ward.code}/` })).statusCode).toBe(200);
  });
});

describe('the page cache and other processes', () => {
  it('a page cached before a window was announced is not served after: the banner shows at once', async () => {
    const url = `/s/${other.code}/english/`;
    await t.app.inject({ method: 'GET', url });
    const cached = await t.app.inject({ method: 'GET', url });
    expect(cached.headers['x-cache']).toBe('hit');
    expect(cached.body).not.toContain('Maintenance notice');
    const site = await siteRow(other.id);
    await t.modules.maintenance.service.schedule(otherOperator.actor, site, input(new Date(Date.now() + 30 * DAY)), 'en');
    const after = await t.app.inject({ method: 'GET', url });
    expect(after.body).toContain('Maintenance notice');
  });

  it("a window written by another process (its NOTIFY) reaches this one's pages", async () => {
    const f = factories(t);
    const third = await f.site({ kind: 'ward', code: 'phuongthuba', parent: 'thanhpho' });
    const url = `/s/${third.code}/`;
    expect((await t.app.inject({ method: 'GET', url })).body).not.toContain('Thông báo bảo trì');
    const start = new Date(Date.now() + 20 * DAY);
    const { id } = await t.db.db
      .insertInto('maintenance_windows')
      .values({ starts_at: start, expected_end_at: new Date(start.getTime() + 3_600_000), description_vi: 'Từ tiến trình khác', notice_working_days: 7 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.db.insertInto('maintenance_window_sites').values({ window_id: id, site_id: third.id }).execute();
    await sql`select pg_notify('cong_maintenance', '')`.execute(t.db.db);
    await expect.poll(async () => (await t.app.inject({ method: 'GET', url })).body, { timeout: 5000 }).toContain('Từ tiến trình khác');
  });

  it('an emergency ahead skips the notice period and is marked on the banner and the public list', async () => {
    const site = await siteRow(other.id);
    await t.modules.maintenance.service.schedule(
      otherOperator.actor,
      site,
      { ...input(new Date(Date.now() + 3_600_000)), emergency: true, emergencyReason: 'Lỗ hổng bảo mật cần vá gấp' },
      'vi',
    );
    const home = await t.app.inject({ method: 'GET', url: `/s/${other.code}/` });
    expect(home.body).toContain('<strong>Bảo trì khẩn cấp:</strong>');
    const list = await t.app.inject({ method: 'GET', url: `/s/${other.code}/bao-tri` });
    expect(list.body).toContain('Khẩn cấp');
    expect(list.body).toContain('Lý do khẩn cấp: Lỗ hổng bảo mật cần vá gấp');
  });

  it('several sites: only a platform administrator, for a portal and its children or all', async () => {
    const portal = (await t.modules.sites.directory.liveSites()).find((s) => s.code === 'thanhpho')!;
    const wardSite = await siteRow(ward.id);
    await expect(
      t.modules.maintenance.service.schedule(operator.actor, wardSite, { ...input(new Date(Date.now() + 30 * DAY)), scope: 'all' }, 'vi'),
    ).rejects.toMatchObject({ status: 403 });
    const id = await t.modules.maintenance.service.schedule(admin.actor, portal, { ...input(new Date(Date.now() + 60 * DAY)), scope: 'portal' }, 'vi');
    const sites = await t.db.db.selectFrom('maintenance_window_sites').select('site_id').where('window_id', '=', id).execute();
    expect(sites.map((s) => s.site_id)).toEqual(expect.arrayContaining([portal.id, ward.id, other.id]));
  });
});
