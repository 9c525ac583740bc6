/**
 * The Vietnamese lunar calendar (âm lịch), needed for Tết Nguyên đán (lunar 1/1) and Giỗ Tổ
 * Hùng Vương (lunar 10/3).
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" / "Computing the Vietnamese lunar
 * calendar" (2004), https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html and its
 * reference JavaScript https://www.informatik.uni-leipzig.de/~duc/amlich/amlich-aa98.js —
 * new moons from Jean Meeus, "Astronomical Algorithms" (1998), ch. 49 (truncated series), solar
 * longitude from ch. 25 (low precision). The rules: a lunar month starts on the local day of a
 * new moon; month 11 contains the winter solstice; a lunar year with 13 months has as leap month
 * the first month after month 11 that contains no major solar term (trung khí).
 *
 * The time zone is fixed at UTC+7 (TIME_ZONE_HOURS): the Vietnamese calendar has been computed
 * for the meridian 105°E since 1968 (which is why Tết 1968 differed from China's). Dates before
 * 1968 computed here are therefore those of UTC+7, not of the calendar then in use.
 * Valid for lunar years 1800–2199, the span of the author's published tables.
 *
 * The day currency is the Julian day number (JDN), an integer: `jdFromDate`/`jdToDate` convert;
 * `weekday(jdn)` gives 0 = Sunday … 6 = Saturday; `isoDate`/`parseIsoDate` go to and from
 * yyyy-mm-dd. Pure functions, no I/O.
 */

/** Hours east of UTC for which the Vietnamese lunar calendar is computed. */
export const TIME_ZONE_HOURS = 7;

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;
const { floor, sin, PI } = Math;

/** Julian day number of a Gregorian date (Julian calendar before 15/10/1582, as in the source). */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = floor((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  let jd = dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
  if (jd < 2299161) jd = dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - 32083;
  return jd;
}

/** The Gregorian [day, month, year] of a Julian day number. */
export function jdToDate(jd: number): [day: number, month: number, year: number] {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = floor((4 * a + 3) / 146097);
    c = a - floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  const day = e - floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * floor(m / 10);
  const year = b * 100 + d - 4800 + floor(m / 10);
  return [day, month, year];
}

/** 0 = Sunday, 1 = Monday … 6 = Saturday. */
export function weekday(jdn: number): number {
  return (((jdn + 1) % 7) + 7) % 7;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** yyyy-mm-dd of a Julian day number. */
export function isoDate(jdn: number): string {
  const [d, m, y] = jdToDate(jdn);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The Julian day number of a strict yyyy-mm-dd string that names a real date, else undefined. */
export function parseIsoDate(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1583) return undefined;
  const jdn = jdFromDate(d, mo, y);
  return isoDate(jdn) === s ? jdn : undefined; // rejects 2026-02-30 and the like
}

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus ch. 49, truncated). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // Moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
  C1 = C1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
  const deltat = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltat;
}

/** The Sun's apparent longitude in radians, [0, 2π), at a fractional Julian date (Meeus ch. 25). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - PI * 2 * floor(L / (PI * 2));
  return L;
}

/** Index 0–11 of the major solar term in force at the local midnight starting the day. */
function sunTerm(dayNumber: number, tz: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);
}

/** Local Julian day number of the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return floor(newMoon(k) + 0.5 + tz / 24);
}

/** The day lunar month 11 begins: the new moon on or before the winter solstice of year yy. */
function lunarMonth11(yy: number, tz: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = floor(off / 29.530588853);
  const nm = newMoonDay(k, tz);
  return sunTerm(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year starting at month 11 (day a11), the offset of the leap month. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunTerm(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunTerm(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkYear(y: number): void {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) {
    throw new RangeError(`Năm ${y} nằm ngoài phạm vi tính âm lịch (${MIN_YEAR}–${MAX_YEAR}).`);
  }
}

/**
 * The Gregorian date (yyyy-mm-dd, UTC+7) of a lunar date. `lunarYear` is the lunar year that
 * starts at the Tết of that Gregorian year. Throws RangeError for an impossible lunar date (a
 * leap month the year does not have, day 30 of a 29-day month).
 */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number, leapMonth = false): string {
  checkYear(lunarYear);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Tháng âm lịch không hợp lệ: ${lunarMonth}.`);
  }
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) {
    throw new RangeError(`Ngày âm lịch không hợp lệ: ${lunarDay}.`);
  }
  const tz = TIME_ZONE_HOURS;
  const [a11, b11] =
    lunarMonth < 11 ? [lunarMonth11(lunarYear - 1, tz), lunarMonth11(lunarYear, tz)] : [lunarMonth11(lunarYear, tz), lunarMonth11(lunarYear + 1, tz)];
  const k = floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leap = leapOff - 2;
    if (leap < 0) leap += 12;
    if (leapMonth && lunarMonth !== leap) {
      throw new RangeError(`Năm âm lịch ${lunarYear} không có tháng ${lunarMonth} nhuận.`);
    }
    if (leapMonth || off >= leapOff) off += 1;
  } else if (leapMonth) {
    throw new RangeError(`Năm âm lịch ${lunarYear} không có tháng nhuận.`);
  }
  const monthStart = newMoonDay(k + off, tz);
  const nextMonthStart = newMoonDay(k + off + 1, tz);
  const jdn = monthStart + lunarDay - 1;
  if (jdn >= nextMonthStart) {
    throw new RangeError(`Tháng ${lunarMonth}${leapMonth ? ' nhuận' : ''} năm âm lịch ${lunarYear} chỉ có ${nextMonthStart - monthStart} ngày.`);
  }
  return isoDate(jdn);
}

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named by the Gregorian year in which it starts. */
  year: number;
  leap: boolean;
}

/** The lunar date (UTC+7) of a Gregorian yyyy-mm-dd; throws RangeError for a bad date string. */
export function solarToLunar(date: string): LunarDate {
  const dayNumber = parseIsoDate(date);
  if (dayNumber === undefined) throw new RangeError(`Ngày không hợp lệ: "${date}".`);
  const yy = jdToDate(dayNumber)[2];
  checkYear(yy);
  const tz = TIME_ZONE_HOURS;
  const k = floor((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    if (diff >= leapOff) {
      month = diff + 10;
      if (diff === leapOff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/** Tết Nguyên đán (lunar 1/1) of the lunar year starting in Gregorian `year`. */
export function tetDate(year: number): string {
  return lunarToSolar(1, 1, year);
}

/** Giỗ Tổ Hùng Vương (lunar 10/3) of the lunar year starting in Gregorian `year`. */
export function gioToDate(year: number): string {
  return lunarToSolar(10, 3, year);
}
