/**
 * The compliance dashboard's figures (issue #6 points 5 and 7): for some sites and a period,
 * the legal deadlines (DL-1..DL-9 and the sites' own rules) met on time, late or still open,
 * per rule and overall with the on-time rate; what is due soon and what is overdue now; and the
 * publishing frequency (DL-10, DL-11) day by day and slot by slot.
 */
import type { Db } from '../../platform/db/create-db.ts';
import { Invalid } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { authorizeAny, type Actor } from '../access/index.ts';

/** Who reads a site's figures: anyone in its administration, or its overseer (an oversight grant). */
const READERS = ['admin.enter', 'oversight.compliance'] as const;
import type { CalendarService } from './calendar.service.ts';
import { FIRST_YEAR, LAST_YEAR } from './calendar.service.ts';
import * as repo from './compliance.repo.ts';
import * as deadlinesRepo from './deadlines.repo.ts';
import type { DeadlineRow } from './deadlines.repo.ts';
import { FREQUENCY_SLOTS, frequencyOf, type FrequencyKind, type FrequencyResult, type SlotSettings } from './frequency.ts';
import { DEFAULT_RULES, defaultRuleLabel } from './rules.ts';
import { t } from './messages.ts';
import { localDate } from './working-days.ts';

const DAY_MS = 86_400_000;
/** Longest period the dashboard computes at once. */
export const MAX_PERIOD_DAYS = 400;
/** "Due soon" looks this many working days ahead unless asked otherwise. */
export const DEFAULT_SOON_DAYS = 3;
export const MAX_SOON_DAYS = 30;

export interface ComplianceSite {
  id: number;
  code: string;
  name: string;
  kind: FrequencyKind;
}

/** A period of Việt Nam days, both included (yyyy-mm-dd). */
export interface Period {
  from: string;
  to: string;
}

export interface Figures {
  /** Deadlines due in the period. */
  total: number;
  onTime: number;
  late: number;
  /** Not done, and past due now. */
  overdue: number;
  /** Not done, not due yet. */
  open: number;
  /** onTime / (onTime + late + overdue); null when none of them is decided yet. */
  rate: number | null;
}

/** A rule as the deadlines recorded it: its code and label (DL-4 and DL-9 have variants; a site may override a rule). */
export interface RuleFigures {
  code: string;
  label: string;
  figures: Figures;
}

export interface DeadlineLine {
  id: number;
  site: ComplianceSite;
  subjectType: string;
  subjectId: number;
  title: string | undefined;
  ruleCode: string;
  ruleLabel: string;
  triggerAt: Date;
  dueAt: Date;
  metAt: Date | null;
  lateSeconds: number | null;
  outcome: 'on-time' | 'late' | 'overdue' | 'open';
  /** Working days from now's day to the due day (0: due today); negative when past. */
  workingDaysLeft: number;
}

export interface ComplianceReport {
  period: Period;
  now: Date;
  sites: ComplianceSite[];
  overall: Figures;
  rules: RuleFigures[];
  bySite: { site: ComplianceSite; figures: Figures }[];
  /** By the unit of the person responsible (the item's provider); '' when unknown. */
  byUnit: { unit: string; figures: Figures }[];
  soonDays: number;
  soonUntil: Date;
  dueSoon: DeadlineLine[];
  overdue: DeadlineLine[];
  /** Every deadline due in the period, with its outcome (for the export). */
  deadlines: DeadlineLine[];
  frequency: { site: ComplianceSite; result: FrequencyResult }[];
}

export interface ReportInput {
  sites: readonly ComplianceSite[];
  period: Period;
  soonDays?: number;
  now?: Date;
  lang?: Lang;
}

