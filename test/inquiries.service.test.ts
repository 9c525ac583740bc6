/**
 * Citizens' requests through the services, on the demo platform: the legal clock across Tết 2026
 * and the same-working-day rule, idempotent submission, the pipeline from receipt to a published
 * answer found by search with personal data removed, reminders to an agency, on-time rates per
 * agency, and the erasure of personal data after the retention period.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from './app.ts';
import type { Actor } from '../src/modules/access/index.ts';
import type { SubmissionInput } from '../src/modules/inquiries/index.ts';
import { SubmissionService } from '../src/modules/inquiries/submission.service.ts';

let t: TestApp;
let hanoi: number;
let noiVu: number;
let xayDung: number;
const system: Actor = { kind: 'system', label: 'test' };
let seq = 0;

beforeAll(async () => {
  t = await buildTestApp();
  hanoi = (await t.modules.sites.listSites()).find((s) => s.code === 'hanoi')!.id;
  const agencies = t.modules.inquiries.agencies;
  noiVu =
    (await agencies.list(hanoi)).find((a) => a.name === 'Sở Nội vụ (kiểm thử)')?.id ??
    (await agencies.add(system, hanoi, { name: 'Sở Nội vụ (kiểm thử)', hotlineDefault: true })).id;
  xayDung = (await agencies.add(system, hanoi, { name: 'Sở Xây dựng (kiểm thử)' })).id;
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Sets the clock (Date only: timers stay real, so the database keeps working). */
function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

function input(over: Partial<SubmissionInput> = {}): SubmissionInput {
  seq++;
  return {
    siteId: hanoi,
    channel: 'web',
    kind: 'question',
    field: 'dat-dai',
    title: `Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất lần ${seq}`,
    body: 'Tôi là Nguyễn Văn Hùng, ở số 12 ngõ 34 phố Huế. Xin hỏi hồ sơ cấp giấy chứng nhận lần đầu gồm những gì? Điện thoại 0912 345 678.',
    name: 'Nguyễn Văn Hùng',
    email: `hung${seq}@example.com`,
    phone: '0912 345 678',
    address: 'số 12 ngõ 34 phố Huế',
    consentPrivacy: true,
    consentPublish: true,
    lang: 'vi',
    statusUrl: 'http://localhost:3000/tra-cuu-cau-hoi',
    ...over,
  };
}

const submit = (over: Partial<SubmissionInput> = {}) => t.modules.inquiries.submission.submit(input(over));
const dueOf = async (stage: string, id: number) => (await t.modules.calendar.deadlines.ofSubject(t.db.db, stage, id))[0];
const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : undefined);

