import { describe, expect, it } from 'vitest';
import { gioToDate, isoDate, jdFromDate, lunarToSolar, parseIsoDate, solarToLunar, tetDate, weekday } from './lunar.ts';

// The fact sheet's lunarReference (Hồ Ngọc Đức's algorithm, UTC+7, cross-checked with @dqcai/vn-lunar),
// copied here: the product never reads ../shared.
const TET: Record<number, string> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
  2031: '2031-01-23',
  2032: '2032-02-11',
};
const GIO_TO: Record<number, string> = {
  2020: '2020-04-02',
  2021: '2021-04-21',
  2022: '2022-04-10',
  2023: '2023-04-29',
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
  2028: '2028-04-04',
  2029: '2029-04-23',
  2030: '2030-04-12',
  2031: '2031-04-01',
  2032: '2032-04-19',
};

describe('lunar calendar (UTC+7)', () => {
  for (let y = 2020; y <= 2032; y++) {
    it(`Tết ${y} = ${TET[y]}, Giỗ Tổ ${y} = ${GIO_TO[y]}`, () => {
      expect(tetDate(y)).toBe(TET[y]);
      expect(gioToDate(y)).toBe(GIO_TO[y]);
      expect(lunarToSolar(1, 1, y)).toBe(TET[y]);
      expect(solarToLunar(TET[y]!)).toEqual({ day: 1, month: 1, year: y, leap: false });
      expect(solarToLunar(GIO_TO[y]!)).toEqual({ day: 10, month: 3, year: y, leap: false });
    });
  }

  it('the day before Tết is the last day (29 or 30) of month 12 of the previous lunar year', () => {
    for (let y = 2020; y <= 2032; y++) {
      const eve = solarToLunar(isoDate(parseIsoDate(TET[y]!)! - 1));
      expect(eve.month).toBe(12);
      expect(eve.year).toBe(y - 1);
      expect([29, 30]).toContain(eve.day);
      expect(lunarToSolar(eve.day, 12, y - 1)).toBe(isoDate(parseIsoDate(TET[y]!)! - 1));
    }
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false }); // "29 Chạp" of the 2026 announcement
  });

  it('leap months: 2023 has a leap month 2, 2025 a leap month 6', () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(() => lunarToSolar(1, 3, 2023, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 2026, true)).toThrow(RangeError);
  });

  it('round-trips every day of 2020–2032 and rejects impossible lunar dates', () => {
    for (let d = jdFromDate(1, 1, 2020); d <= jdFromDate(31, 12, 2032); d++) {
      const l = solarToLunar(isoDate(d));
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(isoDate(d));
    }
    // month 12 of lunar 2025 (Ất Tỵ) has 29 days: its day 30 does not exist
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(0, 1, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 1700)).toThrow(RangeError);
  });

  it('day helpers: weekday, strict ISO parsing', () => {
    expect(weekday(parseIsoDate('2026-02-13')!)).toBe(5); // Friday
    expect(weekday(parseIsoDate('2025-08-31')!)).toBe(0); // Sunday
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-2-3')).toBeUndefined();
    expect(parseIsoDate('2024-02-29')).toBe(jdFromDate(29, 2, 2024));
  });
});
