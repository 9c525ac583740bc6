/** The queues of the editorial board: awaiting editing, awaiting approval, returned (one's own), scheduled. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { QueueRowView } from '../content.present.ts';
import { t } from '../messages.ts';

export interface QueueSection {
  id: string;
  title: string;
  rows: readonly QueueRowView[];
  empty: string;
  note?: string;
}

export function queuesPage(
  lang: Lang,
  v: { title: string; siteName: string; oneStep: boolean; sections: readonly QueueSection[]; readOnly?: boolean },
): SafeHtml {
  const L = lang;
  return html`<h1>${v.title}</h1>
${v.readOnly ? html`<p class="notice" id="chi-xem">${t(L, 'desk.oversightReadOnly')}</p>` : ''}
<p>${t(L, 'desk.site')} <strong>${v.siteName}</strong>; ${v.oneStep ? t(L, 'desk.oneApprovalStep') : t(L, 'desk.twoApprovalStepsEditingThen')}</p>
${queueSections(L, v.sections)}`;
}

function queueSections(lang: Lang, sections: readonly QueueSection[]): SafeHtml {
  const L = lang;
  return html`${sections.map(
    (s) => html`<section aria-labelledby="${s.id}" class="queue">
<h2 id="${s.id}">${s.title} <span class="count">(${s.rows.length})</span></h2>
${s.note ? html`<p class="muted">${s.note}</p>` : ''}
${
  s.rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${s.id}"><table class="data">
<thead><tr><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.type')}</th><th scope="col">${s.id === 'da-len-lich' ? t(L, 'common.publish') : t(L, 'lists.updated')}</th></tr></thead>
<tbody>${s.rows.map((r) => html`<tr><th scope="row">${r.href ? html`<a href="${r.href}">${r.title}</a>` : r.title}</th><td>${r.typeLabel}</td><td>${formatDateTime(r.date)}</td></tr>`)}</tbody></table></div>`
    : html`<p>${s.empty}</p>`
}
</section>`,
  )}`;
}