const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The start of a Việt Nam day. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00+07:00`);
const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The quarter of `now` in Việt Nam time. */
export function currentQuarter(now: Date): Period {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const lastMonth = q * 3 + 3;
  const last = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from, to: `${year}-${String(lastMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}` };
}

/** Problems of a period as typed (empty when usable). */
export function periodProblems(p: Period, lang: Lang = 'vi'): string[] {
  const problems: string[] = [];
  if (!isDay(p.from)) problems.push(t(lang, 'compliance.startInvalid'));
  if (!isDay(p.to)) problems.push(t(lang, 'compliance.endInvalid'));
  if (problems.length) return problems;
  if (p.to < p.from) problems.push(t(lang, 'compliance.endBeforeStart'));
  else if ((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / DAY_MS + 1 > MAX_PERIOD_DAYS) {
    problems.push(t(lang, 'compliance.periodTooLong', { max: MAX_PERIOD_DAYS }));
  }
  const years = [Number(p.from.slice(0, 4)), Number(p.to.slice(0, 4))];
  if (years.some((y) => y < FIRST_YEAR || y > LAST_YEAR)) problems.push(t(lang, 'compliance.outsideCalendar', { first: FIRST_YEAR, last: LAST_YEAR }));
  return problems;
}

function emptyFigures(): Figures {
  return { total: 0, onTime: 0, late: 0, overdue: 0, open: 0, rate: null };
}

function outcomeOf(row: DeadlineRow, now: Date): DeadlineLine['outcome'] {
  if (row.met_at) return (row.late_seconds ?? 0) > 0 ? 'late' : 'on-time';
  return new Date(row.due_at).getTime() < now.getTime() ? 'overdue' : 'open';
}

function add(f: Figures, outcome: DeadlineLine['outcome']): void {
  f.total++;
  if (outcome === 'on-time') f.onTime++;
  else if (outcome === 'late') f.late++;
  else if (outcome === 'overdue') f.overdue++;
  else f.open++;
}

function finish(f: Figures): Figures {
  const decided = f.onTime + f.late + f.overdue;
  f.rate = decided > 0 ? f.onTime / decided : null;
  return f;
}

/** A rule's name in `lang`: the product's own translation of a default rule, else as stored with the deadline. */
function ruleLabel(code: string, stored: string, lang: Lang): string {
  const rule = DEFAULT_RULES.find((r) => r.code === code && defaultRuleLabel(r, 'vi') === stored);
  return rule ? defaultRuleLabel(rule, lang) : stored;
}

export class ComplianceService {
  readonly #db: Db;
  readonly #calendar: Pick<CalendarService, 'calendar'>;
  readonly #slots: SlotSettings;

  readonly #unitsOf: (ownerIds: readonly number[]) => Promise<Map<number, string>>;

  constructor(
    db: Db,
    calendar: Pick<CalendarService, 'calendar'>,
    slots: SlotSettings = FREQUENCY_SLOTS,
    unitsOf: (ownerIds: readonly number[]) => Promise<Map<number, string>> = async () => new Map(),
  ) {
    this.#db = db;
    this.#calendar = calendar;
    this.#slots = slots;
    this.#unitsOf = unitsOf;
  }

  /** The figures for `sites` over `period`; the actor must be allowed into each site's administration. */
  async report(actor: Actor, input: ReportInput): Promise<ComplianceReport> {
    for (const s of input.sites) authorizeAny(actor, READERS, s.id);
    const problems = periodProblems(input.period, input.lang);
    if (problems.length) throw new Invalid('compliance.period', problems.join(' '), { details: problems.map((message) => ({ field: 'period', message })) });
    const soonDays = input.soonDays ?? DEFAULT_SOON_DAYS;
    if (!Number.isInteger(soonDays) || soonDays < 0 || soonDays > MAX_SOON_DAYS)
      throw new Invalid('compliance.soon_days', `Số ngày làm việc phải từ 0 đến ${MAX_SOON_DAYS}.`, {
        details: [{ field: 'so_ngay', message: `0–${MAX_SOON_DAYS}` }],
      });
    const now = input.now ?? new Date();
    const lang = input.lang ?? 'vi';
    const calendar = await this.#calendar.calendar();
    const ids = input.sites.map((s) => s.id);
    const siteOf = new Map(input.sites.map((s) => [s.id, s]));
    const from = dayStart(input.period.from);
    const to = dayStart(nextDay(input.period.to));

    const soonUntil = calendar.addWorkingDays(now, soonDays).due;
    const [inPeriod, soon, overdue, published] = await Promise.all([
      deadlinesRepo.deadlinesBetween(this.#db, ids, from, to),
      repo.openDueBetween(this.#db, ids, now, soonUntil),
      repo.openOverdue(this.#db, ids, now),
      repo.publicationTimes(this.#db, ids, from, to),
    ]);
    const titles = await repo.contentTitles(
      this.#db,
      [...inPeriod, ...soon, ...overdue].filter((d) => d.subject_type === 'content').map((d) => d.subject_id),
    );
    const line = (row: DeadlineRow): DeadlineLine => ({
      id: row.id,
      site: siteOf.get(row.site_id)!,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      title: row.subject_type === 'content' ? titles.get(row.subject_id) : undefined,
      ruleCode: row.rule_code,
      ruleLabel: ruleLabel(row.rule_code, row.rule_label, lang),
      triggerAt: new Date(row.trigger_at),
      dueAt: new Date(row.due_at),
      metAt: row.met_at ? new Date(row.met_at) : null,
      lateSeconds: row.late_seconds,
      outcome: outcomeOf(row, now),
      workingDaysLeft: calendar.workingDaysBetween(now, new Date(row.due_at)),
    });

    const units = await this.#unitsOf(inPeriod.flatMap((d) => (d.owner_id === null ? [] : [d.owner_id])));
    const byUnit = new Map<string, Figures>();
    for (const row of inPeriod) {
      // An agency owes an inquiry's answer; a person (the provider) owes an item's publication.
      const unit = row.agency || ((row.owner_id !== null ? units.get(row.owner_id) : undefined) ?? '');
      if (!byUnit.has(unit)) byUnit.set(unit, emptyFigures());
      add(byUnit.get(unit)!, outcomeOf(row, now));
    }
    const overall = emptyFigures();
    const rules = new Map<string, RuleFigures>();
    const bySite = new Map(input.sites.map((s) => [s.id, emptyFigures()]));
    const lines = inPeriod.map(line);
    for (const l of lines) {
      add(overall, l.outcome);
      add(bySite.get(l.site.id)!, l.outcome);
      const key = `${l.ruleCode}|${l.ruleLabel}`;
      let r = rules.get(key);
      if (!r) {
        r = { code: l.ruleCode, label: l.ruleLabel, figures: emptyFigures() };
        rules.set(key, r);
      }
      add(r.figures, l.outcome);
    }
    for (const r of rules.values()) finish(r.figures);

    const isWorkingDay = (d: string) => calendar.isWorkingDay(d);
    return {
      period: input.period,
      now,
      sites: [...input.sites],
      overall: finish(overall),
      rules: [...rules.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }) || a.label.localeCompare(b.label, lang)),
      bySite: input.sites.map((site) => ({ site, figures: finish(bySite.get(site.id)!) })),
      byUnit: [...byUnit.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, lang)))
        .map(([unit, figures]) => ({ unit, figures: finish(figures) })),
      soonDays,
      soonUntil,
      dueSoon: soon.map(line),
      overdue: overdue.map(line),
      deadlines: lines,
      frequency: input.sites.map((site) => ({
        site,
        result: frequencyOf({
          kind: site.kind,
          from: input.period.from,
          to: input.period.to,
          publications: published.filter((p) => p.site_id === site.id).map((p) => p.at),
          isWorkingDay,
          now,
          slots: this.#slots,
        }),
      })),
    };
  }

  /** One site's frequency over a calendar month ("2026-11"), for the month view. */
  async month(actor: Actor, site: ComplianceSite, month: string, now: Date = new Date()): Promise<FrequencyResult> {
    authorizeAny(actor, READERS, site.id);
    const m = /^(\d{4})-(\d{2})$/.exec(month);
    const year = Number(m?.[1]);
    const mon = Number(m?.[2]);
    if (!m || year < FIRST_YEAR || year > LAST_YEAR || mon < 1 || mon > 12)
      throw new Invalid('compliance.month', 'Tháng không hợp lệ (cần dạng 2026-11).', { details: [{ field: 'thang', message: '2026-11' }] });
    const from = `${month}-01`;
    const to = `${month}-${String(new Date(Date.UTC(year, mon, 0)).getUTCDate()).padStart(2, '0')}`;
    const calendar = await this.#calendar.calendar();
    const published = await repo.publicationTimes(this.#db, [site.id], dayStart(from), dayStart(nextDay(to)));
    return frequencyOf({
      kind: site.kind,
      from,
      to,
      publications: published.map((p) => p.at),
      isWorkingDay: (d) => calendar.isWorkingDay(d),
      now,
      slots: this.#slots,
    });
  }
}
