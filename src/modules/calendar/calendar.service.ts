/**
 * The working-day calendar of the platform: each year as the platform admin edited it, else as
 * announced (the product's own data for 2025 and 2026), else provisional (the Labour Code and
 * the lunar calendar). Every deadline of the product is computed here.
 */
import { withTx, type Db, type DbOrTx } from '../../platform/db/create-db.ts';
import { Memo } from '../../platform/cache/memo.ts';
import { Invalid, NotFound } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { formatDateTime } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { actorId, authorize, type Actor } from '../access/index.ts';
import { audited } from '../audit/index.ts';
import * as repo from './calendar.repo.ts';
import { announcedYear, provisionalYear, validateYear, type DayOff, type YearCalendar } from './holidays.ts';
import { WorkingCalendar, type DueMoment, type DueUnit } from './working-days.ts';

/** The years the calendar knows; a date outside is refused, never guessed. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;
/** Other processes see an edit within this time; this process at once. */
const CACHE_MS = 30_000;

export interface YearInput {
  off: readonly DayOff[];
  makeUp: readonly { date: string; name?: string }[];
  source: string;
}

function yearFromStore(year: number, days: readonly repo.StoredDay[]): YearCalendar {
  return {
    year,
    status: 'edited',
    off: days.filter((d) => d.year === year && d.kind === 'off').map((d) => ({ date: d.day, name: d.name, ...(d.source ? { source: d.source } : {}) })),
    makeUp: days.filter((d) => d.year === year && d.kind === 'make_up').map((d) => ({ date: d.day, ...(d.name ? { name: d.name } : {}) })),
  };
}

/** What a calendar change needs from outside: the open deadlines, and how to reach their owners. */
export interface CalendarChangeDeps {
  openOwners(db: DbOrTx): Promise<number[]>;
  recompute(
    tx: DbOrTx,
    calendar: WorkingCalendar,
  ): Promise<{ row: { owner_id: number | null; rule_label: string; subject_type: string; subject_id: number; due_at: Date }; before: Date }[]>;
  contact(id: number): Promise<{ email: string; name: string; status: string } | undefined>;
}

export class CalendarService {
  readonly #db: Db;
  readonly #memo = new Memo<{ calendar: WorkingCalendar; years: Map<number, YearCalendar> }>(CACHE_MS);
  #change: CalendarChangeDeps | undefined;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Set by the module once the deadline service exists. */
  onChange(deps: CalendarChangeDeps): void {
    this.#change = deps;
  }

