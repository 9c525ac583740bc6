/** An item's legal deadline on its admin page: when, under which rule, how it was counted, and the outcome. */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { DeadlineView } from '../content.present.ts';
import { t } from '../messages.ts';

function lateness(lang: Lang, seconds: number): string {
  const hours = Math.round(seconds / 3600);
  return hours < 48 ? t(lang, 'deadline.h', { hours }) : t(lang, 'deadline.days', { round: Math.round(hours / 24) });
}

function statusOf(lang: Lang, d: DeadlineView): SafeHtml {
  switch (d.status.kind) {
    case 'late':
      return html`<strong class="badge">${t(lang, 'deadline.late', { lateness: lateness(lang, d.status.seconds) })}</strong>`;
    case 'on_time':
      return html`<strong>${t(lang, 'deadline.time')}</strong>`;
    case 'overdue':
      return html`<strong class="badge">${t(lang, 'deadline.overdueNotPublished')}</strong>`;
    default:
      return html`${t(lang, 'deadline.open')}`;
  }
}

export function deadlineSection(lang: Lang, rows: readonly DeadlineView[]): SafeHtml | '' {
  if (rows.length === 0) return '';
  return html`<section aria-labelledby="thoi-han"><h2 id="thoi-han">${t(lang, 'deadline.publicationDeadline')}</h2>
${rows.map(
  (d) => html`<dl class="facts">
<dt>${t(lang, 'deadline.rule')}</dt><dd>${d.rule}</dd>
<dt>${t(lang, 'deadline.countedFrom')}</dt><dd>${formatDateTime(d.triggerAt)}</dd>
<dt>${t(lang, 'deadline.due')}</dt><dd><time datetime="${d.dueAt.toISOString()}">${formatDateTime(d.dueAt)}</time></dd>
<dt>${t(lang, 'deadline.status')}</dt><dd>${statusOf(lang, d)}${d.metAt ? html` (${t(lang, 'deadline.published')} ${formatDateTime(d.metAt)})` : ''}</dd>
</dl>
<details><summary>${t(lang, 'deadline.howWasComputed')}</summary><p>${d.explanation}</p>
${d.skipped.length > 0 ? html`<ul>${d.skipped.map((sk) => html`<li>${formatDate(sk.day)}: ${sk.reason}</li>`)}</ul>` : ''}</details>`,
)}
</section>`;
}
