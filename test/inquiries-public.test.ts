/**
 * The public pages of citizens' requests on a ward site, as a browser without JavaScript uses
 * them: the form (multipart, CSRF, the spoken-sum challenge, the honeypot, the one-time
 * submission key), the confirmation with the tracking code and its e-mail, the status page
 * (lookup by POST, stages, the answer and its files, adding information), the published Q&A
 * and its documents, and hostile input on each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from './app.ts';
import { pdfFile, UploadClient } from './multipart.ts';
import type { Actor } from '../src/modules/access/index.ts';

let t: TestApp;
let ward: number;
let agencyId: number;
const system: Actor = { kind: 'system', label: 'test' };
const SITE = '/s/phuongbadinh';
const CODE_RE = /HD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

beforeAll(async () => {
  t = await buildTestApp();
  ward = (await t.modules.sites.listSites()).find((s) => s.code === 'phuongbadinh')!.id;
  agencyId = (await t.modules.inquiries.agencies.add(system, ward, { name: 'Phòng Văn hoá – Xã hội (kiểm thử)' })).id;
});
afterAll(async () => {
  await t?.close();
});

// ── A browser that posts multipart forms with several files ────────────────────────

interface FilePart {
  filename: string;
  data: Buffer;
  contentType?: string;
}

let nextIp = 1;

class Browser extends UploadClient {
  constructor() {
    super(t.app, 'localhost', `10.77.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`);
  }

  /** Posts multipart/form-data as a browser does: the fields in document order (`_csrf` first), the files where the file input is. */
  async postForm(url: string, fields: readonly [string, string][], files: readonly FilePart[] = []): Promise<LightMyRequestResponse> {
    const boundary = `----cong${Math.random().toString(16).slice(2)}`;
    const chunks: Buffer[] = [];
    const field = (name: string, value: string) =>
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
    for (const [name, value] of fields) {
      if (name === '__files__') {
        const list = files.length ? files : [{ filename: '', data: Buffer.alloc(0) }];
        for (const f of list) {
          chunks.push(
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
              'utf8',
            ),
            f.data,
            Buffer.from('\r\n'),
          );
        }
      } else field(name, value);
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      payload: Buffer.concat(chunks),
      headers: { host: this.host, cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    this.remember(res);
    return res;
  }
}

// ── The form ────────────────────────────────────────────────────────────────────────

const VI = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The answer to the spoken sum on the page, computed from its words. */
function solve(body: string): string {
  const m = /(?:Câu hỏi kiểm tra|Check question): (?:What is )?(\p{L}+) (cộng|trừ|plus|minus) (\p{L}+)/u.exec(body);
  if (!m) throw new Error('no challenge on the page');
  const n = (w: string) => {
    const i = VI.indexOf(w.toLowerCase());
    return i >= 0 ? i : EN.indexOf(w.toLowerCase());
  };
  const a = n(m[1]!);
  const b = n(m[3]!);
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThanOrEqual(0);
  return String(m[2] === 'cộng' || m[2] === 'plus' ? a + b : a - b);
}

