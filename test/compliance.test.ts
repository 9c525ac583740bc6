/**
 * The compliance dashboard on a portal with a ward and a department: items of March 2026
 * published on time, late or not at all give the figures per rule and overall with the on-time
 * rate, the due-soon and overdue lists; the portal's and a ward's publishing frequency slot by
 * slot (a day with and without an evening update, a holiday); the page in both languages, CSV
 * and XLSX; reminders to the owner once, escalation to the board head once.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app.ts';
import { signedInClients } from './sign-in.ts';
import { factories, type TestPerson, type TestSite } from './factories.ts';
import type { Actor } from '../src/modules/access/index.ts';
import type { ContentService, NewItemInput } from '../src/modules/content/index.ts';
import { ComplianceService, currentQuarter, type ComplianceSite } from '../src/modules/calendar/compliance.service.ts';
import { remindDeadlines } from '../src/modules/calendar/reminders.ts';

let t: TestApp;
let content: ContentService;
let service: ComplianceService;
let hanoi: ComplianceSite;
let ward: ComplianceSite;
/** The portal's board member who owns the items, its board head, a ward's head, the platform admin. */
let owner: TestPerson;
let boardHead: TestPerson;
let wardHead: TestPerson;
let platformAdmin: TestPerson;
let wardSite: TestSite;
let portalSite: TestSite;
const system: Actor = { kind: 'system', label: 'test' };
const vn = (local: string) => new Date(`${local}+07:00`);
/** "Now" for the figures: Friday 20/03/2026, 10:00 in Việt Nam. */
const NOW = vn('2026-03-20T10:00:00');
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const ids: Record<string, number> = {};
const TITLE = {
  A: 'Hướng dẫn A đăng đúng hạn',
  B: 'Hướng dẫn B đăng trễ hạn',
  C: 'Tin C đăng trong 48 giờ',
  D: 'Tin D chưa đăng, quá hạn',
  E: 'Hướng dẫn E sắp đến hạn',
  F: 'Hướng dẫn F chưa đến hạn',
  G: 'Tin G đăng buổi tối',
};

beforeAll(async () => {
  t = await buildTestApp({ seed: false });
  content = t.modules.content.content;
  service = new ComplianceService(t.db.db, t.modules.calendar.calendar, undefined, (ids) => t.modules.accounts.unitsOf(ids));
  const f = factories(t);
  portalSite = await f.site();
  await f.site({ kind: 'department', nameVi: 'Sở Kiểm Thử' });
  wardSite = await f.site({ kind: 'ward', nameVi: 'Phường Kiểm Thử' });
  hanoi = { id: portalSite.id, code: portalSite.code, name: portalSite.nameVi, kind: 'portal' };
  ward = { id: wardSite.id, code: wardSite.code, name: wardSite.nameVi, kind: 'component' };
  owner = await f.person('board_member', portalSite, { unit: 'Ban Biên tập Cổng' });
  boardHead = await f.person('board_head', portalSite);
  wardHead = await f.person('board_head', wardSite);
  platformAdmin = await f.person('platform_admin', null);
  const base = { lang: 'vi', summary: '', bodyHtml: '<p>x</p>', source: 'UBND', authorName: 'BBT' };
  const make = async (
    key: keyof typeof TITLE,
    input: Omit<NewItemInput, 'title' | 'lang' | 'summary' | 'bodyHtml' | 'source' | 'authorName'>,
    publishedAt?: Date,
  ) => {
    const item = await content.create(owner.actor, hanoi.id, { ...base, ...input, title: TITLE[key] });
    ids[key] = item.id;
    if (publishedAt) await publish(item.id, publishedAt);
  };
  // DL-3, 2 working days: issued Monday 02/03, due at the end of Wednesday 04/03.
  await make('A', { type: 'guidance', fields: { issue_date: '2026-03-02' } }, vn('2026-03-03T09:00:00'));
  await make('B', { type: 'guidance', fields: { issue_date: '2026-03-02' } }, vn('2026-03-10T09:00:00'));
  // DL-1, 48 hours: the event of 05/03 (00:00) is due 07/03 00:00.
  await make('C', { type: 'news', fields: { event_date: '2026-03-05' } }, vn('2026-03-06T10:00:00'));
  await make('D', { type: 'news', fields: { event_date: '2026-03-09' } });
  // Issued Thursday 19/03: due at the end of Monday 23/03 — within 3 working days of NOW.
  await make('E', { type: 'guidance', fields: { issue_date: '2026-03-19' } });
  // Issued Wednesday 25/03: due Friday 27/03 — in the period, beyond the due-soon window.
  await make('F', { type: 'guidance', fields: { issue_date: '2026-03-25' } });
  await make('G', { type: 'news', fields: { event_date: '2026-03-12' } }, vn('2026-03-12T20:00:00'));
  // Saturday 14/03: morning, afternoon and evening updates; Sunday 15/03: no evening update.
  for (const at of ['2026-03-14T07:00:00', '2026-03-14T13:00:00', '2026-03-14T19:00:00', '2026-03-15T08:00:00', '2026-03-15T14:00:00']) {
    const item = await content.create(owner.actor, hanoi.id, { ...base, type: 'thematic', title: `Chuyên đề ${at}`, fields: {} });
    await publish(item.id, vn(at));
  }
  // The ward on the holiday 30/04/2026 (and the working day before it: morning only).
  for (const at of ['2026-04-29T09:00:00', '2026-04-30T09:00:00']) {
    const item = await content.create(system, ward.id, { ...base, type: 'thematic', title: `Phường ${at}`, fields: {} });
    await publish(item.id, vn(at));
  }
});
afterAll(async () => {
  await t?.close();
});

