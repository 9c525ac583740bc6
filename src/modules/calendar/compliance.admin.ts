/**
 * The compliance dashboard (/quan-tri/tuan-thu, /english/admin/compliance) and its CSV and XLSX
 * exports (…/tuan-thu.csv, …/tuan-thu.xlsx): the working site's legal deadlines and publishing
 * frequency over a period (the current quarter unless chosen), and for a portal optionally its
 * component sites. Anyone who may enter the administration of a site sees that site's figures
 * (board members, operators…); platform admins any site, through the site switcher.
 */
import type { Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Routes } from '../../platform/module.ts';
import { Invalid } from '../../platform/http/errors.ts';
import { queryForm, rejectedFields } from '../../platform/http/forms.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { authorizeAny } from '../access/index.ts';
import type { AdminContext } from '../accounts/index.ts';
import { ComplianceQuery } from './calendar.schema.ts';
import type { ComplianceService } from './compliance.service.ts';
import type { SlotSettings } from './frequency.ts';
import { paths } from './paths.ts';
import { complianceScreen, filterProblems, monthInView, readFilters, sitesInView } from './present/compliance.ts';
import { exportTables } from './present/compliance-export.ts';
import { complianceView, noSiteView } from './views/compliance.view.ts';
import { toCsv, toXlsx } from './xlsx.ts';
import { t } from './messages.ts';

export interface ComplianceAdminDeps {
  admin: Pick<AdminContext, 'scope' | 'send'>;
  service: ComplianceService;
  /** Slot boundaries of the frequency rules. */
  slots: SlotSettings;
}

type Query = Static<typeof ComplianceQuery>;

export function complianceAdmin(routes: Routes, lang: Lang, deps: ComplianceAdminDeps): void {
  const { admin, service } = deps;
  const path = paths.paths.compliance[lang];
  const withFilters = queryForm(ComplianceQuery);

  /** The scope, the filters and the report, or why the filters cannot be used. */
  const prepare = async (request: FastifyRequest, query: Query) => {
    const s = await admin.scope(request);
    if (s.site) authorizeAny(s.actor, ['admin.enter', 'oversight.compliance'], s.site.id);
    const now = new Date();
    const filters = readFilters(query, now);
    const site = s.site;
    if (!site) return { s, site, filters, now, problems: [], report: undefined, sites: [] };
    const sites = sitesInView({ ...s, site }, filters.withComponents, lang);
    const problems = filterProblems(filters, rejectedFields(query), lang);
    if (problems.length) return { s, site, filters, now, problems, report: undefined, sites };
    const report = await service.report(s.actor, { sites, period: filters.period, soonDays: filters.soonDays, now, lang });
    return { s, site, filters, now, problems, report, sites };
  };

  routes.get(path, withFilters, async (request, reply) => {
    const { s, site, filters, now, problems, report, sites } = await prepare(request, request.query);
    const title = t(lang, 'compliance.deadlinesUpdateFrequency');
    if (!site) return admin.send(request, reply, { title, main: noSiteView(lang, title) }, s);
    const month = report ? monthInView(filters, sites, report.period, now) : undefined;
    const frequency = month ? await service.month(s.actor, month.site, month.month, now) : undefined;
    const screen = complianceScreen(lang, { title, site, sites, filters, query: request.query, slots: deps.slots, report, month, frequency });
    const notice = problems.length ? { notice: { kind: 'error' as const, text: problems.join(' ') } } : {};
    return admin.send(request, reply, { title, main: complianceView(lang, screen), ...notice }, s, problems.length ? 422 : 200);
  });

  for (const kind of ['csv', 'xlsx'] as const) {
    routes.get(`${path}.${kind}`, withFilters, async (request, reply) => {
      const { site, problems, report } = await prepare(request, request.query);
      if (problems.length) throw new Invalid('compliance.query', problems.join(' '), { details: problems.map((message) => ({ field: 'query', message })) });
      if (!report || !site) throw new Invalid('compliance.no_site', 'No site');
      const tables = exportTables(lang, report);
      const name = `tuan-thu-${site.code}-${report.period.from}-${report.period.to}`;
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="${name}.${kind}"`);
      if (kind === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(tables));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(tables));
    });
  }
}
