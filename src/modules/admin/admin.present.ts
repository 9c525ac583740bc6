/** The admin module's screens from what services give: audit entries as table rows, the dashboard's facts. */
import { formatDate, formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import { roleLabel, type Grant } from '../access/index.ts';
import type { AuditEntryView } from '../audit/index.ts';
import type { AuditQueryValues } from './admin.schema.ts';

export interface AuditLine {
  id: number;
  at: string;
  actor: string;
  ip: string;
  action: string;
  target: string;
  summary: string;
}

export function presentAuditEntries(entries: readonly AuditEntryView[]): AuditLine[] {
  return entries.map((r) => ({
    id: r.id,
    at: formatDateTime(r.at),
    actor: r.actorLabel,
    ip: r.ip,
    action: r.action,
    target: `${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}`,
    summary: JSON.stringify(r.summary),
  }));
}

/** The filter of the page as a query string (for the CSV link and the next page), `truoc` only when given. */
export function auditQueryString(q: AuditQueryValues, truoc?: number): string {
  const params = new URLSearchParams();
  for (const name of ['tu', 'den', 'hanh_dong', 'tim', 'pham_vi'] as const) {
    const value = q[name];
    if (value) params.set(name, value);
  }
  if (truoc !== undefined) params.set('truoc', String(truoc));
  return params.toString();
}

export interface DashboardModel {
  name: string;
  /** The person's roles on the site worked on, and platform-wide. */
  roles: string[];
  twoFactor: boolean;
  passwordChanged: string;
  lastSignIn: string | null;
}

export function presentDashboard(
  lang: Lang,
  name: string,
  roles: readonly Grant[],
  info: { twoFactor: boolean; passwordChangedAt: Date; lastSignInAt: Date | null },
): DashboardModel {
  return {
    name,
    roles: roles.map((g) => `${roleLabel(g.role, lang)}${g.unit ? ` (${g.unit})` : ''}`),
    twoFactor: info.twoFactor,
    passwordChanged: formatDate(info.passwordChangedAt),
    lastSignIn: info.lastSignInAt ? formatDateTime(info.lastSignInAt) : null,
  };
}
