/** Managing accounts: per-site scope, invitations, reset links, enrolment, and sessions ended when access changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { FormClient } from './browser-like.ts';
import { currentTotp } from '../src/modules/accounts/totp.ts';
import * as service from '../src/modules/accounts/accounts.service.ts';
import { ROLES, type Actor, type Role } from '../src/modules/access/index.ts';
import { factories, type TestPerson } from './factories.ts';
import { signIn as signInAs } from './sign-in.ts';

let t: TestApp;
/** A portal, a department and a ward of it, each with its own people. */
let siteId: { portal: number; department: number; ward: number };
let editor: TestPerson;
let deputy: TestPerson;
let contributor: TestPerson;
let auditor: TestPerson;
let departmentResponder: TestPerson;
let departmentHotline: TestPerson;
let wardOperator: TestPerson;
let wardHead: TestPerson;
beforeAll(async () => {
  t = await buildTestApp({ seed: false });
  const f = factories(t);
  const portal = await f.site();
  const department = await f.site({ kind: 'department' });
  const ward = await f.site({ kind: 'ward' });
  siteId = { portal: portal.id, department: department.id, ward: ward.id };
  editor = await f.person('board_member', portal);
  deputy = await f.person('board_deputy', portal);
  contributor = await f.person('contributor', portal);
  auditor = await f.person('auditor', portal);
  departmentResponder = await f.person('agency_responder', department, { grantUnit: 'Phòng Tổ chức' });
  departmentHotline = await f.person('hotline_operator', department);
  wardOperator = await f.person('site_operator', ward);
  wardHead = await f.person('board_head', ward);
});
afterAll(async () => {
  await t?.close();
});

const account = (email: string) => t.db.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

const signIn = (who: TestPerson, ip = '10.20.0.1'): Promise<FormClient> => signInAs(t, who, ip);

function actorWith(role: Role, site: keyof typeof siteId): Actor {
  return {
    kind: 'person',
    accountId: 999_999,
    email: 'probe@cong.example',
    ip: '127.0.0.1',
    sessionId: null,
    grants: [{ role, siteId: siteId[site]!, unit: null }],
  };
}

async function latestMailLink(to: string): Promise<string> {
  const mail = await t.db.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const m = /(\/quan-tri\/dat-lai-mat-khau\?ma=[\w-]+)/.exec(mail.text_body);
  return m![1]!;
}

describe('account management is scoped to the site', () => {
  it('lets only operators (and admins) list and manage accounts, on their own site only', async () => {
    for (const role of ROLES.filter((r) => r !== 'platform_admin')) {
      const own = actorWith(role, 'department');
      const canManage = role === 'site_operator';
      if (canManage) {
        await expect(service.listAccounts(t.db.db, own, siteId.department)).resolves.toBeInstanceOf(Array);
      } else {
        await expect(service.listAccounts(t.db.db, own, siteId.department), role).rejects.toMatchObject({ status: 403 });
      }
      // Whatever the role on the department, nothing on another site.
      await expect(service.listAccounts(t.db.db, own, siteId.portal), role).rejects.toMatchObject({ status: 403 });
      await expect(
        service.createAccount(t.db.db, own, siteId.portal, { email: `x-${role}@cong.example`, name: 'X', role: 'contributor' }, 'http://x/reset'),
        role,
      ).rejects.toMatchObject({ status: 403 });
    }
  });

  it('never lets an operator grant platform administration', async () => {
    const op = actorWith('site_operator', 'department');
    const target = await account(departmentResponder.email);
    await expect(service.grantRole(t.db.db, op, siteId.department, target.id, 'platform_admin')).rejects.toMatchObject({ status: 403 });
  });

  it('does not let an operator suspend someone who also works on another site', async () => {
    const multi = await account(editor.email);
    await service.grantRole(t.db.db, { kind: 'system', label: 'test' }, siteId.department, multi.id, 'contributor');
    const op = actorWith('site_operator', 'department');
    await expect(service.suspendAccount(t.db.db, op, siteId.department, multi.id, 'test')).rejects.toMatchObject({ code: 'account.other_sites' });
  });
});

