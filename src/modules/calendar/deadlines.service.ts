/**
 * Deadlines: the due moment of each thing a rule applies to (an item to publish, later an
 * inquiry to answer or a document to post), computed by the working-day calendar under the rule
 * in force on the trigger's day, with how it was computed; and its outcome when met (on time,
 * or late by how much). Modules call `track` and `meet` inside their own transactions.
 */
import { withTx, type Db, type DbOrTx } from '../../platform/db/create-db.ts';
import type { DeadlineExplanation } from '../../platform/db/schema.ts';
import { Conflict, Invalid } from '../../platform/http/errors.ts';
import { Memo } from '../../platform/cache/memo.ts';
import type { RawBuilder } from 'kysely';
import type { CteRef } from '../../platform/db/cte.ts';
import { actorId, authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import type { CalendarService } from './calendar.service.ts';
import * as repo from './deadlines.repo.ts';
import { ruleInForce, ruleProblems, type SiteRule } from './rules.ts';
import type { DueMoment, WorkingCalendar } from './working-days.ts';

export type { DeadlineRow } from './deadlines.repo.ts';

export interface TrackInput {
  siteId: number;
  subjectType: string;
  subjectId: number;
  ruleCode: string;
  variant?: string;
  trigger: Date;
  ownerId?: number | null;
  /** The agency (unit name) that owes it, when a unit rather than one person does. */
  agency?: string;
}

export interface PromiseInput {
  siteId: number;
  subjectType: string;
  subjectId: number;
  ruleCode: string;
  label: string;
  trigger: Date;
  due: Date;
  agency?: string;
}

/** A day as yyyy-mm-dd in Việt Nam (UTC+7, no daylight saving). */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function explanationOf(due: DueMoment, ruleLabel: string): DeadlineExplanation {
  return { text: `${ruleLabel}. ${due.explanation}`, skipped: due.skipped.map((s) => ({ date: s.date, reason: s.reason })) };
}

/**
 * A site's own rules change rarely (and mostly from a future date): they are kept this long,
 * so a busy intake (a burst of citizens' requests) does not read them for every request. A rule
 * added here is seen at once; one added by another process, within this time.
 */
const RULES_CACHE_MS = 30_000;

export class DeadlineService {
  readonly #calendar: CalendarService;
  readonly #rules = new Memo<SiteRule[]>(RULES_CACHE_MS);

  constructor(calendar: CalendarService) {
    this.#calendar = calendar;
  }

  /**
   * Sets (or moves) the due moment of `subject` under a rule, inside the caller's transaction.
   * A trigger in the future (an event announced ahead) is allowed: the due moment follows it.
   * A met deadline is left as it was.
   */
  async track(tx: DbOrTx, input: TrackInput): Promise<void> {
    const [row] = await this.#newRows(tx, [input]);
    const existing = (await repo.findDeadlines(tx, input.subjectType, input.subjectId)).find((d) => d.rule_code === input.ruleCode);
    if (existing?.met_at) return;
    await repo.upsertDeadline(tx, row!);
  }

  /** The site's own rules, read through the caller's transaction when not cached. */
  #siteRules(db: DbOrTx, siteId: number): Promise<SiteRule[]> {
    return this.#rules.get(String(siteId), () => repo.siteRules(db, siteId));
  }

  /**
   * The deadlines of a thing just created (nothing tracked for it yet), written in one statement;
   * returns their due moments in the order given. The fast path of a citizen's submission.
   */
  async trackNew(tx: DbOrTx, inputs: readonly TrackInput[]): Promise<Date[]> {
    const rows = await this.#newRows(tx, inputs);
    await repo.insertNewDeadlines(tx, rows);
    return rows.map((r) => r.due_at as Date);
  }

  /**
   * The deadlines of a thing about to be created, for the caller's single-statement write: their
   * due moments in the order given, and the inserts as steps of that statement, made for the
   * rows of the caller's CTE that inserts the thing.
   */
  async prepareNew(
    db: DbOrTx,
    inputs: readonly Omit<TrackInput, 'subjectId'>[],
  ): Promise<{ dues: Date[]; insertsFor(subject: CteRef<{ id: number }>): RawBuilder<unknown>[] }> {
    const rows = await this.#newRows(
      db,
      inputs.map((i) => ({ ...i, subjectId: 0 })),
    );
    return { dues: rows.map((r) => r.due_at as Date), insertsFor: (subject) => rows.map((r) => repo.insertDeadlineFor(r, subject)) };
  }

  async #newRows(tx: DbOrTx, inputs: readonly TrackInput[]): Promise<Parameters<typeof repo.insertNewDeadlines>[1][number][]> {
    const calendar = await this.#calendar.calendar(tx);
    const rows: Parameters<typeof repo.insertNewDeadlines>[1][number][] = [];
    for (const input of inputs) {
      const rule = ruleInForce(await this.#siteRules(tx, input.siteId), input.ruleCode, input.variant ?? '', vnDay(input.trigger));
      if (!rule) throw new Error(`deadlines: no rule ${input.ruleCode}/${input.variant ?? ''}`);
      const due = calendar.due(input.trigger, rule.amount, rule.unit);
      rows.push({
        site_id: input.siteId,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        rule_code: input.ruleCode,
        rule_label: rule.label,
        owner_id: input.ownerId ?? null,
        amount: rule.amount,
        unit: rule.unit,
        trigger_at: input.trigger,
        due_at: due.due,
        explanation: explanationOf(due, rule.label),
        agency: input.agency ?? '',
      });
    }
    return rows;
  }

  /**
   * A due moment set by a person rather than counted by a rule (QA-4: the new answer date a
   * progress notice promises). Calendar changes leave it as promised.
   */
  async promise(tx: DbOrTx, input: PromiseInput): Promise<void> {
    await repo.upsertDeadline(tx, {
      site_id: input.siteId,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      rule_code: input.ruleCode,
      rule_label: input.label,
      owner_id: null,
      amount: 0,
      unit: 'date',
      trigger_at: input.trigger,
      due_at: input.due,
      explanation: { text: `${input.label}.`, skipped: [] },
      agency: input.agency ?? '',
    });
  }

  /** Moves an open deadline to another agency (a request forwarded again). */
  async reassign(tx: DbOrTx, subjectType: string, subjectId: number, agency: string): Promise<void> {
    await repo.setAgency(tx, subjectType, subjectId, agency);
  }

  /** The thing was done at `at`: its open deadlines get their outcome. */
  async meet(tx: DbOrTx, subjectType: string, subjectId: number, at: Date): Promise<void> {
    await repo.meet(tx, subjectType, subjectId, at);
  }

  /** The trigger is gone (the date was removed): its open deadline goes too. */
  async forget(tx: DbOrTx, subjectType: string, subjectId: number): Promise<void> {
    await repo.deleteOpen(tx, subjectType, subjectId);
  }

  openOwners(db: DbOrTx): Promise<number[]> {
    return repo.openOwners(db);
  }

  ofSubject(db: DbOrTx, subjectType: string, subjectId: number): Promise<repo.DeadlineRow[]> {
    return repo.findDeadlines(db, subjectType, subjectId);
  }

  between(db: DbOrTx, siteIds: readonly number[], from: Date, to: Date): Promise<repo.DeadlineRow[]> {
    return repo.deadlinesBetween(db, siteIds, from, to);
  }

  /**
   * After a calendar change: every open deadline computed again under `calendar`; returns those
   * whose due moment moved, with the old one, so their owners can be told.
   */
  async recomputeOpen(tx: DbOrTx, calendar: WorkingCalendar): Promise<{ row: repo.DeadlineRow; before: Date }[]> {
    const moved: { row: repo.DeadlineRow; before: Date }[] = [];
    for (const row of await repo.openDeadlines(tx)) {
      const due = calendar.due(new Date(row.trigger_at), row.amount, row.unit as DueMoment['unit']);
      if (due.due.getTime() === new Date(row.due_at).getTime()) continue;
      const explanation = explanationOf(due, row.rule_label);
      await repo.setDue(tx, row.id, due.due, explanation);
      moved.push({ row: { ...row, due_at: due.due, explanation }, before: new Date(row.due_at) });
    }
    return moved;
  }

  /** A site's own rule (an override or a local one) from an effective date; audited, in one transaction. */
  async addSiteRule(db: Db, actor: Actor, siteId: number, rule: SiteRule): Promise<void> {
    authorize(actor, 'site.settings', siteId);
    const problems = ruleProblems(rule);
    if (problems.length > 0)
      throw new Invalid('deadline_rule.invalid', problems.join(' '), { details: problems.map((message) => ({ field: 'rule', message })) });
    await withTx(db, async (tx) => {
      if ((await repo.siteRules(tx, siteId)).some((r) => r.code === rule.code && r.variant === rule.variant && r.effectiveFrom === rule.effectiveFrom)) {
        throw new Conflict('deadline_rule.exists', 'Trang đã có quy tắc này với cùng ngày hiệu lực.', {
          details: [{ field: 'effectiveFrom', message: 'Trang đã có quy tắc này với cùng ngày hiệu lực.' }],
        });
      }
      await repo.insertSiteRule(tx, siteId, rule, actorId(actor));
      await audited(tx, actor, 'deadline_rule.added', { type: 'deadline_rule', id: rule.code, siteId }, { ...rule });
    });
    // After the commit: a reload during the transaction would have cached the old rules again.
    this.#rules.invalidate(String(siteId));
  }

  siteRules(db: DbOrTx, siteId: number): Promise<SiteRule[]> {
    return repo.siteRules(db, siteId);
  }
}
