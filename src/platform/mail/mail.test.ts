/**
 * Mail against a real SMTP peer (smtp-server on 127.0.0.1) and the real outbox table, on
 * PGlite or on PostgreSQL (DATABASE_URL). Messages are decoded here with a small MIME reader
 * (encoded-words, quoted-printable, base64, multipart) so Vietnamese text is checked end to end.
 */
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, onPostgres, type TestDatabase } from '../../../test/db.ts';
import { Invalid } from '../http/errors.ts';
import { createMailDelivery, listRecentMail, MAIL_MAX_ATTEMPTS, queueMail, type MailMessage } from './index.ts';
import { claimPending, GAVE_UP_AT, markFailed } from './mail.repo.ts';

const SUBJECT = 'Đặt lại mật khẩu — Cổng Thông tin điện tử';
const TEXT = 'Xin chào Nguyễn Thị Hằng,\n\nBấm vào liên kết sau để đặt lại mật khẩu: https://cong.example.gov.vn/dat-lai/abc\nLiên kết hết hạn sau 30 phút.';
const HTML = '<p>Xin chào <b>Nguyễn Thị Hằng</b>, bấm <a href="https://cong.example.gov.vn/dat-lai/abc">vào đây</a> để đặt lại mật khẩu.</p>';
const FROM = 'Cổng Thông tin <no-reply@cong.example.gov.vn>';

interface Received {
  mailFrom: string | undefined;
  rcptTo: string[];
  raw: string;
}

let db: TestDatabase;
let smtp: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          mailFrom: mailFrom ? mailFrom.address : undefined,
          rcptTo: rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
  await db?.destroy();
});

beforeEach(async () => {
  await db.db.deleteFrom('mail_outbox').execute();
  received.length = 0;
});

const message = (over: Partial<MailMessage> = {}): MailMessage => ({ to: 'hang.nguyen@example.gov.vn', subject: SUBJECT, text: TEXT, ...over });
const rows = () => db.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
const dbNow = async () => (await sql<{ now: Date }>`select now() as now`.execute(db.db)).rows[0]!.now;

