import { describe, expect, it } from 'vitest';
import { announcedYear, canChi, nationalDayAdjacent, provisionalYear, shippedYear, validateYear, type YearCalendar } from './holidays.ts';
import { gioToDate, isoDate, parseIsoDate, tetDate, weekday } from './lunar.ts';

const dates = (y: YearCalendar) => y.off.map((o) => o.date);
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = parseIsoDate(from)!; d <= parseIsoDate(to)!; d++) out.push(isoDate(d));
  return out;
};

describe('announced years', () => {
  it('2025: every day of every range, weekends included, and the make-up Saturday', () => {
    const y = announcedYear(2025)!;
    expect(y.status).toBe('announced');
    expect(dates(y)).toEqual([
      '2025-01-01',
      ...range('2025-01-25', '2025-02-02'),
      '2025-04-07',
      ...range('2025-04-30', '2025-05-04'),
      ...range('2025-08-30', '2025-09-02'),
    ]);
    expect(y.off).toHaveLength(1 + 9 + 1 + 5 + 4);
    expect(y.off.find((o) => o.date === '2025-01-26')).toMatchObject({
      name: 'Tết Nguyên đán Ất Tỵ',
      source: 'Bộ Nội vụ; Văn bản 8726/VPCP-KGVX (26/11/2024)',
    });
    expect(y.makeUp.map((m) => m.date)).toEqual(['2025-04-26']);
    expect(validateYear(y)).toEqual([]);
  });

  it('2026: as announced, with the two make-up Saturdays', () => {
    const y = announcedYear(2026)!;
    expect(dates(y)).toEqual([
      ...range('2026-01-01', '2026-01-04'),
      ...range('2026-02-14', '2026-02-22'),
      ...range('2026-04-25', '2026-04-27'),
      ...range('2026-04-30', '2026-05-03'),
      ...range('2026-08-29', '2026-09-02'),
    ]);
    expect(y.off).toHaveLength(4 + 9 + 3 + 4 + 5);
    expect(y.makeUp.map((m) => m.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(validateYear(y)).toEqual([]);
  });

  it('no announcement → undefined; shippedYear falls back to the provisional year', () => {
    expect(announcedYear(2027)).toBeUndefined();
    expect(shippedYear(2027).status).toBe('provisional');
    expect(shippedYear(2026).status).toBe('announced');
  });
});

describe('provisional years (Labour Code)', () => {
  it('2027: Tết from lunar 1/1 = 06/02 (eve 05/02), Giỗ Tổ Friday 16/04, compensatory days for weekend holidays', () => {
    const y = provisionalYear(2027);
    expect(y.status).toBe('provisional');
    expect(y.makeUp).toEqual([]);
    expect(dates(y)).toEqual([
      '2027-01-01', // Friday
      '2027-02-05', // Fri, 30 Chạp (last day of lunar Bính Ngọ)
      '2027-02-06', // Sat, mùng 1
      '2027-02-07', // Sun, mùng 2
      '2027-02-08', // Mon, mùng 3
      '2027-02-09', // Tue, mùng 4
      '2027-02-10', // Wed, compensatory for Sat 06/02
      '2027-02-11', // Thu, compensatory for Sun 07/02
      '2027-04-16', // Fri, Giỗ Tổ (lunar 10/3)
      '2027-04-30', // Fri
      '2027-05-01', // Sat
      '2027-05-03', // Mon, compensatory for Sat 01/05
      '2027-09-02', // Thu
      '2027-09-03', // Fri: 2/9 on a Thursday → the adjacent day after, making Thu–Sun
    ]);
    expect(y.off.find((o) => o.date === '2027-02-06')!.name).toBe('Tết Nguyên đán Đinh Mùi');
    expect(y.off.find((o) => o.date === '2027-05-03')).toMatchObject({
      name: 'Nghỉ bù Ngày Quốc tế lao động (01/05/2027 trùng Thứ Bảy)',
      source: 'Bộ luật Lao động 2019, Điều 111 k3',
    });
    expect(validateYear(y)).toEqual([]);
  });

  it('2028: 01/01 Saturday → Monday 03/01; 30/04 Sunday → Tuesday 02/05 (01/05 is itself a holiday); 02/09 Saturday → Monday 04/09', () => {
    const d = dates(provisionalYear(2028));
    expect(d).toContain('2028-01-03');
    expect(d).toContain('2028-05-02');
    expect(d).toContain('2028-09-01');
    expect(d).toContain('2028-09-04');
    expect(d).toEqual([...new Set(d)].sort());
  });

  it('for 2020–2100: 11 statutory days + one compensatory weekday per weekend holiday, all inside the year', () => {
    for (let year = 2020; year <= 2100; year++) {
      const y = provisionalYear(year);
      expect(validateYear(y)).toEqual([]);
      const statutory = y.off.filter((o) => !o.name.startsWith('Nghỉ bù'));
      const compensatory = y.off.filter((o) => o.name.startsWith('Nghỉ bù'));
      expect(statutory).toHaveLength(11);
      const onWeekend = statutory.filter((o) => [0, 6].includes(weekday(parseIsoDate(o.date)!)));
      expect(compensatory).toHaveLength(onWeekend.length);
      for (const c of compensatory) expect([1, 2, 3, 4, 5]).toContain(weekday(parseIsoDate(c.date)!));
      // Tết: five consecutive days ending on lunar 4/1
      const tet = parseIsoDate(tetDate(year))!;
      for (let d = tet - 1; d <= tet + 3; d++) expect(dates(y)).toContain(isoDate(d));
      expect(dates(y)).toContain(gioToDate(year));
    }
  });

  it('the adjacent day of Quốc khánh follows the recent announcements', () => {
    expect(nationalDayAdjacent(2025)).toBe('2025-09-01'); // 2/9 Tue → Mon 1/9 (announced)
    expect(nationalDayAdjacent(2026)).toBe('2026-09-01'); // 2/9 Wed → Tue 1/9 (announced)
    expect(nationalDayAdjacent(2021)).toBe('2021-09-03'); // 2/9 Thu → Fri 3/9
    expect(nationalDayAdjacent(2022)).toBe('2022-09-01'); // 2/9 Fri → Thu 1/9
    expect(nationalDayAdjacent(2023)).toBe('2023-09-01'); // 2/9 Sat → Fri 1/9
    expect(nationalDayAdjacent(2024)).toBe('2024-09-03'); // 2/9 Mon → Tue 3/9
    expect(nationalDayAdjacent(2029)).toBe('2029-09-03'); // 2/9 Sun → Mon 3/9 (and Tue 4/9 compensatory)
    expect(dates(provisionalYear(2029))).toEqual(expect.arrayContaining(['2029-09-02', '2029-09-03', '2029-09-04']));
  });

  it('can–chi names', () => {
    expect(canChi(2025)).toBe('Ất Tỵ');
    expect(canChi(2026)).toBe('Bính Ngọ');
    expect(canChi(2027)).toBe('Đinh Mùi');
    expect(canChi(1984)).toBe('Giáp Tý');
  });
});

describe('validateYear', () => {
  const base = (): YearCalendar => ({
    year: 2027,
    status: 'edited',
    off: [{ date: '2027-01-01', name: 'Tết Dương lịch' }],
    makeUp: [{ date: '2027-01-09' }], // a Saturday
  });

  it('accepts a coherent year', () => {
    expect(validateYear(base())).toEqual([]);
  });

  it('bad date strings', () => {
    for (const bad of ['2027-13-01', '2027-02-30', '27-1-1', '01/01/2027', '']) {
      const y = base();
      y.off.push({ date: bad, name: 'x' });
      expect(validateYear(y)).toEqual([`Ngày nghỉ không hợp lệ: "${bad}" (cần dạng yyyy-mm-dd và là ngày có thật).`]);
    }
    const y = base();
    y.makeUp.push({ date: '2027-02-29' });
    expect(validateYear(y)).toEqual(['Ngày làm bù không hợp lệ: "2027-02-29" (cần dạng yyyy-mm-dd và là ngày có thật).']);
  });

  it('a date outside the year', () => {
    const y = base();
    y.off.push({ date: '2026-12-31', name: 'x' });
    y.makeUp.push({ date: '2028-01-08' });
    expect(validateYear(y)).toEqual(['Ngày nghỉ 31/12/2026 không thuộc năm 2027.', 'Ngày làm bù 08/01/2028 không thuộc năm 2027.']);
  });

  it('duplicate dates', () => {
    const y = base();
    y.off.push({ date: '2027-01-01', name: 'again' });
    y.makeUp.push({ date: '2027-01-09' });
    expect(validateYear(y)).toEqual(['Ngày nghỉ 01/01/2027 bị trùng lặp.', 'Ngày làm bù 09/01/2027 bị trùng lặp.']);
  });

  it('a make-up day that is also off', () => {
    const y = base();
    y.off.push({ date: '2027-01-09', name: 'x' });
    expect(validateYear(y)).toEqual(['Ngày 09/01/2027 vừa là ngày nghỉ vừa là ngày làm bù.']);
  });

  it('a make-up day that is not a Saturday or Sunday', () => {
    const y = base();
    y.makeUp.push({ date: '2027-01-06' });
    expect(validateYear(y)).toEqual(['Ngày làm bù 06/01/2027 là Thứ Tư, không phải Thứ Bảy hay Chủ nhật.']);
    y.makeUp = [{ date: '2027-01-10' }]; // a Sunday is accepted
    expect(validateYear(y)).toEqual([]);
  });

  it('a day off without a name, a bad year or status', () => {
    const y = base();
    y.off.push({ date: '2027-01-04', name: ' ' });
    expect(validateYear(y)).toEqual(['Ngày nghỉ 04/01/2027 chưa có tên.']);
    expect(validateYear({ ...base(), year: 1.5 })).toContain('Năm không hợp lệ: 1.5.');
    expect(validateYear({ ...base(), status: 'draft' as never })).toEqual(['Trạng thái không hợp lệ: "draft".']);
  });
});
