/** The working-day calendar's years and their status (/quan-tri/lich-nghi). */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { FIRST_YEAR, LAST_YEAR } from '../calendar.service.ts';
import type { YearRow } from '../present/calendar.ts';
import { t } from '../messages.ts';

export function calendarYearsView(lang: Lang, base: string, years: readonly YearRow[]): SafeHtml {
  const L = lang;
  return html`<h1>${t(L, 'calendar.daysOffMakeUpWorking')}</h1>
<p>${t(L, 'calendar.everyDeadlinePlatformCountedWorking')}</p>
<table class="data"><caption class="visually-hidden">${t(L, 'calendar.years')}</caption><thead><tr><th scope="col">${t(L, 'calendar.year')}</th><th scope="col">${t(L, 'calendar.status')}</th><th scope="col">${t(L, 'calendar.daysOffWeekendsInsideBreaks')}</th><th scope="col">${t(L, 'calendar.makeUpDays')}</th></tr></thead>
<tbody>${years.map((y) => html`<tr><td><a href="${base}/${y.year}">${y.year}</a></td><td>${y.status}</td><td>${y.offCount}</td><td>${y.makeUpCount}</td></tr>`)}</tbody></table>
<p class="muted">${t(L, 'calendar.otherYearsOpenCalendarYear', { FIRST_YEAR, LAST_YEAR })}</p>`;
}
