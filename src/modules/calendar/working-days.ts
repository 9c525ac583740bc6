/**
 * The working-day engine behind every legal deadline (DL-1..DL-12): given the known years'
 * calendars, when is "within n working days", "within 48 hours", "the same working day" of an
 * event? Pure: no clock, no database.
 *
 * Conventions:
 * - Days are those of Việt Nam, Asia/Ho_Chi_Minh, computed as the fixed offset UTC+7 (no DST
 *   since 1975, so the fixed offset is exact for every date this product will see).
 * - Bộ luật Dân sự 2015, Điều 147 k1: a period counted in days starts on the day after the
 *   triggering event; Điều 148 k1: it ends at the end of its last day — here the end of the
 *   n-th working day after the trigger's day, 23:59:59.999 in Việt Nam. n = 0 is the end of the
 *   trigger's own day, working or not.
 * - A working day is Monday–Friday not off, or a make-up day (a Saturday worked by announcement).
 * - Hours ("trong vòng 48 giờ", DL-1, DL-2) are clock hours: they run through nights, weekends
 *   and holidays; the deadline is trigger + h × 3 600 000 ms, rounded to the millisecond.
 * - "The same working day" (DL-9): the end of the trigger's day if it is a working day, else the
 *   end of the next working day.
 * - A day outside the known years throws CalendarRangeError: never a silent wrong date.
 */
import { validateYear, viDate, WEEKDAY_NAMES, type YearCalendar } from './holidays.ts';
import { isoDate, jdFromDate, parseIsoDate, weekday } from './lunar.ts';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh'; // UTC+7, no DST since 1975

export type DueUnit = 'working-days' | 'hours' | 'same-working-day';

/** A non-working day passed over: reason "Thứ Bảy", "Chủ nhật" or the holiday's name. */
export interface Skipped {
  date: string;
  reason: string;
}

export interface DueMoment {
  due: Date;
  trigger: Date;
  amount: number;
  unit: DueUnit;
  skipped: Skipped[];
  /** Vietnamese, one paragraph. */
  explanation: string;
}

/** A date outside the years the calendar knows. */
export class CalendarRangeError extends Error {
  override name = 'CalendarRangeError';
}

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const JDN_1970_01_01 = 2440588;
const MAX_WORKING_DAYS = 365;
const MAX_HOURS = 8760;

/** The Julian day number of the Vietnamese day containing instant `t`. */
function dayOf(t: Date): number {
  return Math.floor((t.getTime() + OFFSET_MS) / DAY_MS) + JDN_1970_01_01;
}

/** The Vietnamese date (yyyy-mm-dd) of an instant. */
export function localDate(t: Date): string {
  return isoDate(dayOf(t));
}

/** 23:59:59.999 in Việt Nam of a day given as yyyy-mm-dd or Julian day number. */
export function endOfLocalDay(day: string | number): Date {
  const jdn = typeof day === 'number' ? day : parseIsoDate(day);
  if (jdn === undefined) throw new RangeError(`Ngày không hợp lệ: "${String(day)}".`);
  return new Date((jdn - JDN_1970_01_01 + 1) * DAY_MS - OFFSET_MS - 1);
}

/** "10:05 Thứ Sáu 13/02/2026", the local time of an instant. */
function viMoment(t: Date): string {
  const local = new Date(t.getTime() + OFFSET_MS).toISOString();
  const jdn = dayOf(t);
  return `${local.slice(11, 16)} ${WEEKDAY_NAMES[weekday(jdn)]} ${viDate(isoDate(jdn))}`;
}

const viDay = (jdn: number) => `${WEEKDAY_NAMES[weekday(jdn)]} ${viDate(isoDate(jdn))}`;

function checkTrigger(t: Date): void {
  if (!(t instanceof Date) || Number.isNaN(t.getTime())) throw new RangeError('Thời điểm bắt đầu không hợp lệ.');
}

/**
 * Working days of the known years, built once from their calendars (validated: a contradictory
 * year is refused). Every year of `range` must be given; other years are ignored.
 */
export class WorkingCalendar {
  readonly range: { readonly from: number; readonly to: number };
  readonly #first: number;
  readonly #last: number;
  /** Per day from #first: null for a working day, else why not. */
  readonly #reason: (string | null)[] = [];
  /** Per day from #first: working days in [#first, day]. */
  readonly #cumulative: number[] = [];
  readonly #makeUp = new Set<number>();

