/**
 * Signing in: password, then the second factor. Every answer to a failed attempt is the
 * same whether or not the account exists. Five wrong passwords lock an account for 15
 * minutes; failures from one source address add a growing delay (level 3: lock-out after
 * at most 5 failures). Each attempt is in the audit log.
 */
import type { Config } from '../../platform/config.ts';
import { withTx, type Db } from '../../platform/db/create-db.ts';
import type { AccountRow } from '../../platform/db/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { isRole, ROLES_REQUIRING_2FA } from '../access/index.ts';
import * as repo from './accounts.repo.ts';
import { verifyPassword, dummyVerify } from './passwords.ts';
import { openSession, rotateSession, type SessionInfo } from './sessions.ts';
import { checkTotp } from './totp.ts';
import { normaliseRecoveryCode, tokenHash } from './tokens.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const INACTIVE_DAYS = 45;
/** Failures from one address within this window count towards its delay. */
const THROTTLE_WINDOW_MS = 15 * 60_000;

export interface AuthDeps {
  db: Db;
  config: Config;
}

export interface Attempt {
  ip: string;
  userAgent: string;
  host: string;
}

export type Next = 'done' | 'totp' | 'enrol-totp';

export type SignInOutcome =
  | { ok: false; reason: 'invalid' | 'suspended' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: true; token: string; session: SessionInfo; next: Next };

/** Seconds an address must wait after `failures` recent failures: none for the first 3, then 2, 4, 8 … up to 15 min. */
export function throttleDelaySeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** (failures - 2), 900);
}

export async function requires2fa(db: Db, accountId: number): Promise<boolean> {
  const grants = await repo.grantsOf(db, accountId);
  return grants.some((g) => isRole(g.role) && ROLES_REQUIRING_2FA.has(g.role));
}

async function fail(deps: AuthDeps, attempt: Attempt, account: AccountRow | undefined, email: string, why: string): Promise<void> {
  await withTx(deps.db, async (tx) => {
    await repo.addThrottleFailure(tx, attempt.ip, new Date());
    await recordAudit(tx, {
      actorId: account?.id ?? null,
      actorLabel: email.slice(0, 200) || '(trống)',
      ip: attempt.ip,
      action: 'auth.sign_in_failed',
      targetType: 'account',
      targetId: account ? String(account.id) : '',
      summary: { reason: why },
    });
  });
}

export async function signIn(deps: AuthDeps, emailInput: string, password: string, attempt: Attempt): Promise<SignInOutcome> {
  const { db } = deps;
  const now = new Date();
  const email = emailInput.normalize('NFC').trim().toLowerCase();

  const throttle = await repo.findThrottle(db, attempt.ip);
  if (throttle && now.getTime() - throttle.last_failure_at.getTime() < THROTTLE_WINDOW_MS) {
    const waitMs = throttleDelaySeconds(throttle.failures) * 1000 - (now.getTime() - throttle.last_failure_at.getTime());
    if (waitMs > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }

  const account = email ? await repo.findAccountByEmail(db, email) : undefined;
  if (!account) {
    await dummyVerify(password);
    await fail(deps, attempt, undefined, email, 'unknown_account');
    return { ok: false, reason: 'invalid' };
  }
  if (account.locked_until && account.locked_until > now) {
    await dummyVerify(password);
    await fail(deps, attempt, account, email, 'locked');
    return { ok: false, reason: 'invalid' };
  }
  if (!(await verifyPassword(account.password_hash, password))) {
    await withTx(db, async (tx) => {
      const failures = await repo.addFailedSignIn(tx, account.id);
      if (failures >= MAX_FAILURES) {
        await repo.updateAccount(tx, account.id, { failed_sign_ins: 0, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000) });
        await recordAudit(tx, {
          actorId: account.id,
          actorLabel: account.email,
          ip: attempt.ip,
          action: 'auth.locked',
          targetType: 'account',
          targetId: String(account.id),
          summary: { failures, minutes: LOCK_MINUTES },
        });
      }
    });
    await fail(deps, attempt, account, email, 'wrong_password');
    return { ok: false, reason: 'invalid' };
  }
  if (account.status !== 'active') {
    await fail(deps, attempt, account, email, 'suspended');
    return { ok: false, reason: 'suspended' };
  }
  const lastActive = account.last_sign_in_at ?? account.created_at;
  if (now.getTime() - lastActive.getTime() > INACTIVE_DAYS * 86_400_000) {
    await withTx(db, async (tx) => {
      await repo.updateAccount(tx, account.id, { status: 'suspended', suspended_reason: 'inactive' });
      await recordAudit(tx, {
        actorId: null,
        actorLabel: 'system',
        ip: attempt.ip,
        action: 'account.auto_suspended',
        targetType: 'account',
        targetId: String(account.id),
        summary: { reason: 'inactive', days: INACTIVE_DAYS },
      });
    });
    await fail(deps, attempt, account, email, 'inactive');
    return { ok: false, reason: 'suspended' };
  }

  const enrolled = account.totp_enabled_at !== null;
  const mustEnrol = !enrolled && (await requires2fa(db, account.id));
  const next: Next = enrolled ? 'totp' : mustEnrol ? 'enrol-totp' : 'done';
  return withTx(db, async (tx) => {
    await repo.updateAccount(tx, account.id, { failed_sign_ins: 0, locked_until: null, ...(next === 'done' ? { last_sign_in_at: now } : {}) });
    await repo.clearThrottle(tx, attempt.ip);
    const opened = await openSession(tx, deps.config, {
      accountId: account.id,
      host: attempt.host,
      ip: attempt.ip,
      userAgent: attempt.userAgent,
      mfaPassed: next === 'done',
    });
    await recordAudit(tx, {
      actorId: account.id,
      actorLabel: account.email,
      ip: attempt.ip,
      action: next === 'done' ? 'auth.sign_in' : 'auth.password_ok',
      targetType: 'session',
      targetId: opened.session.id.slice(0, 12),
      summary: { next },
    });
    return { ok: true as const, token: opened.token, session: opened.session, next };
  });
}

