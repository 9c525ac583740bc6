/**
 * The compliance dashboard: the sites and period shown, the filters (a GET form: the address
 * can be bookmarked and shared), the links to download the figures, and the report's sections.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { checkboxControl, inputControl, selectControl, type Option } from '../../../platform/views/form-controls.ts';
import type { ComplianceReport } from '../compliance.service.ts';
import type { SlotSettings } from '../frequency.ts';
import type { LineView } from '../present/compliance.ts';
import { t } from '../messages.ts';
import { deadlinesSection } from './compliance-deadlines.view.ts';
import { frequencySection, type MonthView } from './compliance-frequency.view.ts';

export interface ComplianceFilterForm {
  action: string;
  from: string;
  to: string;
  soon: string;
  maxSoon: number;
  /** The working site is a portal: its component sites may be included. */
  canIncludeComponents: boolean;
  withComponents: boolean;
  /** The sites whose month calendar may be shown (when more than one). */
  calendarSites: readonly Option[];
  calendarSite: string;
  /** The month asked for, kept when the filters change. */
  month: string | undefined;
}

export interface ComplianceScreen {
  title: string;
  siteNames: string;
  period: string;
  form: ComplianceFilterForm;
  /** The report and what goes with it; absent when the filters cannot be used. */
  report?: {
    report: ComplianceReport;
    dueSoon: readonly LineView[];
    overdue: readonly LineView[];
    slots: SlotSettings;
    month: MonthView;
    csvHref: string;
    xlsxHref: string;
  };
}

function filterForm(lang: Lang, f: ComplianceFilterForm): SafeHtml {
  return html`<form method="get" action="${f.action}" class="filters">
${inputControl({ name: 'tu', label: t(lang, 'compliance.from'), type: 'date', value: f.from, required: true })}
${inputControl({ name: 'den', label: t(lang, 'compliance.to'), type: 'date', value: f.to, required: true })}
${inputControl({ name: 'so_ngay', label: t(lang, 'compliance.dueSoonWithinWorkingDays'), type: 'number', step: '1', inputmode: 'numeric', value: f.soon, attrs: html` min="0" max="${f.maxSoon}"` })}
${f.canIncludeComponents ? checkboxControl({ name: 'gom', label: t(lang, 'compliance.includeComponentSites'), checked: f.withComponents }) : ''}
${f.calendarSites.length > 1 ? selectControl({ name: 'lich', label: t(lang, 'compliance.monthCalendar2'), value: f.calendarSite, options: f.calendarSites }) : ''}
${f.month ? html`<input type="hidden" name="thang" value="${f.month}">` : ''}
<p><button type="submit">${t(lang, 'compliance.show')}</button></p>
</form>`;
}

export function complianceView(lang: Lang, s: ComplianceScreen): SafeHtml {
  const r = s.report;
  return html`<h1>${s.title}</h1>
<p>${s.siteNames} — ${t(lang, 'compliance.period2')} ${s.period}</p>
${filterForm(lang, s.form)}
${r ? html`<p>${t(lang, 'compliance.downloadTheseFigures')}: <a href="${r.csvHref}" download>CSV</a> · <a href="${r.xlsxHref}" download>${t(lang, 'compliance.excelXlsx')}</a></p>` : ''}
${
  r
    ? html`${deadlinesSection(lang, r.report, s.period, r.dueSoon, r.overdue)}
${frequencySection(lang, r.report, s.period, r.slots, r.month)}`
    : ''
}`;
}

/** The platform has no site yet: nothing to count. */
export function noSiteView(lang: Lang, title: string): SafeHtml {
  return html`<h1>${title}</h1><p>${t(lang, 'compliance.platformHasNoSiteYet')}</p>`;
}