  constructor(years: readonly YearCalendar[], range: { from: number; to: number }) {
    const { from, to } = range;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 1900 || to > 2199) {
      throw new RangeError(`Khoảng năm không hợp lệ: ${from}–${to}.`);
    }
    const byYear = new Map<number, YearCalendar>();
    for (const y of years) {
      if (y.year < from || y.year > to) continue;
      if (byYear.has(y.year)) throw new Error(`Lịch năm ${y.year} được cung cấp hai lần.`);
      const errors = validateYear(y);
      if (errors.length) throw new Error(`Lịch năm ${y.year} có mâu thuẫn: ${errors.join(' ')}`);
      byYear.set(y.year, y);
    }
    const missing = [];
    for (let y = from; y <= to; y++) if (!byYear.has(y)) missing.push(y);
    if (missing.length) throw new Error(`Thiếu lịch năm ${missing.join(', ')}.`);

    this.range = Object.freeze({ from, to });
    this.#first = jdFromDate(1, 1, from);
    this.#last = jdFromDate(31, 12, to);
    for (let d = this.#first; d <= this.#last; d++) {
      const wd = weekday(d);
      this.#reason.push(wd === 0 || wd === 6 ? WEEKDAY_NAMES[wd]! : null);
    }
    for (const y of byYear.values()) {
      for (const o of y.off) this.#reason[parseIsoDate(o.date)! - this.#first] = o.name;
      for (const m of y.makeUp) {
        const jdn = parseIsoDate(m.date)!;
        this.#reason[jdn - this.#first] = null;
        this.#makeUp.add(jdn);
      }
    }
    let n = 0;
    for (const r of this.#reason) this.#cumulative.push(r === null ? ++n : n);
  }

