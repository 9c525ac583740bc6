/**
 * Deadline reminders, a background job: the owner of an open deadline due within a few working
 * days gets one e-mail (`reminded_at`); when the deadline has passed and the thing is still not
 * done, the site's board head(s) get one e-mail (`escalated_at`). Each mail is queued in the
 * transaction that sets the flag, and the flag is set only if no other process set it first, so
 * several processes running the job send each mail once.
 *
 * Who to write to is looked up before the transaction: on the embedded database a query on the
 * outer handle inside a transaction would wait for that transaction forever.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { formatDateTime } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { adminHrefByName as adminHref } from '../../platform/http/paths.ts';
import type { CalendarService } from './calendar.service.ts';
import * as repo from './compliance.repo.ts';
import type { DeadlineRow } from './deadlines.repo.ts';

/** Owners are reminded of deadlines due within this many working days (today's included). */
export const REMIND_WITHIN_WORKING_DAYS = 2;
/** Deadlines handled per run and kind; the rest wait for the next run. */
const BATCH = 200;

export interface ReminderDeps {
  db: Db;
  calendar: Pick<CalendarService, 'calendar'>;
  accounts: {
    contact(id: number): Promise<{ email: string; name: string; status: string } | undefined>;
    accountsWithRoles(siteId: number, roles: readonly string[]): Promise<{ id: number; email: string; name: string }[]>;
    respondersOf(siteId: number, unit: string): Promise<{ id: number; email: string; name: string }[]>;
  };
}

export interface ReminderOptions {
  /** Working days ahead (default REMIND_WITHIN_WORKING_DAYS): 0 = due by the end of today. */
  withinWorkingDays?: number;
}

export interface ReminderResult {
  reminded: number;
  escalated: number;
}

/** "tin, bài #12 «Title»" and the admin path of the thing a deadline is about. */
function subjectOf(row: DeadlineRow, titles: Map<number, string>): { text: string; link: string | undefined } {
  if (row.subject_type === 'content') {
    const title = titles.get(row.subject_id);
    return { text: `tin, bài #${row.subject_id}${title ? ` «${title}»` : ''}`, link: adminHref('vi', 'content', `/${row.subject_id}`) };
  }
  // A citizen's request (modules/inquiries): one subject type per stage, inquiry_<stage>.
  if (row.subject_type.startsWith('inquiry_'))
    return { text: `yêu cầu của công dân #${row.subject_id}`, link: adminHref('vi', 'inquiries', `/${row.subject_id}`) };
  return { text: `${row.subject_type} #${row.subject_id}`, link: undefined };
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

/** The body of a reminder or an escalation: greeting, what is due, how it was counted, the link. */
function mailText(to: { name: string }, lines: readonly string[], row: DeadlineRow, link: string | undefined): string {
  return [`Kính gửi ${to.name},`, '', ...lines, `Cách tính: ${row.explanation.text}`, ...(link ? ['', link] : []), '', '— Cổng'].join('\n');
}

/**
 * One run: reminds owners, then escalates what is overdue. Failures of single deadlines do not
 * stop the others; they are thrown together at the end (the scheduler logs them).
 */
export async function remindDeadlines(deps: ReminderDeps, now: Date = new Date(), options: ReminderOptions = {}): Promise<ReminderResult> {
  const within = options.withinWorkingDays ?? REMIND_WITHIN_WORKING_DAYS;
  if (!Number.isInteger(within) || within < 0 || within > 30) throw new RangeError(`withinWorkingDays: 0–30 (got ${String(within)})`);
  const { db } = deps;
  const until = (await deps.calendar.calendar()).addWorkingDays(now, within).due;
  const result: ReminderResult = { reminded: 0, escalated: 0 };
  const errors: unknown[] = [];

  const remind = await repo.toRemind(db, now, until, BATCH);
  const escalate = await repo.toEscalate(db, now, BATCH);
  const titles = await repo.contentTitles(
    db,
    [...remind, ...escalate].filter((d) => d.subject_type === 'content').map((d) => d.subject_id),
  );

  for (const row of remind) {
    try {
      // A person owes it, or else an agency: then each of its responders is told.
      const owner = row.owner_id === null ? undefined : await deps.accounts.contact(row.owner_id);
      const to = owner ? (owner.status === 'active' ? [owner] : []) : row.agency ? await deps.accounts.respondersOf(row.site_id, row.agency) : [];
      if (to.length === 0) continue;
      const subject = subjectOf(row, titles);
      const sent = await withTx(db, async (tx) => {
        if (!(await repo.markReminded(tx, row.id, now))) return false;
        for (const person of to) {
          await queueMail(tx, {
            to: person.email,
            subject: clip(`Sắp đến hạn: ${subject.text}`),
            text: mailText(
              person,
              [`Thời hạn "${row.rule_label}" của ${subject.text} hết lúc ${formatDateTime(new Date(row.due_at))} (giờ Việt Nam), và việc này chưa hoàn thành.`],
              row,
              subject.link,
            ),
          });
        }
        return true;
      });
      if (sent) result.reminded++;
    } catch (err) {
      errors.push(err);
    }
  }

  const heads = new Map<number, { email: string; name: string }[]>();
  for (const row of escalate) {
    try {
      if (!heads.has(row.site_id)) heads.set(row.site_id, await deps.accounts.accountsWithRoles(row.site_id, ['board_head']));
      const to = heads.get(row.site_id)!;
      // Nobody to tell (no board head yet): left unflagged, so the head appointed later hears of it.
      if (to.length === 0) continue;
      const owner = row.owner_id === null ? undefined : await deps.accounts.contact(row.owner_id);
      const subject = subjectOf(row, titles);
      const sent = await withTx(db, async (tx) => {
        if (!(await repo.markEscalated(tx, row.id, now))) return false;
        for (const head of to) {
          await queueMail(tx, {
            to: head.email,
            subject: clip(`Quá hạn: ${subject.text}`),
            text: mailText(
              head,
              [
                `Thời hạn "${row.rule_label}" của ${subject.text} đã hết lúc ${formatDateTime(new Date(row.due_at))} (giờ Việt Nam) mà việc này vẫn chưa hoàn thành.`,
                owner ? `Người phụ trách: ${owner.name} <${owner.email}>.` : row.agency ? `Cơ quan phụ trách: ${row.agency}.` : 'Chưa có người phụ trách.',
              ],
              row,
              subject.link,
            ),
          });
        }
        return true;
      });
      if (sent) result.escalated++;
    } catch (err) {
      errors.push(err);
    }
  }

  if (errors.length > 0)
    throw new AggregateError(errors, `deadline reminders: ${errors.length} failed (${result.reminded} reminded, ${result.escalated} escalated)`);
  return result;
}