export type SecondFactorOutcome = { ok: false; locked: boolean } | { ok: true; token: string; session: SessionInfo; usedRecoveryCode: boolean };

/** Checks a TOTP code (or a one-time recovery code) for a session that passed the password step. */
export async function completeSecondFactor(deps: AuthDeps, session: SessionInfo, code: string, attempt: Attempt): Promise<SecondFactorOutcome> {
  const { db } = deps;
  const account = await repo.findAccountById(db, session.accountId);
  if (!account?.totp_secret || !account.totp_enabled_at || account.status !== 'active') return { ok: false, locked: false };
  const step = await checkTotp(account.totp_secret, code, account.totp_last_step);
  const usedRecovery = step === null && (await repo.useRecoveryCode(db, account.id, tokenHash(normaliseRecoveryCode(code))));
  if (step === null && !usedRecovery) {
    const locked = await withTx(db, async (tx) => {
      const failures = await repo.addFailedSignIn(tx, account.id);
      await recordAudit(tx, {
        actorId: account.id,
        actorLabel: account.email,
        ip: attempt.ip,
        action: 'auth.second_factor_failed',
        targetType: 'account',
        targetId: String(account.id),
        summary: { failures },
      });
      if (failures < MAX_FAILURES) return false;
      await repo.updateAccount(tx, account.id, { failed_sign_ins: 0, locked_until: new Date(Date.now() + LOCK_MINUTES * 60_000) });
      await repo.deleteSession(tx, session.id);
      await recordAudit(tx, {
        actorId: account.id,
        actorLabel: account.email,
        ip: attempt.ip,
        action: 'auth.locked',
        targetType: 'account',
        targetId: String(account.id),
        summary: { failures, minutes: LOCK_MINUTES },
      });
      return true;
    });
    return { ok: false, locked };
  }
  return withTx(db, async (tx) => {
    await repo.updateAccount(tx, account.id, { failed_sign_ins: 0, last_sign_in_at: new Date(), ...(step !== null ? { totp_last_step: step } : {}) });
    const rotated = await rotateSession(tx, deps.config, session, attempt.ip, attempt.userAgent, { mfaPassed: true });
    await recordAudit(tx, {
      actorId: account.id,
      actorLabel: account.email,
      ip: attempt.ip,
      action: 'auth.sign_in',
      targetType: 'session',
      targetId: rotated.session.id.slice(0, 12),
      summary: { second_factor: usedRecovery ? 'recovery_code' : 'totp' },
    });
    return { ok: true as const, token: rotated.token, session: rotated.session, usedRecoveryCode: usedRecovery };
  });
}

/** Ends the session and records the sign-out. */
export async function signOut(deps: AuthDeps, session: SessionInfo, email: string, ip: string): Promise<void> {
  await withTx(deps.db, async (tx) => {
    await repo.deleteSession(tx, session.id);
    await recordAudit(tx, {
      actorId: session.accountId,
      actorLabel: email,
      ip,
      action: 'auth.sign_out',
      targetType: 'session',
      targetId: session.id.slice(0, 12),
    });
  });
}
