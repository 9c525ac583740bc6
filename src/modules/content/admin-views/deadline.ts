/** An item's legal deadline on its admin page: when, under which rule, how it was counted, and the outcome. */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { DeadlineRow } from '../../calendar/index.ts';
import { t } from '../messages.ts';

function lateness(lang: Lang, seconds: number): string {
  const hours = Math.round(seconds / 3600);
  return hours < 48 ? t(lang, 'deadline.h', { hours }) : t(lang, 'deadline.days', { round: Math.round(hours / 24) });
}

export function deadlineSection(lang: Lang, rows: readonly DeadlineRow[], now: Date): SafeHtml | '' {
  if (rows.length === 0) return '';
  return html`<section aria-labelledby="thoi-han"><h2 id="thoi-han">${t(lang, 'deadline.publicationDeadline')}</h2>
${rows.map((d) => {
  const due = new Date(d.due_at);
  const status = d.met_at
    ? d.late_seconds && d.late_seconds > 0
      ? html`<strong class="badge">${t(lang, 'deadline.late', { lateness: lateness(lang, d.late_seconds) })}</strong>`
      : html`<strong>${t(lang, 'deadline.time')}</strong>`
    : due < now
      ? html`<strong class="badge">${t(lang, 'deadline.overdueNotPublished')}</strong>`
      : html`${t(lang, 'deadline.open')}`;
  return html`<dl class="facts">
<dt>${t(lang, 'deadline.rule')}</dt><dd>${d.rule_code}: ${d.rule_label}</dd>
<dt>${t(lang, 'deadline.countedFrom')}</dt><dd>${formatDateTime(new Date(d.trigger_at))}</dd>
<dt>${t(lang, 'deadline.due')}</dt><dd><time datetime="${due.toISOString()}">${formatDateTime(due)}</time></dd>
<dt>${t(lang, 'deadline.status')}</dt><dd>${status}${d.met_at ? html` (${t(lang, 'deadline.published')} ${formatDateTime(new Date(d.met_at))})` : ''}</dd>
</dl>
<details><summary>${t(lang, 'deadline.howWasComputed')}</summary><p>${d.explanation.text}</p>
${d.explanation.skipped.length > 0 ? html`<ul>${d.explanation.skipped.map((sk) => html`<li>${formatDate(new Date(`${sk.date}T00:00:00+07:00`))}: ${sk.reason}</li>`)}</ul>` : ''}</details>`;
})}
</section>`;
}
