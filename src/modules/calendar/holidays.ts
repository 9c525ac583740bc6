/**
 * The days off of one year: as announced (2025, 2026 shipped in calendar-data.ts), or computed
 * from the Labour Code for a year not yet announced (provisional), or edited by an admin; and the
 * checks a year must pass before the working-day engine uses it.
 */
import { ANNOUNCED, COMPENSATORY_SOURCE, STATUTORY_HOLIDAYS, type HolidayDayRule } from './calendar-data.ts';
import { isoDate, jdFromDate, lunarToSolar, parseIsoDate, weekday } from './lunar.ts';

/** A day without work, yyyy-mm-dd (Asia/Ho_Chi_Minh). */
export interface DayOff {
  date: string;
  name: string;
  source?: string;
}

/**
 * The days off and make-up working days of one year. `off` holds every day inside an announced
 * range — weekend days included — deduplicated and sorted; `makeUp` the Saturdays (or Sundays)
 * worked in exchange for a swapped weekday.
 */
export interface YearCalendar {
  year: number;
  status: 'announced' | 'provisional' | 'edited';
  off: DayOff[];
  makeUp: { date: string; name?: string }[];
}

/** Vietnamese weekday names, index 0 = Sunday as in `weekday()`. */
export const WEEKDAY_NAMES: readonly string[] = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** dd/mm/yyyy, the way dates are written in Vietnamese text, from yyyy-mm-dd. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The can–chi name of the lunar year starting in `year` (2025 → "Ất Tỵ", 2026 → "Bính Ngọ"). */
export function canChi(year: number): string {
  return `${STEMS[(((year + 6) % 10) + 10) % 10]} ${BRANCHES[(((year + 8) % 12) + 12) % 12]}`;
}

/**
 * The day the Prime Minister adds to 2 September (Art. 112 k1đ: "01 ngày liền kề trước hoặc sau").
 * The law leaves the choice to each year's announcement; for a provisional year we take the day
 * BEFORE (1/9) — the choice of the two shipped announcements (2025: Mon 1/9 + Tue 2/9; 2026:
 * Tue 1/9 + Wed 2/9) — except when that would not join the weekend as well as the day after can:
 * 2/9 on a Thursday → Friday 3/9 (a four-day break), and 1/9 on a weekend (2/9 on Sunday or
 * Monday) → 3/9. As far as we know this also reproduces 2021–2024 (Thu → 3/9, Fri → 1/9,
 * Sat → 1/9, Mon → 3/9); those years are not in the shipped data. Replaced by the announcement
 * once it is published.
 */
export function nationalDayAdjacent(year: number): string {
  const sep2 = jdFromDate(2, 9, year);
  const wd = weekday(sep2);
  return isoDate(wd === 4 || wd === 0 || wd === 1 ? sep2 + 1 : sep2 - 1);
}

function ruleDay(rule: HolidayDayRule, year: number): number {
  switch (rule.calendar) {
    case 'solar':
      return jdFromDate(rule.day, rule.month, year);
    case 'lunar':
      return parseIsoDate(lunarToSolar(rule.day, rule.month, year))! + (rule.shift ?? 0);
    case 'national-day-adjacent':
      return parseIsoDate(nationalDayAdjacent(year))!;
  }
}

const isWeekend = (jdn: number) => weekday(jdn) === 0 || weekday(jdn) === 6;

/**
 * A year computed from the Labour Code, for a year without an announcement. Status 'provisional',
 * no swaps, no make-up days. Conventions:
 * - Tết Nguyên đán, 5 days = the last day of the lunar year (29 or 30 Chạp) plus lunar 1/1–4/1:
 *   the official days recent announcements fixed before any swap (2026: Mon 16/02 = 29 Chạp to
 *   Fri 20/02 = mùng 4; 2025: 28/01 = 29 Chạp to 01/02 = mùng 4).
 * - Quốc khánh: 2/9 plus the adjacent day of `nationalDayAdjacent`.
 * - Art. 111 k3: each holiday day on a Saturday or Sunday gives one compensatory day off on the
 *   next working day (Monday–Friday, not itself a holiday or already compensatory), in date order.
 */
