/**
 * The only SQL of the mail outbox. A row is pending while `sent_at` is null; `send_after`
 * says when it may next be tried (a claim leases it, a failure pushes it back, giving up
 * moves it to GAVE_UP_AT). Rows are never deleted here: the outbox is also the mail log.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTx } from '../db/create-db.ts';
import type { CteRef } from '../db/cte.ts';
import type { MailOutboxRow } from '../db/schema.ts';

/** After this many failed attempts a message is no longer tried (the row stays). */
export const MAX_ATTEMPTS = 10;

/** Minutes to wait after the n-th failure (n = 1…9); then the message is given up. */
const RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720, 1440, 1440] as const;

/** `send_after` of a message given up: far enough that no claim ever sees it. */
export const GAVE_UP_AT = new Date('9999-12-31T00:00:00Z');

/** Minutes before the next try after `attempts` failures in all, or undefined to give up. */
export function retryDelayMinutes(attempts: number): number | undefined {
  if (attempts >= MAX_ATTEMPTS) return undefined;
  return RETRY_MINUTES[Math.max(0, attempts - 1)] ?? RETRY_MINUTES[RETRY_MINUTES.length - 1];
}

export interface NewMail {
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
}

/** Adds one pending message; on a transaction it exists only once that transaction commits. */
export async function insertMail(db: DbOrTx, mail: NewMail): Promise<void> {
  await db.insertInto('mail_outbox').values(mail).execute();
}

/** The same insert as a step of a caller's single statement, made only when `source` holds a row. */
export function insertMailFor(mail: NewMail, source: CteRef<object>): RawBuilder<unknown> {
  return sql`insert into mail_outbox (to_address, subject, text_body, html_body) select ${mail.to_address}, ${mail.subject}, ${mail.text_body}, ${mail.html_body} where exists (select 1 from ${source.table})`;
}

/**
 * Claims up to `limit` due messages for one sender: locks them (skipping rows another sender
 * is claiming) and leases them for `leaseSeconds` by moving `send_after`, so that no other
 * sender takes them while this one talks to the SMTP server outside any transaction.
 */
export function claimPending(db: Db, limit: number, leaseSeconds: number): Promise<MailOutboxRow[]> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('send_after', '<=', sql<Date>`now()`)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length > 0) {
      await tx
        .updateTable('mail_outbox')
        .set({ send_after: sql`now() + ${leaseSeconds}::int * interval '1 second'` })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    }
    return rows;
  });
}

/** Ends the lease of claimed messages not tried after all: due again at once, no attempt counted. */
export async function releaseClaimed(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('mail_outbox').set({ send_after: sql`now()` }).where('id', 'in', ids).where('sent_at', 'is', null).execute();
}

/** Records that the SMTP server accepted the message. */
export async function markSent(db: DbOrTx, id: number): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_at: sql`now()`, last_error: null }).where('id', '=', id).execute();
}

/**
 * Records a failed attempt: counts it, keeps the error, and pushes the next try back
 * (1, 5, 15, 60 minutes… growing); after MAX_ATTEMPTS the message is kept but not tried again.
 * `previousAttempts` is the count the claim returned (the lease keeps others off the row).
 */
export async function markFailed(db: DbOrTx, id: number, previousAttempts: number, error: string): Promise<void> {
  const delay = retryDelayMinutes(previousAttempts + 1);
  await db
    .updateTable('mail_outbox')
    .set({
      attempts: previousAttempts + 1,
      last_error: error.slice(0, 1000),
      send_after: delay === undefined ? GAVE_UP_AT : sql`now() + ${delay}::int * interval '1 minute'`,
    })
    .where('id', '=', id)
    .execute();
}

/** The latest messages, newest first, for the CLI and for inspection without SMTP. */
export function listRecent(db: DbOrTx, limit = 20): Promise<MailOutboxRow[]> {
  return db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
