/**
 * The legal clock of a request (DL-9, QA-2..4), on the calendar module's deadline engine. Each
 * stage is its own subject type, so a request has one deadline per stage:
 *
 *   inquiry_forward   the board forwards (or declares out of scope) within 2 working days of receipt
 *   inquiry_scope     an out-of-scope notice goes out the same working day as receipt; recorded when declared
 *   inquiry_answer    the agency answers or gives a progress notice within 15 working days of receipt
 *   inquiry_promised  the answer date a progress notice promised
 *
 * Everything runs inside the caller's transaction.
 */
import type { DbOrTx, Tx } from '../../platform/db/create-db.ts';
import type { DeadlineRow, DeadlineService } from '../calendar/index.ts';

export const STAGE_SUBJECTS = ['inquiry_forward', 'inquiry_scope', 'inquiry_answer', 'inquiry_promised'] as const;
export type StageSubject = (typeof STAGE_SUBJECTS)[number];

export interface Clock {
  siteId: number;
  inquiryId: number;
  receivedAt: Date;
}

export class InquiryClock {
  readonly #deadlines: DeadlineService;

  constructor(deadlines: DeadlineService) {
    this.#deadlines = deadlines;
  }

  /** At receipt: the board's 2 working days to forward, the agency's 15 to answer; returns the answer's due moment. */
  async start(tx: Tx, c: Clock, agency = ''): Promise<Date> {
    const [, answer] = await this.#deadlines.trackNew(tx, [
      { siteId: c.siteId, subjectType: 'inquiry_forward', subjectId: c.inquiryId, ruleCode: 'DL-9', variant: 'forward', trigger: c.receivedAt },
      { siteId: c.siteId, subjectType: 'inquiry_answer', subjectId: c.inquiryId, ruleCode: 'DL-9', variant: 'answer', trigger: c.receivedAt, agency },
    ]);
    return answer!;
  }

  /** `start` for a single-statement submission: the due moments, and the inserts for the request's CTE. */
  prepareStart(db: DbOrTx, c: Omit<Clock, 'inquiryId'>): ReturnType<DeadlineService['prepareNew']> {
    return this.#deadlines.prepareNew(db, [
      { siteId: c.siteId, subjectType: 'inquiry_forward', ruleCode: 'DL-9', variant: 'forward', trigger: c.receivedAt },
      { siteId: c.siteId, subjectType: 'inquiry_answer', ruleCode: 'DL-9', variant: 'answer', trigger: c.receivedAt },
    ]);
  }

  /** Forwarded to `agency` at `at`: the board's deadline is met, the answer's now owed by the agency. */
  async forwarded(tx: Tx, c: Clock, agency: string, at: Date): Promise<void> {
    await this.#deadlines.meet(tx, 'inquiry_forward', c.inquiryId, at);
    await this.#deadlines.reassign(tx, 'inquiry_answer', c.inquiryId, agency);
  }

  /**
   * Declared out of scope at `at` (QA-3): the same-working-day deadline is recorded against the
   * receipt and met now (so a late notice counts as late); nothing more is owed.
   */
  async outOfScope(tx: Tx, c: Clock, at: Date): Promise<void> {
    await this.#deadlines.track(tx, {
      siteId: c.siteId,
      subjectType: 'inquiry_scope',
      subjectId: c.inquiryId,
      ruleCode: 'DL-9',
      variant: 'out_of_scope',
      trigger: c.receivedAt,
    });
    await this.#deadlines.meet(tx, 'inquiry_scope', c.inquiryId, at);
    await this.closedWithoutAnswer(tx, c, at);
  }

  /** Transferred, merged or declared out of scope: the board's step is done and no answer is owed here. */
  async closedWithoutAnswer(tx: Tx, c: Clock, at: Date): Promise<void> {
    await this.#deadlines.meet(tx, 'inquiry_forward', c.inquiryId, at);
    await this.#deadlines.forget(tx, 'inquiry_answer', c.inquiryId);
    await this.#deadlines.forget(tx, 'inquiry_promised', c.inquiryId);
  }

  /** A progress notice (QA-4) meets the 15-day deadline and promises a new date. */
  async progress(tx: Tx, c: Clock, agency: string, at: Date, promised: Date): Promise<void> {
    await this.#deadlines.meet(tx, 'inquiry_answer', c.inquiryId, at);
    await this.#deadlines.promise(tx, {
      siteId: c.siteId,
      subjectType: 'inquiry_promised',
      subjectId: c.inquiryId,
      ruleCode: 'DL-9',
      label: 'Hỏi đáp: trả lời đúng ngày đã hẹn trong thông báo tiến độ',
      trigger: at,
      due: promised,
      agency,
    });
  }

  /** The answer reached the citizen. */
  async answered(tx: Tx, c: Clock, at: Date): Promise<void> {
    for (const s of ['inquiry_forward', 'inquiry_answer', 'inquiry_promised'] as const) await this.#deadlines.meet(tx, s, c.inquiryId, at);
  }

  /** Every stage's deadline of a request, in stage order. */
  async of(tx: Parameters<DeadlineService['ofSubject']>[0], inquiryId: number): Promise<(DeadlineRow & { stage: StageSubject })[]> {
    const out: (DeadlineRow & { stage: StageSubject })[] = [];
    for (const stage of STAGE_SUBJECTS) for (const row of await this.#deadlines.ofSubject(tx, stage, inquiryId)) out.push({ ...row, stage });
    return out;
  }
}