export function provisionalYear(year: number): YearCalendar {
  const days = new Map<number, DayOff>();
  for (const h of STATUTORY_HOLIDAYS) {
    const name = h.name === 'Tết Nguyên đán' ? `Tết Nguyên đán ${canChi(year)}` : h.name;
    for (const rule of h.days) {
      const jdn = ruleDay(rule, year);
      const prev = days.get(jdn);
      // Two holidays on one day never happens in 1800–2199 with these rules; kept visible if it did.
      if (prev) prev.name = `${prev.name}; ${name}`;
      else days.set(jdn, { date: isoDate(jdn), name, source: `${h.source} (tạm tính, chưa có thông báo chính thức)` });
    }
  }
  const holidays = [...days.keys()].sort((a, b) => a - b);
  let last = 0;
  for (const jdn of holidays) {
    if (!isWeekend(jdn)) continue;
    let c = Math.max(jdn, last) + 1;
    while (isWeekend(c) || days.has(c)) c++;
    last = c;
    const h = days.get(jdn)!;
    days.set(c, {
      date: isoDate(c),
      name: `Nghỉ bù ${h.name} (${viDate(h.date)} trùng ${WEEKDAY_NAMES[weekday(jdn)]})`,
      source: COMPENSATORY_SOURCE,
    });
  }
  const off = [...days.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  return { year, status: 'provisional', off, makeUp: [] };
}

/** The announced year from calendar-data (2025, 2026), ranges expanded day by day; else undefined. */
export function announcedYear(year: number): YearCalendar | undefined {
  const a = ANNOUNCED[year];
  if (!a) return undefined;
  const days = new Map<number, DayOff>();
  for (const r of a.off) {
    const from = parseIsoDate(r.from);
    const to = parseIsoDate(r.to);
    if (from === undefined || to === undefined || to < from) throw new Error(`calendar-data: bad range ${r.from}..${r.to}`);
    for (let d = from; d <= to; d++) {
      const prev = days.get(d);
      if (prev) prev.name = `${prev.name}; ${r.name}`;
      else days.set(d, r.source === undefined ? { date: isoDate(d), name: r.name } : { date: isoDate(d), name: r.name, source: r.source });
    }
  }
  const off = [...days.entries()].sort((x, y) => x[0] - y[0]).map(([, d]) => d);
  return { year, status: 'announced', off, makeUp: a.makeUp.map((m) => ({ ...m })) };
}

/** The year as shipped: announced when there is an announcement, else provisional. */
export function shippedYear(year: number): YearCalendar {
  return announcedYear(year) ?? provisionalYear(year);
}

/** Shipped years for every year of from..to, ready for `new WorkingCalendar(...)`. */
export function shippedYears(from: number, to: number): YearCalendar[] {
  const out: YearCalendar[] = [];
  for (let y = from; y <= to; y++) out.push(shippedYear(y));
  return out;
}

/**
 * The contradictions of a year, in Vietnamese, empty when it is usable: bad date strings, dates
 * outside the year, duplicates, a day both off and make-up, a make-up day that is not a Saturday
 * or Sunday, a day off without a name.
 */
export function validateYear(y: YearCalendar): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(y.year) || y.year < 1900 || y.year > 2199) errors.push(`Năm không hợp lệ: ${String(y.year)}.`);
  if (!['announced', 'provisional', 'edited'].includes(y.status)) errors.push(`Trạng thái không hợp lệ: "${String(y.status)}".`);
  const off = Array.isArray(y.off) ? y.off : [];
  const makeUp = Array.isArray(y.makeUp) ? y.makeUp : [];
  if (!Array.isArray(y.off)) errors.push('Danh sách ngày nghỉ không hợp lệ.');
  if (!Array.isArray(y.makeUp)) errors.push('Danh sách ngày làm bù không hợp lệ.');

  const offDays = new Set<number>();
  for (const d of off) {
    const jdn = parseIsoDate(d?.date);
    if (jdn === undefined) {
      errors.push(`Ngày nghỉ không hợp lệ: "${String(d?.date)}" (cần dạng yyyy-mm-dd và là ngày có thật).`);
      continue;
    }
    const shown = viDate(d.date);
    if (Number(d.date.slice(0, 4)) !== y.year) errors.push(`Ngày nghỉ ${shown} không thuộc năm ${y.year}.`);
    if (offDays.has(jdn)) errors.push(`Ngày nghỉ ${shown} bị trùng lặp.`);
    if (typeof d.name !== 'string' || d.name.trim() === '') errors.push(`Ngày nghỉ ${shown} chưa có tên.`);
    offDays.add(jdn);
  }
  const makeUpDays = new Set<number>();
  for (const m of makeUp) {
    const jdn = parseIsoDate(m?.date);
    if (jdn === undefined) {
      errors.push(`Ngày làm bù không hợp lệ: "${String(m?.date)}" (cần dạng yyyy-mm-dd và là ngày có thật).`);
      continue;
    }
    const shown = viDate(m.date);
    if (Number(m.date.slice(0, 4)) !== y.year) errors.push(`Ngày làm bù ${shown} không thuộc năm ${y.year}.`);
    if (makeUpDays.has(jdn)) errors.push(`Ngày làm bù ${shown} bị trùng lặp.`);
    if (offDays.has(jdn)) errors.push(`Ngày ${shown} vừa là ngày nghỉ vừa là ngày làm bù.`);
    if (!isWeekend(jdn)) errors.push(`Ngày làm bù ${shown} là ${WEEKDAY_NAMES[weekday(jdn)]}, không phải Thứ Bảy hay Chủ nhật.`);
    makeUpDays.add(jdn);
  }
  return errors;
}
