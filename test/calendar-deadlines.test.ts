/**
 * The calendar and deadlines on the demo platform: a year through the API, an item's deadline
 * from its trigger date to its outcome, a calendar edit by the platform admin that moves open
 * deadlines and tells their owners, refused contradictions, and the admin screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from './app.ts';
import type { Actor } from '../src/modules/access/index.ts';
import type { ContentService } from '../src/modules/content/index.ts';
import { factories, type TestPerson } from './factories.ts';

let t: TestApp;
let content: ContentService;
let hanoi: number;
/** A board member of the demo portal: the owner of the items' deadlines. */
let editor: TestPerson;
const system: Actor = { kind: 'system', label: 'test' };

beforeAll(async () => {
  t = await buildTestApp();
  content = t.modules.content.content;
  hanoi = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!.id;
  editor = await factories(t).person('board_member', hanoi);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost:3000' } });
const owner = (): Actor => editor.actor;
const deadlinesOf = (id: number) => t.modules.calendar.deadlines.ofSubject(t.db.db, 'content', id);

describe('the calendar API', () => {
  it('returns a year with its days off and make-up days', async () => {
    const r = await get('/api/v1/calendar/2026');
    expect(r.statusCode).toBe(200);
    const body = r.json() as { status: string; daysOff: { date: string; name: string }[]; makeUpWorkingDays: { date: string }[] };
    expect(body.status).toBe('announced');
    expect(body.daysOff.map((d) => d.date)).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-20', '2026-09-01', '2026-09-02']));
    expect(body.makeUpWorkingDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect((await get('/api/v1/calendar/2027')).json()).toMatchObject({ status: 'provisional' });
  });

  it('refuses a year outside the calendar with 404, a non-year with 400', async () => {
    expect((await get('/api/v1/calendar/1890')).statusCode).toBe(404);
    expect((await get('/api/v1/calendar/abcd')).statusCode).toBe(400);
  });
});

describe('the demo', () => {
  it('has items published on time and items published late, whenever it is seeded', async () => {
    const rows = await sql<{
      late: number;
      on_time: number;
    }>`select count(*) filter (where late_seconds > 0)::int as late, count(*) filter (where late_seconds = 0)::int as on_time from deadlines where met_at is not null`.execute(
      t.db.db,
    );
    expect(rows.rows[0]!.late).toBeGreaterThan(0);
    expect(rows.rows[0]!.on_time).toBeGreaterThan(rows.rows[0]!.late);
  });
});

describe('an item’s deadline', () => {
  it('is due 48 hours after the event for news, and on time when published before', async () => {
    const item = await content.create(owner(), hanoi, {
      type: 'news',
      lang: 'vi',
      title: 'Hội nghị trực tuyến về chuyển đổi số',
      summary: '',
      bodyHtml: '<p>x</p>',
      source: 'UBND',
      authorName: 'BBT',
      fields: { event_date: '2026-11-23' },
    });
    const [open] = await deadlinesOf(item.id);
    expect(open).toMatchObject({ rule_code: 'DL-1', amount: 48, unit: 'hours', met_at: null });
    expect(new Date(open!.due_at).toISOString()).toBe('2026-11-24T17:00:00.000Z'); // 23/11 00:00 + 48 h, Việt Nam time
    expect(open!.explanation.text).toContain('48');
  });

  it('is counted in working days across Tết for guidance, and late when published after', async () => {
    const item = await content.create(owner(), hanoi, {
      type: 'guidance',
      lang: 'vi',
      title: 'Hướng dẫn thực hiện chính sách mới sau Tết',
      summary: '',
      bodyHtml: '<p>x</p>',
      source: 'UBND',
      authorName: 'BBT',
      fields: { issue_date: '2026-02-13' },
    });
    const [open] = await deadlinesOf(item.id);
    // Friday 13/02/2026: 2 working days → 23/02 and 24/02 (14–22/02 is Tết).
    expect(new Date(open!.due_at).toISOString()).toBe('2026-02-24T16:59:59.999Z');
    expect(open!.explanation.skipped.map((s) => s.date)).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-20']));
    await content.transition(system, item.id, 'submit');
    await content.transition(system, item.id, 'take');
    await content.transition(system, item.id, 'approve');
    const [met] = await deadlinesOf(item.id);
    expect(met!.met_at).not.toBeNull();
    expect(met!.late_seconds).toBeGreaterThan(0);
  });

  it('shows the due moment and how it was computed on the item page', async () => {
    const item = await content.create(owner(), hanoi, {
      type: 'plan',
      lang: 'vi',
      title: 'Kế hoạch thử hạn',
      summary: '',
      bodyHtml: '<p>x</p>',
      source: 'UBND',
      authorName: 'BBT',
      fields: { approval_date: '2026-08-28', period: '2026' },
    });
    const [d] = await deadlinesOf(item.id);
    // Friday 28/08/2025… 2026: 10 working days skipping 29/08–02/09 and counting the make-up Saturday 22/08 only if after.
    expect(d!.rule_code).toBe('DL-5');
    expect(d!.explanation.skipped.map((s) => s.date)).toEqual(expect.arrayContaining(['2026-08-31', '2026-09-01', '2026-09-02']));
  });
});

describe('a site’s own rules', () => {
  it('overrides a default from its effective date; older triggers keep the old rule', async () => {
    const deadlines = t.modules.calendar.deadlines;
    await deadlines.addSiteRule(t.db.db, system, hanoi, {
      code: 'DL-3',
      variant: '',
      label: 'Hướng dẫn: 5 ngày làm việc (quy chế cũ)',
      amount: 5,
      unit: 'working-days',
      effectiveFrom: '2026-12-01',
    });
    const before = await content.create(owner(), hanoi, {
      type: 'guidance',
      lang: 'vi',
      title: 'Hướng dẫn trước hiệu lực',
      summary: '',
      bodyHtml: '<p>x</p>',
      source: 'UBND',
      authorName: 'BBT',
      fields: { issue_date: '2026-11-27' },
    });
    const after = await content.create(owner(), hanoi, {
      type: 'guidance',
      lang: 'vi',
      title: 'Hướng dẫn sau hiệu lực',
      summary: '',
      bodyHtml: '<p>x</p>',
      source: 'UBND',
      authorName: 'BBT',
      fields: { issue_date: '2026-12-04' },
    });
    expect((await deadlinesOf(before.id))[0]).toMatchObject({ amount: 2 });
    // Friday 04/12/2026 + 5 working days = Friday 11/12.
    const [d] = await deadlinesOf(after.id);
    expect(d).toMatchObject({ amount: 5, rule_label: 'Hướng dẫn: 5 ngày làm việc (quy chế cũ)' });
    expect(new Date(d!.due_at).toISOString()).toBe('2026-12-11T16:59:59.999Z');
  });

  it('refuses negative, absurd and duplicate rules, and people without site settings', async () => {
    const deadlines = t.modules.calendar.deadlines;
    const rule = { code: 'DL-12', variant: '', label: 'Quy tắc riêng', amount: 10, unit: 'working-days' as const, effectiveFrom: '2026-01-01' };
    await expect(deadlines.addSiteRule(t.db.db, system, hanoi, { ...rule, amount: -1 })).rejects.toMatchObject({ status: 422 });
    await expect(deadlines.addSiteRule(t.db.db, system, hanoi, { ...rule, amount: 5000 })).rejects.toMatchObject({ status: 422 });
    await expect(deadlines.addSiteRule(t.db.db, system, hanoi, { ...rule, unit: 'weeks' as never })).rejects.toMatchObject({ status: 422 });
    await expect(deadlines.addSiteRule(t.db.db, system, hanoi, { ...rule, code: 'bad code' })).rejects.toMatchObject({ status: 422 });
    await deadlines.addSiteRule(t.db.db, system, hanoi, rule);
    await expect(deadlines.addSiteRule(t.db.db, system, hanoi, rule)).rejects.toMatchObject({ status: 409 });
    await expect(deadlines.addSiteRule(t.db.db, owner(), hanoi, { ...rule, effectiveFrom: '2026-02-01' })).rejects.toMatchObject({ status: 403 });
  });
});

describe('editing the calendar', () => {
  it('refuses contradictions with their reasons, saving nothing', async () => {
    await expect(
      t.modules.calendar.calendar.editYear(system, 2027, { off: [{ date: '2026-12-31', name: 'Sai năm' }], makeUp: [], source: 'thử' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      t.modules.calendar.calendar.editYear(system, 2027, { off: [{ date: '2027-01-02', name: 'Nghỉ' }], makeUp: [{ date: '2027-01-02' }], source: 'thử' }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await t.modules.calendar.calendar.year(2027)).status).toBe('provisional');
  });

  it('moves open deadlines when a new holiday is added, tells their owners, and audits it', async () => {
    const item = await content.create(owner(), hanoi, {
      type: 'guidance',
      lang: 'vi',
      title: 'Hướng dẫn trước ngày 24/11',
      summary: '',
      bodyHtml: '<p>x</p>',
      source: 'UBND',
      authorName: 'BBT',
      fields: { issue_date: '2026-11-20' },
    });
    const [before] = await deadlinesOf(item.id);
    // Friday 20/11/2026 + 2 working days = Tuesday 24/11.
    expect(new Date(before!.due_at).toISOString()).toBe('2026-11-24T16:59:59.999Z');
    const y = await t.modules.calendar.calendar.year(2026);
    await t.modules.calendar.calendar.editYear(system, 2026, {
      off: [...y.off, { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }],
      makeUp: y.makeUp,
      source: 'Luật sửa đổi Bộ luật Lao động (giả định)',
    });
    const [after] = await deadlinesOf(item.id);
    expect(new Date(after!.due_at).toISOString()).toBe('2026-11-25T16:59:59.999Z');
    expect(after!.explanation.skipped.map((s) => s.reason)).toContain('Ngày Văn hóa Việt Nam');
    const mail = await sql<{
      subject: string;
    }>`select subject from mail_outbox where to_address = ${editor.email} order by id desc limit 5`.execute(t.db.db);
    expect(mail.rows.map((m) => m.subject)).toContain('Thời hạn thay đổi theo lịch ngày nghỉ năm 2026');
    const audit = await sql<{ action: string }>`select action from audit_log where action = 'calendar.year_edited'`.execute(t.db.db);
    expect(audit.rows.length).toBe(1);
    expect((await get('/api/v1/calendar/2026')).json()).toMatchObject({ status: 'edited' });
    await t.modules.calendar.calendar.resetYear(system, 2026);
    expect((await t.modules.calendar.calendar.year(2026)).status).toBe('announced');
  });

  it('is for platform admins only', async () => {
    await expect(t.modules.calendar.calendar.editYear(owner(), 2027, { off: [], makeUp: [], source: 'x' })).rejects.toMatchObject({ status: 403 });
  });
});
