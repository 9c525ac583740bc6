/** Signing in to the administration area: password, TOTP, lock-out, throttling, CSRF, sessions, reset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from './app.ts';
import { FormClient } from './browser-like.ts';
import { currentTotp } from '../src/modules/accounts/totp.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import { signIn, totpOf as totpOfAccount } from './sign-in.ts';

let t: TestApp;
let portal: TestSite;
let department: TestSite;
/** People of the portal (the site at localhost), of a department and of a ward. */
let operator: TestPerson;
let head: TestPerson;
let deputy: TestPerson;
let editor: TestPerson;
let contributor: TestPerson;
let auditor: TestPerson;
let admin: TestPerson;
let departmentOperator: TestPerson;
let departmentResponder: TestPerson;
let departmentHotline: TestPerson;
let wardOperator: TestPerson;

beforeAll(async () => {
  t = await buildTestApp({ seed: false });
  const f = factories(t);
  portal = await f.site();
  department = await f.site({ kind: 'department' });
  const ward = await f.site({ kind: 'ward' });
  operator = await f.person('site_operator', portal);
  head = await f.person('board_head', portal, { name: 'Trần Thị Trưởng (kiểm thử)' });
  deputy = await f.person('board_deputy', portal);
  editor = await f.person('board_member', portal);
  contributor = await f.person('contributor', portal);
  auditor = await f.person('auditor', portal);
  admin = await f.person('platform_admin', null);
  departmentOperator = await f.person('site_operator', department);
  departmentResponder = await f.person('agency_responder', department, { grantUnit: 'Phòng Tổ chức' });
  departmentHotline = await f.person('hotline_operator', department);
  wardOperator = await f.person('site_operator', ward);
});
afterAll(async () => {
  await t?.close();
});

