/**
 * The only SQL of the demo seeder: moving the demo's citizens' requests back in time (the
 * services stamp "now"; the demo needs requests received weeks ago, answered on time or late),
 * and holding back the mail the demo queued for invented addresses.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx, Tx } from '../../platform/db/create-db.ts';
import type { DeadlineExplanation } from '../../platform/db/schema.ts';

/**
 * One step of a demo request as the services ran it (between `from` and `until`, real time) and
 * the moment it is meant to have happened (`to`). The steps' windows do not overlap.
 */
export interface StepTime {
  from: Date;
  until: Date;
  to: Date;
}

/**
 * A timestamp written at or after `since` moves to its step's intended moment: the step whose
 * real window holds it, keeping the milliseconds it came after the step's start (so two records
 * of one step stay in order). Earlier timestamps (written before the demo's steps) stay.
 */
function moved(column: RawBuilder<unknown>, since: Date, steps: readonly StepTime[]): RawBuilder<Date> {
  const cases = steps.map((s) => sql`when ${column} <= ${s.until}::timestamptz then ${s.to}::timestamptz + (${column} - ${s.from}::timestamptz)`);
  return sql<Date>`case when ${column} is null or ${column} < ${since}::timestamptz then ${column} ${sql.join(cases, sql` `)} else ${column} end`;
}

export interface MovedDeadline {
  id: number;
  rule_label: string;
  amount: number;
  unit: string;
  trigger_at: Date;
}

/**
 * Moves what the steps wrote on a site since `since` (requests, their history, stage deadlines
 * and the publication moments in the search index) to the steps' intended moments. Returns the
 * deadlines whose trigger moved, for their due moments to be counted again from the new trigger.
 */
export async function moveInquiryTimes(tx: Tx, siteId: number, since: Date, steps: readonly StepTime[]): Promise<MovedDeadline[]> {
  const col = (name: string) => sql.ref(name);
  await sql`update inquiries set
      received_at = ${moved(col('received_at'), since, steps)},
      answered_at = ${moved(col('answered_at'), since, steps)},
      closed_at = ${moved(col('closed_at'), since, steps)},
      published_at = ${moved(col('published_at'), since, steps)}
    where site_id = ${siteId} and (received_at >= ${since} or answered_at >= ${since} or closed_at >= ${since} or published_at >= ${since})`.execute(tx);
  await sql`update inquiry_events set at = ${moved(col('at'), since, steps)}
    where at >= ${since} and inquiry_id in (select id from inquiries where site_id = ${siteId})`.execute(tx);
  const triggered = await sql<MovedDeadline>`select id, rule_label, amount, unit, trigger_at from deadlines
    where site_id = ${siteId} and subject_type like 'inquiry\\_%' and trigger_at >= ${since}`.execute(tx);
  await sql`update deadlines set
      trigger_at = ${moved(col('trigger_at'), since, steps)},
      met_at = ${moved(col('met_at'), since, steps)}
    where site_id = ${siteId} and subject_type like 'inquiry\\_%' and (trigger_at >= ${since} or met_at >= ${since})`.execute(tx);
  // The search index took the publication moment as the service stamped it.
  await sql`update search_documents set published_at = ${moved(col('published_at'), since, steps)}
    where site_id = ${siteId} and doc_type = 'inquiry' and published_at >= ${since}`.execute(tx);
  if (triggered.rows.length === 0) return [];
  const r =
    await sql<MovedDeadline>`select id, rule_label, amount, unit, trigger_at from deadlines where id in (${sql.join(triggered.rows.map((d) => d.id))})`.execute(
      tx,
    );
  return r.rows;
}

/** The due moments of moved deadlines, as the calendar counts them from the moved triggers (one statement). */
export async function setDeadlineDues(tx: Tx, dues: readonly { id: number; due: Date; explanation: DeadlineExplanation }[]): Promise<void> {
  if (dues.length === 0) return;
  const rows = dues.map((d) => sql`(${d.id}::int, ${d.due}::timestamptz, ${JSON.stringify(d.explanation)}::jsonb)`);
  await sql`update deadlines as d set due_at = v.due, explanation = v.explanation
    from (values ${sql.join(rows)}) as v(id, due, explanation) where d.id = v.id`.execute(tx);
}

/** How late each met stage deadline of a site's requests was, from the moved moments. */
export async function recountLateness(tx: Tx, siteId: number): Promise<void> {
  await sql`update deadlines set late_seconds = greatest(0, extract(epoch from (met_at - due_at)))::int
    where site_id = ${siteId} and subject_type like 'inquiry\\_%' and met_at is not null`.execute(tx);
}

/** The last message of the mail outbox (0 when empty). */
export async function lastMailId(db: DbOrTx): Promise<number> {
  const r = await sql<{ id: number | null }>`select max(id) as id from mail_outbox`.execute(db);
  return Number(r.rows[0]?.id ?? 0);
}

/**
 * The notices the demo's requests queued go to invented citizens (example.com) and demo
 * accounts (cong.example): they stay in the outbox to be read (`npm run cli -- mail:outbox`),
 * marked as never to be sent, so a server started with SMTP_URL does not try to deliver them.
 * Only those reserved domains: a real person's mail queued meanwhile is left alone.
 */
export async function holdDemoMail(db: DbOrTx, afterId: number): Promise<number> {
  const r = await sql`update mail_outbox set send_after = '9999-12-31T00:00:00Z', last_error = 'Thư của dữ liệu minh họa (demo): không gửi.'
    where id > ${afterId} and sent_at is null and (to_address like '%@example.com' or to_address like '%.example')`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
