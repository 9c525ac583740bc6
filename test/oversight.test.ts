/**
 * Who oversees whom (issue 14, point 9): a platform administrator grants a portal's board head
 * read-only oversight of the sites below the portal; the head then sees every descendant's figures
 * on one dashboard (later sites included), opens their queues read only, and can change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/modules/access/index.ts';
import { buildTestApp, type TestApp } from './app.ts';
import type { FormClient } from './browser-like.ts';
import { factories, type Factories, type TestPerson, type TestSite } from './factories.ts';
import { signIn } from './sign-in.ts';

let t: TestApp;
let f: Factories;
let portal: TestSite;
let department: TestSite;
let ward: TestSite;
let otherPortal: TestSite;
let otherDepartment: TestSite;
let head: TestPerson;
let member: TestPerson;
let admin: TestPerson;
let headClient: FormClient;
let adminClient: FormClient;
let itemTitle: string;
let itemId: number;
let inquiryId: number;
const inquiryTitle = 'Hỏi về <i>lịch</i> tiếp công dân của phường';

beforeAll(async () => {
  t = await buildTestApp({ seed: false });
  f = factories(t);
  portal = await f.site();
  department = await f.site({ kind: 'department', parent: portal });
  ward = await f.site({ kind: 'ward', parent: department });
  otherPortal = await f.site();
  otherDepartment = await f.site({ kind: 'department', parent: otherPortal });
  head = await f.person('board_head', portal);
  member = await f.person('board_member', portal);
  admin = await f.person('platform_admin', null);
  itemTitle = `Tin chờ duyệt <b>phường</b> ${Date.now()}`;
  const item = await f.item(ward, 'in_review', { title: itemTitle });
  itemId = item.id;
  const { row } = await t.modules.inquiries.submission.submit({
    siteId: ward.id,
    channel: 'web',
    kind: 'question',
    field: 'dat-dai',
    title: inquiryTitle,
    body: 'Xin hỏi lịch tiếp công dân của phường trong tháng này vào những ngày nào, ở đâu và cần mang theo giấy tờ gì?',
    name: 'Nguyễn Văn Hùng',
    email: 'hung.giamsat@example.com',
    phone: '0912 345 678',
    address: 'số 12 ngõ 34 phố Huế',
    consentPrivacy: true,
    consentPublish: true,
    lang: 'vi',
    statusUrl: 'http://localhost:3000/tra-cuu-cau-hoi',
  });
  inquiryId = row.id;
  headClient = await signIn(t, head, '10.90.0.1');
  adminClient = await signIn(t, admin, '10.90.0.2');
});
afterAll(async () => {
  await t?.close();
});

const audit = (action: string) => t.db.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
const accountHref = (who: TestPerson) => `/quan-tri/giam-sat/tai-khoan/${who.id}`;
const overseer = async (who: TestPerson): Promise<Actor> => ({
  ...(who.actor as Actor & { kind: 'person' }),
  oversees: await t.modules.oversight.service.overseenBy(who.id, who.grants),
});

describe('without an oversight grant', () => {
  it('a portal board head sees nothing of the sites below the portal', async () => {
    const dash = await headClient.get('/quan-tri/giam-sat');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).not.toContain(department.code);
    expect(dash.body).not.toContain(ward.code);
    expect((await headClient.get(`/quan-tri/giam-sat/mo?trang=${department.code}`)).statusCode).toBe(403);
    const actor = await overseer(head);
    expect(actor.kind === 'person' && actor.oversees).toEqual([]);
    await expect(t.modules.content.content.queues(actor, ward.id)).rejects.toMatchObject({ status: 403 });
    await expect(t.modules.content.content.oversightFigures(actor, ward.id)).rejects.toMatchObject({ status: 403 });
    await expect(t.modules.inquiries.handling.oversightFigures(actor, ward.id)).rejects.toMatchObject({ status: 403 });
  });
});

describe('granting and revoking', () => {
  it('refuses oversight to someone who is not board head of that site, with a clear message, and records nothing', async () => {
    await adminClient.get(accountHref(member));
    const res = await adminClient.post(accountHref(member), { 'thao-tac': 'cap', trang: String(portal.id) });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('không phải Trưởng Ban Biên tập');
    expect(await audit('oversight.granted')).toHaveLength(0);
    await expect(t.modules.oversight.service.grant(admin.actor, member.id, portal.id)).rejects.toMatchObject({ status: 422 });
    // The head of the portal has no role on the department: no oversight below it either.
    await expect(t.modules.oversight.service.grant(admin.actor, head.id, department.id)).rejects.toMatchObject({ status: 422 });
  });

  it('lets only a platform administrator grant', async () => {
    await expect(t.modules.oversight.service.grant(head.actor, head.id, portal.id)).rejects.toMatchObject({ status: 403 });
    const operator = await f.person('site_operator', portal);
    await expect(t.modules.oversight.service.grant(operator.actor, head.id, portal.id)).rejects.toMatchObject({ status: 403 });
  });

  it('grants a board head oversight from the account page, audited, and shows it there', async () => {
    const page = await adminClient.get(`/quan-tri/tai-khoan/${head.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="quyen-giam-sat"');
    await adminClient.get(accountHref(head));
    const res = await adminClient.post(accountHref(head), { 'thao-tac': 'cap', trang: String(portal.id) });
    expect(res.statusCode).toBe(303);
    const entries = await audit('oversight.granted');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.target_id).toBe(String(head.id));
    const again = await adminClient.get(`/quan-tri/tai-khoan/${head.id}`);
    expect(again.body).toContain(portal.nameVi);
    expect(again.body).toContain('value="thu-hoi"');
  });
});

describe('an overseer', () => {
  it('sees the child and grandchild sites on the dashboard, with their figures, and no other portal’s', async () => {
    const dash = await headClient.get('/quan-tri/giam-sat');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).toContain(`data-site="${department.code}"`);
    expect(dash.body).toContain(`data-site="${ward.code}"`);
    expect(dash.body).not.toContain(`data-site="${otherDepartment.code}"`);
    expect(dash.body).not.toContain(`data-site="${portal.code}"`);
    const wardRow = dash.body.slice(dash.body.indexOf(`data-site="${ward.code}"`));
    expect(wardRow).toMatch(/data-col="waiting">1</);
    expect(wardRow).toMatch(/data-col="open-inquiries">1</);
    const en = await headClient.get('/english/admin/oversight');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Items waiting for the board');
    const home = await headClient.get('/quan-tri');
    expect(home.body).toContain('/quan-tri/giam-sat');
  });

  it('sees a site created below the portal after the grant', async () => {
    const later = await f.site({ kind: 'ward', parent: department });
    const dash = await headClient.get('/quan-tri/giam-sat');
    expect(dash.body).toContain(`data-site="${later.code}"`);
  });

  it('opens an overseen site’s queues read only: the items listed, no link to edit or approve them', async () => {
    const open = await headClient.get(`/quan-tri/giam-sat/mo?trang=${ward.code}`);
    expect(open.statusCode).toBe(303);
    expect(open.headers.location).toBe('/quan-tri/hang-cho');
    const queues = await headClient.get('/quan-tri/hang-cho');
    expect(queues.statusCode).toBe(200);
    expect(queues.body).toContain('id="chi-xem"');
    expect(queues.body).toContain('Tin chờ duyệt &lt;b&gt;phường&lt;/b&gt;');
    expect(queues.body).not.toContain(`/quan-tri/noi-dung/${itemId}`);
    expect(queues.body).not.toMatch(/<button[^>]*>[^<]*(Duyệt|Sửa)/);
    // The item's own page is the board's.
    expect((await headClient.get(`/quan-tri/noi-dung/${itemId}`)).statusCode).toBe(403);
    const compliance = await headClient.get(`/quan-tri/giam-sat/mo?trang=${ward.code}&xem=tuan-thu`);
    expect(compliance.headers.location).toBe('/quan-tri/tuan-thu');
    expect((await headClient.get('/quan-tri/tuan-thu')).statusCode).toBe(200);
    const requests = await headClient.get(`/quan-tri/giam-sat/mo?trang=${ward.code}&xem=hoi-dap`);
    expect(requests.headers.location).toBe('/quan-tri/hoi-dap');
    const list = await headClient.get('/quan-tri/hoi-dap');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Hỏi về &lt;i&gt;lịch&lt;/i&gt;');
    expect(list.body).not.toContain(`/quan-tri/hoi-dap/${inquiryId}`);
    expect((await headClient.get(`/quan-tri/hoi-dap/${inquiryId}`)).statusCode).toBe(403);
    // Back to the portal for the other tests.
    await headClient.get(`/quan-tri/chon-trang?site=${portal.code}`);
  });

  it('cannot approve, edit or answer: the services refuse with 403', async () => {
    const actor = await overseer(head);
    expect(actor.kind === 'person' && actor.oversees).toEqual(expect.arrayContaining([department.id, ward.id]));
    await expect(t.modules.content.content.transition(actor, itemId, 'approve')).rejects.toMatchObject({ status: 403 });
    await expect(t.modules.content.content.create(actor, ward.id, { type: 'news', lang: 'vi', title: 'X' } as never)).rejects.toMatchObject({ status: 403 });
    await expect(
      t.modules.calendar.compliance.report(actor, {
        sites: [{ id: ward.id, code: ward.code, name: 'x', kind: 'component' }],
        period: { from: '2026-01-01', to: '2026-03-31' },
      }),
    ).resolves.toBeTruthy();
    const figures = await t.modules.inquiries.handling.oversightFigures(actor, ward.id);
    expect(figures).toEqual({ open: 1, overdue: 0 });
    await expect(t.modules.inquiries.handling.classify(actor, inquiryId, { kind: 'feedback', field: 'dat-dai' })).rejects.toMatchObject({ status: 403 });
    await expect(t.modules.inquiries.handling.open(actor, inquiryId)).rejects.toMatchObject({ status: 403 });
    const item = await t.db.db.selectFrom('content_items').select('stage').where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(item.stage).toBe('in_review');
  });

  it('loses it when no longer board head of the portal', async () => {
    const moved = await f.person('board_head', portal);
    await t.modules.oversight.service.grant(admin.actor, moved.id, portal.id);
    expect((await overseer(moved)).kind === 'person').toBe(true);
    const withoutRole = { ...moved, grants: [] };
    expect(await t.modules.oversight.service.overseenBy(withoutRole.id, withoutRole.grants)).toEqual([]);
  });
});

describe('hostile input', () => {
  it('never answers 500 and escapes what it shows', async () => {
    await adminClient.get(accountHref(head));
    const hostile: Record<string, string>[] = [
      { 'thao-tac': 'cap', trang: '<script>alert(1)</script>' },
      { 'thao-tac': 'cap', trang: '99999999' },
      { 'thao-tac': 'cap', trang: '9'.repeat(40) },
      { 'thao-tac': 'cap' },
      { 'thao-tac': 'thu-hoi', grant: 'abc' },
      { 'thao-tac': 'thu-hoi', grant: '2147483647' },
      { 'thao-tac': '<script>' },
    ];
    for (const fields of hostile) {
      const res = await adminClient.post(accountHref(head), fields);
      expect(res.statusCode, JSON.stringify(fields)).toBeLessThan(500);
      expect(res.statusCode).not.toBe(303);
      expect(res.body).not.toContain('<script>alert(1)</script>');
    }
    const noCsrf = await adminClient.post(accountHref(head), { _csrf: '', 'thao-tac': 'cap', trang: String(portal.id) });
    expect(noCsrf.statusCode).toBe(403);
    expect((await headClient.post(accountHref(head), { 'thao-tac': 'cap', trang: String(portal.id) })).statusCode).toBe(403);
    expect((await adminClient.get('/quan-tri/giam-sat/tai-khoan/99999999')).statusCode).toBe(404);
    expect((await adminClient.get('/quan-tri/giam-sat/tai-khoan/abc')).statusCode).toBe(404);
    expect((await headClient.get('/quan-tri/giam-sat/mo?trang=%3Cscript%3E')).statusCode).toBe(403);
    expect((await headClient.get(`/quan-tri/giam-sat/mo?trang=${'x'.repeat(500)}`)).statusCode).toBeLessThan(500);
  });
});

describe('revoking', () => {
  it('revokes from the account page, audited; the overseer then sees none of the sites', async () => {
    const grant = await t.db.db.selectFrom('oversight_grants').select('id').where('account_id', '=', head.id).executeTakeFirstOrThrow();
    await adminClient.get(accountHref(head));
    const res = await adminClient.post(accountHref(head), { 'thao-tac': 'thu-hoi', grant: String(grant.id) });
    expect(res.statusCode).toBe(303);
    expect(await audit('oversight.revoked')).toHaveLength(1);
    const dash = await headClient.get('/quan-tri/giam-sat');
    expect(dash.body).not.toContain(`data-site="${ward.code}"`);
    expect((await headClient.get(`/quan-tri/giam-sat/mo?trang=${ward.code}`)).statusCode).toBe(403);
  });
});
