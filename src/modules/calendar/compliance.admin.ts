/**
 * The compliance dashboard (/quan-tri/tuan-thu, /english/admin/compliance) and its CSV and XLSX
 * exports (…/tuan-thu.csv, …/tuan-thu.xlsx): the working site's legal deadlines and publishing
 * frequency over a period (the current quarter unless chosen), and for a portal optionally its
 * component sites. Anyone who may enter the administration of a site sees that site's figures
 * (board members, operators…); platform admins any site, through the site switcher.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import { Invalid } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { html, raw } from '../../platform/views/html.ts';
import { field } from '../../platform/views/forms.ts';
import { authorize, can } from '../access/index.ts';
import { adminHref, type AccountsModule, type AdminScope } from '../accounts/index.ts';
import { siteName, type SiteWithHosts } from '../sites/index.ts';
import type { CalendarService } from './calendar.service.ts';
import { ComplianceService, currentQuarter, DEFAULT_SOON_DAYS, MAX_SOON_DAYS, periodProblems, type ComplianceSite, type Period } from './compliance.service.ts';
import { exportTables, periodText, reportSections } from './views/compliance-deadlines.view.ts';
import { FREQUENCY_SLOTS, frequencyKind, type SlotSettings } from './frequency.ts';
import { localDate } from './working-days.ts';
import { toCsv, toXlsx } from './xlsx.ts';
import { t } from './messages.ts';

export interface ComplianceDeps {
  accounts: Pick<AccountsModule, 'admin' | 'unitsOf'>;
  calendar: Pick<CalendarService, 'calendar'>;
  db: Db;
  /** Slot boundaries of the frequency rules (default FREQUENCY_SLOTS). */
  slots?: SlotSettings;
}

interface Query {
  period: Period;
  soonDays: number;
  soonRaw: string;
  withComponents: boolean;
  month: string | undefined;
  calendarSite: string | undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, 40) : '');

function readQuery(request: FastifyRequest, now: Date): Query {
  const q = request.query as Record<string, unknown>;
  const quarter = currentQuarter(now);
  const soonRaw = str(q.so_ngay);
  const soon = soonRaw === '' ? DEFAULT_SOON_DAYS : /^\d{1,2}$/.test(soonRaw) ? Number(soonRaw) : NaN;
  return {
    period: { from: str(q.tu) || quarter.from, to: str(q.den) || quarter.to },
    soonDays: soon,
    soonRaw,
    withComponents: q.gom === '1',
    month: str(q.thang) || undefined,
    calendarSite: str(q.lich) || undefined,
  };
}

function problemsOf(query: Query, lang: Lang): string[] {
  const problems = periodProblems(query.period, lang);
  if (!(query.soonDays >= 0 && query.soonDays <= MAX_SOON_DAYS)) problems.push(t(lang, 'compliance.workingDaysAheadMust0', { MAX_SOON_DAYS }));
  if (query.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) problems.push(t(lang, 'compliance.monthNotValidUse2026'));
  return problems;
}

const isPortal = (s: SiteWithHosts) => frequencyKind(s) === 'portal';

/** The working site, and for a portal when asked, the sites under it that the person may enter. */
function sitesOf(s: AdminScope & { site: SiteWithHosts }, withComponents: boolean): SiteWithHosts[] {
  const out = [s.site];
  if (!withComponents || !isPortal(s.site)) return out;
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
  return out;
}

const asComplianceSite = (s: SiteWithHosts, lang: Lang): ComplianceSite => ({ id: s.id, code: s.code, name: siteName(s, lang), kind: frequencyKind(s) });

