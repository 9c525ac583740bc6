/**
 * The compliance dashboard as HTML (WCAG 2.1 AA: every table has a caption and scoped headers;
 * every ✓/✗ has its words for screen readers and a legend; nothing is said by colour alone) and
 * as the tables of its CSV/XLSX export, the same figures in both.
 */
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { adminHref } from '../../accounts/index.ts';
import type { ComplianceReport, ComplianceSite, DeadlineLine, Figures, Period } from '../compliance.service.ts';
import type { FrequencyResult, Slot, SlotResult, SlotSettings } from '../frequency.ts';
import type { Cell, Table } from '../xlsx.ts';
import { t } from '../messages.ts';

/** The month calendar's columns: weeks start on Monday. */
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const STATE: Record<SlotResult['state'], { mark: string; badge: string }> = {
  met: { mark: '✓', badge: 'badge-ok' },
  missed: { mark: '✗', badge: 'badge-off' },
  pending: { mark: '…', badge: 'badge-warn' },
  'not-required': { mark: '–', badge: '' },
};
const slotName = (lang: Lang, slot: Slot) => t(lang, `compliance.slot.${slot}`);
const stateName = (lang: Lang, state: SlotResult['state']) => t(lang, `compliance.state.${state}`);

const dayText = (iso: string) => formatDate(new Date(`${iso}T00:00:00+07:00`));
export const periodText = (p: Period) => `${dayText(p.from)}–${dayText(p.to)}`;

export function percent(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
const percentCell = (rate: number | null): Cell => (rate === null ? null : Math.round(rate * 1000) / 10);

/** "2 ngày 3 giờ", "45 phút"; "2 days 3 hours". */
export function duration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const part = (n: number, unit: 'day' | 'hour' | 'minute') => t(lang, n === 1 ? `compliance.one.${unit}` : `compliance.many.${unit}`, { n });
  if (d > 0) return [part(d, 'day'), h ? part(h, 'hour') : ''].filter(Boolean).join(' ');
  if (h > 0) return [part(h, 'hour'), m ? part(m, 'minute') : ''].filter(Boolean).join(' ');
  return part(m, 'minute');
}

// A citizen's request has one deadline per stage (modules/inquiries: inquiry_forward, inquiry_answer…).
const INQUIRY_STAGES = ['inquiry_forward', 'inquiry_scope', 'inquiry_answer', 'inquiry_promised'] as const;
type InquiryStage = (typeof INQUIRY_STAGES)[number];
const isInquiryStage = (type: string): type is InquiryStage => (INQUIRY_STAGES as readonly string[]).includes(type);
const subjectHref = (lang: Lang, l: DeadlineLine): string | undefined =>
  l.subjectType === 'content'
    ? adminHref(lang, 'content', `/${l.subjectId}`)
    : isInquiryStage(l.subjectType)
      ? adminHref(lang, 'inquiries', `/${l.subjectId}`)
      : undefined;
function subjectName(lang: Lang, l: DeadlineLine): string {
  if (l.title) return l.title;
  if (l.subjectType === 'content') return t(lang, 'compliance.item', { subjectId: l.subjectId });
  if (isInquiryStage(l.subjectType)) return t(lang, 'compliance.inquiry', { id: l.subjectId, stage: t(lang, `compliance.stage.${l.subjectType}`) });
  return `${l.subjectType} #${l.subjectId}`;
}

function subjectLink(lang: Lang, l: DeadlineLine): SafeHtml {
  const href = subjectHref(lang, l);
  return href ? html`<a href="${href}">${subjectName(lang, l)}</a>` : html`${subjectName(lang, l)}`;
}

function wrap(_lang: Lang, label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}

function figureCells(lang: Lang, f: Figures): SafeHtml {
  return html`<td>${f.total}</td><td>${f.onTime}</td><td>${f.late}</td><td>${f.overdue}</td><td>${f.open}</td><td>${percent(f.rate, lang)}</td>`;
}

