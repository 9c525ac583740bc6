/**
 * Server-side sessions: the cookie holds a random token, the database its hash, so a
 * session can be listed and ended (by its owner, or at once on suspension, role change or
 * password change). A session is bound to the host it was created on, ends after an idle
 * period (shorter for administrators) and at an absolute lifetime.
 */
import type { Config } from '../../platform/config.ts';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { SessionRow } from '../../platform/db/schema.ts';
import { ADMIN_ROLES, isRole } from '../access/index.ts';
import * as repo from './accounts.repo.ts';
import { newToken, tokenHash } from './tokens.ts';

export const SESSION_COOKIE = 'cong_sid';
/** last_seen_at is written at most this often, to spare the database a write per request. */
const TOUCH_EVERY_MS = 30_000;

export interface SessionInfo {
  id: string;
  accountId: number;
  host: string;
  mfaPassed: boolean;
  currentSiteId: number | null;
  createdAt: Date;
  expiresAt: Date;
}

function info(row: SessionRow): SessionInfo {
  return {
    id: row.id,
    accountId: row.account_id,
    host: row.host,
    mfaPassed: row.mfa_passed,
    currentSiteId: row.current_site_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Idle limit of an account's sessions: the administration one if any grant administers. */
export async function idleSecondsFor(db: DbOrTx, config: Config, accountId: number): Promise<number> {
  const grants = await repo.grantsOf(db, accountId);
  const admin = grants.some((g) => isRole(g.role) && ADMIN_ROLES.has(g.role));
  return (admin ? config.adminSessionIdleMinutes : config.sessionIdleMinutes) * 60;
}

/** Opens a session; returns the cookie token (never stored as such). */
export async function openSession(
  db: DbOrTx,
  config: Config,
  a: { accountId: number; host: string; ip: string; userAgent: string; mfaPassed: boolean; currentSiteId?: number | null },
): Promise<{ token: string; session: SessionInfo }> {
  const token = newToken();
  const now = Date.now();
  const row = {
    id: tokenHash(token),
    account_id: a.accountId,
    host: a.host,
    expires_at: new Date(now + config.sessionMaxHours * 3600_000),
    idle_seconds: await idleSecondsFor(db, config, a.accountId),
    ip: a.ip,
    user_agent: a.userAgent.slice(0, 300),
    mfa_passed: a.mfaPassed,
    current_site_id: a.currentSiteId ?? null,
  };
  await repo.insertSession(db, row);
  return {
    token,
    session: {
      id: row.id,
      accountId: a.accountId,
      host: a.host,
      mfaPassed: a.mfaPassed,
      currentSiteId: row.current_site_id,
      createdAt: new Date(now),
      expiresAt: row.expires_at,
    },
  };
}

/**
 * The live session for a cookie token on `host`, touched; undefined when there is none,
 * it expired, went idle, or belongs to another host (a cookie carried across sites).
 */
export async function loadSession(db: DbOrTx, token: string | undefined, host: string, now = new Date()): Promise<SessionInfo | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await repo.findSession(db, tokenHash(token));
  if (!row) return undefined;
  const idleUntil = row.last_seen_at.getTime() + row.idle_seconds * 1000;
  if (row.expires_at <= now || idleUntil <= now.getTime()) {
    await repo.deleteSession(db, row.id);
    return undefined;
  }
  if (row.host !== host) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await repo.updateSession(db, row.id, { last_seen_at: now });
  return info(row);
}

/** Replaces a session by a new one (new token) keeping its state: after sign-in steps, against fixation. */
export async function rotateSession(
  db: DbOrTx,
  config: Config,
  old: SessionInfo,
  ip: string,
  userAgent: string,
  changes: { mfaPassed?: boolean },
): Promise<{ token: string; session: SessionInfo }> {
  await repo.deleteSession(db, old.id);
  return openSession(db, config, {
    accountId: old.accountId,
    host: old.host,
    ip,
    userAgent,
    mfaPassed: changes.mfaPassed ?? old.mfaPassed,
    currentSiteId: old.currentSiteId,
  });
}

/**
 * Ends one of a person's own sessions, named by `ref` (the first 16 characters of its id: the
 * full id never leaves the server), never the one in use (`currentId`). An unknown reference
 * ends nothing.
 */
export async function endOwnSession(db: DbOrTx, accountId: number, currentId: string, ref: string): Promise<void> {
  if (ref.length !== 16) return;
  const target = (await repo.sessionsOf(db, accountId)).find((x) => x.id.startsWith(ref));
  if (target && target.id !== currentId) await repo.deleteSession(db, target.id);
}

export const endSessionsOf = repo.deleteSessionsOf;
export const listSessionsOf = repo.sessionsOf;
