/**
 * The inquiries API for other channels: submit with an Idempotency-Key, follow with code and
 * contact, the same validation as the form, no personal data in any answer, rate limits, and
 * the operations in the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { INQUIRY_SUBMISSIONS_PER_MINUTE: '8', INQUIRY_RATE_LIMIT_ALLOW: '10.1.0.50' } });
});
afterAll(async () => {
  await t?.close();
});

const HOST = { host: 'localhost:3000' };
let n = 0;
function body(over: Record<string, unknown> = {}) {
  n++;
  return {
    kind: 'question',
    field: 'giao-duc',
    title: `Tuyển sinh lớp 1 năm học 2027–2028, câu hỏi ${n}`,
    content: 'Con tôi sinh năm 2021, hộ khẩu ở phường khác; xin hỏi có được đăng ký học trường gần nơi tạm trú không?',
    name: 'Lê Thị Mai',
    email: `mai${n}@example.com`,
    phone: '0987 654 321',
    address: 'số 5 ngách 12/3 phố Lê Thanh Nghị',
    consentPrivacy: true,
    ...over,
  };
}
const post = (payload: unknown, headers: Record<string, string> = {}, ip = '10.1.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/inquiries',
    headers: { ...HOST, 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
    remoteAddress: ip,
  });
const count = async () => (await sql<{ n: number }>`select count(*)::int as n from inquiries`.execute(t.db.db)).rows[0]!.n;

describe('POST /api/v1/inquiries', () => {
  it('answers 201 with a tracking code after the commit, and the same code for a retried Idempotency-Key', async () => {
    const payload = body({ site: 'hanoi', consentPublish: true });
    const first = await post(payload, { 'idempotency-key': 'app-7f3c2a' });
    expect(first.statusCode).toBe(201);
    const receipt = first.json() as { code: string; status: string; site: string; answerDueAt: string; statusUrl: string };
    expect(receipt.code).toMatch(/^HD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt).toMatchObject({ status: 'received', site: 'hanoi' });
    expect(receipt.answerDueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.stringify(receipt)).not.toContain('Mai');
    const row = await t.db.db.selectFrom('inquiries').select(['channel', 'consent_publish']).where('code', '=', receipt.code).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'api', consent_publish: true });

    const before = await count();
    const retry = await post(payload, { 'idempotency-key': 'app-7f3c2a' });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((retry.json() as { code: string }).code).toBe(receipt.code);
    expect(await count()).toBe(before);

    const other = await post(body(), { 'idempotency-key': 'app-7f3c2a' });
    expect(other.statusCode).toBe(409);
  });

  it('refuses bad input with every problem in Vietnamese, or English when asked, and stores nothing', async () => {
    const before = await count();
    const bad = await post(body({ title: '', email: 'mai@', phone: 'abc', consentPrivacy: false, field: 'khong-co' }), {}, '10.1.0.2');
    expect(bad.statusCode).toBe(422);
    const err = (bad.json() as { error: { code: string; details: { field: string; message: string }[] } }).error;
    expect(err.details.map((d) => d.field)).toEqual(expect.arrayContaining(['title', 'email', 'phone', 'consentPrivacy', 'field']));
    expect(err.details.find((d) => d.field === 'email')!.message).toContain('thư điện tử');
    const en = await post(body({ email: 'mai@', lang: 'en' }), {}, '10.1.0.2');
    expect((en.json() as { error: { details: { field: string; message: string }[] } }).error.details[0]!.message).toContain('e-mail');
    const wrongType = await post({ ...body(), title: 42 }, {}, '10.1.0.2');
    expect(wrongType.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongType.statusCode).toBeLessThan(500);
    const unknownSite = await post(body({ site: 'khong-co-trang' }), {}, '10.1.0.2');
    expect(unknownSite.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('limits submissions per IP address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await post(body(), {}, '10.1.0.9')).statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(8);
    expect(codes.slice(8)).toEqual([429, 429]);
    // A trusted channel's gateway is not limited.
    const trusted: number[] = [];
    for (let i = 0; i < 10; i++) trusted.push((await post(body(), {}, '10.1.0.50')).statusCode);
    expect(trusted.every((c) => c === 201)).toBe(true);
  });
});

describe('GET /api/v1/inquiries/{code}', () => {
  it('shows the stages to whoever gives the code with the e-mail or phone, and nothing about anyone', async () => {
    const receipt = (await post(body(), {}, '10.1.0.3')).json() as { code: string };
    const byPhone = await t.app.inject({
      method: 'GET',
      url: `/api/v1/inquiries/${receipt.code}?contact=${encodeURIComponent('+84 987 654 321')}`,
      headers: HOST,
    });
    expect(byPhone.statusCode).toBe(200);
    const status = byPhone.json() as { status: string; stages: { kind: string }[]; answerDueAt: string };
    expect(status.status).toBe('received');
    expect(status.stages.map((s) => s.kind)).toEqual(['received']);
    const text = byPhone.body;
    for (const personal of ['Lê Thị Mai', 'example.com', '0987', 'Lê Thanh Nghị']) expect(text).not.toContain(personal);
    // A lower-case code without dashes is the same code.
    const loose = await t.app.inject({
      method: 'GET',
      url: `/api/v1/inquiries/${receipt.code.replace(/-/g, '').toLowerCase()}?contact=0987654321`,
      headers: HOST,
    });
    expect(loose.statusCode).toBe(200);
  });

  it('answers a wrong contact exactly as an unknown code', async () => {
    const receipt = (await post(body(), {}, '10.1.0.4')).json() as { code: string };
    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/inquiries/${receipt.code}?contact=someone@example.com`, headers: HOST });
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/inquiries/HD-0000-0000-0000?contact=someone@example.com`, headers: HOST });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (s: string) => s.replace(/"requestId":"[^"]*"/, '');
    expect(strip(wrong.body)).toBe(strip(unknown.body));
  });
});

describe('the OpenAPI document', () => {
  it('lists the inquiry operations', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: HOST })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/inquiries', '/api/v1/inquiries/{code}', '/api/v1/inquiries/options']));
    expect(doc.paths['/api/v1/inquiries']!.post).toBeDefined();
  });
});