describe('a new account, end to end', () => {
  it('is created by the operator with an invitation, sets its password, enrols 2FA, and uses a recovery code once', async () => {
    const op = await signIn(wardOperator);
    await op.get('/quan-tri/tai-khoan/moi');
    const bad = await op.post('/quan-tri/tai-khoan/moi', { name: '', email: 'khong-hop-le', role: 'board_member' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Địa chỉ thư điện tử không hợp lệ.');
    expect(bad.body).toContain('value="khong-hop-le"');
    const created = await op.post('/quan-tri/tai-khoan/moi', {
      name: 'Lê Thị Biên Tập',
      email: 'le.bientap@cong.example',
      phone: '024 1234 5678',
      unit: 'UBND phường',
      role: 'board_member',
    });
    expect(created.statusCode).toBe(303);
    const dup = await op.post('/quan-tri/tai-khoan/moi', { name: 'Trùng', email: 'LE.BIENTAP@cong.example', role: 'contributor' });
    expect(dup.statusCode).toBe(409);

    const link = await latestMailLink('le.bientap@cong.example');
    const person = new FormClient(t.app, 'localhost', '10.20.1.1');
    expect((await person.get(link)).body).toContain('Đặt mật khẩu mới');
    const weak = await person.post('/quan-tri/dat-lai-mat-khau', { ma: link.split('ma=')[1]!, password: 'abc', confirm: 'abc' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('Mật khẩu cần ít nhất 12 ký tự.');
    const set = await person.post('/quan-tri/dat-lai-mat-khau', { ma: link.split('ma=')[1]!, password: 'Bien-Tap@2026xyz', confirm: 'Bien-Tap@2026xyz' });
    expect(set.statusCode).toBe(303);
    // The link works once.
    expect((await person.get(link)).statusCode).toBe(400);

    await person.get('/quan-tri/dang-nhap');
    const pw = await person.post('/quan-tri/dang-nhap', { email: 'le.bientap@cong.example', password: 'Bien-Tap@2026xyz' });
    expect(pw.headers.location).toBe('/quan-tri/dang-ky-xac-thuc');
    expect((await person.get('/quan-tri')).headers.location).toBe('/quan-tri/dang-ky-xac-thuc');
    const enrol = await person.get('/quan-tri/dang-ky-xac-thuc');
    expect(enrol.body).toContain('<svg role="img"');
    const secret = /<code class="totp-secret">([A-Z2-7]+)<\/code>/.exec(enrol.body)![1]!;
    expect((await person.post('/quan-tri/dang-ky-xac-thuc', { code: '123456' })).statusCode).toBe(422);
    const done = await person.post('/quan-tri/dang-ky-xac-thuc', { code: await currentTotp(secret) });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li>([a-z2-9]{4}-[a-z2-9]{4})<\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect((await person.get('/quan-tri')).statusCode).toBe(200);
    await person.post('/quan-tri/dang-xuat', {});

    // A recovery code replaces the phone once.
    const again = new FormClient(t.app, 'localhost', '10.20.1.2');
    await again.get('/quan-tri/dang-nhap');
    await again.post('/quan-tri/dang-nhap', { email: 'le.bientap@cong.example', password: 'Bien-Tap@2026xyz' });
    await again.get('/quan-tri/xac-thuc');
    expect((await again.post('/quan-tri/xac-thuc', { code: codes[0]!.toUpperCase() })).statusCode).toBe(303);
    await again.post('/quan-tri/dang-xuat', {});
    await again.get('/quan-tri/dang-nhap');
    await again.post('/quan-tri/dang-nhap', { email: 'le.bientap@cong.example', password: 'Bien-Tap@2026xyz' });
    await again.get('/quan-tri/xac-thuc');
    expect((await again.post('/quan-tri/xac-thuc', { code: codes[0]! })).statusCode).toBe(401);
  });
});

describe('access changes end sessions at once', () => {
  it('suspension by the operator signs the person out everywhere', async () => {
    const victim = await signIn(wardHead, '10.21.0.1');
    expect((await victim.get('/quan-tri')).statusCode).toBe(200);
    const op = await signIn(wardOperator, '10.21.0.2');
    const id = (await account(wardHead.email)).id;
    await op.get(`/quan-tri/tai-khoan/${id}`);
    const res = await op.post(`/quan-tri/tai-khoan/${id}`, { 'thao-tac': 'khoa', reason: 'Nghỉ công tác' });
    expect(res.statusCode).toBe(303);
    expect((await victim.get('/quan-tri')).statusCode).toBe(303);
    // And cannot sign in again.
    const retry = new FormClient(t.app, 'localhost', '10.21.0.3');
    await retry.get('/quan-tri/dang-nhap');
    expect((await retry.post('/quan-tri/dang-nhap', { email: wardHead.email, password: wardHead.password })).statusCode).toBe(403);
    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'account.suspended').executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({ reason: 'Nghỉ công tác' });
    expect(audit.site_id).toBe(siteId.ward);
  });

  it('a role change and a password change end sessions too', async () => {
    const person = await signIn(auditor, '10.22.0.1');
    expect((await person.get('/quan-tri')).statusCode).toBe(200);
    const id = (await account(auditor.email)).id;
    await service.grantRole(t.db.db, { kind: 'system', label: 'test' }, siteId.portal, id, 'contributor');
    expect((await person.get('/quan-tri')).statusCode).toBe(303);

    const a = await signIn(auditor, '10.22.0.2');
    const b = await signIn(auditor, '10.22.0.3');
    await a.get('/quan-tri/ho-so/mat-khau');
    const changed = await a.post('/quan-tri/ho-so/mat-khau', { current: auditor.password, password: 'Kiem-Tra@2026-moi', confirm: 'Kiem-Tra@2026-moi' });
    expect(changed.statusCode).toBe(303);
    expect((await a.get('/quan-tri')).statusCode).toBe(200);
    expect((await b.get('/quan-tri')).statusCode).toBe(303);
  });

  it('lets a person see and end their own other sessions', async () => {
    const a = await signIn(deputy, '10.23.0.1');
    const b = await signIn(deputy, '10.23.0.2');
    const page = await a.get('/quan-tri/ho-so/phien');
    expect(page.body).toContain('10.23.0.2');
    const other = /name="phien" value="([0-9a-f]{16})"/.exec(page.body)![1]!;
    expect((await a.post('/quan-tri/ho-so/phien', { phien: other })).statusCode).toBe(303);
    expect((await b.get('/quan-tri')).statusCode).toBe(303);
    expect((await a.get('/quan-tri')).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('answers the same whether the account exists, and sends a link only to a real one', async () => {
    const c = new FormClient(t.app, 'localhost', '10.24.0.1');
    await c.get('/quan-tri/quen-mat-khau');
    const before = (await t.db.db.selectFrom('mail_outbox').select('id').execute()).length;
    const unknown = await c.post('/quan-tri/quen-mat-khau', { email: 'khong.co@cong.example' });
    const known = await c.post('/quan-tri/quen-mat-khau', { email: contributor.email });
    expect(unknown.statusCode).toBe(known.statusCode);
    const notice = 'Nếu địa chỉ này có tài khoản đang hoạt động';
    expect(unknown.body).toContain(notice);
    expect(known.body).toContain(notice);
    expect((await t.db.db.selectFrom('mail_outbox').select('id').execute()).length).toBe(before + 1);
  });

  it('refuses an expired link', async () => {
    const c = new FormClient(t.app, 'localhost', '10.24.0.2');
    await c.get('/quan-tri/quen-mat-khau');
    await c.post('/quan-tri/quen-mat-khau', { email: departmentHotline.email });
    const link = await latestMailLink(departmentHotline.email);
    await t.db.db
      .updateTable('password_reset_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const res = await c.get(link);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Liên kết không còn hiệu lực');
  });
});