describe(`mail (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('queues, then delivers to the SMTP server with from, to and Vietnamese subject and body intact; marks it sent', async () => {
    await db.db.transaction().execute((tx) => queueMail(tx, message({ html: HTML })));
    const delivery = createMailDelivery(db.db, { smtpUrl, mailFrom: FROM });
    try {
      expect(await delivery.deliverPending()).toEqual({ sent: 1, failed: 0 });
    } finally {
      await delivery.close();
    }

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.mailFrom).toBe('no-reply@cong.example.gov.vn');
    expect(mail.rcptTo).toEqual(['hang.nguyen@example.gov.vn']);
    const parsed = parseMime(mail.raw);
    // Every header went out as 7-bit ASCII (encoded-words), so no server can mangle it.
    expect(mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'))).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(parsed.header('subject')).toBe(SUBJECT);
    expect(parsed.header('from')).toMatch(/^"?Cổng Thông tin"? <no-reply@cong\.example\.gov\.vn>$/);
    expect(parsed.header('to')).toBe('hang.nguyen@example.gov.vn');
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(TEXT);
    expect(parsed.html?.replace(/\r\n/g, '\n').trimEnd()).toBe(HTML);

    const [row] = await rows();
    expect(row!.sent_at).toBeInstanceOf(Date);
    expect(row!.attempts).toBe(0);
    expect(row!.last_error).toBeNull();
  });

  it('keeps nothing when the caller’s transaction rolls back, and the mail once it commits', async () => {
    await expect(
      db.db.transaction().execute(async (tx) => {
        await queueMail(tx, message());
        throw new Error('the service failed after queueing');
      }),
    ).rejects.toThrow('the service failed');
    expect(await rows()).toHaveLength(0);

    await db.db.transaction().execute((tx) => queueMail(tx, message()));
    expect(await rows()).toHaveLength(1);
  });

  it('marks a message failed and keeps it when the SMTP server is down (1 attempt, retried later)', async () => {
    const closedPort = await freePort();
    await queueMail(db.db, message());
    const delivery = createMailDelivery(db.db, { smtpUrl: `smtp://127.0.0.1:${closedPort}`, mailFrom: FROM });
    try {
      expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 1 });
      // Not due again straight away.
      expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await delivery.close();
    }
    const [row] = await rows();
    expect(row!.sent_at).toBeNull();
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    const wait = row!.send_after.getTime() - (await dbNow()).getTime();
    expect(wait).toBeGreaterThan(30_000);
    expect(wait).toBeLessThanOrEqual(60_000);
  });

  it('pushes retries back 1, 5, 15, 60 minutes… and stops after the last attempt without losing the row', async () => {
    await queueMail(db.db, message());
    const id = (await rows())[0]!.id;
    const waits: number[] = [];
    for (let attempt = 0; attempt < MAIL_MAX_ATTEMPTS; attempt++) {
      await markFailed(db.db, id, attempt, `421 try again (${attempt + 1})`);
      const [row] = await rows();
      waits.push(Math.round((row!.send_after.getTime() - (await dbNow()).getTime()) / 60_000));
    }
    expect(waits.slice(0, 4)).toEqual([1, 5, 15, 60]);
    for (let i = 1; i < MAIL_MAX_ATTEMPTS - 1; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    const [row] = await rows();
    expect(row!.attempts).toBe(MAIL_MAX_ATTEMPTS);
    expect(row!.send_after.getTime()).toBe(GAVE_UP_AT.getTime());
    expect(row!.last_error).toBe('421 try again (10)');
    expect(await claimPending(db.db, 10, 60)).toEqual([]);
  });

  it('sends nothing without SMTP_URL: the mail stays pending and readable in the outbox', async () => {
    await queueMail(db.db, message());
    await queueMail(db.db, message({ to: 'b@example.gov.vn' }));
    const delivery = createMailDelivery(db.db, { smtpUrl: undefined, mailFrom: FROM });
    expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0 });
    await delivery.close();
    const recent = await listRecentMail(db.db);
    expect(recent.map((r) => [r.to_address, r.sent_at, r.attempts])).toEqual([
      ['b@example.gov.vn', null, 0],
      ['hang.nguyen@example.gov.vn', null, 0],
    ]);
    expect(recent[0]!.subject).toBe(SUBJECT);
    expect(recent[0]!.send_after.getTime()).toBeLessThanOrEqual((await dbNow()).getTime());
  });

  it.each([
    ['CR/LF in the subject', { subject: 'Xin chào\r\nBcc: victim@example.com' }, 'subject'],
    ['LF alone in the subject', { subject: 'Xin chào\nBcc: victim@example.com' }, 'subject'],
    ['CR/LF in the address', { to: 'a@example.gov.vn\r\nBcc: victim@example.com' }, 'to'],
    ['a trailing line break in the address', { to: 'a@example.gov.vn\n' }, 'to'],
    ['two addresses', { to: 'a@example.gov.vn, b@example.gov.vn' }, 'to'],
    ['a display name', { to: 'Hằng <a@example.gov.vn>' }, 'to'],
    ['no address', { to: 'not-an-address' }, 'to'],
    ['a subject over 200 characters', { subject: 'Đ'.repeat(201) }, 'subject'],
    ['an empty subject', { subject: '  ' }, 'subject'],
    ['an empty body', { text: '' }, 'text'],
  ] as const)('rejects %s as Invalid and queues nothing', async (_name, over, field) => {
    const error = await queueMail(db.db, message(over)).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).details.map((d) => d.field)).toContain(field);
    expect(await rows()).toHaveLength(0);
  });

  it('accepts a 200-character Vietnamese subject and stores it NFC-normalised', async () => {
    await queueMail(db.db, message({ subject: 'ệ'.repeat(200) }));
    await queueMail(db.db, message({ subject: 'Cổng'.normalize('NFD') }));
    const [a, b] = await rows();
    expect(a!.subject).toBe('ệ'.repeat(200));
    expect(b!.subject).toBe('Cổng'.normalize('NFC'));
  });

  it('never sends a message twice when two senders deliver at the same time', async () => {
    const count = 9;
    for (let i = 1; i <= count; i++) await queueMail(db.db, message({ subject: `${SUBJECT} #${i}` }));
    const a = createMailDelivery(db.db, { smtpUrl, mailFrom: FROM });
    const b = createMailDelivery(db.db, { smtpUrl, mailFrom: FROM });
    try {
      const results = await Promise.all([a.deliverPending(5), b.deliverPending(5), a.deliverPending(5), b.deliverPending(5)]);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(count);
      expect(results.every((r) => r.failed === 0)).toBe(true);
      expect(await a.deliverPending()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const subjects = received.map((m) => parseMime(m.raw).header('subject'));
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
    expect((await rows()).every((r) => r.sent_at !== null)).toBe(true);
  });
});

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface ParsedMime {
  header(name: string): string | undefined;
  text: string | undefined;
  html: string | undefined;
}

/** Just enough MIME for these tests: headers, encoded-words, QP/base64 bodies, multipart parts. */
function parseMime(raw: string): ParsedMime {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const type = headers.get('content-type') ?? 'text/plain';
  const result: ParsedMime = { header: (name) => headers.get(name.toLowerCase()), text: undefined, html: undefined };
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1, -1)) {
      const inner = parseMime(part.replace(/^\r\n/, ''));
      result.text ??= inner.text;
      result.html ??= inner.html;
    }
    return result;
  }
  const decoded = decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit');
  if (/^text\/html/i.test(type)) result.html = decoded;
  else if (/^text\/plain/i.test(type)) result.text = decoded;
  return result;
}

/** RFC 2047: adjacent encoded-words are joined (their bytes may split one character). */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/=\?[^?]+\?[BbQq]\?[^?]*\?=(?:\s*=\?[^?]+\?[BbQq]\?[^?]*\?=)*/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, , enc, text]) =>
      enc!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : qpBytes(text!.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

function decodeBody(body: string, encoding: string): string {
  const enc = encoding.toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return qpBytes(body.replace(/=\r\n/g, '')).toString('utf8');
  return Buffer.from(body, 'latin1').toString('utf8');
}

function qpBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      out.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      out.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}
