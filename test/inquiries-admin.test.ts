/**
 * The consoles of citizens' requests over HTTP, as a browser without JavaScript: the board
 * forwards, a responder of another agency neither sees nor opens the request, the agency's
 * responder answers, the board approves and the citizen's mail holds the answer; out of scope,
 * progress notice, publication with and without consent (the public page shows no personal
 * data), the hotline console, the agencies page, the audit of personal data views, escaping of
 * the citizen's text, and bad input (422, nothing changed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/modules/access/index.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { pdfFile, UploadClient } from './multipart.ts';
import { signedInClients } from './sign-in.ts';
import { factories, type TestPerson } from './factories.ts';
import type { FormClient } from './browser-like.ts';

let t: TestApp;
let dataDir: string;
let hanoi: number;
let noiVu: number;
let _tuPhap: number;

const SYSTEM: Actor = { kind: 'system', label: 'test' };
/** The portal's board member, its operator, the responders of two agencies, a hotline operator. */
let BOARD: TestPerson;
let OPERATOR: TestPerson;
let NOIVU: TestPerson;
let TUPHAP: TestPerson;
let HOTLINE: TestPerson;
const BASE = '/quan-tri/hoi-dap';

const as = signedInClients(() => t, 61);

async function agency(name: string, hotlineDefault = false): Promise<number> {
  const found = (await t.modules.inquiries.agencies.list(hanoi, false)).find((a) => a.name === name);
  if (found) {
    await t.modules.inquiries.agencies.update(SYSTEM, hanoi, found.id, { active: true, hotlineDefault });
    return found.id;
  }
  return (await t.modules.inquiries.agencies.add(SYSTEM, hanoi, { name, hotlineDefault })).id;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-inquiries-admin-'));
  t = await buildTestApp({ seed: false, env: { DATA_DIR: dataDir } });
  const f = factories(t);
  const portal = await f.site();
  hanoi = portal.id;
  noiVu = await agency('Sở Nội vụ', true);
  _tuPhap = await agency('Sở Tư pháp');
  BOARD = await f.person('board_member', portal);
  OPERATOR = await f.person('site_operator', portal);
  NOIVU = await f.person('agency_responder', portal, { name: 'Người trả lời Nội vụ', unit: 'Sở Nội vụ', grantUnit: 'Sở Nội vụ' });
  TUPHAP = await f.person('agency_responder', portal, { name: 'Người trả lời Tư pháp', unit: 'Sở Tư pháp', grantUnit: 'Sở Tư pháp' });
  HOTLINE = await f.person('hotline_operator', portal, { name: 'Điện thoại viên', unit: 'Sở Nội vụ' });
});
afterAll(async () => {
  await t?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

let n = 0;
async function submit(over: Record<string, unknown> = {}) {
  n++;
  const { row } = await t.modules.inquiries.submission.submit({
    siteId: hanoi,
    channel: 'web',
    kind: 'question',
    field: 'thu-tuc-hanh-chinh',
    title: `Hỏi về thủ tục đăng ký hộ kinh doanh lần ${n}`,
    body: `Tôi muốn hỏi hồ sơ đăng ký hộ kinh doanh gồm những giấy tờ gì, trường hợp số ${n}. Xin cảm ơn.`,
    name: 'Nguyễn Thị Hỏi',
    email: `hoi.${n}@example.vn`,
    phone: '0912345678',
    address: '12 phố Hàng Bạc',
    consentPrivacy: true,
    consentPublish: false,
    lang: 'vi',
    statusUrl: 'http://localhost/tra-cuu-cau-hoi',
    ...over,
  } as Parameters<TestApp['modules']['inquiries']['submission']['submit']>[0]);
  return row;
}

const inquiry = (id: number) => t.db.db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const mailsTo = (to: string) => t.db.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();

/** A request answered through the services (forwarded to Sở Nội vụ, answered, approved). */
async function answered(over: Record<string, unknown> = {}) {
  const row = await submit(over);
  const h = t.modules.inquiries.handling;
  await h.forward(SYSTEM, row.id, { agencyId: noiVu });
  const r = await h.submitAnswer(SYSTEM, row.id, '<p>Hồ sơ gồm giấy đề nghị đăng ký hộ kinh doanh và bản sao giấy tờ pháp lý của chủ hộ.</p>');
  if (r === 'review') await h.approveAnswer(SYSTEM, row.id);
  return inquiry(row.id);
}

describe('the board, the agencies and the citizen', () => {
  it('forwards, hides the request from another agency, answers, approves and tells the citizen', async () => {
    const row = await submit({ consentPublish: true });
    const board = await as(BOARD);
    const list = await board.get(BASE);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(row.code);
    expect(list.body).not.toContain('Nguyễn Thị Hỏi');
    expect(list.body).not.toContain(row.email);

    const page = await board.get(`${BASE}/${row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nguyễn Thị Hỏi');
    expect(page.body).toContain(row.email);
    expect(page.body).toContain('Chuyển cơ quan');
    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'inquiry.personal_data_viewed')
      .where('target_id', '=', String(row.id))
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);

    const fwd = await board.post(`${BASE}/${row.id}`, { thao_tac: 'forward', agencyId: String(noiVu), forwardNote: 'Nhờ Sở trả lời sớm' });
    expect(fwd.statusCode, fwd.body.slice(0, 500)).toBe(303);
    expect(fwd.headers.location).toBe(`${BASE}/${row.id}?tb=da-chuyen`);
    expect((await inquiry(row.id)).status).toBe('forwarded');
    const deadline = await t.db.db
      .selectFrom('deadlines')
      .selectAll()
      .where('subject_type', '=', 'inquiry_forward')
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(deadline.met_at).not.toBeNull();
    expect((await mailsTo(row.email)).some((m) => m.subject.includes('Đã chuyển cơ quan'))).toBe(true);
    expect((await board.get(`${BASE}/${row.id}?tb=da-chuyen`)).body).toContain('Đã chuyển cơ quan có thẩm quyền trả lời;');

    const other = await as(TUPHAP);
    expect((await other.get(`${BASE}/${row.id}`)).statusCode).toBe(403);
    const otherList = await other.get(BASE);
    expect(otherList.statusCode).toBe(200);
    expect(otherList.body).not.toContain(row.code);
    expect((await other.post(`${BASE}/${row.id}`, { thao_tac: 'save_draft', answer: '<p>Không phải việc của tôi</p>' })).statusCode).toBe(403);

    const responder = await as(NOIVU);
    expect((await responder.get(BASE)).body).toContain(row.code);
    const rp = await responder.get(`${BASE}/${row.id}`);
    expect(rp.body).toContain('name="answer"');
    expect(rp.body).not.toContain('value="forward"');
    const empty = await responder.post(`${BASE}/${row.id}`, { thao_tac: 'submit_answer', answer: '<p>Ngắn</p>' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Câu trả lời cần ít nhất 20 ký tự');
    expect(empty.body).toContain('&lt;p&gt;Ngắn&lt;/p&gt;');
    expect((await inquiry(row.id)).answer_html).toBe('');
    const answer = '<p>Hồ sơ gồm giấy đề nghị đăng ký hộ kinh doanh, bản sao căn cước của chủ hộ và hợp đồng thuê địa điểm.</p>';
    expect((await responder.post(`${BASE}/${row.id}`, { thao_tac: 'save_draft', answer })).headers.location).toBe(`${BASE}/${row.id}?tb=da-luu-du-thao`);
    const sent = await responder.post(`${BASE}/${row.id}`, { thao_tac: 'submit_answer', answer });
    expect(sent.headers.location).toBe(`${BASE}/${row.id}?tb=cho-duyet`);
    expect((await inquiry(row.id)).status).toBe('answer_review');

    const review = await board.get(`${BASE}/${row.id}`);
    expect(review.body).toContain('Duyệt và gửi công dân');
    expect(review.body).toContain('hợp đồng thuê địa điểm');
    const approved = await board.post(`${BASE}/${row.id}`, { thao_tac: 'approve' });
    expect(approved.headers.location).toBe(`${BASE}/${row.id}?tb=da-duyet`);
    expect((await inquiry(row.id)).status).toBe('answered');
    const last = (await mailsTo(row.email)).at(-1)!;
    expect(last.subject).toContain('Đã có câu trả lời');
    expect(last.text_body).toContain('hợp đồng thuê địa điểm');
  });

  it('declares a request out of scope, refusing an empty reason', async () => {
    const row = await submit();
    const board = await as(BOARD);
    const bad = await board.post(`${BASE}/${row.id}`, { thao_tac: 'out_of_scope', reason: '  ' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Lý do cần từ 5 đến 2000 ký tự');
    expect(bad.body).toContain('href="#f-reason"');
    expect((await inquiry(row.id)).status).toBe('received');
    const ok = await board.post(`${BASE}/${row.id}`, { thao_tac: 'out_of_scope', reason: 'Nội dung thuộc thẩm quyền của Tòa án nhân dân.' });
    expect(ok.statusCode).toBe(303);
    expect((await inquiry(row.id)).status).toBe('out_of_scope');
    const scope = await t.db.db
      .selectFrom('deadlines')
      .selectAll()
      .where('subject_type', '=', 'inquiry_scope')
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(scope.met_at).not.toBeNull();
    // A second action on a closed request: 409, the page again, nothing changed.
    const again = await board.post(`${BASE}/${row.id}`, { thao_tac: 'forward', agencyId: String(noiVu) });
    expect(again.statusCode).toBe(409);
    expect((await inquiry(row.id)).status).toBe('out_of_scope');
  });

  it('takes a progress notice with a new date, refusing a bad one', async () => {
    const row = await submit();
    await t.modules.inquiries.handling.forward(SYSTEM, row.id, { agencyId: noiVu });
    const responder = await as(NOIVU);
    const bad = await responder.post(`${BASE}/${row.id}`, {
      thao_tac: 'progress',
      progressText: 'Cần xin ý kiến Sở Kế hoạch và Đầu tư.',
      promisedDate: '31/02/20x6',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ngày hẹn trả lời phải là một ngày sau hôm nay');
    expect(bad.body).toContain('Cần xin ý kiến Sở Kế hoạch và Đầu tư.');
    expect((await inquiry(row.id)).status).toBe('forwarded');
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const ok = await responder.post(`${BASE}/${row.id}`, { thao_tac: 'progress', progressText: 'Cần xin ý kiến Sở Kế hoạch và Đầu tư.', promisedDate: day });
    expect(ok.headers.location).toBe(`${BASE}/${row.id}?tb=da-bao-tien-do`);
    const after = await inquiry(row.id);
    expect(after.status).toBe('progress');
    expect(after.promised_at).not.toBeNull();
    expect((await mailsTo(row.email)).at(-1)!.subject).toContain('Thông báo tiến độ');
  });

  it('classifies, asks for information, merges a duplicate and transfers a complaint', async () => {
    const board = await as(BOARD);
    const first = await submit({
      kind: 'complaint',
      field: 'dat-dai',
      title: 'Khiếu nại việc chậm cấp giấy chứng nhận quyền sử dụng đất',
      body: 'Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất từ tháng ba nhưng đến nay chưa được giải quyết.',
    });
    const second = await submit({
      kind: 'complaint',
      field: 'dat-dai',
      title: 'Khiếu nại việc chậm cấp giấy chứng nhận quyền sử dụng đất ở',
      body: 'Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất từ tháng ba mà đến nay vẫn chưa được giải quyết.',
    });

    const badKind = await board.post(`${BASE}/${second.id}`, { thao_tac: 'classify', kind: 'spam', field: 'dat-dai' });
    expect(badKind.statusCode).toBe(422);
    expect(badKind.body).toContain('Chọn loại yêu cầu.');
    expect((await board.post(`${BASE}/${second.id}`, { thao_tac: 'classify', kind: 'petition', field: 'xay-dung' })).statusCode).toBe(303);
    expect(await inquiry(second.id)).toMatchObject({ kind: 'petition', field: 'xay-dung' });

    const info = await board.post(`${BASE}/${first.id}`, { thao_tac: 'request_info', infoMessage: 'Đề nghị gửi kèm số biên nhận hồ sơ.' });
    expect(info.statusCode).toBe(303);
    expect((await inquiry(first.id)).status).toBe('needs_info');
    expect((await mailsTo(first.email)).at(-1)!.text_body).toContain('Đề nghị gửi kèm số biên nhận hồ sơ.');

    const page = await board.get(`${BASE}/${second.id}`);
    expect(page.body).toContain('Gộp vào yêu cầu này');
    expect(page.body).toContain(`name="into" value="${first.id}"`);
    const merged = await board.post(`${BASE}/${second.id}`, { thao_tac: 'merge', into: String(first.id) });
    expect(merged.headers.location).toBe(`${BASE}/${second.id}?tb=da-gop`);
    expect(await inquiry(second.id)).toMatchObject({ status: 'merged', merged_into: first.id });

    const question = await submit();
    const refused = await board.post(`${BASE}/${question.id}`, { thao_tac: 'transfer', transferBody: 'Thanh tra Thành phố' });
    expect(refused.statusCode).toBe(422);
    expect((await inquiry(question.id)).status).toBe('received');
    const empty = await board.post(`${BASE}/${first.id}`, { thao_tac: 'transfer', transferBody: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#f-transferBody"');
    const ok = await board.post(`${BASE}/${first.id}`, { thao_tac: 'transfer', transferBody: 'Thanh tra Thành phố', transferNote: 'Theo Luật Khiếu nại.' });
    expect(ok.statusCode).toBe(303);
    expect(await inquiry(first.id)).toMatchObject({ status: 'transferred', transferred_to: 'Thanh tra Thành phố' });
  });

  it('returns a draft answer to the agency with the board’s note', async () => {
    const row = await submit();
    await t.modules.inquiries.handling.forward(SYSTEM, row.id, { agencyId: noiVu });
    await t.modules.inquiries.handling.submitAnswer(SYSTEM, row.id, '<p>Dự thảo trả lời cần bổ sung căn cứ pháp lý cụ thể.</p>');
    const board = await as(BOARD);
    const bad = await board.post(`${BASE}/${row.id}`, { thao_tac: 'return', returnNote: '' });
    expect(bad.statusCode).toBe(422);
    expect((await inquiry(row.id)).status).toBe('answer_review');
    expect((await board.post(`${BASE}/${row.id}`, { thao_tac: 'return', returnNote: 'Nêu rõ điều khoản của Nghị định.' })).statusCode).toBe(303);
    expect((await inquiry(row.id)).status).toBe('forwarded');
    const responder = await as(NOIVU);
    const page = await responder.get(`${BASE}/${row.id}`);
    expect(page.body).toContain('Nêu rõ điều khoản của Nghị định.');
    expect(page.body).toContain('Dự thảo trả lời cần bổ sung căn cứ pháp lý');
    // A long answer (well above the 64 KB of ordinary forms) is taken.
    const long = `<p>${'Căn cứ Nghị định về đăng ký doanh nghiệp, hồ sơ gồm các giấy tờ sau đây. '.repeat(400)}</p>`;
    expect((await responder.post(`${BASE}/${row.id}`, { thao_tac: 'save_draft', answer: long })).statusCode).toBe(303);
    expect((await inquiry(row.id)).answer_html.length).toBeGreaterThan(20_000);
  });

  it('uploads a file of the answer and lets the board download the citizen’s file (audited)', async () => {
    const row = await submit({ files: [{ filename: 'don-de-nghi.pdf', data: pdfFile('Don de nghi') }] });
    await t.modules.inquiries.handling.forward(SYSTEM, row.id, { agencyId: noiVu });
    const responder = await as(NOIVU);
    await responder.get(`${BASE}/${row.id}`);
    const up = new UploadClient(t.app, responder.host, responder.ip);
    for (const [k, v] of responder.cookies) up.cookies.set(k, v);
    up.lastCsrf = responder.lastCsrf;
    const res = await up.postMultipart(
      `${BASE}/${row.id}/tep-tra-loi`,
      {},
      { field: 'files', filename: 'tra-loi.pdf', contentType: 'application/pdf', data: pdfFile('Tra loi') },
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const disguised = await up.postMultipart(
      `${BASE}/${row.id}/tep-tra-loi`,
      {},
      { field: 'files', filename: 'virus.pdf', data: Buffer.from('<script>alert(1)</script>') },
    );
    expect(disguised.statusCode).toBe(422);
    const files = await t.db.db.selectFrom('inquiry_attachments').selectAll().where('inquiry_id', '=', row.id).orderBy('id').execute();
    expect(files.map((f) => f.role)).toEqual(['citizen', 'answer']);

    const board = await as(BOARD);
    const before = (
      await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'inquiry.personal_data_viewed').where('target_id', '=', String(row.id)).execute()
    ).length;
    const dl = await board.get(`${BASE}/${row.id}/tep/${files[0]!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.headers['content-disposition']).toContain('attachment');
    const after = (
      await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'inquiry.personal_data_viewed').where('target_id', '=', String(row.id)).execute()
    ).length;
    expect(after).toBe(before + 1);
    expect((await (await as(TUPHAP)).get(`${BASE}/${row.id}/tep/${files[0]!.id}`)).statusCode).toBe(403);
  });
});

describe('publication', () => {
  it('is refused without the citizen’s consent', async () => {
    const row = await answered({ consentPublish: false });
    const board = await as(BOARD);
    const page = await board.get(`${BASE}/${row.id}`);
    expect(page.body).toContain('Công dân không đồng ý công bố câu trả lời');
    const res = await board.post(`${BASE}/${row.id}`, {
      thao_tac: 'publish',
      pubTitle: 'Hồ sơ đăng ký hộ kinh doanh',
      pubQuestion: 'Hồ sơ đăng ký hộ kinh doanh gồm những gì?',
      pubAnswer: '<p>Hồ sơ gồm giấy đề nghị và bản sao giấy tờ.</p>',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('không công bố được');
    expect((await inquiry(row.id)).published_at).toBeNull();
  });

  it('publishes the checked text with consent; the public page has no personal data', async () => {
    const row = await answered({
      consentPublish: true,
      body: 'Tôi là Nguyễn Thị Hỏi, điện thoại 0912345678, muốn hỏi hồ sơ đăng ký hộ kinh doanh gồm những gì.',
    });
    const board = await as(BOARD);
    const prep = await board.get(`${BASE}/${row.id}/cong-bo`);
    expect(prep.statusCode).toBe(200);
    expect(prep.body).toContain('name="pubQuestion"');
    const question = /<textarea id="f-pubQuestion"[^>]*>([^<]*)<\/textarea>/.exec(prep.body)![1]!;
    expect(question).not.toContain('Nguyễn Thị Hỏi');
    expect(question).not.toContain('0912345678');

    const leaky = await board.post(`${BASE}/${row.id}`, {
      thao_tac: 'publish',
      pubTitle: 'Hồ sơ đăng ký hộ kinh doanh',
      pubQuestion: 'Tôi là Nguyễn Thị Hỏi, hỏi hồ sơ đăng ký hộ kinh doanh.',
      pubAnswer: '<p>Hồ sơ gồm giấy đề nghị và bản sao giấy tờ.</p>',
    });
    expect(leaky.statusCode).toBe(422);
    expect(leaky.body).toContain('vẫn còn họ tên');
    expect((await inquiry(row.id)).published_at).toBeNull();

    const ok = await board.post(`${BASE}/${row.id}`, {
      thao_tac: 'publish',
      pubTitle: 'Hồ sơ đăng ký hộ kinh doanh gồm những gì',
      pubQuestion: 'Công dân hỏi hồ sơ đăng ký hộ kinh doanh gồm những gì.',
      pubAnswer: '<p>Hồ sơ gồm giấy đề nghị đăng ký và bản sao giấy tờ pháp lý.</p>',
    });
    expect(ok.headers.location).toBe(`${BASE}/${row.id}?tb=da-cong-bo`);
    const published = await inquiry(row.id);
    expect(published.published_at).not.toBeNull();
    const pub = await board.get(`/hoi-dap/${published.public_slug}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('Hồ sơ đăng ký hộ kinh doanh gồm những gì');
    expect(pub.body).not.toContain('Nguyễn Thị Hỏi');
    expect(pub.body).not.toContain(row.email);
    expect((await board.get(`${BASE}/${row.id}`)).body).toContain('Gỡ công bố');
    expect((await board.post(`${BASE}/${row.id}`, { thao_tac: 'unpublish' })).statusCode).toBe(303);
    expect((await inquiry(row.id)).published_at).toBeNull();
  });
});

describe('the hotline console', () => {
  it('logs a call in one form, forwards it to the default agency and shows the code', async () => {
    const op: FormClient = await as(HOTLINE);
    const form = await op.get('/quan-tri/duong-day-nong');
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(new RegExp(`<option value="${noiVu}" selected>`));
    const key = /name="key" value="([^"]+)"/.exec(form.body)![1]!;
    const content = 'Người gọi phản ánh bộ phận một cửa phường yêu cầu nộp thêm giấy tờ không có trong quy định khi đăng ký khai sinh.';
    const empty = await op.post('/quan-tri/duong-day-nong', {
      key,
      channel: 'hotline',
      field: '',
      kind: 'feedback',
      content: '',
      title: '',
      callerName: '',
      phone: '',
      email: '',
      address: '',
      agencyId: String(noiVu),
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Nội dung cần từ 10');
    expect(empty.body).toContain('Chọn lĩnh vực');
    const fields = {
      key,
      channel: 'hotline',
      field: 'cai-cach-hanh-chinh',
      kind: 'feedback',
      content,
      title: '',
      callerName: '',
      phone: '0987654321',
      email: '',
      address: '',
      agencyId: String(noiVu),
    };
    const res = await op.post('/quan-tri/duong-day-nong', fields);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    const code = new URL(`http://x${res.headers.location}`).searchParams.get('da-ghi')!;
    const shown = await op.get(String(res.headers.location));
    expect(shown.body).toContain(code);
    expect(shown.body).toContain('Sở Nội vụ');
    const row = await t.db.db.selectFrom('inquiries').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.channel).toBe('hotline');
    expect(row.status).toBe('forwarded');
    expect(row.agency_id).toBe(noiVu);
    expect(row.title.startsWith('Người gọi phản ánh bộ phận một cửa')).toBe(true);
    // The same form sent twice: one request.
    const twice = await op.post('/quan-tri/duong-day-nong', fields);
    expect(new URL(`http://x${twice.headers.location}`).searchParams.get('da-ghi')).toBe(code);
    expect((await t.db.db.selectFrom('inquiries').select('id').where('body', '=', content).execute()).length).toBe(1);
    // A hotline operator has no list of requests, and logs no letters.
    expect((await op.get(BASE)).statusCode).toBe(403);
    expect((await op.get('/quan-tri/duong-day-nong')).body).not.toContain('name="channel" value="letter"');
  });

  it('lets the board log a letter, which goes to intake', async () => {
    const board = await as(BOARD);
    const form = await board.get('/english/admin/hotline');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<option value="letter">');
    const key = /name="key" value="([^"]+)"/.exec(form.body)![1]!;
    const res = await board.post('/english/admin/hotline', {
      key,
      channel: 'letter',
      field: 'giao-thong',
      kind: 'petition',
      content: 'Letter from residents asking for a pedestrian crossing in front of the primary school.',
      title: 'Pedestrian crossing near the school',
      callerName: 'Lê Văn Thư',
      phone: '',
      email: 'thu@example.vn',
      address: '',
      agencyId: String(noiVu),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const code = new URL(`http://x${res.headers.location}`).searchParams.get('da-ghi')!;
    const row = await t.db.db.selectFrom('inquiries').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'letter', status: 'received', agency_id: null, lang: 'en' });
  });
});

describe('agencies and escaping', () => {
  it('adds agencies (units of the site’s directory, picked) and switches the review setting; bad choices are refused', async () => {
    const op = await as(OPERATOR);
    const [yTe] = await t.modules.directory.ensureUnits(hanoi, ['Sở Y tế']);
    const page = await op.get('/quan-tri/hoi-dap-co-quan');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Người trả lời Nội vụ');
    // The choice offers the site's units that are not agencies yet.
    expect(page.body).toContain(`<option value="${yTe!.id}">Sở Y tế</option>`);
    const bad = await op.post('/quan-tri/hoi-dap-co-quan', { thao_tac: 'add', unitId: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Hãy chọn một đơn vị của trang');
    // A unit of another site is not one of this site's.
    const portalCode = (await t.modules.sites.listSites()).find((x) => x.id === hanoi)!.code;
    const ward = await factories(t).site({ kind: 'ward', parent: portalCode });
    const [elsewhere] = await t.modules.directory.ensureUnits(ward.id, ['Bộ phận một cửa (kiểm thử)']);
    const foreign = await op.post('/quan-tri/hoi-dap-co-quan', { thao_tac: 'add', unitId: String(elsewhere!.id) });
    expect(foreign.statusCode).toBe(422);
    const tuPhap = (await t.modules.inquiries.agencies.list(hanoi, false)).find((a) => a.name === 'Sở Tư pháp')!;
    const dup = await op.post('/quan-tri/hoi-dap-co-quan', { thao_tac: 'add', unitId: String(tuPhap.unit_id) });
    expect(dup.statusCode).toBe(409);
    expect((await op.post('/quan-tri/hoi-dap-co-quan', { thao_tac: 'add', unitId: String(yTe!.id) })).statusCode).toBe(303);
    expect((await t.modules.inquiries.agencies.list(hanoi)).find((a) => a.name === 'Sở Y tế')?.unit_id).toBe(yTe!.id);
    expect((await op.post('/quan-tri/hoi-dap-co-quan', { thao_tac: 'review', answerReview: '0' })).statusCode).toBe(303);
    expect(await t.modules.inquiries.agencies.answerReview(hanoi)).toBe(false);
    expect((await op.post('/quan-tri/hoi-dap-co-quan', { thao_tac: 'review', answerReview: '1' })).statusCode).toBe(303);
    expect(await t.modules.inquiries.agencies.answerReview(hanoi)).toBe(true);
    expect((await (await as(BOARD)).get('/quan-tri/hoi-dap-co-quan')).statusCode).toBe(403);
  });

  it('escapes script payloads of the citizen in the console', async () => {
    const row = await submit({
      title: '<script>alert(1)</script> Hỏi thủ tục',
      body: 'Dòng một <img src=x onerror=alert(2)>\n<script>alert("x")</script> dòng hai',
      name: 'Trần "<b>Văn</b>" An',
    });
    const board = await as(BOARD);
    for (const url of [BASE, `${BASE}/${row.id}`, `/english/admin/inquiries/${row.id}`]) {
      const res = await board.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).not.toContain('<img src=x');
      expect(res.body).not.toContain('<b>Văn</b>');
    }
    const page = await board.get(`${BASE}/${row.id}`);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Hỏi thủ tục');
    expect(page.body).toContain('Dòng một &lt;img src=x onerror=alert(2)&gt;\n&lt;script&gt;');
  });

  it('filters and pages the list, and shows the queues', async () => {
    const board = await as(BOARD);
    const res = await board.get(`${BASE}?giai_doan=forwarded&kenh=hotline&linh_vuc=cai-cach-hanh-chinh&tim=một cửa`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Người gọi phản ánh bộ phận một cửa');
    for (const q of ['?giai_doan=qua-han', '?giai_doan=sap-den-han', '?trang=999', '?kenh=%3Cscript%3E&tim=%3Cscript%3E']) {
      const r = await board.get(`${BASE}${q}`);
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('<script>');
    }
    expect((await board.get('/english/admin/inquiries')).statusCode).toBe(200);
    expect((await board.get(`${BASE}/abc`)).statusCode).toBe(404);
    expect((await board.get(`${BASE}/999999`)).statusCode).toBe(404);
  });
});
