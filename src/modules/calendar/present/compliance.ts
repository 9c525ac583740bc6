/**
 * The compliance dashboard's view models: the filters as read from the address, the sites in
 * view, and each deadline of the lists as a line to show (what it is about, linked to its admin
 * page by the page's registered name, and how long is left or how long it is overdue).
 */
import type { Static } from 'typebox';
import { formatDate, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { can } from '../../access/index.ts';
import type { AdminScope } from '../../accounts/index.ts';
import { adminHrefByName as adminHref } from '../../../platform/http/paths.ts';
import { siteName, type SiteWithHosts } from '../../sites/index.ts';
import type { ComplianceQuery } from '../calendar.schema.ts';
import {
  currentQuarter,
  DEFAULT_SOON_DAYS,
  MAX_SOON_DAYS,
  periodProblems,
  type ComplianceReport,
  type ComplianceSite,
  type DeadlineLine,
  type Period,
} from '../compliance.service.ts';
import { frequencyKind, type FrequencyResult, type SlotSettings } from '../frequency.ts';
import { paths } from '../paths.ts';
import type { ComplianceScreen } from '../views/compliance.view.ts';
import { localDate } from '../working-days.ts';
import { t } from '../messages.ts';

type Query = Static<typeof ComplianceQuery>;

export interface Filters {
  period: Period;
  soonDays: number;
  /** As typed, to show it again. */
  soonRaw: string;
  withComponents: boolean;
  month: string | undefined;
  calendarSite: string | undefined;
}

/** The filters of the address; an empty date is the current quarter's. */
export function readFilters(query: Query, now: Date): Filters {
  const quarter = currentQuarter(now);
  const soonRaw = query.so_ngay?.trim() ?? '';
  return {
    period: { from: query.tu?.trim() || quarter.from, to: query.den?.trim() || quarter.to },
    soonDays: soonRaw === '' ? DEFAULT_SOON_DAYS : /^\d{1,2}$/.test(soonRaw) ? Number(soonRaw) : Number.NaN,
    soonRaw,
    withComponents: query.gom === '1',
    month: query.thang?.trim() || undefined,
    calendarSite: query.lich?.trim() || undefined,
  };
}

/** Why the filters cannot be used (empty when they can); `rejected`: fields whose value did not even fit the form. */
export function filterProblems(filters: Filters, rejected: readonly string[], lang: Lang): string[] {
  const problems = periodProblems(filters.period, lang);
  if (rejected.includes('tu')) problems.unshift(t(lang, 'compliance.startInvalid'));
  if (rejected.includes('den')) problems.push(t(lang, 'compliance.endInvalid'));
  if (!(filters.soonDays >= 0 && filters.soonDays <= MAX_SOON_DAYS) || rejected.includes('so_ngay'))
    problems.push(t(lang, 'compliance.workingDaysAheadMust0', { MAX_SOON_DAYS }));
  if ((filters.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(filters.month)) || rejected.includes('thang'))
    problems.push(t(lang, 'compliance.monthNotValidUse2026'));
  return problems;
}

const isPortal = (s: SiteWithHosts) => frequencyKind(s) === 'portal';

/** The working site, and for a portal when asked, the sites under it that the person may enter. */
export function sitesInView(s: AdminScope & { site: SiteWithHosts }, withComponents: boolean, lang: Lang): ComplianceSite[] {
  const out = [s.site];
  if (withComponents && isPortal(s.site)) {
    const under = new Set([s.site.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const x of s.sites) {
        if (x.parent_id !== null && under.has(x.parent_id) && !under.has(x.id)) {
          under.add(x.id);
          grew = true;
          if (can(s.actor, 'admin.enter', x.id)) out.push(x);
        }
      }
    }
  }
  return out.map((x) => ({ id: x.id, code: x.code, name: siteName(x, lang), kind: frequencyKind(x) }));
}

const FILTER_NAMES = ['tu', 'den', 'so_ngay', 'gom', 'thang', 'lich'] as const;

/** "?tu=…&den=…" of the filters given (empty ones left out), with `extra` replacing some. */
export function filterQuery(query: Query, extra: Partial<Record<(typeof FILTER_NAMES)[number], string>> = {}): string {
  const params = new URLSearchParams();
  const all: Query = { ...query, ...extra };
  for (const name of FILTER_NAMES) {
    const v = all[name];
    if (v) params.set(name, v);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The month calendar's site and month: the site asked for, else the first; the month asked for,
 * else this month when in the period, else the period's last.
 */
export function monthInView(filters: Filters, sites: readonly ComplianceSite[], period: Period, now: Date): { site: ComplianceSite; month: string } {
  const month = localDate(now).slice(0, 7);
  return {
    site: sites.find((x) => x.code === filters.calendarSite) ?? sites[0]!,
    month: filters.month ?? (month >= period.from.slice(0, 7) && month <= period.to.slice(0, 7) ? month : period.to.slice(0, 7)),
  };
}

const shiftMonth = (month: string, by: number): string => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

export interface ScreenInput {
  title: string;
  /** The working site. */
  site: SiteWithHosts;
  sites: readonly ComplianceSite[];
  filters: Filters;
  /** The filters as the address gave them, for the links that keep them. */
  query: Query;
  slots: SlotSettings;
  /** Absent when the filters cannot be used; then so are the month and its frequency. */
  report: ComplianceReport | undefined;
  month: { site: ComplianceSite; month: string } | undefined;
  frequency: FrequencyResult | undefined;
}

export function complianceScreen(lang: Lang, input: ScreenInput): ComplianceScreen {
  const { filters, sites, report, month, frequency, query } = input;
  const page = paths.href(lang, 'compliance');
  const screen: ComplianceScreen = {
    title: input.title,
    siteNames: sites.map((x) => x.name).join(', '),
    period: periodText(filters.period),
    form: {
      action: page,
      from: filters.period.from,
      to: filters.period.to,
      soon: filters.soonRaw || String(DEFAULT_SOON_DAYS),
      maxSoon: MAX_SOON_DAYS,
      canIncludeComponents: isPortal(input.site),
      withComponents: filters.withComponents,
      calendarSites: sites.map((x) => ({ value: x.code, label: x.name })),
      calendarSite: filters.calendarSite ?? sites[0]!.code,
      month: filters.month,
    },
  };
  if (report && month && frequency) {
    const monthHref = (by: number) => `${page}${filterQuery(query, { thang: shiftMonth(month.month, by) })}#lich-thang`;
    screen.report = {
      report,
      dueSoon: presentLines(lang, report.dueSoon, 'soon', report.now),
      overdue: presentLines(lang, report.overdue, 'overdue', report.now),
      slots: input.slots,
      month: { ...month, result: frequency, prevHref: monthHref(-1), nextHref: monthHref(1) },
      csvHref: `${paths.href(lang, 'compliance', '.csv')}${filterQuery(query)}`,
      xlsxHref: `${paths.href(lang, 'compliance', '.xlsx')}${filterQuery(query)}`,
    };
  }
  return screen;
}

// ——— Formatting shared by the page and the export ———

const isDay = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(`${iso}T00:00:00+07:00`));
/** A day as dd/mm/yyyy; a day typed wrong in the filters is shown as typed. */
export const dayText = (iso: string) => (isDay(iso) ? formatDate(new Date(`${iso}T00:00:00+07:00`)) : iso);
export const periodText = (p: Period) => `${dayText(p.from)}–${dayText(p.to)}`;

export function percent(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

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

// ——— Deadlines in the lists ———

// A citizen's request has one deadline per stage (modules/inquiries: inquiry_forward, inquiry_answer…).
const INQUIRY_STAGES = ['inquiry_forward', 'inquiry_scope', 'inquiry_answer', 'inquiry_promised'] as const;
type InquiryStage = (typeof INQUIRY_STAGES)[number];
const isInquiryStage = (type: string): type is InquiryStage => (INQUIRY_STAGES as readonly string[]).includes(type);

/** The admin page of what a deadline is about, by the name its module registered (no import of that module). */
function subjectHref(lang: Lang, l: DeadlineLine): string | undefined {
  if (l.subjectType === 'content') return adminHref(lang, 'content', `/${l.subjectId}`);
  if (isInquiryStage(l.subjectType)) return adminHref(lang, 'inquiries', `/${l.subjectId}`);
  return undefined;
}

function subjectName(lang: Lang, l: DeadlineLine): string {
  if (l.title) return l.title;
  if (l.subjectType === 'content') return t(lang, 'compliance.item', { subjectId: l.subjectId });
  if (isInquiryStage(l.subjectType)) return t(lang, 'compliance.inquiry', { id: l.subjectId, stage: t(lang, `compliance.stage.${l.subjectType}`) });
  return `${l.subjectType} #${l.subjectId}`;
}

export interface LineView {
  due: string;
  /** Working days left (due soon) or time past due (overdue). */
  left: string;
  subject: { text: string; href: string | undefined };
  ruleCode: string;
  ruleLabel: string;
  site: string;
}

export function presentLines(lang: Lang, lines: readonly DeadlineLine[], kind: 'soon' | 'overdue', now: Date): LineView[] {
  return lines.map((l) => ({
    due: formatDateTime(l.dueAt),
    left:
      kind === 'overdue'
        ? duration((now.getTime() - l.dueAt.getTime()) / 1000, lang)
        : l.workingDaysLeft <= 0
          ? t(lang, 'compliance.dueToday')
          : t(lang, l.workingDaysLeft === 1 ? 'compliance.oneWorkingDay' : 'compliance.workingDays', { n: l.workingDaysLeft }),
    subject: { text: subjectName(lang, l), href: subjectHref(lang, l) },
    ruleCode: l.ruleCode,
    ruleLabel: l.ruleLabel,
    site: l.site.name,
  }));
}