const hidden = (body: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
/** Text of the page without tags, entities of quotes decoded. */
const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

interface Opened {
  url: string;
  csrf: string;
  submission: string;
  token: string;
  answer: string;
  body: string;
}

async function openForm(b: Browser, url = `${SITE}/gui-cau-hoi`): Promise<Opened> {
  const res = await b.get(url);
  expect(res.statusCode).toBe(200);
  return {
    url,
    csrf: b.lastCsrf,
    submission: hidden(res.body, 'submission'),
    token: hidden(res.body, 'challenge_token'),
    answer: solve(res.body),
    body: res.body,
  };
}

let seq = 0;
function fill(f: Opened, over: Record<string, string | null> = {}): [string, string][] {
  seq++;
  const base: Record<string, string | null> = {
    _csrf: f.csrf,
    submission: f.submission,
    kind: 'question',
    field: 'tu-phap-ho-tich',
    agency: '',
    title: `Thủ tục đăng ký khai sinh cho con lần ${seq}`,
    content: 'Xin hỏi thủ tục đăng ký khai sinh cho con tại phường cần những giấy tờ gì và mất bao lâu?',
    __files__: '',
    name: 'Lê Thị Hoa',
    email: `hoa${seq}@example.com`,
    phone: '0987 654 321',
    address: '',
    website: '',
    consentPrivacy: '1',
    consentPublish: '1',
    challenge_token: f.token,
    challenge_answer: f.answer,
    ...over,
  };
  return Object.entries(base).filter((e): e is [string, string] => e[1] !== null);
}

const count = async () => (await sql<{ n: number }>`select count(*)::int as n from inquiries`.execute(t.db.db)).rows[0]!.n;
const codeOf = (body: string) => CODE_RE.exec(body)?.[0];

async function submitOk(b: Browser, over: Record<string, string | null> = {}, files: FilePart[] = []) {
  const f = await openForm(b);
  const fields = fill(f, over);
  const res = await b.postForm(f.url, fields, files);
  expect(res.statusCode, text(res.body).slice(0, 600)).toBe(200);
  const code = codeOf(res.body);
  expect(code).toBeDefined();
  const email = fields.find(([k]) => k === 'email')![1];
  return { res, code: code!, email, fields, form: f };
}

describe('the request form', () => {
  it('is a multipart form on every site, works without JavaScript and is never cached', async () => {
    const b = new Browser();
    const res = await b.get(`${SITE}/gui-cau-hoi`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/<form method="post" action="\/s\/phuongbadinh\/gui-cau-hoi" enctype="multipart\/form-data"/);
    // The CSRF token is the first field: the multipart check reads only that part.
    expect(res.body).toMatch(/enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf"/);
    expect(res.body).toMatch(/<fieldset class="iq-field" id="f-kind">\s*<legend>Loại yêu cầu/);
    expect(res.body).toContain('<input id="f-files" name="files" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.odt');
    expect(res.body).toContain('id="f-consentPrivacy"');
    expect(res.body).toContain('id="f-consentPublish"');
    // The honeypot: out of sight, out of the tab order, not filled by the browser.
    expect(res.body).toMatch(
      /<div class="iq-hp">\s*<label for="f-website">Không điền vào ô này \(để trống\)<\/label>\s*<input id="f-website" name="website" type="text" value="" tabindex="-1" autocomplete="off">/,
    );
    // The challenge is a labelled text field, its token hidden.
    expect(res.body).toMatch(/<label for="f-challenge" id="f-challenge-label">Câu hỏi kiểm tra: \p{L}+ (cộng|trừ) \p{L}+ bằng mấy\?/u);
    expect(hidden(res.body, 'challenge_token')).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(hidden(res.body, 'submission')).toMatch(/^[0-9a-f-]{36}$/);
    // The agencies of the site to choose from.
    expect(res.body).toContain(`<option value="${agencyId}">Phòng Văn hoá – Xã hội (kiểm thử)</option>`);
    expect(res.body).toContain('href="/s/phuongbadinh/tra-cuu-cau-hoi"');
    for (const url of ['/gui-cau-hoi', '/english/ask', `${SITE}/english/ask`]) expect((await b.get(url)).statusCode).toBe(200);
  });

  it('answers only after the commit with the tracking code, the due date and the next steps, and mails the code', async () => {
    const before = await count();
    const b = new Browser();
    const { res, code, email } = await submitOk(b, { agency: String(agencyId) });
    expect(await count()).toBe(before + 1);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(`<p class="iq-code" id="ma-tra-cuu">${code}</p>`);
    expect(text(res.body)).toMatch(/Hạn trả lời \d{2}\/\d{2}\/\d{4}/);
    expect(res.body).toContain('Các bước tiếp theo');
    expect(res.body).toContain('Mã tra cứu cũng đã được gửi đến địa chỉ thư điện tử');
    expect(res.body).toContain(`href="/s/phuongbadinh/tra-cuu-cau-hoi?ma=${code}"`);
    const row = await t.db.db.selectFrom('inquiries').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      site_id: ward,
      channel: 'web',
      kind: 'question',
      field: 'tu-phap-ho-tich',
      requested_agency_id: agencyId,
      email,
      consent_publish: true,
      lang: 'vi',
    });
    const mail = await sql<{ subject: string; text_body: string }>`select subject, text_body from mail_outbox where to_address = ${email} order by id`.execute(
      t.db.db,
    );
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]!.subject).toContain(code);
    expect(mail.rows[0]!.text_body).toContain(code);
  });

  it('records one request when the same form is posted twice (double click, retry)', async () => {
    const b = new Browser();
    const f = await openForm(b);
    const fields = fill(f);
    const first = await b.postForm(f.url, fields);
    const again = await b.postForm(f.url, fields);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(codeOf(again.body)).toBe(codeOf(first.body));
    const n = await sql<{ n: number }>`select count(*)::int as n from inquiries where code = ${codeOf(first.body)}`.execute(t.db.db);
    expect(n.rows[0]!.n).toBe(1);
    // A solved challenge does not open a second, different request.
    const reuse = await b.postForm(f.url, fill({ ...f, submission: '0f0f0f0f-0000-4000-8000-000000000001' }));
    expect(reuse.statusCode).toBe(422);
    expect(reuse.body).toContain('đã hết hạn hoặc đã được dùng');
  });

  it('refuses invalid input with messages by each field, keeps what was typed and saves nothing', async () => {
    const before = await count();
    const b = new Browser();
    const f = await openForm(b);
    const res = await b.postForm(
      f.url,
      fill(f, {
        email: 'hoa@@example',
        title: '',
        consentPrivacy: null,
        content: 'Nội dung có "ngoặc kép" & <b>thẻ</b> vẫn được giữ nguyên.',
        address: 'Số 5 phố Quán Thánh',
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(await count()).toBe(before);
    // The summary links to each field.
    expect(res.body).toMatch(/<div class="iq-summary" role="alert"/);
    for (const id of ['f-title', 'f-email', 'f-consentPrivacy']) expect(res.body).toContain(`<a href="#${id}">`);
    expect(res.body).toContain('Địa chỉ thư điện tử không hợp lệ');
    expect(res.body).toContain('Tiêu đề cần từ 5 đến 300 ký tự');
    expect(res.body).toContain('Cần đồng ý với thông báo về xử lý dữ liệu cá nhân');
    // Messages sit by their fields, tied with aria-describedby and aria-invalid.
    expect(res.body).toMatch(
      /<input id="f-email" name="email" type="email" value="hoa@@example"[^>]*aria-describedby="f-email-hint f-email-error" aria-invalid="true">/,
    );
    expect(res.body).toMatch(
      /<input id="f-consentPrivacy" name="consentPrivacy" type="checkbox" value="1"[^>]*aria-invalid="true" required aria-required="true">/,
    );
    // What was typed is kept (escaped); the publication consent stays ticked; files must be chosen again.
    expect(res.body).toContain('Nội dung có &quot;ngoặc kép&quot; &amp; &lt;b&gt;thẻ&lt;/b&gt; vẫn được giữ nguyên.</textarea>');
    expect(res.body).toContain('value="Lê Thị Hoa"');
    expect(res.body).toContain('value="Số 5 phố Quán Thánh"');
    expect(res.body).toMatch(/id="f-consentPublish" name="consentPublish" type="checkbox" value="1" checked/);
    expect(res.body).toMatch(/id="f-field"[^>]*>.*<option value="tu-phap-ho-tich" selected>/s);
    expect(res.body).toContain('hãy chọn lại');
    // The right answer to the challenge is not asked again, and the key is kept.
    expect(res.body).toContain('đã trả lời đúng');
    expect(hidden(res.body, 'submission')).toBe(f.submission);
    // Corrected, the same form goes through.
    const fixed = await b.postForm(
      f.url,
      fill(f, {
        submission: hidden(res.body, 'submission'),
        challenge_token: hidden(res.body, 'challenge_token'),
        challenge_answer: hidden(res.body, 'challenge_answer'),
        _csrf: b.lastCsrf,
      }),
    );
    expect(fixed.statusCode).toBe(200);
    expect(codeOf(fixed.body)).toBeDefined();
    expect(await count()).toBe(before + 1);
  });

  it('saves nothing when the honeypot is filled, and says nothing about why', async () => {
    const before = await count();
    const b = new Browser();
    const f = await openForm(b);
    const res = await b.postForm(f.url, fill(f, { website: 'http://spam.example' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Không gửi được yêu cầu');
    expect(/<div class="iq-summary" role="alert"[^>]*>.*?<ul>(.*?)<\/ul>/s.exec(res.body)?.[1]).toBe(
      '<li>Không gửi được yêu cầu. Hãy kiểm tra lại các thông tin rồi gửi lại.</li>',
    );
    expect(res.body).toContain('<input id="f-website" name="website" type="text" value=""');
    expect(codeOf(res.body)).toBeUndefined();
    expect(await count()).toBe(before);
  });

  it('asks a new question after a wrong answer to the challenge, keeping the rest', async () => {
    const before = await count();
    const b = new Browser();
    const f = await openForm(b);
    const wrong = String(Number(f.answer) + 1);
    const res = await b.postForm(f.url, fill(f, { challenge_answer: wrong, title: 'Hỏi về chứng thực bản sao' }));
    expect(res.statusCode).toBe(422);
    expect(await count()).toBe(before);
    expect(res.body).toContain('Câu trả lời cho câu hỏi kiểm tra chưa đúng');
    expect(res.body).toContain('<a href="#f-challenge">');
    expect(res.body).toMatch(/<input id="f-challenge" name="challenge_answer" type="text" value=""[^>]*aria-invalid="true" required aria-required="true">/);
    expect(hidden(res.body, 'challenge_token')).not.toBe(f.token);
    expect(res.body).toContain('value="Hỏi về chứng thực bản sao"');
    // The new question, answered, lets the request through.
    const ok = await b.postForm(f.url, fill(f, { _csrf: b.lastCsrf, challenge_token: hidden(res.body, 'challenge_token'), challenge_answer: solve(res.body) }));
    expect(ok.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a forged or missing token and a missing CSRF token', async () => {
    const b = new Browser();
    const f = await openForm(b);
    expect((await b.postForm(f.url, fill(f, { challenge_token: 'abc.def' }))).statusCode).toBe(422);
    const noCsrf = await b.postForm(f.url, fill(f, { _csrf: null }));
    expect(noCsrf.statusCode).toBe(403);
  });

  it('takes real documents and refuses disguised and oversized files with a message on the form', async () => {
    const b = new Browser();
    const before = await count();
    const f = await openForm(b);
    const disguised = await b.postForm(f.url, fill(f), [
      { filename: 'giay-to.pdf', data: Buffer.from('#!/bin/sh\necho not a pdf\n'), contentType: 'application/pdf' },
    ]);
    expect(disguised.statusCode).toBe(422);
    expect(disguised.body).toContain('Tệp «giay-to.pdf» không phải loại được nhận');
    expect(disguised.body).toContain('<a href="#f-files">');
    const big = await b.postForm(f.url, fill(f, { _csrf: b.lastCsrf }), [
      { filename: 'lon.pdf', data: Buffer.concat([pdfFile(), Buffer.alloc(5 * 1024 * 1024)]) },
    ]);
    expect(big.statusCode).toBe(422);
    expect(big.body).toContain('Tệp «lon.pdf» lớn hơn 5 MB.');
    const many = await b.postForm(
      f.url,
      fill(f, { _csrf: b.lastCsrf }),
      [1, 2, 3, 4].map((i) => ({ filename: `tep${i}.pdf`, data: pdfFile() })),
    );
    expect(many.statusCode).toBe(422);
    expect(many.body).toContain('Chỉ gửi được tối đa 3 tệp.');
    expect(await count()).toBe(before);

    const { code } = await submitOk(b, {}, [{ filename: 'Giấy khai sinh.pdf', data: pdfFile() }]);
    const row = await t.db.db.selectFrom('inquiries').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const files = await t.db.db.selectFrom('inquiry_attachments').selectAll().where('inquiry_id', '=', row.id).execute();
    expect(files.map((x) => [x.role, x.filename, x.mime])).toEqual([['citizen', 'Giấy khai sinh.pdf', 'application/pdf']]);
  });

  it('escapes script in what the citizen typed, on the confirmation and the status page', async () => {
    const b = new Browser();
    const { res, code, email } = await submitOk(b, { title: '<script>alert(1)</script> Hỏi về hộ tịch' });
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Hỏi về hộ tịch');
    await b.get(`${SITE}/tra-cuu-cau-hoi`);
    const status = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code, contact: email });
    expect(status.statusCode).toBe(200);
    expect(status.body).not.toContain('<script>alert(1)</script>');
    expect(status.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('speaks English on /english/ask, messages included', async () => {
    const b = new Browser();
    const f = await openForm(b, `${SITE}/english/ask`);
    expect(f.body).toContain('<html lang="en"');
    expect(f.body).toMatch(/<label for="f-challenge" id="f-challenge-label">Check question: What is \w+ (plus|minus) \w+\?/);
    expect(f.body).toContain('Leave this field empty');
    const res = await b.postForm(f.url, fill(f, { email: 'not-an-email', challenge_answer: '99' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('The e-mail address is not valid');
    expect(res.body).toContain('The answer to the check question is not right');
    expect(res.body).toContain('Not sent yet: please correct the following');
    const ok = await b.postForm(f.url, fill(f, { _csrf: b.lastCsrf, challenge_token: hidden(res.body, 'challenge_token'), challenge_answer: solve(res.body) }));
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Your tracking code');
    expect(ok.body).toContain('href="/s/phuongbadinh/english/track?ma=');
    const row = await t.db.db.selectFrom('inquiries').select('lang').where('code', '=', codeOf(ok.body)!).executeTakeFirstOrThrow();
    expect(row.lang).toBe('en');
  });

  it('also takes a url-encoded post (a form without files)', async () => {
    const b = new Browser();
    const f = await openForm(b);
    const fields = Object.fromEntries(fill(f).filter(([k]) => k !== '__files__' && k !== '_csrf'));
    const res = await b.post(f.url, fields);
    expect(res.statusCode).toBe(200);
    expect(codeOf(res.body)).toBeDefined();
  });

  it('keeps the form and status pages out of the page cache; the Q&A pages are cached', async () => {
    for (const url of [`${SITE}/gui-cau-hoi`, `${SITE}/tra-cuu-cau-hoi`, `${SITE}/english/track?ma=HD-0000-0000-0000`]) {
      // A new visitor each time: an anonymous visit is what the cache would answer.
      const first = await new Browser().get(url);
      expect(first.headers['set-cookie'], url).toBeDefined();
      const again = await new Browser().get(url);
      expect(again.headers['x-cache'], url).toBeUndefined();
      expect(again.headers['cache-control'], url).toBe('no-store');
      expect(hidden(again.body, 'challenge_token') || 'none', url).not.toBe(hidden(first.body, 'challenge_token') || 'other');
    }
    const b = new Browser();
    await b.get(`${SITE}/hoi-dap?linh-vuc=dat-dai`);
    const cached = await b.get(`${SITE}/hoi-dap?linh-vuc=dat-dai`);
    expect(cached.headers['x-cache']).toBe('hit');
  });

  it('limits submissions per address with a friendly page', async () => {
    const b = new Browser();
    const f = await openForm(b);
    const statuses: number[] = [];
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < t.config.inquirySubmissionsPerMinute + 1; i++) {
      last = await b.postForm(f.url, fill(f, { website: 'x', _csrf: b.lastCsrf }));
      statuses.push(last.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(last!.headers['content-type']).toContain('text/html');
    expect(last!.body).toContain('Bạn đã gửi quá nhiều yêu cầu');
    expect(last!.headers['retry-after']).toBeDefined();
  });
});

// ── The status page ─────────────────────────────────────────────────────────────────

const notFoundText = (body: string) => /<div class="iq-summary" role="alert" id="loi" tabindex="-1">(.*?)<\/div>/s.exec(body)?.[1];

describe('the status page', () => {
  it('looks a request up by POST with its code and the e-mail or phone, and shows its stages', async () => {
    const b = new Browser();
    const { code, email } = await submitOk(b);
    const page = await b.get(`${SITE}/tra-cuu-cau-hoi?ma=${code}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toMatch(/<form method="post" action="\/s\/phuongbadinh\/tra-cuu-cau-hoi"/);
    expect(page.body).toContain(`value="${code}"`);
    expect(page.body).toContain('href="/s/phuongbadinh/gui-cau-hoi"');

    const byEmail = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code: code.toLowerCase().replace(/-/g, ' '), contact: email.toUpperCase() });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.headers['cache-control']).toBe('no-store');
    expect(byEmail.body).toContain(`Tình trạng yêu cầu ${code}`);
    expect(byEmail.body).toContain('Đã tiếp nhận, đang phân loại');
    expect(byEmail.body).toMatch(/<ol class="iq-stages"><li><time datetime="[^"]+">\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}<\/time> Tiếp nhận yêu cầu/);
    expect(text(byEmail.body)).toMatch(/Hạn trả lời \d{2}\/\d{2}\/\d{4}/);
    // No personal data on the page.
    expect(byEmail.body).not.toContain('Lê Thị Hoa');
    const byPhone = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code, contact: '+84 987 654 321' });
    expect(byPhone.statusCode).toBe(200);
  });

  it('gives the same answer for a wrong contact and an unknown code', async () => {
    const b = new Browser();
    const { code } = await submitOk(b);
    await b.get(`${SITE}/tra-cuu-cau-hoi`);
    const wrong = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code, contact: 'someone@example.com' });
    const unknown = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code: 'HD-0000-0000-0000', contact: 'someone@example.com' });
    const garbage = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code: 'không phải mã', contact: '0987654321' });
    for (const r of [wrong, unknown, garbage]) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain('Không tìm thấy yêu cầu với mã tra cứu và thông tin liên hệ này');
    }
    expect(notFoundText(wrong.body)).toBe(notFoundText(unknown.body));
    // What was typed stays in the form.
    expect(wrong.body).toContain('value="someone@example.com"');
    const empty = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code: '', contact: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('<a href="#f-code">');
  });

  it('shows the answer, its files and the published entry, and takes information asked for', async () => {
    const { handling, publication } = t.modules.inquiries;
    const b = new Browser();
    const { code, email } = await submitOk(b, {
      title: 'Đăng ký khai sinh cho con sinh ở nước ngoài',
      content: 'Con tôi sinh ở nước ngoài, nay về nước, đăng ký khai sinh tại phường được không?',
    });
    const row = await t.db.db.selectFrom('inquiries').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

    // The board asks for more information: the page offers a form for it.
    await handling.requestInformation(system, row.id, 'Đề nghị cho biết con đã được đăng ký khai sinh ở nước ngoài chưa.');
    await b.get(`${SITE}/tra-cuu-cau-hoi`);
    const needs = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code, contact: email });
    expect(needs.body).toContain('Cần bổ sung thông tin');
    expect(needs.body).toContain('Đề nghị cho biết con đã được đăng ký khai sinh ở nước ngoài chưa.');
    expect(needs.body).toMatch(/<form method="post" action="\/s\/phuongbadinh\/tra-cuu-cau-hoi\/bo-sung"/);
    const tooShort = await b.post(`${SITE}/tra-cuu-cau-hoi/bo-sung`, { code, contact: email, info: 'x' });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.body).toContain('Thông tin bổ sung cần từ 2 đến');
    const added = await b.post(`${SITE}/tra-cuu-cau-hoi/bo-sung`, { code, contact: email, info: 'Cháu chưa được đăng ký khai sinh ở nước ngoài.' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Đã gửi thông tin bổ sung');
    expect(added.body).toContain('Công dân bổ sung thông tin');
    expect(added.body).not.toContain('action="/s/phuongbadinh/tra-cuu-cau-hoi/bo-sung"');
    // The display links and the canonical address lead to a page that exists, not to the post.
    expect(added.body).toContain('<link rel="canonical" href="http://localhost/s/phuongbadinh/tra-cuu-cau-hoi">');
    expect(added.body).toContain('quay-lai=%2Fs%2Fphuongbadinh%2Ftra-cuu-cau-hoi"');
    const wrongContact = await b.post(`${SITE}/tra-cuu-cau-hoi/bo-sung`, { code, contact: 'x@example.com', info: 'Thêm thông tin nữa.' });
    expect(wrongContact.statusCode).toBe(404);

    // Forwarded, answered with a file, approved, published.
    await handling.forward(system, row.id, { agencyId });
    await handling.addAnswerFiles(system, row.id, [{ filename: 'Hướng dẫn.pdf', data: pdfFile('Huong dan') }], 'vi');
    await handling.submitAnswer(
      system,
      row.id,
      '<p>Trẻ em sinh ra ở nước ngoài chưa được đăng ký khai sinh được đăng ký tại Ủy ban nhân dân cấp xã nơi cư trú.</p>',
    );
    await handling.approveAnswer(system, row.id);
    const proposal = await publication.proposal(system, row.id);
    const { slug } = await publication.publish(system, row.id, proposal);
    // A redacted copy of a document, published with the entry (before its page is first cached:
    // adding one does not announce a change to the page cache).
    await publication.addPublicFile(system, row.id, [{ filename: 'Mẫu tờ khai.pdf', data: pdfFile('Mau') }], 'vi');

    const answered = await b.post(`${SITE}/tra-cuu-cau-hoi`, { code, contact: email });
    expect(answered.body).toContain('Đã trả lời');
    expect(answered.body).toContain('<div class="iq-answer"><p>Trẻ em sinh ra ở nước ngoài');
    expect(answered.body).toContain('Phòng Văn hoá – Xã hội (kiểm thử)');
    expect(answered.body).toContain(`href="/s/phuongbadinh/hoi-dap/${slug}"`);
    const link = /href="(\/s\/phuongbadinh\/tra-cuu-cau-hoi\/tep\/\d+\?ma=[^"]+)"/.exec(answered.body)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const file = await b.get(link!);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''H%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn.pdf");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Without the right token, or for another request's code, nothing.
    expect((await b.get(link!.replace(/k=[^&]+/, 'k=AAAA'))).statusCode).toBe(404);
    expect((await b.get(link!.replace(/ma=[^&]+/, 'ma=HD-0000-0000-0000'))).statusCode).toBe(404);

    // The Q&A section lists it and shows it without personal data.
    const list = await b.get(`${SITE}/hoi-dap`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toContain('public');
    expect(list.body).toContain(`href="/s/phuongbadinh/hoi-dap/${slug}"`);
    expect(list.body).toContain('href="/s/phuongbadinh/gui-cau-hoi"');
    expect(list.body).toMatch(/href="\/s\/phuongbadinh\/hoi-dap\?linh-vuc=tu-phap-ho-tich">Tư pháp, hộ tịch \(\d+\)<\/a>/);
    const filtered = await b.get(`${SITE}/hoi-dap?linh-vuc=tu-phap-ho-tich`);
    expect(filtered.body).toContain(`href="/s/phuongbadinh/hoi-dap/${slug}"`);
    expect((await b.get(`${SITE}/hoi-dap?linh-vuc=giao-thong`)).body).not.toContain(slug);
    const entry = await b.get(`${SITE}/hoi-dap/${slug}`);
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('Trẻ em sinh ra ở nước ngoài');
    expect(entry.body).toContain('Phòng Văn hoá – Xã hội (kiểm thử)');
    expect(entry.body).not.toContain('Lê Thị Hoa');
    expect(entry.body).not.toContain(email);
    expect((await b.get(`/s/phuongbadinh/english/questions/${slug}`)).statusCode).toBe(200);

    // Its redacted document downloads; the citizen's own attachments never do.
    const pub = /href="(\/s\/phuongbadinh\/hoi-dap\/tep\/(\d+))"/.exec(entry.body);
    expect(pub).not.toBeNull();
    const doc = await b.get(pub![1]!);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-disposition']).toMatch(/^attachment; /);
    const atts = await t.db.db.selectFrom('inquiry_attachments').select(['id', 'role']).where('inquiry_id', '=', row.id).execute();
    const answerFile = atts.find((a) => a.role === 'answer')!;
    expect((await b.get(`${SITE}/hoi-dap/tep/${answerFile.id}`)).statusCode).toBe(404);
    // On another site, not found.
    expect((await b.get(`/s/hanoi/hoi-dap/tep/${pub![2]}`)).statusCode).toBe(404);
    expect((await b.get(`/s/hanoi/hoi-dap/${slug}`)).statusCode).toBe(404);
  });

  it('does not serve a citizen’s attachment anywhere', async () => {
    const b = new Browser();
    const { code } = await submitOk(b, {}, [{ filename: 'CCCD.pdf', data: pdfFile('CCCD') }]);
    const row = await t.db.db.selectFrom('inquiries').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const att = await t.db.db.selectFrom('inquiry_attachments').select('id').where('inquiry_id', '=', row.id).executeTakeFirstOrThrow();
    expect((await b.get(`${SITE}/hoi-dap/tep/${att.id}`)).statusCode).toBe(404);
    expect((await b.get(`${SITE}/tra-cuu-cau-hoi/tep/${att.id}?ma=${code}&k=x`)).statusCode).toBe(404);
  });
});

describe('the Q&A section', () => {
  it('is on every site and language, and an unknown entry, field or page is not found', async () => {
    const b = new Browser();
    for (const url of ['/hoi-dap', '/english/questions', `${SITE}/hoi-dap`, `${SITE}/english/questions`]) {
      const r = await b.get(url);
      expect(r.statusCode, url).toBe(200);
    }
    expect((await b.get('/english/questions')).body).toContain('Questions and answers');
    for (const url of [
      `${SITE}/hoi-dap/khong-co-cau-hoi-nay`,
      `${SITE}/hoi-dap/%3Cscript%3E`,
      `${SITE}/hoi-dap?linh-vuc=khong-co`,
      `${SITE}/hoi-dap?trang=abc`,
      `${SITE}/hoi-dap?trang=99`,
      `${SITE}/hoi-dap/tep/999999`,
    ]) {
      expect((await b.get(url)).statusCode, url).toBe(404);
    }
  });
});
