/**
 * The only road out for accounts: rows become `AccountView` (what services hand out) here, and
 * `AccountView`s and sessions become what the screens show (labels in the page's language,
 * formatted times), so the views only lay them out.
 */
import { formatDateTime, type Lang } from '../../platform/i18n/index.ts';
import type { AccountRow, SessionRow } from '../../platform/db/schema.ts';
import { isPlatformAdmin, isRole, ROLES, roleLabel, type Actor, type Role } from '../access/index.ts';
import type { grantsOf } from './accounts.repo.ts';
import { paths } from './paths.ts';
import { t } from './messages.ts';

export interface AccountView {
  id: number;
  email: string;
  name: string;
  phone: string;
  unit: string;
  status: AccountRow['status'];
  suspendedReason: string | null;
  twoFactor: boolean;
  lastSignInAt: Date | null;
  grants: {
    id: number;
    siteId: number | null;
    siteCode: string | null;
    siteNameVi: string | null;
    siteNameEn: string | null;
    role: Role;
    unit: string | null;
  }[];
}

type GrantRow = Awaited<ReturnType<typeof grantsOf>>[number];

/** An account and its grants (those of a role the platform still knows). */
export function presentAccount(account: AccountRow, grants: readonly GrantRow[]): AccountView {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    phone: account.phone,
    unit: account.unit,
    status: account.status,
    suspendedReason: account.suspended_reason,
    twoFactor: account.totp_enabled_at !== null,
    lastSignInAt: account.last_sign_in_at,
    grants: grants
      .filter((g) => isRole(g.role))
      .map((g) => ({
        id: g.id,
        siteId: g.site_id,
        siteCode: g.site_code,
        siteNameVi: g.site_name_vi,
        siteNameEn: g.site_name_en,
        role: g.role as Role,
        unit: g.unit,
      })),
  };
}

// ── Screens ──────────────────────────────────────────────────────────────────────────────

/** One grant as a line: "Role — Site (unit)". */
export interface GrantLine {
  id: number;
  role: string;
  /** The site's name, or "whole platform". */
  place: string;
  unit: string | null;
  /** The person looking may revoke it (account page). */
  revocable: boolean;
}

function grantLine(g: AccountView['grants'][number], lang: Lang, revocable: boolean): GrantLine {
  return {
    id: g.id,
    role: roleLabel(g.role, lang),
    place: g.siteId ? ((lang === 'en' ? g.siteNameEn : g.siteNameVi) ?? '') : t(lang, 'common.wholePlatform'),
    unit: g.unit,
    revocable,
  };
}

export interface ProfileModel {
  name: string;
  email: string;
  unit: string;
  twoFactor: boolean;
  grants: GrantLine[];
}

export function presentProfile(me: AccountView, lang: Lang): ProfileModel {
  return { name: me.name, email: me.email, unit: me.unit, twoFactor: me.twoFactor, grants: me.grants.map((g) => grantLine(g, lang, false)) };
}

export interface SessionLine {
  started: string;
  lastActive: string;
  ip: string;
  browser: string;
  current: boolean;
  /** What the "end" form sends: a prefix of the id, so the full id never leaves the server. */
  ref: string;
}

export function presentSessions(sessions: readonly SessionRow[], currentId: string): SessionLine[] {
  return sessions.map((x) => ({
    started: formatDateTime(x.created_at),
    lastActive: formatDateTime(x.last_seen_at),
    ip: x.ip,
    browser: x.user_agent.slice(0, 80),
    current: x.id === currentId,
    ref: x.id.slice(0, 16),
  }));
}

export interface AccountLine {
  href: string;
  name: string;
  email: string;
  /** Roles on the site being worked on (and platform-wide ones), joined. */
  roles: string;
  active: boolean;
  lastSignIn: string;
}

export function presentAccountList(accounts: readonly AccountView[], siteId: number | null, lang: Lang): AccountLine[] {
  return accounts.map((a) => ({
    href: paths.href(lang, 'accounts', `/${a.id}`),
    name: a.name,
    email: a.email,
    roles: a.grants
      .filter((g) => g.siteId === siteId || g.siteId === null)
      .map((g) => roleLabel(g.role, lang))
      .join(', '),
    active: a.status === 'active',
    lastSignIn: a.lastSignInAt ? formatDateTime(a.lastSignInAt) : '—',
  }));
}

export interface AccountModel {
  id: number;
  href: string;
  name: string;
  email: string;
  phone: string;
  unit: string;
  active: boolean;
  /** Why it is suspended, in words ("inactive for over 45 days" or the reason typed). */
  suspendedReason: string | null;
  twoFactor: boolean;
  grants: GrantLine[];
}

/** One account as its page shows it to `actor` working on `siteId`. */
export function presentAccountPage(a: AccountView, actor: Actor, siteId: number | null, lang: Lang): AccountModel {
  return {
    id: a.id,
    href: paths.href(lang, 'accounts', `/${a.id}`),
    name: a.name,
    email: a.email,
    phone: a.phone,
    unit: a.unit,
    active: a.status === 'active',
    suspendedReason: a.suspendedReason ? (a.suspendedReason === 'inactive' ? t(lang, 'accounts.inactiveOver45Days') : a.suspendedReason) : null,
    twoFactor: a.twoFactor,
    grants: a.grants.map((g) => grantLine(g, lang, g.siteId === siteId || isPlatformAdmin(actor))),
  };
}

export interface RoleOption {
  value: Role;
  label: string;
}

/** The roles `actor` may grant (platform administration only by a platform administrator). */
export function roleOptions(actor: Actor, lang: Lang): RoleOption[] {
  return ROLES.filter((r) => r !== 'platform_admin' || isPlatformAdmin(actor)).map((r) => ({ value: r, label: roleLabel(r, lang) }));
}