  /** Loads through `db` when not cached: a transaction passes itself (on PGlite the outer handle would wait for it). */
  async #load(db: DbOrTx = this.#db): Promise<{ calendar: WorkingCalendar; years: Map<number, YearCalendar> }> {
    return this.#memo.get('all', async () => {
      const stored = await repo.listYears(db);
      const days = await repo.listDays(db);
      const edited = new Set(stored.map((y) => y.year));
      const years = new Map<number, YearCalendar>();
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.set(y, edited.has(y) ? yearFromStore(y, days) : (announcedYear(y) ?? provisionalYear(y)));
      return { calendar: new WorkingCalendar([...years.values()], { from: FIRST_YEAR, to: LAST_YEAR }), years };
    });
  }

  /** The calendar in force; inside a transaction, pass it. */
  async calendar(db?: DbOrTx): Promise<WorkingCalendar> {
    return (await this.#load(db)).calendar;
  }

  /** A year as the product uses it now (edited, announced or provisional). */
  async year(year: number): Promise<YearCalendar> {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
      throw new NotFound('calendar.year_out_of_range', `Lịch chỉ có các năm ${FIRST_YEAR}–${LAST_YEAR}.`);
    return (await this.#load()).years.get(year)!;
  }

  /** The due moment of a deadline, with how it was computed. */
  async due(trigger: Date, amount: number, unit: DueUnit): Promise<DueMoment> {
    return (await this.calendar()).due(trigger, amount, unit);
  }

  /**
   * Replaces a year's days off and make-up days (a new announcement, a new holiday such as
   * 24 November). Platform admins only; audited; contradictions are refused with their reason.
   */
  async editYear(actor: Actor, year: number, input: YearInput): Promise<YearCalendar> {
    authorize(actor, 'calendar.edit', null);
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
      throw new Invalid('calendar.year_out_of_range', `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}.`);
    const candidate: YearCalendar = {
      year,
      status: 'edited',
      off: input.off.map((d) => ({ date: d.date, name: cleanText(d.name), ...(d.source ? { source: cleanText(d.source) } : {}) })),
      makeUp: input.makeUp.map((d) => ({ date: d.date, ...(d.name ? { name: cleanText(d.name) } : {}) })),
    };
    const problems = validateYear(candidate);
    if (problems.length > 0) throw new Invalid('calendar.invalid', problems.join(' '), { details: problems.map((message) => ({ field: 'days', message })) });
    const before = await this.year(year);
    // The calendar as it will be, to compute open deadlines again; their owners, looked up before
    // the transaction (on the embedded database a query outside it would wait for it).
    const years = new Map((await this.#load()).years);
    years.set(year, candidate);
    const next = new WorkingCalendar([...years.values()], { from: FIRST_YEAR, to: LAST_YEAR });
    const owners = new Map<number, { email: string; name: string; status: string }>();
    for (const id of this.#change ? await this.#change.openOwners(this.#db) : []) {
      const c = await this.#change!.contact(id);
      if (c && c.status === 'active') owners.set(id, c);
    }
    let moved = 0;
    await withTx(this.#db, async (tx) => {
      await repo.replaceYear(tx, year, cleanText(input.source), actorId(actor), [
        ...candidate.off.map((d) => ({ day: d.date, kind: 'off' as const, name: d.name, source: d.source ?? '' })),
        ...candidate.makeUp.map((d) => ({ day: d.date, kind: 'make_up' as const, name: d.name ?? '', source: '' })),
      ]);
      const beforeOff = new Set(before.off.map((d) => d.date));
      const afterOff = new Set(candidate.off.map((d) => d.date));
      await audited(
        tx,
        actor,
        'calendar.year_edited',
        { type: 'calendar_year', id: String(year), siteId: null },
        {
          from: before.status,
          added_off: [...afterOff].filter((d) => !beforeOff.has(d)),
          removed_off: [...beforeOff].filter((d) => !afterOff.has(d)),
          make_up: candidate.makeUp.map((d) => d.date),
          source: cleanText(input.source).slice(0, 300),
        },
      );
      for (const { row, before: was } of this.#change ? await this.#change.recompute(tx, next) : []) {
        moved++;
        const owner = row.owner_id === null ? undefined : owners.get(row.owner_id);
        if (!owner) continue;
        const text = `Lịch ngày nghỉ năm ${year} đã thay đổi: hạn "${row.rule_label}" (${row.subject_type} #${row.subject_id}) chuyển từ ${formatDateTime(was)} sang ${formatDateTime(new Date(row.due_at))}.`;
        await queueMail(tx, { to: owner.email, subject: `Thời hạn thay đổi theo lịch ngày nghỉ năm ${year}`, text: `${text}\n\n— Cổng` });
      }
    });
    this.#lastMoved = moved;
    this.#memo.invalidate();
    return this.year(year);
  }

  #lastMoved = 0;
  /** How many open deadlines the last edit moved (shown to the admin). */
  get lastMoved(): number {
    return this.#lastMoved;
  }

  /** Drops the admin's edit of a year: back to the announced or provisional calendar. */
  async resetYear(actor: Actor, year: number): Promise<YearCalendar> {
    authorize(actor, 'calendar.edit', null);
    await withTx(this.#db, async (tx) => {
      if (!(await repo.deleteYear(tx, year))) return;
      await audited(tx, actor, 'calendar.year_reset', { type: 'calendar_year', id: String(year), siteId: null }, {});
    });
    this.#memo.invalidate();
    return this.year(year);
  }
}