function queryString(request: FastifyRequest, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...(request.query as Record<string, unknown>), ...extra }))
    if (typeof v === 'string' && v && ['tu', 'den', 'so_ngay', 'gom', 'thang', 'lich'].includes(k)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const shiftMonth = (month: string, by: number): string => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

export function registerCompliance(app: FastifyInstance, deps: ComplianceDeps): void {
  const { admin } = deps.accounts;
  const slots = deps.slots ?? FREQUENCY_SLOTS;
  const service = new ComplianceService(deps.db, deps.calendar, slots, (ids) => deps.accounts.unitsOf(ids));
  admin.addNav({ label: { vi: 'Tuân thủ thời hạn', en: 'Compliance' }, path: 'compliance', action: 'admin.enter' });

  for (const L of ['vi', 'en'] as const) {
    const base = adminHref(L, 'compliance');

    /** The scope, the query and the report, or the problems of the query. */
    const prepare = async (request: FastifyRequest) => {
      const s = await admin.scope(request);
      if (s.site) authorize(s.actor, 'admin.enter', s.site.id);
      const now = new Date();
      const query = readQuery(request, now);
      if (!s.site) return { s, query, now, problems: [] as string[], report: undefined, sites: [] as ComplianceSite[] };
      const scoped = s as AdminScope & { site: SiteWithHosts };
      const sites = sitesOf(scoped, query.withComponents).map((x) => asComplianceSite(x, L));
      const problems = problemsOf(query, L);
      if (problems.length) return { s, query, now, problems, report: undefined, sites };
      const report = await service.report(s.actor, { sites, period: query.period, soonDays: query.soonDays, now, lang: L });
      return { s, query, now, problems, report, sites };
    };

    app.get(base, async (request, reply) => {
      const { s, query, now, problems, report, sites } = await prepare(request);
      const site = s.site;
      const title = t(L, 'compliance.deadlinesUpdateFrequency');
      if (!site) {
        return admin.send(request, reply, { title, main: html`<h1>${title}</h1><p>${t(L, 'compliance.platformHasNoSiteYet')}</p>` }, s);
      }
      let sections = html``;
      if (report) {
        const today = localDate(now).slice(0, 7);
        const month = query.month ?? (today >= report.period.from.slice(0, 7) && today <= report.period.to.slice(0, 7) ? today : report.period.to.slice(0, 7));
        const calendarSite = sites.find((x) => x.code === query.calendarSite) ?? sites[0]!;
        const result = await service.month(s.actor, calendarSite, month, now);
        sections = reportSections({
          lang: L,
          report,
          slots,
          month: {
            site: calendarSite,
            month,
            result,
            prevHref: `${base}${queryString(request, { thang: shiftMonth(month, -1) })}#lich-thang`,
            nextHref: `${base}${queryString(request, { thang: shiftMonth(month, 1) })}#lich-thang`,
          },
        });
      }
      const qs = queryString(request);
      const main = html`<h1>${title}</h1>
<p>${sites.map((x) => x.name).join(', ')} — ${t(L, 'compliance.period2')} ${periodText(query.period)}</p>
<form method="get" action="${base}" class="filters">
${field({ name: 'tu', label: t(L, 'compliance.from'), type: 'date', value: query.period.from, required: true })}
${field({ name: 'den', label: t(L, 'compliance.text'), type: 'date', value: query.period.to, required: true })}
<div class="field"><label for="f-so_ngay">${t(L, 'compliance.dueSoonWithinWorkingDays')}</label>
<input id="f-so_ngay" name="so_ngay" type="number" min="0" max="${MAX_SOON_DAYS}" step="1" inputmode="numeric" value="${query.soonRaw || String(DEFAULT_SOON_DAYS)}"></div>
${isPortal(site) ? html`<div class="field-check"><input id="f-gom" name="gom" type="checkbox" value="1"${query.withComponents ? raw(' checked') : ''}><label for="f-gom">${t(L, 'compliance.includeComponentSites')}</label></div>` : ''}
${
  sites.length > 1
    ? html`<div class="field"><label for="f-lich">${t(L, 'compliance.monthCalendar2')}</label><select id="f-lich" name="lich">${sites.map((x) => html`<option value="${x.code}"${x.code === (query.calendarSite ?? sites[0]!.code) ? raw(' selected') : ''}>${x.name}</option>`)}</select></div>`
    : ''
}
${query.month ? html`<input type="hidden" name="thang" value="${query.month}">` : ''}
<p><button type="submit">${t(L, 'compliance.show')}</button></p>
</form>
${report ? html`<p>${t(L, 'compliance.downloadTheseFigures')}: <a href="${adminHref(L, 'compliance', '.csv')}${qs}" download>CSV</a> · <a href="${adminHref(L, 'compliance', '.xlsx')}${qs}" download>${t(L, 'compliance.excelXlsx')}</a></p>` : ''}
${sections}`;
      return admin.send(
        request,
        reply,
        { title, main, ...(problems.length ? { notice: { kind: 'error' as const, text: problems.join(' ') } } : {}) },
        s,
        problems.length ? 422 : 200,
      );
    });

    const download = (kind: 'csv' | 'xlsx') => async (request: FastifyRequest, reply: FastifyReply) => {
      const { s, problems, report } = await prepare(request);
      if (problems.length) throw new Invalid('compliance.query', problems.join(' '), { details: problems.map((message) => ({ field: 'query', message })) });
      if (!report || !s.site) throw new Invalid('compliance.no_site', 'No site');
      const tables = exportTables(L, report);
      const name = `tuan-thu-${s.site.code}-${report.period.from}-${report.period.to}`;
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="${name}.${kind}"`);
      if (kind === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(tables));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(tables));
    };
    app.get(adminHref(L, 'compliance', '.csv'), download('csv'));
    app.get(adminHref(L, 'compliance', '.xlsx'), download('xlsx'));
  }
}
