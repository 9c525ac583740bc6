/** The working-day calendar's years as view models (the admin's screens) and as API objects. */
import type { Static } from 'typebox';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { YearCalendar } from '../holidays.ts';
import type { ApiYear } from '../calendar.schema.ts';
import { t } from '../messages.ts';

const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const weekday = (lang: Lang, iso: string) => t(lang, `weekday.${WEEKDAY[new Date(`${iso}T00:00:00Z`).getUTCDay()]!}`);
const dayText = (iso: string) => formatDate(new Date(`${iso}T00:00:00+07:00`));

export interface YearRow {
  year: number;
  status: string;
  offCount: number;
  makeUpCount: number;
}

export function presentYears(years: readonly YearCalendar[], lang: Lang): YearRow[] {
  return years.map((y) => ({ year: y.year, status: t(lang, `calendar.status.${y.status}`), offCount: y.off.length, makeUpCount: y.makeUp.length }));
}

export interface DayRow {
  date: string;
  weekday: string;
  name: string;
  source: string;
  makeUp: boolean;
}

export interface YearView {
  year: number;
  status: string;
  /** The admin edited it: the edit may be dropped. */
  edited: boolean;
  /** Days off, then make-up working days. */
  days: DayRow[];
}

export function presentYear(y: YearCalendar, lang: Lang): YearView {
  return {
    year: y.year,
    status: t(lang, `calendar.status.${y.status}`),
    edited: y.status === 'edited',
    days: [
      ...y.off.map((d) => ({ date: dayText(d.date), weekday: weekday(lang, d.date), name: d.name, source: d.source ?? '', makeUp: false })),
      ...y.makeUp.map((d) => ({ date: dayText(d.date), weekday: weekday(lang, d.date), name: d.name ?? '', source: '', makeUp: true })),
    ],
  };
}

export function presentApiYear(y: YearCalendar): Static<typeof ApiYear> {
  return {
    year: y.year,
    status: y.status,
    timeZone: 'Asia/Ho_Chi_Minh',
    daysOff: y.off.map((d) => ({ date: d.date, name: d.name, ...(d.source ? { source: d.source } : {}) })),
    makeUpWorkingDays: y.makeUp.map((d) => ({ date: d.date, ...(d.name ? { name: d.name } : {}) })),
  };
}