  /** Index of a day in the tables; a day outside the known years is an error. */
  #at(jdn: number): number {
    if (jdn < this.#first || jdn > this.#last) {
      const iso = isoDate(jdn);
      throw new CalendarRangeError(
        `Ngày ${viDate(iso)} nằm ngoài các năm đã có lịch làm việc (${this.range.from}–${this.range.to}); cần bổ sung lịch năm ${iso.slice(0, 4)}.`,
      );
    }
    return jdn - this.#first;
  }

  #working(jdn: number): boolean {
    return this.#reason[this.#at(jdn)] === null;
  }

  /** Monday–Friday not off, or a make-up day. Throws CalendarRangeError outside the known years. */
  isWorkingDay(date: string | Date): boolean {
    let jdn: number | undefined;
    if (date instanceof Date) {
      checkTrigger(date);
      jdn = dayOf(date);
    } else {
      jdn = parseIsoDate(date);
      if (jdn === undefined) throw new RangeError(`Ngày không hợp lệ: "${String(date)}" (cần dạng yyyy-mm-dd).`);
    }
    return this.#working(jdn);
  }

  /**
   * The end of the n-th working day after the trigger's day (0 ≤ n ≤ 365, an integer; n = 0 is
   * the end of the trigger's day). `skipped` lists the non-working days passed over.
   */
  addWorkingDays(trigger: Date, n: number): DueMoment {
    checkTrigger(trigger);
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`Số ngày làm việc phải là số nguyên từ 0 đến ${MAX_WORKING_DAYS} (nhận được: ${String(n)}).`);
    }
    const start = dayOf(trigger);
    this.#at(start);
    const skipped: Skipped[] = [];
    const makeUps: number[] = [];
    let d = start;
    for (let counted = 0; counted < n; ) {
      d++;
      const i = this.#at(d);
      const reason = this.#reason[i];
      if (reason === null || reason === undefined) {
        counted++;
        if (this.#makeUp.has(d)) makeUps.push(d);
      } else skipped.push({ date: isoDate(d), reason });
    }
    const due = endOfLocalDay(d);
    let explanation: string;
    if (n === 0) {
      explanation = `Sự kiện lúc ${viMoment(trigger)} (giờ Việt Nam); thời hạn 0 ngày làm việc nên hạn là cuối chính ngày đó, 23:59 ${viDay(start)}.`;
    } else {
      explanation =
        `Sự kiện lúc ${viMoment(trigger)} (giờ Việt Nam). Thời hạn ${n} ngày làm việc bắt đầu từ ngày tiếp theo ` +
        `(Bộ luật Dân sự 2015, Điều 147) và kết thúc vào cuối ngày làm việc thứ ${n} (Điều 148): hạn là 23:59 ${viDay(d)}. ` +
        describeSkipped(skipped) +
        (makeUps.length ? ` ${makeUps.map(viDay).join(', ')} là ngày làm bù nên được tính là ngày làm việc.` : '');
    }
    return { due, trigger, amount: n, unit: 'working-days', skipped, explanation };
  }

  /**
   * Trigger + h clock hours (0 < h ≤ 8760): nights, weekends and holidays run too, so `skipped`
   * is empty. The explanation warns when the deadline falls on a known non-working day.
   */
  addHours(trigger: Date, hours: number): DueMoment {
    checkTrigger(trigger);
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
      throw new RangeError(`Số giờ phải lớn hơn 0 và không quá ${MAX_HOURS} (nhận được: ${String(hours)}).`);
    }
    const due = new Date(trigger.getTime() + Math.round(hours * 3_600_000));
    const dueDay = dayOf(due);
    let note = '';
    if (dueDay >= this.#first && dueDay <= this.#last && !this.#working(dueDay)) {
      note = ` Lưu ý: thời điểm hết hạn rơi vào ngày không làm việc (${this.#reason[dueDay - this.#first]}).`;
    }
    const explanation =
      `Sự kiện lúc ${viMoment(trigger)} (giờ Việt Nam). Thời hạn "trong vòng ${hours} giờ" tính liên tục theo giờ đồng hồ, ` +
      `kể cả ban đêm, ngày nghỉ và ngày lễ: hạn là ${viMoment(due)}.${note}`;
    return { due, trigger, amount: hours, unit: 'hours', skipped: [], explanation };
  }

  /** The end of the trigger's day if it is a working day, else the end of the next working day. */
  sameWorkingDay(trigger: Date): DueMoment {
    checkTrigger(trigger);
    const start = dayOf(trigger);
    const skipped: Skipped[] = [];
    let d = start;
    while (!this.#working(d)) {
      skipped.push({ date: isoDate(d), reason: this.#reason[d - this.#first]! });
      d++;
    }
    const explanation =
      d === start
        ? `Sự kiện lúc ${viMoment(trigger)} (giờ Việt Nam), là ngày làm việc: hạn "trong ngày làm việc" là 23:59 cùng ngày.`
        : `Sự kiện lúc ${viMoment(trigger)} (giờ Việt Nam), không phải ngày làm việc: hạn "trong ngày làm việc" là ` +
          `23:59 ngày làm việc kế tiếp, ${viDay(d)}. ${describeSkipped(skipped)}`;
    return { due: endOfLocalDay(d), trigger, amount: 0, unit: 'same-working-day', skipped, explanation };
  }

  /** One entry for configured rules; for 'same-working-day' the amount must be 0 or 1. */
  due(trigger: Date, amount: number, unit: DueUnit): DueMoment {
    switch (unit) {
      case 'working-days':
        return this.addWorkingDays(trigger, amount);
      case 'hours':
        return this.addHours(trigger, amount);
      case 'same-working-day':
        if (amount !== 0 && amount !== 1) throw new RangeError(`Hạn "trong ngày làm việc" không nhận số lượng ${String(amount)} (chỉ 0 hoặc 1).`);
        return this.sameWorkingDay(trigger);
      default:
        throw new RangeError(`Đơn vị thời hạn không hợp lệ: "${String(unit)}".`);
    }
  }

  /**
   * Working days strictly after `from`'s day up to and including `to`'s day; negative (the same
   * count, negated) when `to`'s day is before `from`'s. So workingDaysBetween(t, addWorkingDays(t, n).due) = n.
   */
  workingDaysBetween(from: Date, to: Date): number {
    checkTrigger(from);
    checkTrigger(to);
    const a = this.#at(dayOf(from));
    const b = this.#at(dayOf(to));
    return this.#cumulative[b]! - this.#cumulative[a]!;
  }
}

/** "Không tính 9 ngày không làm việc: 2 ngày Thứ Bảy, Chủ nhật; Tết … (14/02–22/02/2026)." */
function describeSkipped(skipped: readonly Skipped[]): string {
  if (skipped.length === 0) return 'Không có ngày nghỉ nào xen giữa.';
  let weekend = 0;
  const runs: { reason: string; from: string; to: string }[] = [];
  let prev: number | undefined;
  for (const s of skipped) {
    const jdn = parseIsoDate(s.date)!;
    if (s.reason === 'Thứ Bảy' || s.reason === 'Chủ nhật') weekend++;
    else {
      const run = runs.at(-1);
      if (run && run.reason === s.reason && prev === jdn - 1) run.to = s.date;
      else runs.push({ reason: s.reason, from: s.date, to: s.date });
    }
    prev = jdn;
  }
  const parts: string[] = [];
  if (weekend) parts.push(`${weekend} ngày Thứ Bảy, Chủ nhật`);
  for (const r of runs) {
    const sameYear = r.from.slice(0, 4) === r.to.slice(0, 4);
    const span = r.from === r.to ? viDate(r.from) : `${sameYear ? viDate(r.from).slice(0, 5) : viDate(r.from)}–${viDate(r.to)}`;
    parts.push(`${r.reason} (${span})`);
  }
  return `Không tính ${skipped.length} ngày không làm việc: ${parts.join('; ')}.`;
}