async function account(email: string) {
  return t.db.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

/**
 * The current code. A code is accepted once per 30-second step; tests that sign the same
 * account in twice within one step start it afresh, as if the next step had come.
 */
const totpOf = (email: string) => totpOfAccount(t, email);

async function auditActions(): Promise<string[]> {
  return (await t.db.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
}

/** Signs in fully (password + TOTP when enrolled); returns the client. */
const signedIn = (who: TestPerson, ip = '10.0.0.1', host = 'localhost') => signIn(t, who, ip, host);

describe('sign-in with password and TOTP', () => {
  it('sends the visitor through password, second factor, then the dashboard', async () => {
    const c = new FormClient(t.app, 'localhost', '10.1.0.1');
    const gate = await c.get('/quan-tri/tai-khoan');
    expect(gate.statusCode).toBe(303);
    expect(gate.headers.location).toBe('/quan-tri/dang-nhap?next=%2Fquan-tri%2Ftai-khoan');

    const form = await c.get('/quan-tri/dang-nhap?next=%2Fquan-tri%2Ftai-khoan');
    expect(form.body).toContain('Đăng nhập quản trị');
    const pw = await c.post('/quan-tri/dang-nhap', { email: operator.email.toUpperCase(), password: operator.password, next: '/quan-tri/tai-khoan' });
    expect(pw.statusCode).toBe(303);
    expect(pw.headers.location).toBe('/quan-tri/xac-thuc?next=%2Fquan-tri%2Ftai-khoan');
    const cookie = pw.cookies.find((x) => x.name === 'cong_sid')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const firstToken = cookie.value;

    // Half signed in: nothing of the admin area yet.
    expect((await c.get('/quan-tri')).headers.location).toMatch(/^\/quan-tri\/xac-thuc/);

    await c.get('/quan-tri/xac-thuc?next=%2Fquan-tri%2Ftai-khoan');
    const wrong = await c.post('/quan-tri/xac-thuc', { code: '000000', next: '/quan-tri/tai-khoan' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Mã xác thực không đúng hoặc đã được dùng.');

    const ok = await c.post('/quan-tri/xac-thuc', { code: await totpOf(operator.email), next: '/quan-tri/tai-khoan' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/quan-tri/tai-khoan');
    // A new session id after the second factor (no fixation).
    expect(c.cookies.get('cong_sid')).not.toBe(firstToken);
    const list = await c.get('/quan-tri/tai-khoan');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(head.name);
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.password_ok', 'auth.second_factor_failed', 'auth.sign_in']));
  });

  it('refuses a TOTP code used once already (replay)', async () => {
    const email = deputy.email;
    const code = await currentTotp((await account(email)).totp_secret!);
    const a = new FormClient(t.app, 'localhost', '10.1.0.2');
    await a.get('/quan-tri/dang-nhap');
    await a.post('/quan-tri/dang-nhap', { email, password: deputy.password });
    await a.get('/quan-tri/xac-thuc');
    expect((await a.post('/quan-tri/xac-thuc', { code })).statusCode).toBe(303);
    const b = new FormClient(t.app, 'localhost', '10.1.0.3');
    await b.get('/quan-tri/dang-nhap');
    await b.post('/quan-tri/dang-nhap', { email, password: deputy.password });
    await b.get('/quan-tri/xac-thuc');
    expect((await b.post('/quan-tri/xac-thuc', { code })).statusCode).toBe(401);
  });

  it('answers the same for an unknown account and a wrong password, and keeps the e-mail typed', async () => {
    const c = new FormClient(t.app, 'localhost', '10.2.0.1');
    await c.get('/quan-tri/dang-nhap');
    const unknown = await c.post('/quan-tri/dang-nhap', { email: 'khong.ton.tai@kiem-thu.example', password: 'Sai-mat-khau-1!' });
    c.ip = '10.2.0.2';
    const wrong = await c.post('/quan-tri/dang-nhap', { email: editor.email, password: 'Sai-mat-khau-1!' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const message = 'Thư điện tử hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.';
    expect(unknown.body).toContain(message);
    expect(wrong.body).toContain(message);
    expect(wrong.body).toContain(`value="${editor.email}"`);
    expect(wrong.body).not.toContain('Sai-mat-khau-1!');
  });

  it('locks an account after 5 wrong passwords, even with the right one next, and logs it', async () => {
    const email = contributor.email;
    const c = new FormClient(t.app, 'localhost');
    await c.get('/quan-tri/dang-nhap');
    for (let i = 0; i < 5; i++) {
      c.ip = `10.3.0.${i + 1}`; // different addresses: the account lock, not the address delay
      expect((await c.post('/quan-tri/dang-nhap', { email, password: `Sai-${i}-mat-khau!` })).statusCode).toBe(401);
    }
    c.ip = '10.3.0.99';
    const right = await c.post('/quan-tri/dang-nhap', { email, password: contributor.password });
    expect(right.statusCode).toBe(401);
    expect((await account(email)).locked_until!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await auditActions()).toContain('auth.locked');
  });

  it('slows down a source address after repeated failures with 429 and Retry-After', async () => {
    const c = new FormClient(t.app, 'localhost', '10.4.0.1');
    await c.get('/quan-tri/dang-nhap');
    for (let i = 0; i < 3; i++) await c.post('/quan-tri/dang-nhap', { email: `ai${i}@kiem-thu.example`, password: 'Sai-mat-khau-1!' });
    const res = await c.post('/quan-tri/dang-nhap', { email: head.email, password: head.password });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toContain('Quá nhiều lần đăng nhập sai từ địa chỉ này');
    expect(res.cookies.find((x) => x.name === 'cong_sid')).toBeUndefined();
  });

  it('refuses a form without a valid CSRF token, changes nothing, and logs it', async () => {
    const c = new FormClient(t.app, 'localhost', '10.5.0.1');
    await c.get('/quan-tri/dang-nhap');
    const missing = await c.post('/quan-tri/dang-nhap', { email: head.email, password: head.password, _csrf: '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Không có quyền truy cập');
    const forged = await c.post('/quan-tri/dang-nhap', { email: head.email, password: head.password, _csrf: 'abc-forged' });
    expect(forged.statusCode).toBe(403);
    // A token issued to another visitor (another CSRF cookie) is refused too.
    const other = new FormClient(t.app, 'localhost', '10.5.0.2');
    await other.get('/quan-tri/dang-nhap');
    const crossed = await c.post('/quan-tri/dang-nhap', { email: head.email, password: head.password, _csrf: other.lastCsrf });
    expect(crossed.statusCode).toBe(403);
    expect(c.cookies.has('cong_sid')).toBe(false);
    expect(await auditActions()).toContain('security.csrf_rejected');
  });

  it('does not accept a session cookie on another site host', async () => {
    const c = await signedIn(departmentOperator, '10.6.0.1', 'localhost');
    expect((await c.get('/quan-tri')).statusCode).toBe(200);
    c.host = department.host;
    const res = await c.get('/quan-tri');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/quan-tri\/dang-nhap/);
  });

  it('ends a session after the idle limit and after its absolute lifetime', async () => {
    const c = await signedIn(wardOperator, '10.7.0.1');
    expect((await c.get('/quan-tri')).statusCode).toBe(200);
    const account_id = wardOperator.id;
    // Administrators: 10 minutes idle by default.
    await t.db.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 11 * 60_000) })
      .where('account_id', '=', account_id)
      .execute();
    expect((await c.get('/quan-tri')).statusCode).toBe(303);

    const d = new FormClient(t.app, 'localhost', '10.7.0.2');
    await d.get('/quan-tri/dang-nhap');
    await d.post('/quan-tri/dang-nhap', { email: auditor.email, password: auditor.password });
    expect((await d.get('/quan-tri')).statusCode).toBe(200);
    await t.db.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('account_id', '=', auditor.id)
      .execute();
    expect((await d.get('/quan-tri')).statusCode).toBe(303);
  });

  it('signs out: the session is gone from the database', async () => {
    const c = new FormClient(t.app, 'localhost', '10.8.0.1');
    await c.get('/quan-tri/dang-nhap');
    await c.post('/quan-tri/dang-nhap', { email: auditor.email, password: auditor.password });
    await c.get('/quan-tri');
    const id = auditor.id;
    const before = await t.db.db.selectFrom('sessions').select('id').where('account_id', '=', id).execute();
    const out = await c.post('/quan-tri/dang-xuat', {});
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/quan-tri/dang-nhap?tb=dang-xuat');
    const after = await t.db.db.selectFrom('sessions').select('id').where('account_id', '=', id).execute();
    expect(after.length).toBe(before.length - 1);
    expect((await c.get('/quan-tri')).statusCode).toBe(303);
  });
});

describe('requests beyond a grant', () => {
  it('refuses the account list to roles other than operators and admins, in Vietnamese', async () => {
    const c = new FormClient(t.app, 'localhost', '10.9.0.1');
    await c.get('/quan-tri/dang-nhap');
    await c.post('/quan-tri/dang-nhap', { email: auditor.email, password: auditor.password });
    const res = await c.get('/quan-tri/tai-khoan');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Tài khoản của bạn không được phép thực hiện thao tác này.');
    // …while the auditor does see the audit log.
    const audit = await c.get('/quan-tri/nhat-ky');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('Nhật ký hệ thống');
  });

  it('hides accounts of another site from an operator', async () => {
    const op = await signedIn(departmentOperator, '10.9.0.2');
    expect((await op.get(`/quan-tri/tai-khoan/${head.id}`)).statusCode).toBe(404);
    const list = await op.get('/quan-tri/tai-khoan');
    expect(list.body).not.toContain(head.email);
    expect(list.body).toContain(departmentResponder.email);
    // Cannot switch to a site without a grant.
    expect((await op.get(`/quan-tri/chon-trang?site=${portal.code}`)).statusCode).toBe(403);
  });
});

describe('administrators', () => {
  it('must change a password older than two months before anything else', async () => {
    await t.db.db
      .updateTable('accounts')
      .set({ password_changed_at: new Date(Date.now() - 61 * 86_400_000) })
      .where('email', '=', admin.email)
      .execute();
    const c = await signedIn(admin, '10.10.0.1');
    const res = await c.get('/quan-tri');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quan-tri/ho-so/mat-khau?tb=het-han-mat-khau');
    const page = await c.get('/quan-tri/ho-so/mat-khau?tb=het-han-mat-khau');
    expect(page.body).toContain('Mật khẩu quản trị phải đổi sau mỗi 2 tháng');
    const reuse = await c.post('/quan-tri/ho-so/mat-khau', { current: admin.password, password: admin.password, confirm: admin.password });
    expect(reuse.statusCode).toBe(422);
    expect(reuse.body).toContain('Không được dùng lại 10 mật khẩu gần nhất.');
    const ok = await c.post('/quan-tri/ho-so/mat-khau', { current: admin.password, password: 'Quan-Tri@Moi-2026', confirm: 'Quan-Tri@Moi-2026' });
    expect(ok.statusCode).toBe(303);
    expect((await c.get('/quan-tri')).statusCode).toBe(200);
  });
});

describe('accounts inactive for 45 days', () => {
  it('are disabled at sign-in and by the daily job', async () => {
    const old = new Date(Date.now() - 46 * 86_400_000);
    await t.db.db.updateTable('accounts').set({ last_sign_in_at: old }).where('email', '=', departmentHotline.email).execute();
    const c = new FormClient(t.app, 'localhost', '10.11.0.1');
    await c.get('/quan-tri/dang-nhap');
    const res = await c.post('/quan-tri/dang-nhap', { email: departmentHotline.email, password: departmentHotline.password });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Tài khoản đang bị khóa');
    expect((await account(departmentHotline.email)).suspended_reason).toBe('inactive');

    await t.db.db.updateTable('accounts').set({ last_sign_in_at: old }).where('email', '=', departmentResponder.email).execute();
    expect(await t.modules.accounts.suspendInactive()).toBeGreaterThanOrEqual(1);
    expect((await account(departmentResponder.email)).status).toBe('suspended');
  });
});

describe('security headers and security.txt', () => {
  it('sends a strict CSP and the other protective headers; HSTS only over HTTPS', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: 'localhost' } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(String(res.headers['permissions-policy'])).toContain('camera=()');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('publishes security.txt with the site contact', async () => {
    const res = await t.app.inject({ url: '/.well-known/security.txt', headers: { host: department.host } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^Contact: mailto:\S+@\S+$/m);
    expect(res.body).toMatch(/^Expires: \d{4}-\d{2}-\d{2}T/m);
    expect(res.body).toContain('Preferred-Languages: vi, en');
  });
});

describe('audit entries of sign-ins', () => {
  it('record who, when, from where, for sign-in, failure and sign-out', async () => {
    const rows = await t.db.db.selectFrom('audit_log').selectAll().where('action', 'in', ['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out']).execute();
    const kinds = new Set(rows.map((r) => r.action));
    expect(kinds).toEqual(new Set(['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out']));
    for (const r of rows) {
      expect(r.ip).toMatch(/^10\./);
      expect(r.actor_label).not.toBe('');
    }
    const { problems } = await (await import('../src/modules/audit/index.ts')).verifyAuditChain(t.db.db);
    expect(problems).toEqual([]);
  });
});

void sql;
