import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedYears, type YearCalendar } from './holidays.ts';
import { isoDate, parseIsoDate, weekday } from './lunar.ts';
import { CalendarRangeError, endOfLocalDay, localDate, TIME_ZONE, WorkingCalendar } from './working-days.ts';

const YEARS = shippedYears(2025, 2032); // 2025, 2026 announced; 2027–2032 provisional
const cal = new WorkingCalendar(YEARS, { from: 2025, to: 2032 });
const vn = (s: string) => new Date(`${s}+07:00`); // a wall-clock time in Việt Nam
const end = (day: string) => vn(`${day}T23:59:59.999`);
const HOUR = 3_600_000;

describe('table: real dates (expected dates counted by hand on the 2025/2026 announcements)', () => {
  const cases: { name: string; trigger: string; wd: Record<number, string>; h48: string; h72: string }[] = [
    {
      // Off Sat 14/02–Sun 22/02 (Tết Bính Ngọ). Count: Mon 23/02 = 1, Tue 24 = 2, Fri 27 = 5,
      // Mon 02/03 = 6 … Fri 06/03 = 10, Mon 09/03 = 11 … Fri 13/03 = 15, Mon 16/03 = 16 … Fri 20/03 = 20.
      name: 'Friday 13/02/2026, before Tết',
      trigger: '2026-02-13T10:00:00',
      wd: { 2: '2026-02-24', 5: '2026-02-27', 10: '2026-03-06', 15: '2026-03-13', 20: '2026-03-20' },
      h48: '2026-02-15T10:00:00', // Sunday in Tết: clock hours run through it
      h72: '2026-02-16T10:00:00',
    },
    {
      // Wed 18/02 is inside the Tết range; 19–22/02 still off, so the same count from Mon 23/02 = 1.
      name: 'Wednesday 18/02/2026, inside Tết',
      trigger: '2026-02-18T10:00:00',
      wd: { 2: '2026-02-24', 5: '2026-02-27', 10: '2026-03-06', 15: '2026-03-13', 20: '2026-03-20' },
      h48: '2026-02-20T10:00:00',
      h72: '2026-02-21T10:00:00',
    },
    {
      // Make-up Saturday 10/01/2026 (a working day). Sun 11 skipped; Mon 12/01 = 1, Tue 13 = 2, Fri 16 = 5,
      // Mon 19 = 6 … Fri 23/01 = 10, Mon 26 = 11 … Fri 30/01 = 15, Mon 02/02 = 16 … Fri 06/02 = 20.
      name: 'make-up Saturday 10/01/2026',
      trigger: '2026-01-10T10:00:00',
      wd: { 2: '2026-01-13', 5: '2026-01-16', 10: '2026-01-23', 15: '2026-01-30', 20: '2026-02-06' },
      h48: '2026-01-12T10:00:00',
      h72: '2026-01-13T10:00:00',
    },
    {
      // Off Sat 30/08–Tue 02/09/2025 (Quốc khánh). Wed 03/09 = 1, Thu 04 = 2, Fri 05 = 3, Mon 08 = 4, Tue 09 = 5,
      // Wed 10 = 6, Thu 11 = 7, Fri 12 = 8, Mon 15 = 9, Tue 16 = 10, … Tue 23 = 15, … Tue 30/09 = 20.
      name: 'Friday 29/08/2025, before National Day',
      trigger: '2025-08-29T10:00:00',
      wd: { 2: '2025-09-04', 5: '2025-09-09', 10: '2025-09-16', 15: '2025-09-23', 20: '2025-09-30' },
      h48: '2025-08-31T10:00:00',
      h72: '2025-09-01T10:00:00',
    },
  ];
  for (const c of cases) {
    describe(c.name, () => {
      for (const [n, day] of Object.entries(c.wd)) {
        it(`${n} working days → end of ${day}`, () => {
          const r = cal.addWorkingDays(vn(c.trigger), Number(n));
          expect(r.due).toEqual(end(day));
          expect(r.due.toISOString()).toBe(`${day}T16:59:59.999Z`);
          expect(cal.due(vn(c.trigger), Number(n), 'working-days').due).toEqual(end(day));
        });
      }
      it('48 h and 72 h are clock hours', () => {
        expect(cal.addHours(vn(c.trigger), 48).due).toEqual(vn(c.h48));
        expect(cal.due(vn(c.trigger), 72, 'hours').due).toEqual(vn(c.h72));
      });
    });
  }

  it('skipped days are named: the holiday for days in a range, Thứ Bảy / Chủ nhật otherwise', () => {
    const r = cal.addWorkingDays(vn('2026-02-13T10:00:00'), 10);
    expect(r.skipped).toEqual([
      ...['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => ({ date: `2026-02-${d}`, reason: 'Tết Nguyên đán Bính Ngọ' })),
      { date: '2026-02-28', reason: 'Thứ Bảy' },
      { date: '2026-03-01', reason: 'Chủ nhật' },
    ]);
    expect(r.explanation).toContain('hạn là 23:59 Thứ Sáu 06/03/2026');
    expect(r.explanation).toContain('Tết Nguyên đán Bính Ngọ (14/02–22/02/2026)');
    expect(r.explanation).toContain('Điều 147');
  });

  it("the day is Việt Nam's: 00:30 Saturday 10/01/2026 in Hà Nội is still Friday in UTC", () => {
    const t = new Date('2026-01-09T17:30:00Z');
    expect(localDate(t)).toBe('2026-01-10');
    // from Saturday 10/01: Mon 12 = 1, Tue 13 = 2 (from Friday 09/01 it would be Sat 10 = 1, Mon 12 = 2)
    expect(cal.addWorkingDays(t, 2).due).toEqual(end('2026-01-13'));
    expect(cal.addWorkingDays(vn('2026-01-09T23:59:59'), 2).due).toEqual(end('2026-01-12'));
    expect(cal.addWorkingDays(vn('2026-01-09T23:59:59'), 2).explanation).toContain('10/01/2026 là ngày làm bù');
    expect(TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
  });

  it('make-up Saturday 22/08/2026 counts; Monday 31/08/2026 (swapped) does not', () => {
    // from Fri 21/08: Sat 22 = 1, Sun 23 skipped, Mon 24 = 2 … Fri 28 = 6; 29/08–02/09 off; Thu 03/09 = 7
    expect(cal.addWorkingDays(vn('2026-08-21T09:00:00'), 1).due).toEqual(end('2026-08-22'));
    expect(cal.addWorkingDays(vn('2026-08-21T09:00:00'), 7).due).toEqual(end('2026-09-03'));
    expect(cal.isWorkingDay('2026-08-31')).toBe(false);
  });

  it("0 working days is the end of the trigger's own day", () => {
    expect(cal.addWorkingDays(vn('2026-02-15T08:00:00'), 0)).toMatchObject({ due: end('2026-02-15'), skipped: [] });
  });
});

describe('the same working day', () => {
  it.each([
    ['2026-02-13T10:00:00', '2026-02-13', 0], // working Friday
    ['2026-02-18T10:00:00', '2026-02-23', 5], // in Tết: 18–22/02 skipped
    ['2026-01-10T10:00:00', '2026-01-10', 0], // make-up Saturday
    ['2025-08-29T16:45:00', '2025-08-29', 0],
    ['2025-08-30T10:00:00', '2025-09-03', 4], // 30/08–02/09 skipped
    ['2025-09-06T10:00:00', '2025-09-08', 2], // ordinary weekend
  ])('%s → end of %s (%i days skipped)', (trigger, day, skipped) => {
    const r = cal.sameWorkingDay(vn(trigger));
    expect(r.due).toEqual(end(day));
    expect(r.skipped).toHaveLength(skipped);
    expect(cal.due(vn(trigger), 1, 'same-working-day').due).toEqual(end(day));
  });
});

describe('workingDaysBetween', () => {
  it("counts working days after from's day up to and including to's day", () => {
    expect(cal.workingDaysBetween(vn('2026-02-13T10:00:00'), vn('2026-02-24T08:00:00'))).toBe(2);
    expect(cal.workingDaysBetween(vn('2026-02-13T10:00:00'), vn('2026-02-13T23:00:00'))).toBe(0);
    expect(cal.workingDaysBetween(vn('2026-02-24T08:00:00'), vn('2026-02-13T10:00:00'))).toBe(-2);
    // 2025 has 261 weekdays (starts on a Wednesday: 52 weeks + 1); off weekdays: 01/01, 27–31/01, 07/04,
    // 30/04, 01/05, 02/05, 01/09, 02/09 = 12; plus the make-up Saturday 26/04 → 250. Excluding 01/01 changes
    // nothing since it is off.
    expect(cal.workingDaysBetween(vn('2025-01-01T00:00:00'), vn('2025-12-31T12:00:00'))).toBe(261 - 12 + 1);
  });
});

describe('errors', () => {
  it('amounts out of bounds → RangeError in Vietnamese', () => {
    const t = vn('2026-03-02T09:00:00');
    for (const n of [-1, 1.5, 366, Number.NaN, Infinity]) expect(() => cal.addWorkingDays(t, n)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(t, 366)).toThrow('Số ngày làm việc phải là số nguyên từ 0 đến 365');
    for (const h of [0, -1, 8761, Number.NaN]) expect(() => cal.addHours(t, h)).toThrow(RangeError);
    expect(() => cal.addHours(t, 0)).toThrow('Số giờ phải lớn hơn 0');
    expect(() => cal.due(t, 2, 'same-working-day')).toThrow(RangeError);
    expect(() => cal.due(t, 2, 'weeks' as never)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(Number.NaN), 2)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(cal.addHours(t, 8760).due.getTime() - t.getTime()).toBe(8760 * HOUR);
  });

  it('a date outside the known years → CalendarRangeError, never a silent date', () => {
    const small = new WorkingCalendar(shippedYears(2025, 2026), { from: 2025, to: 2026 });
    expect(() => small.isWorkingDay('2027-01-04')).toThrow(CalendarRangeError);
    expect(() => small.addWorkingDays(vn('2024-12-31T10:00:00'), 1)).toThrow(CalendarRangeError);
    // 24/12/2026 + 10 working days runs into 2027
    expect(() => small.addWorkingDays(vn('2026-12-24T10:00:00'), 10)).toThrow('cần bổ sung lịch năm 2027');
    expect(() => small.sameWorkingDay(vn('2026-12-31T10:00:00'))).not.toThrow();
    expect(() => small.workingDaysBetween(vn('2026-12-31T10:00:00'), vn('2027-01-05T10:00:00'))).toThrow(CalendarRangeError);
    expect(new CalendarRangeError('x')).toBeInstanceOf(Error);
  });

  it('the constructor refuses missing, duplicate or contradictory years', () => {
    expect(() => new WorkingCalendar(shippedYears(2025, 2026), { from: 2025, to: 2027 })).toThrow('Thiếu lịch năm 2027');
    expect(() => new WorkingCalendar([...shippedYears(2025, 2026), ...shippedYears(2026, 2026)], { from: 2025, to: 2026 })).toThrow('hai lần');
    const bad: YearCalendar = { year: 2027, status: 'edited', off: [], makeUp: [{ date: '2027-01-06' }] };
    expect(() => new WorkingCalendar([bad], { from: 2027, to: 2027 })).toThrow('không phải Thứ Bảy hay Chủ nhật');
    expect(() => new WorkingCalendar([], { from: 2030, to: 2020 })).toThrow(RangeError);
  });
});

describe('laws (property-based)', () => {
  const MIN = vn('2025-01-01T00:00:00').getTime();
  const MAX = vn('2030-12-31T23:59:59.999').getTime(); // + 365 working days stays inside 2032
  const instant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));
  const days = fc.integer({ min: 0, max: 365 });
  const dayOf = (t: Date) => parseIsoDate(localDate(t))!;
  const isEndOfDay = (t: Date) => endOfLocalDay(localDate(t)).getTime() === t.getTime();

  it("addWorkingDays(t, n ≥ 1) is the end of a working day strictly after t's day", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 365 }), (t, n) => {
        const { due } = cal.addWorkingDays(t, n);
        return isEndOfDay(due) && cal.isWorkingDay(due) && dayOf(due) > dayOf(t);
      }),
    );
  });

  it('monotone in n (strictly) and in t', () => {
    fc.assert(
      fc.property(instant, days, days, (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = cal.addWorkingDays(t, lo).due.getTime();
        const y = cal.addWorkingDays(t, hi).due.getTime();
        return lo === hi ? x === y : x < y;
      }),
    );
    fc.assert(
      fc.property(instant, instant, days, (s, t, n) => {
        const [early, late] = s <= t ? [s, t] : [t, s];
        return cal.addWorkingDays(early, n).due <= cal.addWorkingDays(late, n).due;
      }),
    );
  });

  it('workingDaysBetween(t, addWorkingDays(t, n).due) = n; skipped + n = calendar days between', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        const r = cal.addWorkingDays(t, n);
        const calendarDays = dayOf(r.due) - dayOf(t);
        return cal.workingDaysBetween(t, r.due) === n && r.skipped.length + n === calendarDays && r.skipped.every((s) => !cal.isWorkingDay(s.date));
      }),
    );
  });

  it('sameWorkingDay is the end of the first working day ≥ t', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const r = cal.sameWorkingDay(t);
        return (
          r.due >= t &&
          isEndOfDay(r.due) &&
          cal.isWorkingDay(r.due) &&
          r.skipped.length === dayOf(r.due) - dayOf(t) &&
          r.skipped.every((s) => !cal.isWorkingDay(s.date))
        );
      }),
    );
  });

  it('isWorkingDay: false on every off day, true on every make-up day, else Monday–Friday', () => {
    const off = new Set<string>();
    const makeUp = new Set<string>();
    for (const y of YEARS) {
      for (const o of y.off) {
        off.add(o.date);
        expect(cal.isWorkingDay(o.date)).toBe(false);
      }
      for (const m of y.makeUp) {
        makeUp.add(m.date);
        expect(cal.isWorkingDay(m.date)).toBe(true);
      }
    }
    expect(off.size).toBeGreaterThan(100);
    fc.assert(
      fc.property(instant, (t) => {
        const d = localDate(t);
        const wd = weekday(parseIsoDate(d)!);
        const expected = makeUp.has(d) || (wd >= 1 && wd <= 5 && !off.has(d));
        return cal.isWorkingDay(d) === expected && cal.isWorkingDay(t) === expected;
      }),
    );
  });

  it('addHours(t, h).due − t = h hours exactly', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 1, max: 8760 }), (t, h) => cal.addHours(t, h).due.getTime() - t.getTime() === h * HOUR));
  });

  it('end of day is 23:59:59.999 in Việt Nam (16:59:59.999 UTC)', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const e = endOfLocalDay(localDate(t));
        return e.toISOString().endsWith('T16:59:59.999Z') && isoDate(dayOf(e)) === localDate(t) && e >= t;
      }),
    );
  });
});