describe('the legal clock (DL-9)', () => {
  it('counts 2 and 15 working days from a receipt just before Tết 2026', async () => {
    at('2026-02-13T03:00:00Z'); // Friday 13/02/2026 10:00, the last working day before Tết (14–22/02)
    const { row } = await submit();
    // 2 working days: Monday 23/02 and Tuesday 24/02, to the end of the day in Việt Nam.
    expect(iso((await dueOf('inquiry_forward', row.id))?.due_at)).toBe('2026-02-24T16:59:59.999Z');
    // 15 working days: 23–27/02, 02–06/03, 09–13/03.
    expect(iso((await dueOf('inquiry_answer', row.id))?.due_at)).toBe('2026-03-13T16:59:59.999Z');
    expect((await dueOf('inquiry_answer', row.id))?.explanation.skipped.map((s) => s.date)).toEqual(
      expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-20']),
    );
  });

  it('starts counting on the first working day after Tết for a request received during it', async () => {
    at('2026-02-18T14:00:00Z'); // Wednesday 18/02/2026 21:00, mùng 2 Tết
    const { row } = await submit();
    expect(iso((await dueOf('inquiry_forward', row.id))?.due_at)).toBe('2026-02-24T16:59:59.999Z');
    expect(iso((await dueOf('inquiry_answer', row.id))?.due_at)).toBe('2026-03-13T16:59:59.999Z');
  });

  it('records an out-of-scope notice given the same working day as on time, and one given the next day as late (QA-3)', async () => {
    at('2026-10-05T02:00:00Z'); // Monday 05/10/2026 09:00
    const sameDay = (await submit()).row;
    const nextDay = (await submit()).row;
    at('2026-10-05T09:30:00Z'); // 16:30 the same day
    await t.modules.inquiries.handling.declareOutOfScope(system, sameDay.id, 'Nội dung thuộc thẩm quyền của Toà án nhân dân.');
    at('2026-10-06T02:00:00Z'); // Tuesday 09:00
    await t.modules.inquiries.handling.declareOutOfScope(system, nextDay.id, 'Nội dung thuộc thẩm quyền của Toà án nhân dân.');
    const onTime = await dueOf('inquiry_scope', sameDay.id);
    const late = await dueOf('inquiry_scope', nextDay.id);
    expect(iso(onTime?.due_at)).toBe('2026-10-05T16:59:59.999Z');
    expect(onTime?.late_seconds).toBe(0);
    expect(late?.late_seconds).toBeGreaterThan(0);
    // Nothing more is owed on either: no answer deadline is left open.
    expect(await dueOf('inquiry_answer', sameDay.id)).toBeUndefined();
    expect((await dueOf('inquiry_forward', sameDay.id))?.met_at).not.toBeNull();
  });

  it('gives a request received on a Saturday until the end of the next working day to be declared out of scope', async () => {
    at('2026-10-10T03:00:00Z'); // Saturday 10/10/2026
    const { row } = await submit();
    at('2026-10-12T08:00:00Z'); // Monday 15:00
    await t.modules.inquiries.handling.declareOutOfScope(system, row.id, 'Không thuộc thẩm quyền của Thành phố.');
    const d = await dueOf('inquiry_scope', row.id);
    expect(iso(d?.due_at)).toBe('2026-10-12T16:59:59.999Z');
    expect(d?.late_seconds).toBe(0);
  });
});

