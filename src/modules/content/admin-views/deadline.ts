/** An item's legal deadline on its admin page: when, under which rule, how it was counted, and the outcome. */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { tr } from '../../../platform/views/admin-shell.ts';
import type { DeadlineRow } from '../../calendar/index.ts';

function lateness(lang: Lang, seconds: number): string {
  const hours = Math.round(seconds / 3600);
  return hours < 48 ? tr(lang, `${hours} giờ`, `${hours} h`) : tr(lang, `${Math.round(hours / 24)} ngày`, `${Math.round(hours / 24)} days`);
}

export function deadlineSection(lang: Lang, rows: readonly DeadlineRow[], now: Date): SafeHtml | '' {
  if (rows.length === 0) return '';
  return html`<section aria-labelledby="thoi-han"><h2 id="thoi-han">${tr(lang, 'Thời hạn đăng', 'Publication deadline')}</h2>
${rows.map((d) => {
  const due = new Date(d.due_at);
  const status = d.met_at
    ? d.late_seconds && d.late_seconds > 0
      ? html`<strong class="badge">${tr(lang, `Trễ hạn ${lateness(lang, d.late_seconds)}`, `Late by ${lateness(lang, d.late_seconds)}`)}</strong>`
      : html`<strong>${tr(lang, 'Đúng hạn', 'On time')}</strong>`
    : due < now
      ? html`<strong class="badge">${tr(lang, 'Quá hạn, chưa đăng', 'Overdue, not published')}</strong>`
      : html`${tr(lang, 'Còn hạn', 'Open')}`;
  return html`<dl class="facts">
<dt>${tr(lang, 'Quy tắc', 'Rule')}</dt><dd>${d.rule_code}: ${d.rule_label}</dd>
<dt>${tr(lang, 'Tính từ', 'Counted from')}</dt><dd>${formatDateTime(new Date(d.trigger_at))}</dd>
<dt>${tr(lang, 'Hạn', 'Due')}</dt><dd><time datetime="${due.toISOString()}">${formatDateTime(due)}</time></dd>
<dt>${tr(lang, 'Tình trạng', 'Status')}</dt><dd>${status}${d.met_at ? html` (${tr(lang, 'đăng lúc', 'published')} ${formatDateTime(new Date(d.met_at))})` : ''}</dd>
</dl>
<details><summary>${tr(lang, 'Cách tính', 'How it was computed')}</summary><p>${d.explanation.text}</p>
${d.explanation.skipped.length > 0 ? html`<ul>${d.explanation.skipped.map((sk) => html`<li>${formatDate(new Date(`${sk.date}T00:00:00+07:00`))}: ${sk.reason}</li>`)}</ul>` : ''}</details>`;
})}
</section>`;
}
