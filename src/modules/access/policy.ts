/**
 * Who may do what: the whole permission matrix as data, in one place. A service asks
 * `authorize(actor, action, siteId)` before it does anything; a route that forgets to ask
 * still goes through the service, and is refused there.
 */
import { Forbidden } from '../../platform/http/errors.ts';
import type { Role } from './roles.ts';

export const ACTIONS = [
  'admin.enter',
  'accounts.list',
  'accounts.manage',
  'grants.manage',
  'sites.manage',
  'site.identity',
  'site.settings',
  'menus.manage',
  'audit.view',
  'content.write',
  'content.edit',
  'content.approve',
  'content.emergency',
  'inquiries.intake',
  'inquiries.answer',
  'hotline.log',
  'calendar.edit',
  'maintenance.schedule',
  'oversight.queues',
  'oversight.compliance',
  'oversight.inquiries',
] as const;
export type Action = (typeof ACTIONS)[number];

/** For each action, the site roles that may do it on their own site. Platform admins may do everything everywhere. */
export const MATRIX: Record<Action, readonly Role[]> = {
  'admin.enter': ['site_operator', 'board_head', 'board_deputy', 'board_member', 'contributor', 'agency_responder', 'hotline_operator', 'auditor'],
  'accounts.list': ['site_operator'],
  'accounts.manage': ['site_operator'],
  'grants.manage': ['site_operator'],
  /** Creating, changing, closing and importing sites (the city's tree, host names): platform admins only. */
  'sites.manage': [],
  /** A site's own names, owner agency, contacts, logo and theme colour. */
  'site.identity': ['site_operator'],
  'site.settings': ['site_operator'],
  'menus.manage': ['site_operator'],
  'audit.view': ['auditor'],
  'content.write': ['board_head', 'board_deputy', 'board_member', 'contributor'],
  'content.edit': ['board_head', 'board_deputy', 'board_member'],
  'content.approve': ['board_head', 'board_deputy'],
  /** Publishing at once without the usual approval (disasters, urgent announcements), with a reason. */
  'content.emergency': ['board_head'],
  /** Receiving, classifying, forwarding citizens' requests; approving answers and publishing them (QA-2, QA-5). */
  'inquiries.intake': ['board_head', 'board_deputy', 'board_member'],
  /** Answering for one agency: the grant's unit must be the request's agency (checked by the service). */
  'inquiries.answer': ['agency_responder'],
  'hotline.log': ['hotline_operator'],
  /** The working-day calendar is the platform's: only platform admins change it. */
  'calendar.edit': [],
  /** Announcing a maintenance window of one's own site (OPS-4); several sites at once: platform admins only. */
  'maintenance.schedule': ['site_operator'],
  /**
   * Read-only oversight of a site below one's portal (issue 14, point 9): given by an oversight grant
   * (modules/oversight), never by a role, so no role has them on its own site. See OVERSIGHT_ACTIONS.
   */
  'oversight.queues': [],
  'oversight.compliance': [],
  'oversight.inquiries': [],
};

/**
 * What an oversight grant allows on each overseen site (`Actor.oversees`): reading the board's
 * queues, the compliance figures and the citizens' requests with their deadlines. Nothing else:
 * no write action is ever given by oversight.
 */
export const OVERSIGHT_ACTIONS: readonly Action[] = ['oversight.queues', 'oversight.compliance', 'oversight.inquiries'];

export interface Grant {
  siteId: number | null;
  role: Role;
  /** For roles that act for one unit: the unit of the site's directory, and its name (for showing). */
  unitId?: number | null;
  unit: string | null;
}

/** Who is acting: a signed-in person, or the system itself (CLI, background jobs). */
export type Actor =
  | {
      kind: 'person';
      accountId: number;
      email: string;
      grants: readonly Grant[];
      ip: string;
      sessionId: string | null;
      /** Sites overseen read-only through an oversight grant (the descendants of a portal the person heads the board of). */
      oversees?: readonly number[];
    }
  | { kind: 'system'; label: string };

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || actor.grants.some((g) => g.role === 'platform_admin');
}

/** True when `actor` may do `action` on site `siteId` (null: a platform-wide action). */
export function can(actor: Actor, action: Action, siteId: number | null): boolean {
  if (isPlatformAdmin(actor)) return true;
  if (actor.kind !== 'person' || siteId === null) return false;
  const allowed = MATRIX[action];
  if (OVERSIGHT_ACTIONS.includes(action) && actor.oversees?.includes(siteId)) return true;
  return actor.grants.some((g) => g.siteId === siteId && allowed.includes(g.role));
}

/** True when `actor` may do one of `actions` on `siteId` (a reading open to several kinds of access). */
export function canAny(actor: Actor, actions: readonly Action[], siteId: number | null): boolean {
  return actions.some((a) => can(actor, a, siteId));
}

/** Throws Forbidden unless `actor` may do one of `actions` on `siteId`. */
export function authorizeAny(actor: Actor, actions: readonly Action[], siteId: number | null): void {
  if (!canAny(actor, actions, siteId)) {
    throw new Forbidden('access.denied', `Not allowed: ${actions.join(' | ')}`, { messageKey: 'error.body.403' });
  }
}

/** True when `siteId` is overseen (read-only) by `actor` through an oversight grant, and the actor holds no role there. */
export function oversightOnly(actor: Actor, siteId: number): boolean {
  if (actor.kind !== 'person' || isPlatformAdmin(actor)) return false;
  return Boolean(actor.oversees?.includes(siteId)) && !actor.grants.some((g) => g.siteId === siteId);
}

/** Throws Forbidden unless `actor` may do `action` on `siteId`. */
export function authorize(actor: Actor, action: Action, siteId: number | null): void {
  if (!can(actor, action, siteId)) {
    throw new Forbidden('access.denied', `Not allowed: ${action}`, { messageKey: 'error.body.403' });
  }
}

/** Sites on which `actor` may do `action` ('all' for platform admins). */
export function sitesWhere(actor: Actor, action: Action): number[] | 'all' {
  if (isPlatformAdmin(actor)) return 'all';
  if (actor.kind !== 'person') return [];
  const allowed = MATRIX[action];
  const overseen = OVERSIGHT_ACTIONS.includes(action) ? (actor.oversees ?? []) : [];
  return [...new Set([...actor.grants.filter((g) => g.siteId !== null && allowed.includes(g.role)).map((g) => g.siteId!), ...overseen])];
}

/** A short label for audit entries. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'person' ? actor.email : actor.label;
}

export function actorId(actor: Actor): number | null {
  return actor.kind === 'person' ? actor.accountId : null;
}

export function actorIp(actor: Actor): string {
  return actor.kind === 'person' ? actor.ip : '';
}
