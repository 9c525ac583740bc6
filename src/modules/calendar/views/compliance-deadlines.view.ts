/**
 * The dashboard's legal deadlines (WCAG 2.1 AA: every table has a caption and scoped headers):
 * the figures per rule, site and unit, then what is due soon and what is overdue.
 */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { ComplianceReport, Figures } from '../compliance.service.ts';
import { percent, type LineView } from '../present/compliance.ts';
import { t } from '../messages.ts';
import { tableRegion } from './table-region.ts';

function figureCells(lang: Lang, f: Figures): SafeHtml {
  return html`<td>${f.total}</td><td>${f.onTime}</td><td>${f.late}</td><td>${f.overdue}</td><td>${f.open}</td><td>${percent(f.rate, lang)}</td>`;
}

function figureHead(lang: Lang, first: string): SafeHtml {
  return html`<thead><tr><th scope="col">${first}</th><th scope="col">${t(lang, 'compliance.deadlines')}</th><th scope="col">${t(lang, 'compliance.time')}</th><th scope="col">${t(lang, 'compliance.late')}</th><th scope="col">${t(lang, 'compliance.overdueNotDone')}</th><th scope="col">${t(lang, 'compliance.notDueYet')}</th><th scope="col">${t(lang, 'compliance.timeRate')}</th></tr></thead>`;
}

function deadlineTable(lang: Lang, caption: string, lines: readonly LineView[], kind: 'soon' | 'overdue', multiSite: boolean): SafeHtml {
  return tableRegion(
    caption,
    html`<table class="data"><caption>${caption}</caption>
<thead><tr><th scope="col">${t(lang, 'compliance.due')}</th><th scope="col">${kind === 'soon' ? t(lang, 'compliance.left') : t(lang, 'compliance.overdue')}</th><th scope="col">${t(lang, 'compliance.item2')}</th><th scope="col">${t(lang, 'compliance.rule')}</th>${multiSite ? html`<th scope="col">${t(lang, 'compliance.site')}</th>` : ''}</tr></thead>
<tbody>${lines.map(
      (l) =>
        html`<tr><td>${l.due}</td><td>${l.left}</td><td>${l.subject.href ? html`<a href="${l.subject.href}">${l.subject.text}</a>` : l.subject.text}</td><td><strong>${l.ruleCode}</strong> ${l.ruleLabel}</td>${multiSite ? html`<td>${l.site}</td>` : ''}</tr>`,
    )}</tbody></table>`,
  );
}

export function deadlinesSection(lang: Lang, report: ComplianceReport, period: string, dueSoon: readonly LineView[], overdue: readonly LineView[]): SafeHtml {
  const multi = report.sites.length > 1;
  const p = period;
  return html`<h2 id="thoi-han">${t(lang, 'compliance.legalPublishingDeadlines')}</h2>
<p>${t(lang, 'compliance.deadlinesDueTimeRateTime', { p })}</p>
${tableRegion(
  t(lang, 'compliance.resultsRule'),
  html`<table class="data"><caption>${t(lang, 'compliance.resultsRule2', { p })}</caption>
${figureHead(lang, t(lang, 'compliance.rule'))}
<tbody>${report.rules.map((r) => html`<tr><th scope="row"><strong>${r.code}</strong> ${r.label}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">${t(lang, 'compliance.overall')}</th>${figureCells(lang, report.overall)}</tr></tfoot></table>`,
)}
${report.rules.length === 0 ? html`<p>${t(lang, 'compliance.noDeadlineFallsDuePeriod')}</p>` : ''}
${
  multi
    ? tableRegion(
        t(lang, 'compliance.resultsSite'),
        html`<table class="data"><caption>${t(lang, 'compliance.resultsSite2', { p })}</caption>
${figureHead(lang, t(lang, 'compliance.site'))}
<tbody>${report.bySite.map((r) => html`<tr><th scope="row">${r.site.name}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody></table>`,
      )
    : ''
}
${
  report.byUnit.length > 0
    ? tableRegion(
        t(lang, 'compliance.resultsUnit'),
        html`<table class="data"><caption>${t(lang, 'compliance.resultsUnitProvidersUnitAgency', { p })}</caption>
${figureHead(lang, t(lang, 'common.unit'))}
<tbody>${report.byUnit.map((r) => html`<tr><th scope="row">${r.unit || t(lang, 'compliance.noUnit')}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody></table>`,
      )
    : ''
}
<h2 id="sap-den-han">${t(lang, 'compliance.dueSoon')}</h2>
${
  dueSoon.length
    ? deadlineTable(
        lang,
        t(lang, 'compliance.notDoneDueWithinWorking', { soonDays: report.soonDays, formatDateTime: formatDateTime(report.soonUntil) }),
        dueSoon,
        'soon',
        multi,
      )
    : html`<p>${t(lang, 'compliance.nothingFallsDueNextWorking', { soonDays: report.soonDays })}</p>`
}
<h2 id="qua-han">${t(lang, 'compliance.overdue2')}</h2>
${overdue.length ? deadlineTable(lang, t(lang, 'compliance.pastDueNotDoneAny'), overdue, 'overdue', multi) : html`<p>${t(lang, 'compliance.nothingOverdue')}</p>`}`;
}
