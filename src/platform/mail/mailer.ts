/**
 * The platform's e-mail: services queue messages in the outbox inside their own transaction
 * (a mail exists exactly when the work that caused it commits); a delivery loop sends them
 * over SMTP later, retrying with growing delays. Without SMTP_URL nothing is sent and the
 * outbox can be read instead (development, air-gapped installations).
 *
 * Delivery is at least once: a claimed message is leased (see mail.repo.ts) and sent outside
 * any transaction, so a process that dies between the SMTP server's "250 OK" and markSent
 * sends that message again when the lease ends. No message is ever sent by two senders at once.
 */
import { isEmail } from '../validation.ts';
import type { RawBuilder } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db, DbOrTx } from '../db/create-db.ts';
import type { CteRef } from '../db/cte.ts';
import type { FieldProblem } from '../http/errors.ts';
import { Invalid } from '../http/errors.ts';
import * as repo from './mail.repo.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailDelivery {
  /** Sends up to `limit` due messages; counts what the SMTP server accepted and what failed. */
  deliverPending(limit?: number): Promise<{ sent: number; failed: number }>;
  /** Waits for deliveries under way, then closes the SMTP transport. */
  close(): Promise<void>;
}

const SUBJECT_MAX = 200;
const ADDRESS_MAX = 254;
/** CR, LF and other control characters (and Unicode line breaks) have no place in a header. */
const HEADER_BREAKING = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

/** How long a claim keeps other senders off a message; new sends stop at half of it. */
const LEASE_SECONDS = 600;
const DEFAULT_BATCH = 20;

/** Checks and normalises a message (NFC, trimmed); throws Invalid naming each bad field. */
export function validateMail(message: MailMessage): repo.NewMail {
  const problems: FieldProblem[] = [];
  const to = typeof message.to === 'string' ? message.to : '';
  const subjectRaw = typeof message.subject === 'string' ? message.subject : '';
  // Checked before trimming: a trailing CR/LF is an injection attempt, not whitespace to tidy.
  if (HEADER_BREAKING.test(to) || !isEmail(to.trim()) || to.trim().length > ADDRESS_MAX) {
    problems.push({ field: 'to', message: 'Địa chỉ người nhận phải là một địa chỉ thư điện tử hợp lệ.' });
  }
  const subject = subjectRaw.normalize('NFC').trim();
  if (HEADER_BREAKING.test(subjectRaw)) {
    problems.push({ field: 'subject', message: 'Tiêu đề thư không được chứa ký tự xuống dòng hay ký tự điều khiển.' });
  } else if (subject.length === 0 || subject.length > SUBJECT_MAX) {
    problems.push({ field: 'subject', message: `Tiêu đề thư phải có từ 1 đến ${SUBJECT_MAX} ký tự.` });
  }
  const text = typeof message.text === 'string' ? message.text.normalize('NFC') : '';
  if (text.trim().length === 0) problems.push({ field: 'text', message: 'Nội dung thư không được để trống.' });
  if (message.html !== undefined && typeof message.html !== 'string') {
    problems.push({ field: 'html', message: 'Nội dung HTML của thư không hợp lệ.' });
  }
  if (problems.length > 0) {
    throw new Invalid('mail.invalid', problems.map((p) => p.message).join(' '), { details: problems });
  }
  return { to_address: to.trim(), subject, text_body: text, html_body: message.html?.normalize('NFC') ?? null };
}

/** Queues a message in the outbox as part of the caller's transaction (nothing acknowledged is lost: the mail exists once the caller's transaction commits). */
export async function queueMail(db: DbOrTx, message: MailMessage): Promise<void> {
  await repo.insertMail(db, validateMail(message));
}

/**
 * `queueMail` as a step of a caller's single statement: the message is queued only when the
 * caller's CTE `source` holds a row (say, when the request it announces was really inserted).
 */
export function queueMailFor(message: MailMessage, source: CteRef<object>): RawBuilder<unknown> {
  return repo.insertMailFor(validateMail(message), source);
}

/** Delivers queued mail over SMTP (nodemailer) when config.smtpUrl is set; without it, deliverPending sends nothing and the mail stays inspectable in the outbox. */
export function createMailDelivery(db: Db, config: Pick<Config, 'smtpUrl' | 'mailFrom'>): MailDelivery {
  const smtpUrl = config.smtpUrl;
  let transport: Promise<Transporter> | undefined;
  let closed = false;
  const running = new Set<Promise<unknown>>();

  // nodemailer is loaded on first use: processes without SMTP (or that never send) skip it.
  function getTransport(url: string): Promise<Transporter> {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
        // Messages are plain text and HTML we build; never let content pull in files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      }),
    );
    return transport;
  }

  async function deliver(url: string, limit: number): Promise<{ sent: number; failed: number }> {
    const started = Date.now();
    const claimed = await repo.claimPending(db, limit, LEASE_SECONDS);
    const mailer = claimed.length > 0 ? await getTransport(url) : undefined;
    let sent = 0;
    let failed = 0;
    for (const [index, row] of claimed.entries()) {
      // A slow server must not outlive the lease: hand the rest back for the next round.
      if (closed || Date.now() - started > (LEASE_SECONDS * 1000) / 2) {
        await repo.releaseClaimed(
          db,
          claimed.slice(index).map((r) => r.id),
        );
        break;
      }
      let error: string | undefined;
      try {
        await mailer!.sendMail({
          from: config.mailFrom,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          ...(row.html_body !== null ? { html: row.html_body } : {}),
        });
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      // Outside the try: a database error after a successful send must not count as a failed send.
      if (error === undefined) {
        await repo.markSent(db, row.id);
        sent++;
      } else {
        await repo.markFailed(db, row.id, row.attempts, error);
        failed++;
      }
    }
    return { sent, failed };
  }

  return {
    async deliverPending(limit = DEFAULT_BATCH) {
      if (!smtpUrl || closed) return { sent: 0, failed: 0 };
      const run = deliver(smtpUrl, Number.isInteger(limit) ? Math.min(Math.max(limit, 1), 500) : DEFAULT_BATCH);
      running.add(run);
      try {
        return await run;
      } finally {
        running.delete(run);
      }
    },
    async close() {
      closed = true;
      await Promise.allSettled([...running]);
      if (transport) (await transport).close();
    },
  };
}
