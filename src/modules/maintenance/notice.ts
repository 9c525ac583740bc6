/**
 * The notice period of a maintenance window, counted on the calendar module's working days:
 * N whole working days after the day of the announcement, so the window may start at 00:00 of
 * the day after the N-th. Pure (the calendar and the clock are given), with the explanation.
 */
import type { WorkingCalendar } from '../calendar/index.ts';
import { formatDate, type Lang } from '../../platform/i18n/index.ts';
import { t } from './messages.ts';

export interface NoticeCheck {
  earliest: Date;
  explanation: string;
}

const DAY_MS = 86_400_000;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function noticeCheck(calendar: WorkingCalendar, now: Date, days: number, lang: Lang): NoticeCheck {
  const due = calendar.addWorkingDays(now, days);
  const earliest = new Date(due.due.getTime() + 1);
  const weekend = due.skipped.filter((s) => s.reason === 'Thứ Bảy' || s.reason === 'Chủ nhật').length;
  const runs: { reason: string; from: string; to: string }[] = [];
  for (const s of due.skipped) {
    if (s.reason === 'Thứ Bảy' || s.reason === 'Chủ nhật') continue;
    const last = runs.at(-1);
    if (last && last.reason === s.reason) last.to = s.date;
    else runs.push({ reason: s.reason, from: s.date, to: s.date });
  }
  const parts = [
    ...(weekend ? [t(lang, 'notice.weekend', { n: weekend })] : []),
    ...runs.map((r) => `${r.reason} (${r.from === r.to ? dmy(r.from) : `${dmy(r.from)}–${dmy(r.to)}`})`),
  ];
  // Make-up days: weekend days inside the period that the calendar counts as working days.
  const makeUp: string[] = [];
  for (let d = new Date(now.getTime() + DAY_MS); d.getTime() <= due.due.getTime(); d = new Date(d.getTime() + DAY_MS)) {
    const iso = `${formatDate(d).slice(6, 10)}-${formatDate(d).slice(3, 5)}-${formatDate(d).slice(0, 2)}`;
    const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
    if ((wd === 0 || wd === 6) && calendar.isWorkingDay(iso)) makeUp.push(dmy(iso));
  }
  const explanation = [
    t(lang, 'notice.tooSoon', { days, today: formatDate(now), earliest: formatDate(earliest) }),
    parts.length ? t(lang, 'notice.skipped', { list: parts.join('; ') }) : '',
    makeUp.length ? t(lang, 'notice.makeUp', { dates: makeUp.join(', ') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { earliest, explanation };
}