function figureHead(lang: Lang, first: string): SafeHtml {
  return html`<thead><tr><th scope="col">${first}</th><th scope="col">${t(lang, 'compliance.deadlines')}</th><th scope="col">${t(lang, 'compliance.time')}</th><th scope="col">${t(lang, 'compliance.late')}</th><th scope="col">${t(lang, 'compliance.overdueNotDone')}</th><th scope="col">${t(lang, 'compliance.notDueYet')}</th><th scope="col">${t(lang, 'compliance.timeRate')}</th></tr></thead>`;
}

function deadlineTable(lang: Lang, caption: string, lines: readonly DeadlineLine[], kind: 'soon' | 'overdue', multiSite: boolean, now: Date): SafeHtml {
  return wrap(
    lang,
    caption,
    html`<table class="data"><caption>${caption}</caption>
<thead><tr><th scope="col">${t(lang, 'compliance.due')}</th><th scope="col">${kind === 'soon' ? t(lang, 'compliance.left') : t(lang, 'compliance.overdue')}</th><th scope="col">${t(lang, 'compliance.item2')}</th><th scope="col">${t(lang, 'compliance.rule')}</th>${multiSite ? html`<th scope="col">${t(lang, 'compliance.site')}</th>` : ''}</tr></thead>
<tbody>${lines.map(
      (l) =>
        html`<tr><td>${formatDateTime(l.dueAt)}</td><td>${
          kind === 'soon'
            ? l.workingDaysLeft <= 0
              ? t(lang, 'compliance.dueToday')
              : t(lang, l.workingDaysLeft === 1 ? 'compliance.oneWorkingDay' : 'compliance.workingDays', { n: l.workingDaysLeft })
            : duration((now.getTime() - l.dueAt.getTime()) / 1000, lang)
        }</td><td>${subjectLink(lang, l)}</td><td><strong>${l.ruleCode}</strong> ${l.ruleLabel}</td>${multiSite ? html`<td>${l.site.name}</td>` : ''}</tr>`,
    )}</tbody></table>`,
  );
}

function slotMark(lang: Lang, slot: SlotResult): SafeHtml {
  const st = STATE[slot.state];
  const words = `${slotName(lang, slot.slot)}: ${stateName(lang, slot.state)}${slot.updates > 1 ? t(lang, 'compliance.items', { updates: slot.updates }) : ''}`;
  return html`<li><span aria-hidden="true">${slotName(lang, slot.slot)} <span class="badge ${st.badge}">${st.mark}</span></span><span class="visually-hidden">${words}</span></li>`;
}

