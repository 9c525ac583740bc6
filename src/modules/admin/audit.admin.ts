/**
 * The audit-log viewer for auditors (their sites) and platform administrators (all): filters by
 * time, person, action and text, pages of 50, and CSV export of the same filter.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { queryForm } from '../../platform/http/forms.ts';
import { isPlatformAdmin } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { AuditModule } from '../audit/index.ts';
import { AuditQuery } from './admin.schema.ts';
import { auditQueryString, presentAuditEntries } from './admin.present.ts';
import { visibleAuditFilter } from './audit-viewer.service.ts';
import { auditLogView } from './views/audit-log.view.ts';
import { paths } from './paths.ts';

const PAGE = 50;

export function auditRoutes(routes: Routes, lang: Lang, deps: { admin: AccountsModule['admin']; audit: AuditModule }): void {
  const { admin, audit } = deps;

  routes.get(paths.paths.audit[lang], queryForm(AuditQuery), async (request, reply) => {
    const s = await admin.scope(request);
    const q = request.query;
    const entries = await audit.list({ ...visibleAuditFilter(s, q), limit: PAGE });
    const last = entries.at(-1);
    const page = auditLogView(lang, {
      filter: q,
      canChooseScope: isPlatformAdmin(s.actor),
      rows: presentAuditEntries(entries),
      csvHref: `${paths.href(lang, 'auditCsv')}?${auditQueryString(q)}`,
      olderHref: last && entries.length === PAGE ? `${paths.href(lang, 'audit')}?${auditQueryString(q, last.id)}` : undefined,
    });
    return admin.send(request, reply, page, s);
  });

  routes.get(paths.paths.auditCsv[lang], queryForm(AuditQuery), async (request, reply) => {
    const s = await admin.scope(request);
    const csv = await audit.exportCsv(visibleAuditFilter(s, request.query));
    reply.header('cache-control', 'no-store');
    reply.header('content-disposition', `attachment; filename="nhat-ky-${new Date().toISOString().slice(0, 10)}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });
}
