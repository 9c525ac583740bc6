/**
 * A citizen's question from end to end, in Chromium: asked on a ward site, the tracking code
 * received by e-mail from a real SMTP peer, forwarded by the ward's board, answered by the
 * agency's responder, approved by the board, read on the status page, then published with the
 * citizen's personal data redacted and found by search. axe runs on the form, the status page
 * and the consoles.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { Page } from 'playwright-core';
import { createMailDelivery } from '../src/platform/mail/index.ts';
import { browserAvailable, screenshot, seriousViolations, signInAdmin, startHarness, type BrowserHarness } from './browser.ts';

const WARD = '/s/phuongbadinh';
const CITIZEN = { name: 'Nguyễn Thị Thu Hà', email: 'thuha.nguyen@example.com', phone: '0913 222 333' };
const VI = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** The spoken sum's answer, from the words of the question. */
function solve(question: string): string {
  const m = /(\p{L}+) (cộng|trừ) (\p{L}+) bằng mấy/u.exec(question);
  if (!m) throw new Error(`no challenge in «${question}»`);
  const a = VI.indexOf(m[1]!.toLowerCase());
  const b = VI.indexOf(m[3]!.toLowerCase());
  return String(m[2] === 'cộng' ? a + b : a - b);
}

/** Quoted-printable soft breaks and escapes undone, enough to read a code in a mail. */
const unQp = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe.runIf(browserAvailable())('a citizen’s question in Chromium', () => {
  let h: BrowserHarness;
  let smtp: SMTPServer;
  const received: { to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    h = await startHarness({ env: { SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` } });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
  });

  async function deliverMail() {
    const delivery = createMailDelivery(h.server.db.db, h.server.config);
    try {
      // The demo's own notices wait in the outbox too: deliver until it is empty.
      for (let i = 0; i < 100; i++) {
        const r = await delivery.deliverPending();
        if (r.sent + r.failed === 0) break;
      }
    } finally {
      await delivery.close();
    }
  }

  async function expectAccessible(page: Page, name: string) {
    await screenshot(page, name);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  /** Opens the request in the console of a signed-in officer. */
  async function openRequest(page: Page, code: string) {
    await page.goto(h.url('/quan-tri/hoi-dap'));
    await page.click(`a:has-text("${code}")`);
    await page.waitForSelector('h1');
  }

  it('goes from the ward’s form to a published, redacted answer found by search', async () => {
    // 1. The citizen asks (the form needs no script; test/inquiries-public.test.ts posts it as a plain form).
    const citizen = await h.newPage();
    await citizen.goto(h.url(`${WARD}/gui-cau-hoi`));
    await expectAccessible(citizen, 'inquiry-form');
    await citizen.check('input[name=kind][value=question]');
    await citizen.selectOption('select[name=field]', 'dat-dai');
    await citizen.fill('[name=title]', 'Thủ tục tách thửa đất ở tại phường Ba Đình');
    await citizen.fill(
      '[name=content]',
      `Tôi là ${CITIZEN.name}, ở số 18 ngõ 5 phố Đội Cấn. Gia đình tôi muốn tách thửa đất ở diện tích 120 m² cho hai con; xin hỏi điều kiện và hồ sơ tách thửa gồm những gì? Điện thoại của tôi: ${CITIZEN.phone}.`,
    );
    await citizen.fill('[name=name]', CITIZEN.name);
    await citizen.fill('[name=email]', CITIZEN.email);
    await citizen.fill('[name=phone]', CITIZEN.phone);
    await citizen.check('input[name=consentPrivacy]');
    await citizen.check('input[name=consentPublish]');
    const question = await citizen.textContent('label[for=f-challenge]');
    await citizen.fill('[name=challenge_answer]', solve(question ?? ''));
    await Promise.all([citizen.waitForNavigation(), citizen.click('main form[enctype] button[type=submit]')]);
    const confirmation = (await citizen.textContent('main')) ?? '';
    const code = /HD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)?.[0];
    expect(code).toBeDefined();
    await expectAccessible(citizen, 'inquiry-received');

    // 2. The same code reaches the citizen through a real SMTP server.
    await deliverMail();
    const mail = received.find((m) => m.to.includes(CITIZEN.email));
    expect(mail).toBeDefined();
    expect(unQp(mail!.raw)).toContain(code!);

    // 3. The ward's board forwards it to the land and construction desk.
    const board = await signInAdmin(h, 'truongban.phuongbadinh@cong.example');
    await board.goto(h.url('/quan-tri/hoi-dap'));
    await expectAccessible(board, 'inquiry-console-list');
    await openRequest(board, code!);
    expect(await board.textContent('main')).toContain(CITIZEN.email);
    await expectAccessible(board, 'inquiry-console-detail');
    const desk = board.locator('#form-forward select[name=agencyId] option', { hasText: 'Địa chính – Xây dựng' });
    await board.selectOption('#form-forward select[name=agencyId]', (await desk.getAttribute('value'))!);
    await Promise.all([board.waitForNavigation(), board.click('#form-forward button[type=submit]')]);
    expect(await board.textContent('main')).toContain('Địa chính – Xây dựng');

    // 4. The desk's responder answers (the site sends answers through the board).
    const responder = await signInAdmin(h, 'traloi.diachinh.phuongbadinh@cong.example');
    await openRequest(responder, code!);
    await expectAccessible(responder, 'inquiry-console-answer');
    // The rich-text editor stands over the textarea and keeps it in sync.
    await responder.fill(
      '#f-answer-rte',
      'Theo quy định của UBND Thành phố, thửa đất ở sau khi tách phải có diện tích tối thiểu 30 m² và mặt tiền tối thiểu 3 m. Hồ sơ gồm: đơn đề nghị tách thửa, giấy chứng nhận quyền sử dụng đất bản gốc và bản vẽ trích đo địa chính.',
    );
    await Promise.all([responder.waitForNavigation(), responder.click('button[name=thao_tac][value=submit_answer]')]);

    await openRequest(board, code!);
    await Promise.all([board.waitForNavigation(), board.click('#form-approve button[type=submit]')]);

    // 5. The citizen reads the answer on the status page.
    await citizen.goto(h.url(`${WARD}/tra-cuu-cau-hoi`));
    await citizen.fill('[name=code]', code!);
    await citizen.fill('[name=contact]', CITIZEN.email);
    await Promise.all([citizen.waitForNavigation(), citizen.click('main form:has([name=contact]) button[type=submit]')]);
    const status = (await citizen.textContent('main')) ?? '';
    expect(status).toContain('diện tích tối thiểu 30 m²');
    expect(status).toContain('Đã trả lời');
    await expectAccessible(citizen, 'inquiry-status');

    // 6. The board publishes it; the public page has no personal data, and search finds it.
    await openRequest(board, code!);
    await board.click('a[href$="/cong-bo"]');
    await board.waitForSelector('#form-publish');
    await Promise.all([board.waitForNavigation(), board.click('#form-publish button[type=submit]')]);
    const publicLink = await board.getAttribute('a[href*="/hoi-dap/"]', 'href');
    expect(publicLink).toBeTruthy();

    const reader = await h.newPage();
    await reader.goto(h.url(`${WARD}/hoi-dap`));
    await reader.click('main a:has-text("tách thửa")');
    const published = (await reader.textContent('main')) ?? '';
    expect(published).toContain('diện tích tối thiểu 30 m²');
    for (const personal of [CITIZEN.name, CITIZEN.email, CITIZEN.phone, '0913222333', 'số 18 ngõ 5']) expect(published).not.toContain(personal);
    await expectAccessible(reader, 'inquiry-published');

    await reader.goto(h.url(`${WARD}/tim-kiem?q=${encodeURIComponent('tach thua dat o')}`));
    const hrefs = await reader.locator('main a[href*="/hoi-dap/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
  }, 180_000);

  it('lets the hotline operator log a call in one short form', async () => {
    const operator = await signInAdmin(h, 'duongdaynong.hanoi@cong.example');
    await operator.goto(h.url('/quan-tri/duong-day-nong'));
    await expectAccessible(operator, 'inquiry-hotline');
    await operator.selectOption('select[name=field]', 'thai-do-can-bo');
    await operator.fill('[name=content]', 'Người dân phản ánh cán bộ bộ phận một cửa quận hẹn trả kết quả quá hạn hai lần mà không giải thích lý do.');
    await Promise.all([operator.waitForNavigation(), operator.click('form.form button[type=submit]')]);
    expect((await operator.textContent('main')) ?? '').toMatch(/HD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  }, 60_000);
});
