/**
 * The roles of the platform (SEC-2). Every role but platform admin is granted on one site;
 * one person may hold different roles on different sites.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { t } from './messages.ts';

export const ROLES = [
  'platform_admin',
  'site_operator',
  'board_head',
  'board_deputy',
  'board_member',
  'contributor',
  'agency_responder',
  'hotline_operator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The role's name for people, in `lang`. */
export function roleLabel(role: Role, lang: Lang): string {
  return t(lang, `role.${role}`);
}

/**
 * Roles that publish or edit for the board, answer for an agency, manage accounts or administer must use a
 * second factor (level 3: MFA for administrators and access from the Internet).
 */
export const ROLES_REQUIRING_2FA: ReadonlySet<Role> = new Set([
  'platform_admin',
  'site_operator',
  'board_head',
  'board_deputy',
  'board_member',
  'agency_responder',
]);

/** Roles whose sessions use the shorter administration idle limit and the 2-month password rule. */
export const ADMIN_ROLES: ReadonlySet<Role> = new Set(['platform_admin', 'site_operator']);

/** Roles that act for one unit of the site and so carry a unit in their grant. */
export const UNIT_ROLES: ReadonlySet<Role> = new Set(['agency_responder']);
