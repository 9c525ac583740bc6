/**
 * One year of the calendar (/quan-tri/lich-nghi/<year>): the days off and make-up working days in
 * force, and the form that replaces them, a line per day or range (day-lines.ts).
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput, inputControl, textareaControl } from '../../../platform/views/form-controls.ts';
import type { YearForm } from '../calendar.schema.ts';
import type { YearView } from '../present/calendar.ts';
import { t } from '../messages.ts';

export function calendarYearView(lang: Lang, base: string, y: YearView, form: FormState<typeof YearForm>, csrf: string): SafeHtml {
  const L = lang;
  const { values: v, errors: e } = form;
  return html`<h1>${t(L, 'calendar.calendar', { year: y.year })}</h1>
<p><strong>${y.status}</strong></p>
<table class="data"><caption>${t(L, 'calendar.daysOffForceBesidesOrdinary')}</caption>
<thead><tr><th scope="col">${t(L, 'common.date')}</th><th scope="col">${t(L, 'calendar.day')}</th><th scope="col">${t(L, 'calendar.name')}</th><th scope="col">${t(L, 'common.source')}</th></tr></thead>
<tbody>${y.days.map((d) =>
    d.makeUp
      ? html`<tr><td>${d.date}</td><td>${d.weekday}</td><td><strong>${t(L, 'calendar.makeUpWorkingDay')}</strong> ${d.name}</td><td></td></tr>`
      : html`<tr><td>${d.date}</td><td>${d.weekday}</td><td>${d.name}</td><td>${d.source}</td></tr>`,
  )}</tbody></table>
<form method="post" action="${base}/${y.year}">
${csrfInput(csrf)}
${textareaControl({ name: 'off', label: t(L, 'calendar.daysOffOneDayRange'), hint: t(L, 'calendar.daysOffExample'), rows: 14, value: v.off, error: e.off })}
${textareaControl({ name: 'makeUp', id: 'f-makeup', label: t(L, 'calendar.makeUpWorkingDaysSaturday'), rows: 3, value: v.makeUp, error: e.makeUp })}
${inputControl({ name: 'source', label: t(L, 'calendar.whatChangeBasedDocumentAnnouncement'), value: v.source, maxlength: 300, required: true, error: e.source })}
<p><button type="submit" name="action" value="save">${t(L, 'calendar.saveRecomputeDeadlines')}</button>
${y.edited ? html` <button type="submit" name="action" value="reset" class="secondary">${t(L, 'calendar.dropEditUseAnnouncedProvisional')}</button>` : ''}</p>
</form>
<p><a href="${base}">${t(L, 'calendar.allYears')}</a></p>`;
}
