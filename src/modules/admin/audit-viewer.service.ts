/**
 * Which audit entries a person may read: auditors those of the site they work on, platform
 * administrators those of the current site or, asked for, of the whole platform. The filter of
 * the viewer's form becomes the audit module's `AuditFilter`, limited to what the actor may see.
 */
import { authorize, isPlatformAdmin, sitesWhere } from '../access/index.ts';
import type { AdminScope } from '../accounts/index.ts';
import type { AuditFilter } from '../audit/index.ts';
import type { AuditQueryValues } from './admin.schema.ts';

/** The start of a Vietnamese day (UTC+7, no daylight saving), or of the next one. */
function dayStart(value: string | undefined, nextDay: boolean): Date | undefined {
  if (!value) return undefined;
  const d = new Date(`${value}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return nextDay ? new Date(d.getTime() + 86_400_000) : d;
}

export function visibleAuditFilter(s: AdminScope, q: AuditQueryValues): AuditFilter {
  authorize(s.actor, 'audit.view', s.site?.id ?? null);
  const visible = sitesWhere(s.actor, 'audit.view');
  const siteIds: AuditFilter['siteIds'] =
    isPlatformAdmin(s.actor) && q.pham_vi === 'tat-ca' ? 'all' : visible === 'all' ? (s.site ? [s.site.id] : 'all') : visible.filter((id) => id === s.site?.id);
  const from = dayStart(q.tu, false);
  const to = dayStart(q.den, true);
  return {
    siteIds,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(q.hanh_dong ? { action: q.hanh_dong.slice(0, 100) } : {}),
    ...(q.tim ? { q: q.tim.slice(0, 100) } : {}),
    ...(q.truoc ? { beforeId: q.truoc } : {}),
  };
}
