/**
 * The facts the calendar ships with: the statutory holidays of the Labour Code as rules, and the
 * days off announced for civil servants in 2025 and 2026 (copied from the project's fact sheet,
 * which names its sources). A year without an announcement is computed from the rules
 * (holidays.ts); an admin can correct any year. Verify against the official text when adding a year.
 */

/** The law the statutory rules come from. */
export const STATUTORY_LAW =
  'Bộ luật Lao động 45/2019/QH14, Điều 112 k1 (11 ngày nghỉ lễ, tết hưởng nguyên lương); Điều 111 k3 ' +
  '(ngày lễ, tết trùng ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm việc kế tiếp); Điều 112 k3 ' +
  '(Thủ tướng Chính phủ quyết định cụ thể ngày nghỉ Tết Âm lịch và Quốc khánh hằng năm)';

/** Where a statutory holiday day falls in a Gregorian year. */
export type HolidayDayRule =
  /** A fixed Gregorian date. */
  | { calendar: 'solar'; month: number; day: number }
  /**
   * A lunar date of the lunar year that starts in this Gregorian year, moved by `shift` days
   * (shift −1 from lunar 1/1 is the last day of the previous lunar year, 29 or 30 Chạp).
   */
  | { calendar: 'lunar'; month: number; day: number; shift?: number }
  /** The day adjacent to 2 September that the Prime Minister picks; see holidays.ts. */
  | { calendar: 'national-day-adjacent' };

export interface StatutoryHoliday {
  name: string;
  /** Every day of the holiday; its length is `days.length`. */
  days: readonly HolidayDayRule[];
  source: string;
}

/** Bộ luật Lao động 2019 Điều 112 k1: 11 days. Tết is the convention explained in holidays.ts. */
export const STATUTORY_HOLIDAYS: readonly StatutoryHoliday[] = [
  { name: 'Tết Dương lịch', days: [{ calendar: 'solar', month: 1, day: 1 }], source: 'Bộ luật Lao động 2019, Điều 112 k1a' },
  {
    name: 'Tết Nguyên đán',
    days: [
      { calendar: 'lunar', month: 1, day: 1, shift: -1 },
      { calendar: 'lunar', month: 1, day: 1 },
      { calendar: 'lunar', month: 1, day: 2 },
      { calendar: 'lunar', month: 1, day: 3 },
      { calendar: 'lunar', month: 1, day: 4 },
    ],
    source: 'Bộ luật Lao động 2019, Điều 112 k1b',
  },
  { name: 'Giỗ Tổ Hùng Vương', days: [{ calendar: 'lunar', month: 3, day: 10 }], source: 'Bộ luật Lao động 2019, Điều 112 k1e' },
  { name: 'Ngày Chiến thắng', days: [{ calendar: 'solar', month: 4, day: 30 }], source: 'Bộ luật Lao động 2019, Điều 112 k1c' },
  { name: 'Ngày Quốc tế lao động', days: [{ calendar: 'solar', month: 5, day: 1 }], source: 'Bộ luật Lao động 2019, Điều 112 k1d' },
  {
    name: 'Quốc khánh',
    days: [{ calendar: 'solar', month: 9, day: 2 }, { calendar: 'national-day-adjacent' }],
    source: 'Bộ luật Lao động 2019, Điều 112 k1đ',
  },
];

/** Art. 111 k3: a holiday on the weekly rest day gives a day off on the next working day. */
export const COMPENSATORY_SOURCE = 'Bộ luật Lao động 2019, Điều 111 k3';

/**
 * Not yet law when this was written: Resolution 80-NQ/TW (01/2026) makes 24 November (Ngày Văn
 * hóa Việt Nam) a paid holiday and Resolution 30/NQ-CP (02/2026) tasks amending Art. 112. Not in
 * the rules; once enacted, add it to STATUTORY_HOLIDAYS or have the admin add it to a year.
 */
export const PENDING_NOTE = 'Ngày Văn hóa Việt Nam 24/11 (Nghị quyết 80-NQ/TW, Nghị quyết 30/NQ-CP): chưa xác nhận được ban hành; chưa tính.';

/** An announced range of days off, inclusive, weekend days inside it included. */
export interface AnnouncedRange {
  name: string;
  from: string;
  to: string;
  source?: string;
}

export interface AnnouncedYear {
  year: number;
  off: readonly AnnouncedRange[];
  /** Saturdays worked in exchange for a swapped weekday. */
  makeUp: readonly { date: string; name?: string }[];
}

/** The announcements for civil servants, exactly as in the fact sheet. */
export const ANNOUNCED: Readonly<Record<number, AnnouncedYear>> = {
  2025: {
    year: 2025,
    off: [
      { name: 'Tết Dương lịch', from: '2025-01-01', to: '2025-01-01' },
      { name: 'Tết Nguyên đán Ất Tỵ', from: '2025-01-25', to: '2025-02-02', source: 'Bộ Nội vụ; Văn bản 8726/VPCP-KGVX (26/11/2024)' },
      { name: 'Giỗ Tổ Hùng Vương', from: '2025-04-07', to: '2025-04-07' },
      { name: '30/4 và 1/5', from: '2025-04-30', to: '2025-05-04', source: 'Bộ Nội vụ: Friday 02/05 swapped with Saturday 26/04' },
      { name: 'Quốc khánh', from: '2025-08-30', to: '2025-09-02', source: 'official days Monday 01/09 and Tuesday 02/09' },
    ],
    makeUp: [{ date: '2025-04-26', name: 'Làm bù cho Thứ Sáu 02/05/2025' }],
  },
  2026: {
    year: 2026,
    off: [
      {
        name: 'Tết Dương lịch',
        from: '2026-01-01',
        to: '2026-01-04',
        source: 'Văn bản 12729/VPCP-KGVX (25/12/2025): Friday 02/01 swapped with Saturday 10/01',
      },
      {
        name: 'Tết Nguyên đán Bính Ngọ',
        from: '2026-02-14',
        to: '2026-02-22',
        source: 'Thông báo 9441/TB-BNV (16/10/2025): official days Monday 16/02 (29 Chạp) to Friday 20/02 (mùng 4)',
      },
      { name: 'Giỗ Tổ Hùng Vương', from: '2026-04-25', to: '2026-04-27', source: 'lunar 10/3 falls on Sunday 26/04: compensatory day off Monday 27/04' },
      { name: '30/4 và 1/5', from: '2026-04-30', to: '2026-05-03' },
      {
        name: 'Quốc khánh',
        from: '2026-08-29',
        to: '2026-09-02',
        source: 'Thông báo 9441/TB-BNV: official Tuesday 01/09 and Wednesday 02/09; Monday 31/08 swapped with Saturday 22/08',
      },
    ],
    makeUp: [
      { date: '2026-01-10', name: 'Làm bù cho Thứ Sáu 02/01/2026' },
      { date: '2026-08-22', name: 'Làm bù cho Thứ Hai 31/08/2026' },
    ],
  },
};
