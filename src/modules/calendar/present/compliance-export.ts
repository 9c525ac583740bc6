/** The compliance report as the tables of its CSV and XLSX export: the same figures as the page, and every deadline of the period. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import type { ComplianceReport, DeadlineLine, Figures } from '../compliance.service.ts';
import type { SlotResult } from '../frequency.ts';
import type { Cell, Table } from '../xlsx.ts';
import { t } from '../messages.ts';
import { periodText } from './compliance.ts';

const slotName = (lang: Lang, slot: SlotResult['slot']) => t(lang, `compliance.slot.${slot}`);
const percentCell = (rate: number | null): Cell => (rate === null ? null : Math.round(rate * 1000) / 10);

function stateText(lang: Lang, s: SlotResult | undefined): Cell {
  if (!s) return null;
  return `${t(lang, `compliance.state.${s.state}`)}${s.updates > 0 ? ` (${s.updates})` : ''}`;
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
