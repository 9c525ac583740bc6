/** The oversight dashboard, its dashboard card, and the oversight grants of an account. */
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { csrfInput, selectControl, type Option } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';

export interface OversightRow {
  name: string;
  code: string;
  waiting: number;
  overdueReviews: number;
  openInquiries: number;
  overdueInquiries: number;
  overdueDeadlines: number;
  /** On-time rate of the quarter, 0..1; null when nothing is decided yet. */
  rate: number | null;
  queuesHref: string;
  complianceHref: string;
  inquiriesHref: string;
}

export function dashboardMain(lang: Lang, rows: readonly OversightRow[]): SafeHtml {
  const title = t(lang, 'oversight.title');
  if (rows.length === 0) return html`<h1>${title}</h1><p>${t(lang, 'oversight.none')}</p>`;
  const pct = (r: number | null) => (r === null ? t(lang, 'oversight.noRate') : `${Math.round(r * 100)}%`);
  return html`<h1>${title}</h1>
<p>${t(lang, 'oversight.intro')}</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="giam-sat-cap"><table class="data" id="bang-giam-sat"><caption id="giam-sat-cap" class="visually-hidden">${title}</caption>
<thead><tr><th scope="col">${t(lang, 'oversight.site')}</th><th scope="col">${t(lang, 'oversight.waiting')}</th><th scope="col">${t(lang, 'oversight.overdueReviews')}</th><th scope="col">${t(lang, 'oversight.openInquiries')}</th><th scope="col">${t(lang, 'oversight.overdueInquiries')}</th><th scope="col">${t(lang, 'oversight.overdueDeadlines')}</th><th scope="col">${t(lang, 'oversight.onTimeRate')}</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      html`<tr data-site="${r.code}"><th scope="row">${r.name}<br><a href="${r.queuesHref}">${t(lang, 'oversight.openQueues')}<span class="visually-hidden"> — ${r.name}</span></a> · <a href="${r.inquiriesHref}">${t(lang, 'oversight.openInquiriesList')}<span class="visually-hidden"> — ${r.name}</span></a> · <a href="${r.complianceHref}">${t(lang, 'oversight.openCompliance')}<span class="visually-hidden"> — ${r.name}</span></a></th><td data-col="waiting">${r.waiting}</td><td data-col="overdue-reviews">${r.overdueReviews}</td><td data-col="open-inquiries">${r.openInquiries}</td><td data-col="overdue-inquiries">${r.overdueInquiries}</td><td data-col="overdue-deadlines">${r.overdueDeadlines}</td><td data-col="rate">${pct(r.rate)}</td></tr>`,
  )}</tbody></table></div>`;
}

export function oversightCard(lang: Lang, count: number, href: string): SafeHtml {
  return html`<section class="card" aria-labelledby="db-oversight"><h2 id="db-oversight">${t(lang, 'oversight.title')}</h2>
<p>${t(lang, 'oversight.cardText', { count })}</p><p><a href="${href}">${t(lang, 'oversight.cardLink')}</a></p></section>`;
}

export interface GrantLine {
  id: number;
  siteName: string;
  createdAt: Date;
  inForce: boolean;
}

/** The account's oversight grants, each revocable, and the form that grants one. */
export function grantsSection(
  lang: Lang,
  v: { action: string; csrf: string; grants: readonly GrantLine[]; sites: readonly Option[]; errors: FieldErrors },
): SafeHtml {
  const op = (what: string) => html`${csrfInput(v.csrf)}<input type="hidden" name="thao-tac" value="${what}">`;
  return html`<section aria-labelledby="giam-sat" id="quyen-giam-sat"><h2 id="giam-sat">${t(lang, 'oversight.section')}</h2>
<p class="hint">${t(lang, 'oversight.sectionHint')}</p>
${
  v.grants.length
    ? html`<ul>${v.grants.map(
        (g) =>
          html`<li>${t(lang, 'oversight.grantOf', { site: g.siteName, date: formatDate(g.createdAt) })}${g.inForce ? '' : html` <em>${t(lang, 'oversight.lapsed')}</em>`}
<form method="post" action="${v.action}" class="inline">${op('thu-hoi')}<input type="hidden" name="grant" value="${g.id}"><button type="submit" class="secondary">${t(lang, 'oversight.revoke')}<span class="visually-hidden"> ${g.siteName}</span></button></form></li>`,
      )}</ul>`
    : html`<p>${t(lang, 'oversight.noGrants')}</p>`
}
<form method="post" action="${v.action}" class="form" novalidate>
${op('cap')}
${selectControl({ name: 'trang', label: t(lang, 'oversight.parentSite'), options: v.sites, error: v.errors.trang })}
<p><button type="submit" class="secondary">${t(lang, 'oversight.grant')}</button></p>
</form></section>`;
}