/** The month as a calendar: a row per week, a cell per day with each slot of the rule. */
export function monthTable(lang: Lang, site: ComplianceSite, month: string, result: FrequencyResult): SafeHtml {
  const first = result.days[0]!;
  const lead = (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (SafeHtml | null)[] = [...Array.from({ length: lead }, () => null)];
  for (const d of result.days) {
    const day = Number(d.date.slice(8, 10));
    cells.push(html`<td><time datetime="${d.date}"><strong>${day}</strong></time>${d.workingDay ? '' : html` <span class="muted">${t(lang, 'compliance.dayOff')}</span>`}
${d.required ? html`<ul class="plain">${d.slots.map((s) => slotMark(lang, s))}</ul>` : html`<p class="muted">${t(lang, 'compliance.notRequired')}</p>`}</td>`);
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (SafeHtml | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const [y, m] = month.split('-');
  const caption = t(lang, result.kind === 'component' ? 'compliance.monthCaptionComponent' : 'compliance.monthCaptionPortal', {
    month: `${m}/${y}`,
    site: site.name,
    rule: result.rule,
    slots: result.slotNames.map((s) => slotName(lang, s).toLowerCase()).join(', '),
  });
  return wrap(
    lang,
    caption,
    html`<table class="data month"><caption>${caption}</caption>
<thead><tr>${WEEK.map((w) => html`<th scope="col">${t(lang, `weekday.${w}`)}</th>`)}</tr></thead>
<tbody>${weeks.map((w) => html`<tr>${w.map((c) => c ?? raw('<td></td>'))}</tr>`)}</tbody></table>`,
  );
}

export function slotLegend(lang: Lang, slots: SlotSettings): SafeHtml {
  return html`<p>${t(lang, 'compliance.slotsVietNamTime')}: ${(['morning', 'afternoon', 'evening'] as const).map((s, i) => html`${i ? ', ' : ''}${slotName(lang, s)} ${slots[s].from}–${slots[s].to}`)}.
${t(lang, 'compliance.updateItemFirstPublishedWithin')}</p>
<p>${t(lang, 'compliance.legend')}: ${(['met', 'missed', 'pending', 'not-required'] as const).map((k, i) => html`${i ? '; ' : ''}<span class="badge ${STATE[k].badge}">${STATE[k].mark}</span> ${stateName(lang, k)}`)}.</p>`;
}

export interface PageInput {
  lang: Lang;
  report: ComplianceReport;
  /** The month view: which site, which month, its result; and links to the months around it. */
  month: { site: ComplianceSite; month: string; result: FrequencyResult; prevHref: string; nextHref: string };
  slots: SlotSettings;
}

export function reportSections(input: PageInput): SafeHtml {
  const { lang, report, month } = input;
  const multi = report.sites.length > 1;
  const p = periodText(report.period);
  return html`<h2 id="thoi-han">${t(lang, 'compliance.legalPublishingDeadlines')}</h2>
<p>${t(lang, 'compliance.deadlinesDueTimeRateTime', { p })}</p>
${wrap(
  lang,
  t(lang, 'compliance.resultsRule'),
  html`<table class="data"><caption>${t(lang, 'compliance.resultsRule2', { p })}</caption>
${figureHead(lang, t(lang, 'compliance.rule'))}
<tbody>${report.rules.map((r) => html`<tr><th scope="row"><strong>${r.code}</strong> ${r.label}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">${t(lang, 'compliance.overall')}</th>${figureCells(lang, report.overall)}</tr></tfoot></table>`,
)}
${report.rules.length === 0 ? html`<p>${t(lang, 'compliance.noDeadlineFallsDuePeriod')}</p>` : ''}
${
  multi
    ? wrap(
        lang,
        t(lang, 'compliance.resultsSite'),
        html`<table class="data"><caption>${t(lang, 'compliance.resultsSite2', { p })}</caption>
${figureHead(lang, t(lang, 'compliance.site'))}
<tbody>${report.bySite.map((r) => html`<tr><th scope="row">${r.site.name}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody></table>`,
      )
    : ''
}
${
  report.byUnit.length > 0
    ? wrap(
        lang,
        t(lang, 'compliance.resultsUnit'),
        html`<table class="data"><caption>${t(lang, 'compliance.resultsUnitProvidersUnitAgency', { p })}</caption>
${figureHead(lang, t(lang, 'common.unit'))}
<tbody>${report.byUnit.map((r) => html`<tr><th scope="row">${r.unit || t(lang, 'compliance.noUnit')}</th>${figureCells(lang, r.figures)}</tr>`)}</tbody></table>`,
      )
    : ''
}
<h2 id="sap-den-han">${t(lang, 'compliance.dueSoon')}</h2>
${
  report.dueSoon.length
    ? deadlineTable(
        lang,
        t(lang, 'compliance.notDoneDueWithinWorking', { soonDays: report.soonDays, formatDateTime: formatDateTime(report.soonUntil) }),
        report.dueSoon,
        'soon',
        multi,
        report.now,
      )
    : html`<p>${t(lang, 'compliance.nothingFallsDueNextWorking', { soonDays: report.soonDays })}</p>`
}
<h2 id="qua-han">${t(lang, 'compliance.overdue2')}</h2>
${
  report.overdue.length
    ? deadlineTable(lang, t(lang, 'compliance.pastDueNotDoneAny'), report.overdue, 'overdue', multi, report.now)
    : html`<p>${t(lang, 'compliance.nothingOverdue')}</p>`
}
<h2 id="tan-suat">${t(lang, 'compliance.updateFrequency')}</h2>
<p>${t(lang, 'compliance.dl10PortalUpdatesLeast')}</p>
${slotLegend(lang, input.slots)}
${wrap(
  lang,
  t(lang, 'compliance.frequencySite'),
  html`<table class="data"><caption>${t(lang, 'compliance.requiredSlots', { p })}</caption>
<thead><tr><th scope="col">${t(lang, 'compliance.site')}</th><th scope="col">${t(lang, 'compliance.rule')}</th><th scope="col">${t(lang, 'compliance.updated')}</th><th scope="col">${t(lang, 'compliance.noUpdate')}</th><th scope="col">${t(lang, 'compliance.notOverYet')}</th><th scope="col">${t(lang, 'compliance.rate')}</th><th scope="col">${t(lang, 'compliance.fullDaysDaysOver')}</th></tr></thead>
<tbody>${report.frequency.map((f) => html`<tr><th scope="row">${f.site.name}</th><td>${f.result.rule}</td><td>${f.result.met}</td><td>${f.result.missed}</td><td>${f.result.pending}</td><td>${percent(f.result.rate, lang)}</td><td>${f.result.fullDays} / ${f.result.decidedDays}</td></tr>`)}</tbody></table>`,
)}
<h3 id="lich-thang">${t(lang, 'compliance.monthCalendar')}</h3>
<p><a href="${month.prevHref}">${t(lang, 'compliance.previousMonth')}</a> · <a href="${month.nextHref}">${t(lang, 'compliance.nextMonth')}</a></p>
${monthTable(lang, month.site, month.month, month.result)}`;
}

// ——— Export ———

function stateText(lang: Lang, s: SlotResult | undefined): Cell {
  if (!s) return null;
  return `${stateName(lang, s.state)}${s.updates > 0 ? ` (${s.updates})` : ''}`;
}

const figureRow = (f: Figures): Cell[] => [f.total, f.onTime, f.late, f.overdue, f.open, percentCell(f.rate)];

/** The report as tables: the same figures as the page, and every deadline of the period. */
export function exportTables(lang: Lang, report: ComplianceReport): Table[] {
  const figureHeader = [
    t(lang, 'compliance.deadlines'),
    t(lang, 'compliance.time'),
    t(lang, 'compliance.late'),
    t(lang, 'compliance.overdueNotDone'),
    t(lang, 'compliance.notDueYet'),
    t(lang, 'compliance.timeRate2'),
  ];
  const lineBase = (l: DeadlineLine): Cell[] => [l.site.code, l.subjectType, l.subjectId, l.title ?? null, l.ruleCode, l.ruleLabel];
  const lineHeader = [
    t(lang, 'compliance.siteCode'),
    t(lang, 'compliance.type'),
    t(lang, 'compliance.id'),
    t(lang, 'compliance.title'),
    t(lang, 'compliance.ruleCode'),
    t(lang, 'compliance.rule'),
  ];
  const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
  const slots = ['morning', 'afternoon', 'evening'] as const;
  return [
    {
      name: t(lang, 'compliance.report'),
      header: [t(lang, 'compliance.item3'), t(lang, 'compliance.value')],
      rows: [
        [t(lang, 'compliance.period'), periodText(report.period)],
        [t(lang, 'compliance.sites'), report.sites.map((s) => `${s.name} (${s.code})`).join('; ')],
        [t(lang, 'compliance.generatedVietNamTime'), formatDateTime(report.now)],
        [t(lang, 'compliance.timeRate'), t(lang, 'compliance.timeTimeLateOverdueNot')],
      ],
    },
    {
      name: t(lang, 'compliance.rule2'),
      header: [t(lang, 'compliance.ruleCode'), t(lang, 'compliance.rule'), ...figureHeader],
      rows: [...report.rules.map((r) => [r.code, r.label, ...figureRow(r.figures)]), [t(lang, 'compliance.overall'), '', ...figureRow(report.overall)]],
    },
    {
      name: t(lang, 'compliance.site2'),
      header: [t(lang, 'compliance.siteCode'), t(lang, 'compliance.site'), ...figureHeader],
      rows: report.bySite.map((r) => [r.site.code, r.site.name, ...figureRow(r.figures)]),
    },
    {
      name: t(lang, 'compliance.unit2'),
      header: [t(lang, 'common.unit'), '', ...figureHeader],
      rows: report.byUnit.map((r) => [r.unit || t(lang, 'compliance.noUnit'), '', ...figureRow(r.figures)]),
    },
    {
      name: t(lang, 'compliance.dueSoon'),
      header: [...lineHeader, t(lang, 'compliance.due'), t(lang, 'compliance.leftWorkingDays')],
      rows: report.dueSoon.map((l) => [...lineBase(l), formatDateTime(l.dueAt), Math.max(0, l.workingDaysLeft)]),
    },
    {
      name: t(lang, 'compliance.overdue2'),
      header: [...lineHeader, t(lang, 'compliance.due'), t(lang, 'compliance.overdueHours')],
      rows: report.overdue.map((l) => [...lineBase(l), formatDateTime(l.dueAt), hours((report.now.getTime() - l.dueAt.getTime()) / 1000)]),
    },
    {
      name: t(lang, 'compliance.deadlinesPeriod'),
      header: [
        ...lineHeader,
        t(lang, 'compliance.trigger'),
        t(lang, 'compliance.due'),
        t(lang, 'compliance.done'),
        t(lang, 'compliance.outcome'),
        t(lang, 'compliance.lateHours'),
      ],
      rows: report.deadlines.map((l) => [
        ...lineBase(l),
        formatDateTime(l.triggerAt),
        formatDateTime(l.dueAt),
        l.metAt ? formatDateTime(l.metAt) : null,
        t(lang, `compliance.outcome.${l.outcome}`),
        l.lateSeconds ? hours(l.lateSeconds) : l.outcome === 'on-time' ? 0 : null,
      ]),
    },
    {
      name: t(lang, 'compliance.frequency'),
      header: [
        t(lang, 'compliance.siteCode'),
        t(lang, 'compliance.site'),
        t(lang, 'compliance.rule'),
        t(lang, 'compliance.updated'),
        t(lang, 'compliance.noUpdate'),
        t(lang, 'compliance.notOverYet'),
        t(lang, 'compliance.rate2'),
        t(lang, 'compliance.fullDays'),
        t(lang, 'compliance.daysOver'),
      ],
      rows: report.frequency.map((f) => [
        f.site.code,
        f.site.name,
        f.result.rule,
        f.result.met,
        f.result.missed,
        f.result.pending,
        percentCell(f.result.rate),
        f.result.fullDays,
        f.result.decidedDays,
      ]),
    },
    {
      name: t(lang, 'compliance.frequencyDay'),
      header: [t(lang, 'compliance.siteCode'), t(lang, 'common.date'), t(lang, 'compliance.workingDay'), ...slots.map((s) => slotName(lang, s))],
      rows: report.frequency.flatMap((f) =>
        f.result.days.map((d) => [
          f.site.code,
          d.date,
          d.workingDay ? t(lang, 'compliance.yes') : t(lang, 'compliance.no'),
          ...slots.map((s) =>
            stateText(
              lang,
              d.slots.find((x) => x.slot === s),
            ),
          ),
        ]),
      ),
    },
  ];
}