async function publish(id: number, at: Date): Promise<void> {
  const item = (await content.item(id))!;
  await content.transition(system, id, 'submit', {}, at);
  if ((await content.siteWorkflow(item.site_id)).approvalSteps === 2) await content.transition(system, id, 'take', {}, at);
  await content.transition(system, id, 'approve', {}, at);
}

const march = () => service.report(system, { sites: [hanoi], period: MARCH, now: NOW });

describe('deadline figures', () => {
  it('counts per rule and overall, with the on-time rate', async () => {
    const r = await march();
    const dl3 = r.rules.find((x) => x.code === 'DL-3')!;
    const dl1 = r.rules.find((x) => x.code === 'DL-1')!;
    expect(dl3.label).toContain('2 ngày làm việc');
    expect(dl3.figures).toEqual({ total: 4, onTime: 1, late: 1, overdue: 0, open: 2, rate: 0.5 });
    expect(dl1.figures).toMatchObject({ total: 3, onTime: 2, late: 0, overdue: 1, open: 0 });
    expect(dl1.figures.rate).toBeCloseTo(2 / 3);
    expect(r.overall).toEqual({ total: 7, onTime: 3, late: 1, overdue: 1, open: 2, rate: 0.6 });
    // By the provider's unit: every deadline counted once, under its owner's unit.
    expect(r.byUnit.reduce((n, u) => n + u.figures.total, 0)).toBe(7);
    expect(r.byUnit.some((u) => u.unit !== '')).toBe(true);
    expect(r.deadlines.map((d) => d.title)).toEqual(expect.arrayContaining(Object.values(TITLE)));
    expect(r.deadlines.find((d) => d.subjectId === ids.B)).toMatchObject({ outcome: 'late', title: TITLE.B });
    expect(r.deadlines.find((d) => d.subjectId === ids.B)!.lateSeconds).toBeGreaterThan(5 * 86_400);
  });

  it('lists what is due soon and what is overdue', async () => {
    const r = await march();
    expect(r.soonDays).toBe(3);
    expect(r.soonUntil.toISOString()).toBe('2026-03-25T16:59:59.999Z'); // end of Wednesday 25/03
    expect(r.dueSoon.map((d) => d.subjectId)).toEqual([ids.E]);
    expect(r.dueSoon[0]).toMatchObject({ ruleCode: 'DL-3', outcome: 'open', workingDaysLeft: 1, title: TITLE.E });
    expect(r.overdue.map((d) => d.subjectId)).toEqual([ids.D]);
    const wider = await service.report(system, { sites: [hanoi], period: MARCH, now: NOW, soonDays: 5 });
    expect(wider.dueSoon.map((d) => d.subjectId)).toEqual([ids.E, ids.F]);
  });

  it('refuses a bad period and sites the person may not enter', async () => {
    await expect(service.report(system, { sites: [hanoi], period: { from: '2026-03-31', to: '2026-03-01' } })).rejects.toMatchObject({ status: 422 });
    await expect(service.report(system, { sites: [hanoi], period: { from: '2025-01-01', to: '2026-12-31' } })).rejects.toMatchObject({ status: 422 });
    await expect(service.report(wardHead.actor, { sites: [hanoi], period: MARCH })).rejects.toMatchObject({ status: 403 });
    expect((await service.report(wardHead.actor, { sites: [ward], period: MARCH, now: NOW })).sites).toEqual([ward]);
    expect(currentQuarter(vn('2026-11-24T05:00:00'))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(currentQuarter(new Date('2026-12-31T17:30:00Z'))).toEqual({ from: '2027-01-01', to: '2027-03-31' }); // already 2027 in Việt Nam
  });
});

describe('publishing frequency', () => {
  it('checks the portal’s three slots every day, weekends included', async () => {
    const r = await march();
    const f = r.frequency[0]!.result;
    expect(f.rule).toBe('DL-10');
    const day = (d: string) => f.days.find((x) => x.date === d)!.slots.map((s) => s.state);
    expect(day('2026-03-14')).toEqual(['met', 'met', 'met']); // a Saturday with an evening update
    expect(day('2026-03-15')).toEqual(['met', 'met', 'missed']); // a Sunday without
    expect(day('2026-03-12')).toEqual(['missed', 'missed', 'met']);
    expect(day('2026-03-20')).toEqual(['pending', 'pending', 'pending']); // NOW is 10:00 that day
    expect(day('2026-03-25')).toEqual(['pending', 'pending', 'pending']);
    expect(f.fullDays).toBe(1);
  });

  it('asks nothing of a component site on a holiday', async () => {
    const f = await service.month(system, ward, '2026-04', vn('2026-05-10T00:00:00'));
    expect(f.rule).toBe('DL-11');
    const day = (d: string) => f.days.find((x) => x.date === d)!;
    expect(day('2026-04-29')).toMatchObject({ required: true, workingDay: true });
    expect(day('2026-04-29').slots.map((s) => s.state)).toEqual(['met', 'missed']);
    expect(day('2026-04-30')).toMatchObject({ required: false, workingDay: false });
    expect(day('2026-04-30').slots).toEqual([
      { slot: 'morning', state: 'not-required', updates: 1 },
      { slot: 'afternoon', state: 'not-required', updates: 0 },
    ]);
    expect(day('2026-04-25').required).toBe(false); // a Saturday
  });
});

// ——— Over HTTP, as the platform admin ———

const as = signedInClients(() => t, 46);

describe('the dashboard', () => {
  it('needs a signed-in person', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/quan-tri/tuan-thu', headers: { host: 'localhost' } });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toContain('/quan-tri/dang-nhap');
  });

  it('shows the period’s figures, links each deadline to its item, and the month calendar', async () => {
    const admin = await as(platformAdmin);
    const r = await admin.get('/quan-tri/tuan-thu?tu=2026-03-01&den=2026-03-31&thang=2026-03');
    expect(r.statusCode, r.body.slice(0, 500)).toBe(200);
    expect(r.body).toContain('href="/quan-tri/tuan-thu" aria-current="page"');
    expect(r.body).toMatch(/<caption>Kết quả theo quy tắc, kỳ 01\/03\/2026–31\/03\/2026<\/caption>/);
    expect(r.body).toMatch(/<th scope="row">Tổng cộng<\/th><td>7<\/td><td>3<\/td><td>1<\/td>/);
    // D has been overdue since March whatever today is: listed with a link to its admin page.
    expect(r.body).toContain(`<a href="/quan-tri/noi-dung/${ids.D}">${TITLE.D}</a>`);
    expect(r.body).toContain('Tần suất cập nhật tháng 03/2026');
    expect(r.body).toContain('<span class="visually-hidden">Tối: không có cập nhật</span>');
    expect(r.body).toContain('<th scope="col">Thứ Hai</th>');
    expect(r.body).toContain('name="gom"'); // the portal may include its component sites
    expect(r.body).toContain('href="/quan-tri/tuan-thu.xlsx?tu=2026-03-01&amp;den=2026-03-31&amp;thang=2026-03"');
  });

  it('includes the portal’s component sites when asked, and answers in English', async () => {
    const admin = await as(platformAdmin);
    const r = await admin.get(`/quan-tri/tuan-thu?tu=2026-03-01&den=2026-03-31&gom=1&lich=${wardSite.code}&thang=2026-04`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Kết quả theo trang');
    expect(r.body).toContain('Phường Kiểm Thử');
    expect(r.body).toContain('Sở Kiểm Thử');
    expect(r.body).toMatch(/Tần suất cập nhật tháng 04\/2026 — Phường Kiểm Thử \(DL-11/);
    const en = await admin.get('/english/admin/compliance?tu=2026-03-01&den=2026-03-31');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('On-time rate');
    expect(en.body).toContain(`<a href="/english/admin/content/${ids.D}">`);
  });

  it('refuses a period it cannot use, saying why', async () => {
    const admin = await as(platformAdmin);
    const r = await admin.get('/quan-tri/tuan-thu?tu=2026-03-31&den=2026-03-01');
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('Ngày kết thúc phải từ ngày bắt đầu trở đi.');
    expect((await admin.get('/quan-tri/tuan-thu.csv?tu=abc')).statusCode).toBe(422);
  });

  it('shows a ward’s head only their own site', async () => {
    const head = await as(wardHead);
    const r = await head.get('/quan-tri/tuan-thu?tu=2026-04-01&den=2026-04-30&gom=1');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Phường Kiểm Thử');
    expect(r.body).not.toContain('name="gom"');
    expect(r.body).not.toContain(TITLE.D);
  });

  it('exports the same figures as CSV, UTF-8 with a BOM', async () => {
    const admin = await as(platformAdmin);
    const r = await admin.get('/quan-tri/tuan-thu.csv?tu=2026-03-01&den=2026-03-31');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="tuan-thu-${portalSite.code}-2026-03-01-2026-03-31.csv"`);
    expect(r.body.startsWith('\uFEFF')).toBe(true);
    const lines = r.body.split('\r\n');
    // Seen from today (after March 2026), E and F are overdue too: 3 on time of 7 decided.
    expect(lines).toContain('Tổng cộng,,7,3,1,3,0,42.9');
    expect(lines.some((l) => l.startsWith('DL-3,') && l.endsWith(',4,1,1,2,0,25'))).toBe(true);
    expect(lines.find((l) => l.includes(TITLE.B))).toContain('Trễ hạn');
    expect(lines).toContain(`${portalSite.code},2026-03-15,Không,có cập nhật (1),có cập nhật (1),không có cập nhật`);
  });

  it('exports XLSX: a zip whose sheets hold the figures', async () => {
    const admin = await as(platformAdmin);
    const r = await admin.get('/english/admin/compliance.xlsx?tu=2026-03-01&den=2026-03-31');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = r.rawPayload;
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // PK\3\4
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain(TITLE.B);
    expect(strings).toContain('On-time rate (%)');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="By rule"');
  });
});

describe('reminders', () => {
  const deps = () => ({ db: t.db.db, calendar: t.modules.calendar.calendar, accounts: t.modules.accounts });
  const mail = async (subject: string) =>
    (
      await sql<{ to_address: string; text_body: string }>`select to_address, text_body from mail_outbox where subject = ${subject} order by id`.execute(
        t.db.db,
      )
    ).rows;

  it('writes once to the owner of a deadline due within 2 working days, and once to the board head when it has passed', async () => {
    const first = await remindDeadlines(deps(), NOW);
    expect(first).toEqual({ reminded: 1, escalated: 1 });
    const reminder = await mail(`Sắp đến hạn: tin, bài #${ids.E} «${TITLE.E}»`);
    expect(reminder.map((m) => m.to_address)).toEqual([owner.email]);
    expect(reminder[0]!.text_body).toContain(`/quan-tri/noi-dung/${ids.E}`);
    expect(reminder[0]!.text_body).toContain('23:59 23/03/2026');
    const escalation = await mail(`Quá hạn: tin, bài #${ids.D} «${TITLE.D}»`);
    expect(escalation.map((m) => m.to_address)).toEqual([boardHead.email]);
    expect(escalation[0]!.text_body).toContain('Người phụ trách:');

    expect(await remindDeadlines(deps(), new Date(NOW.getTime() + 3_600_000))).toEqual({ reminded: 0, escalated: 0 });
    expect(await mail(`Sắp đến hạn: tin, bài #${ids.E} «${TITLE.E}»`)).toHaveLength(1);
    expect(await mail(`Quá hạn: tin, bài #${ids.D} «${TITLE.D}»`)).toHaveLength(1);
    const flags = await t.db.db
      .selectFrom('deadlines')
      .select(['subject_id', 'reminded_at', 'escalated_at'])
      .where('subject_type', '=', 'content')
      .where('subject_id', 'in', [ids.D!, ids.E!, ids.F!])
      .execute();
    const of = (id: number) => flags.find((f) => f.subject_id === id)!;
    expect(of(ids.E!).reminded_at).not.toBeNull();
    expect(of(ids.D!).escalated_at).not.toBeNull();
    expect(of(ids.F!)).toMatchObject({ reminded_at: null, escalated_at: null });
  });

  it('escalates E once it has passed too, still once', async () => {
    const later = vn('2026-03-24T08:00:00');
    expect(await remindDeadlines(deps(), later)).toMatchObject({ escalated: 1 });
    expect(await remindDeadlines(deps(), later)).toEqual({ reminded: 0, escalated: 0 });
    expect(await mail(`Quá hạn: tin, bài #${ids.E} «${TITLE.E}»`)).toHaveLength(1);
  });
});
