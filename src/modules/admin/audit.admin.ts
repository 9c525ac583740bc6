/**
 * The audit-log viewer for auditors (their sites) and platform administrators (all):
 * filters by time, person, action and text, pages of 50, and CSV export of the same filter.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { html } from '../../platform/views/html.ts';
import { field } from '../../platform/views/forms.ts';
import type { Db } from '../../platform/db/create-db.ts';
import { authorize, isPlatformAdmin, sitesWhere } from '../access/index.ts';
import { adminHref, type AdminContext, type AdminScope } from '../accounts/index.ts';
import { exportAuditCsv, listAudit, type AuditFilter } from '../audit/index.ts';
import { t } from './messages.ts';

const PAGE = 50;

function parseDay(value: unknown, endOfDay: boolean): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  // Days are Vietnamese days (UTC+7, no daylight saving).
  const d = new Date(`${value}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return endOfDay ? new Date(d.getTime() + 86_400_000) : d;
}

/** The filter from the query, limited to what the actor may see. */
function filterOf(request: FastifyRequest, s: AdminScope): AuditFilter {
  authorize(s.actor, 'audit.view', s.site?.id ?? null);
  const q = request.query as Record<string, unknown>;
  const visible = sitesWhere(s.actor, 'audit.view');
  const scope: AuditFilter['siteIds'] =
    isPlatformAdmin(s.actor) && q.pham_vi === 'tat-ca' ? 'all' : visible === 'all' ? (s.site ? [s.site.id] : 'all') : visible.filter((id) => id === s.site?.id);
  const before = Number(q.truoc);
  const from = parseDay(q.tu, false);
  const to = parseDay(q.den, true);
  return {
    siteIds: scope,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(typeof q.hanh_dong === 'string' && q.hanh_dong ? { action: q.hanh_dong.slice(0, 100) } : {}),
    ...(typeof q.tim === 'string' && q.tim ? { q: q.tim.slice(0, 100) } : {}),
    ...(Number.isSafeInteger(before) && before > 0 ? { beforeId: before } : {}),
  };
}

function queryString(request: FastifyRequest, extra: Record<string, string>): string {
  const q = { ...(request.query as Record<string, string>), ...extra };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v && k !== 'truoc') params.set(k, v);
  if (extra.truoc) params.set('truoc', extra.truoc);
  return params.toString();
}

export function registerAuditViewer(app: FastifyInstance, db: Db, admin: AdminContext): void {
  for (const lang of ['vi', 'en'] as const) {
    app.get(adminHref(lang, 'audit'), async (request, reply) => {
      const s = await admin.scope(request);
      const filter = filterOf(request, s);
      const rows = await listAudit(db, { ...filter, limit: PAGE });
      const q = request.query as Record<string, string>;
      const last = rows.at(-1);
      return admin.send(
        request,
        reply,
        {
          title: t(lang, 'audit.auditLog'),
          main: html`<h1>${t(lang, 'audit.auditLog')}</h1>
<form method="get" action="${adminHref(lang, 'audit')}" class="filters">
${field({ name: 'tu', label: t(lang, 'audit.from'), type: 'date', value: q.tu ?? '' })}
${field({ name: 'den', label: t(lang, 'audit.text'), type: 'date', value: q.den ?? '' })}
${field({ name: 'hanh_dong', label: t(lang, 'audit.actionStarts'), value: q.hanh_dong ?? '' })}
${field({ name: 'tim', label: t(lang, 'audit.personTarget'), type: 'search', value: q.tim ?? '' })}
${isPlatformAdmin(s.actor) ? html`<div class="field"><label for="f-pham_vi">${t(lang, 'audit.scope')}</label><select id="f-pham_vi" name="pham_vi"><option value="">${t(lang, 'audit.currentSite')}</option><option value="tat-ca"${q.pham_vi === 'tat-ca' ? html` selected` : ''}>${t(lang, 'audit.wholePlatform')}</option></select></div>` : ''}
<p><button type="submit">${t(lang, 'audit.filter')}</button> <a class="button secondary" href="${adminHref(lang, 'auditCsv')}?${queryString(request, {})}">${t(lang, 'audit.downloadCsv')}</a></p>
</form>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'audit.auditEntries')}"><table class="data"><caption class="visually-hidden">${t(lang, 'audit.entriesNewestFirst')}</caption>
<thead><tr><th scope="col">${t(lang, 'audit.time')}</th><th scope="col">${t(lang, 'audit.actor')}</th><th scope="col">IP</th><th scope="col">${t(lang, 'audit.action')}</th><th scope="col">${t(lang, 'audit.target')}</th><th scope="col">${t(lang, 'audit.summary')}</th></tr></thead>
<tbody>${rows.map(
            (r) =>
              html`<tr><td>${formatDateTime(r.at)}</td><td>${r.actorLabel}</td><td>${r.ip}</td><td><code>${r.action}</code></td><td>${r.targetType}${r.targetId ? html` #${r.targetId}` : ''}</td><td><code>${JSON.stringify(r.summary)}</code></td></tr>`,
          )}</tbody></table></div>
${rows.length === 0 ? html`<p>${t(lang, 'audit.noEntryMatchesFilter')}</p>` : ''}
${last && rows.length === PAGE ? html`<p><a href="${adminHref(lang, 'audit')}?${queryString(request, { truoc: String(last.id) })}">${t(lang, 'audit.olderEntries')}</a></p>` : ''}`,
        },
        s,
      );
    });

    app.get(adminHref(lang, 'auditCsv'), async (request, reply) => {
      const s = await admin.scope(request);
      const filter = filterOf(request, s);
      const csv = await exportAuditCsv(db, filter);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="nhat-ky-${new Date().toISOString().slice(0, 10)}.csv"`);
      return reply.type('text/csv; charset=utf-8').send(csv);
    });
  }
}

export type { Lang };