describe('idempotent submission', () => {
  it('records one request for a repeated key, and refuses the key for other content', async () => {
    const first = await submit({ idempotencyKey: 'web:same-key-1', title: 'Câu hỏi gửi hai lần do bấm đúp' });
    const again = await t.modules.inquiries.submission.submit({
      ...input({ idempotencyKey: 'web:same-key-1', title: 'Câu hỏi gửi hai lần do bấm đúp' }),
      email: first.row.email,
    });
    expect(again.replayed).toBe(true);
    expect(again.row.code).toBe(first.row.code);
    const n = await sql<{ n: number }>`select count(*)::int as n from inquiries where idempotency_key = 'web:same-key-1'`.execute(t.db.db);
    expect(n.rows[0]!.n).toBe(1);
    await expect(submit({ idempotencyKey: 'web:same-key-1', title: 'Một câu hỏi khác hẳn' })).rejects.toMatchObject({
      status: 409,
      code: 'inquiry.idempotency_mismatch',
    });
  });

  it('records one request when the same submission arrives several times at once', async () => {
    const same = input({ idempotencyKey: 'api:burst-1' });
    const results = await Promise.all(Array.from({ length: 6 }, () => t.modules.inquiries.submission.submit(same)));
    expect(new Set(results.map((r) => r.row.code)).size).toBe(1);
    const n = await sql<{ n: number }>`select count(*)::int as n from inquiries where idempotency_key = 'api:burst-1'`.execute(t.db.db);
    expect(n.rows[0]!.n).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it('writes a plain submission — request, event, deadlines, mail — in one statement, one round trip', async () => {
    const statements: string[] = [];
    // Counted when run (a query builder embedded in another is transformed without being run).
    const counting = t.db.db.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements.push(String(args.queryId.queryId));
        return args.result;
      },
    });
    const service = new SubmissionService(counting, t.modules.inquiries.storage, t.modules.calendar.deadlines);
    // The site's deadline rules are cached after a first submission.
    await service.submit(input());
    statements.length = 0;
    const { row, answerDue } = await service.submit(input({ idempotencyKey: 'web:one-statement' }));
    expect(statements).toHaveLength(1);
    expect(answerDue).toBeInstanceOf(Date);
    const written = await sql<{ events: number; deadlines: number; mails: number }>`select
        (select count(*)::int from inquiry_events where inquiry_id = ${row.id} and kind = 'received') as events,
        (select count(*)::int from deadlines where subject_id = ${row.id} and subject_type in ('inquiry_forward', 'inquiry_answer')) as deadlines,
        (select count(*)::int from mail_outbox where to_address = ${row.email}) as mails`.execute(t.db.db);
    expect(written.rows[0]).toEqual({ events: 1, deadlines: 2, mails: 1 });
    // A repeat writes nothing more: its statement finds the key taken, then the first request is read.
    statements.length = 0;
    const again = await service.submit(input({ idempotencyKey: 'web:one-statement', title: row.title, email: row.email, body: row.body }));
    expect(again).toMatchObject({ replayed: true, row: { id: row.id } });
    const after = await sql<{ n: number }>`select count(*)::int as n from inquiry_events where inquiry_id = ${row.id}`.execute(t.db.db);
    expect(after.rows[0]!.n).toBe(1);
  });

  it('stores nothing for invalid input and says what is wrong with each field', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from inquiries`.execute(t.db.db);
    const err = await submit({ title: '', email: 'not-an-email', phone: '12', consentPrivacy: false, kind: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422 });
    const fields = (err as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'email', 'phone', 'consentPrivacy', 'kind']));
    const after = await sql<{ n: number }>`select count(*)::int as n from inquiries`.execute(t.db.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('from receipt to a published answer', () => {
  it('forwards, answers through the board, tells the citizen at each stage, and publishes without personal data', async () => {
    const { handling, publication, submission } = t.modules.inquiries;
    const { row } = await submit({ title: 'Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'xay-dung' });
    const dup = (
      await submit({ title: 'Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ là bao lâu', field: 'xay-dung', email: 'lan@example.com', name: 'Trần Thị Lan' })
    ).row;
    expect((await handling.duplicates(system, dup)).map((d) => d.id)).toContain(row.id);
    await handling.merge(system, dup.id, row.id);

    await handling.forward(system, row.id, { agencyId: xayDung, note: 'Đề nghị trả lời đúng hạn.' });
    expect((await dueOf('inquiry_forward', row.id))?.met_at).not.toBeNull();
    expect((await dueOf('inquiry_answer', row.id))?.agency).toBe('Sở Xây dựng (kiểm thử)');

    expect(
      await handling.submitAnswer(
        system,
        row.id,
        '<p>Theo Luật Xây dựng, thời hạn cấp giấy phép là 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.</p><script>alert(1)</script>',
      ),
    ).toBe('review');
    expect((await submission.status(await submission.find(row.code, row.email), 'vi')).status).toBe('answer_review');
    await handling.approveAnswer(system, row.id);

    const status = await submission.status(await submission.find(row.code, '0912.345.678'), 'vi');
    expect(status.status).toBe('answered');
    expect(status.answer?.html).toContain('15 ngày');
    expect(status.answer?.html).not.toContain('<script');
    expect(status.stages.map((s) => s.kind)).toEqual(['received', 'forwarded', 'answer_submitted', 'answered']);
    // The merged duplicate's citizen gets the same answer.
    expect((await submission.status(await submission.find(dup.code, 'lan@example.com'), 'vi')).status).toBe('answered');
    const mails = await sql<{
      to_address: string;
      subject: string;
      text_body: string;
    }>`select to_address, subject, text_body from mail_outbox where subject like ${`[${row.code}]%`} and to_address = ${row.email} order by id`.execute(
      t.db.db,
    );
    expect(mails.rows.map((m) => m.subject)).toEqual([
      `[${row.code}] Đã tiếp nhận yêu cầu`,
      `[${row.code}] Đã chuyển cơ quan có thẩm quyền`,
      `[${row.code}] Đã có câu trả lời`,
    ]);
    expect(mails.rows[2]!.text_body).toContain('15 ngày kể từ ngày nhận đủ hồ sơ');

    const proposal = await publication.proposal(system, row.id);
    expect(proposal.redactions).toBeGreaterThan(0);
    for (const personal of ['Nguyễn Văn Hùng', '0912 345 678', 'số 12 ngõ 34']) expect(proposal.question).not.toContain(personal);
    // The board may not publish a text that still names the citizen.
    await expect(
      publication.publish(system, row.id, { title: proposal.title, question: `${proposal.question} Nguyễn Văn Hùng`, answerHtml: proposal.answerHtml }),
    ).rejects.toMatchObject({ status: 422 });
    const { slug } = await publication.publish(system, row.id, { title: proposal.title, question: proposal.question, answerHtml: proposal.answerHtml });

    const found = await t.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('giay phep xay dung nha o rieng le')}&type=inquiry`,
      headers: { host: 'localhost:3000' },
    });
    expect(found.statusCode).toBe(200);
    const hits = (found.json() as { items: { url: string }[] }).items;
    expect(hits.some((h) => h.url.endsWith(`/hoi-dap/${slug}`))).toBe(true);

    await publication.unpublish(system, row.id);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('giay phep xay dung nha o rieng le')}&type=inquiry`,
      headers: { host: 'localhost:3000' },
    });
    expect((gone.json() as { items: { url: string }[] }).items.some((h) => h.url.endsWith(`/hoi-dap/${slug}`))).toBe(false);
  });

  it('refuses to publish an answer the citizen did not consent to publish', async () => {
    const { row } = await submit({ consentPublish: false });
    await t.modules.inquiries.handling.forward(system, row.id, { agencyId: noiVu });
    await t.modules.inquiries.agencies.setAnswerReview(system, hanoi, false);
    try {
      expect(
        await t.modules.inquiries.handling.submitAnswer(system, row.id, '<p>Hồ sơ gồm đơn đề nghị, giấy tờ về quyền sử dụng đất và sơ đồ thửa đất.</p>'),
      ).toBe('answered');
    } finally {
      await t.modules.inquiries.agencies.setAnswerReview(system, hanoi, true);
    }
    await expect(
      t.modules.inquiries.publication.publish(system, row.id, {
        title: 'Hồ sơ cấp giấy chứng nhận',
        question: 'Hồ sơ gồm những gì?',
        answerHtml: '<p>Hồ sơ gồm đơn đề nghị.</p>',
      }),
    ).rejects.toMatchObject({ status: 409, code: 'inquiry.no_consent' });
  });

  it('meets the 15-day deadline with a progress notice and owes the promised date instead (QA-4)', async () => {
    at('2026-10-05T02:00:00Z');
    const { row } = await submit();
    await t.modules.inquiries.handling.forward(system, row.id, { agencyId: noiVu });
    at('2026-10-20T02:00:00Z');
    await t.modules.inquiries.handling.progressNotice(system, row.id, {
      text: 'Cần xác minh thực địa, dự kiến trả lời trong tháng 11.',
      promisedDate: '16/11/2026',
    });
    expect((await dueOf('inquiry_answer', row.id))?.late_seconds).toBe(0);
    const promised = await dueOf('inquiry_promised', row.id);
    expect(iso(promised?.due_at)).toBe('2026-11-16T10:00:00.000Z');
    expect(promised?.met_at).toBeNull();
    const status = await t.modules.inquiries.submission.status(await t.modules.inquiries.submission.find(row.code, row.email), 'vi');
    expect(status.progress?.text).toContain('xác minh thực địa');
    expect(iso(status.answerDueAt ?? undefined)).toBe('2026-11-16T10:00:00.000Z');
    await expect(t.modules.inquiries.handling.progressNotice(system, row.id, { text: 'Hẹn lại', promisedDate: '01/01/2020' })).rejects.toMatchObject({
      status: 422,
    });
  });

  it('logs a hotline call straight to the agency the site designates', async () => {
    const r = await t.modules.inquiries.logOnBehalf(system, {
      ...input({ name: '', email: '', phone: '', address: '' }),
      channel: 'hotline',
      kind: 'feedback',
      field: 'thai-do-can-bo',
    });
    expect(r.row.status).toBe('forwarded');
    expect(r.row.agency_id).toBe(noiVu);
    expect((await dueOf('inquiry_forward', r.row.id))?.met_at).not.toBeNull();
  });
});

describe('deadlines owed by an agency', () => {
  it('reminds the agency’s responders and counts on-time rates per agency on the compliance dashboard', async () => {
    const accounts = t.modules.accounts;
    const responder = await sql<{
      id: number;
    }>`insert into accounts (email, name, phone, unit, password_hash) values ('traloi.kiemthu@cong.example', 'Cán bộ trả lời', '', 'Sở Nội vụ (kiểm thử)', 'x') returning id`.execute(
      t.db.db,
    );
    await sql`insert into role_grants (account_id, site_id, role, unit_id) select ${responder.rows[0]!.id}, ${hanoi}, 'agency_responder', unit_id from inquiry_agencies where id = ${noiVu}`.execute(
      t.db.db,
    );
    expect((await accounts.respondersOf(hanoi, 'Sở Nội vụ (kiểm thử)')).map((a) => a.email)).toContain('traloi.kiemthu@cong.example');

    at('2026-10-01T02:00:00Z');
    const { row } = await submit();
    await t.modules.inquiries.handling.forward(system, row.id, { agencyId: noiVu });
    vi.useRealTimers();
    // 15 working days from Thursday 01/10/2026 end on Wednesday 21/10; two days before, the responders hear of it.
    const result = await t.modules.calendar.remindDeadlines(new Date('2026-10-20T02:00:00Z'));
    expect(result.reminded).toBeGreaterThan(0);
    const mail = await sql<{
      subject: string;
    }>`select subject from mail_outbox where to_address = 'traloi.kiemthu@cong.example' and subject like 'Sắp đến hạn%'`.execute(t.db.db);
    expect(mail.rows.length).toBeGreaterThan(0);

    const site = (await t.modules.sites.listSites()).find((s) => s.id === hanoi)!;
    const report = await new (await import('../src/modules/calendar/compliance.service.ts')).ComplianceService(t.db.db, t.modules.calendar.calendar).report(
      system,
      {
        sites: [site] as never,
        period: { from: '2026-10-01', to: '2026-10-31' },
        now: new Date('2026-10-25T02:00:00Z'),
      },
    );
    const agencyRow = report.byUnit.find((u) => u.unit === 'Sở Nội vụ (kiểm thử)');
    expect(agencyRow).toBeDefined();
    expect(agencyRow!.figures.total).toBeGreaterThan(0);
  });
});

describe('retention of personal data', () => {
  it('erases the citizen’s data after the retention period and keeps the anonymised request and answer', async () => {
    const { row } = await submit({ body: 'Tôi là Nguyễn Văn Hùng, số CCCD 001085012345, điện thoại 0912 345 678, hỏi về thủ tục tách thửa đất.' });
    await t.modules.inquiries.handling.declareOutOfScope(system, row.id, 'Thuộc thẩm quyền UBND cấp xã nơi có đất.');
    const months = t.modules.inquiries;
    // Not yet: closed only now.
    expect(await months.erasePersonalData()).toBe(0);
    const later = new Date(Date.now() + 61 * 31 * 86_400_000);
    expect(await months.erasePersonalData(later)).toBeGreaterThan(0);
    const after = await t.db.db.selectFrom('inquiries').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect([after.name, after.email, after.phone, after.address]).toEqual(['', '', '', '']);
    expect(after.body).toContain('tách thửa');
    expect(after.body).not.toContain('Nguyễn Văn Hùng');
    expect(after.body).not.toContain('001085012345');
    expect(after.personal_erased_at).not.toBeNull();
    await expect(t.modules.inquiries.submission.find(row.code, row.email)).rejects.toMatchObject({ status: 404 });
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'inquiry.personal_data_erased' and target_id = ${String(row.id)}`.execute(t.db.db);
    expect(audit.rows[0]!.n).toBe(1);
  });
});
