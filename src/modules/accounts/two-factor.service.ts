/**
 * Enrolling and resetting the second factor. The secret is kept pending on the account
 * until a first code proves the authenticator app has it; then ten one-time recovery
 * codes are shown once (only their hashes are stored).
 */
import { withTx } from '../../platform/db/create-db.ts';
import { Conflict, NotFound } from '../../platform/http/errors.ts';
import { audited, recordAudit } from '../audit/index.ts';
import { authorize, type Actor } from '../access/index.ts';
import * as repo from './accounts.repo.ts';
import type { AuthDeps, Attempt } from './sign-in.service.ts';
import { requires2fa } from './sign-in.service.ts';
import { rotateSession, endSessionsOf, type SessionInfo } from './sessions.ts';
import { checkTotp, newTotpSecret, totpQrSvg, totpUri } from './totp.ts';
import { newRecoveryCode, tokenHash } from './tokens.ts';

export const RECOVERY_CODE_COUNT = 10;

/** A signed-in person acting on their own account. */
type Person = Actor & { kind: 'person' };

export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** The pending secret of an account not yet enrolled (created on first call, then reused). */
export async function startEnrolment(deps: AuthDeps, accountId: number): Promise<Enrolment> {
  const account = await repo.findAccountById(deps.db, accountId);
  if (!account) throw new NotFound('account.not_found');
  if (account.totp_enabled_at) throw new Conflict('totp.already_enabled', 'Two-factor authentication is already on.');
  let secret = account.totp_secret;
  if (!secret) {
    secret = newTotpSecret();
    await repo.updateAccount(deps.db, accountId, { totp_secret: secret });
  }
  const uri = totpUri(secret, account.email);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}

export type EnrolmentOutcome = { ok: false } | { ok: true; recoveryCodes: string[]; token: string; session: SessionInfo };

/**
 * Confirms enrolment with a first code; gives the recovery codes and the upgraded session, or
 * `ok: false` for a wrong code (the person types another: not an error of the request).
 */
export async function confirmEnrolment(deps: AuthDeps, session: SessionInfo, code: string, attempt: Attempt): Promise<EnrolmentOutcome> {
  const account = await repo.findAccountById(deps.db, session.accountId);
  if (!account?.totp_secret || account.totp_enabled_at) throw new Conflict('totp.not_pending', 'No enrolment in progress.');
  const step = await checkTotp(account.totp_secret, code, null);
  if (step === null) return { ok: false };
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return withTx(deps.db, async (tx) => {
    await repo.updateAccount(tx, account.id, { totp_enabled_at: new Date(), totp_last_step: step, last_sign_in_at: new Date() });
    await repo.replaceRecoveryCodes(tx, account.id, codes.map(tokenHash));
    const rotated = await rotateSession(tx, deps.config, session, attempt.ip, attempt.userAgent, { mfaPassed: true });
    await recordAudit(tx, {
      actorId: account.id,
      actorLabel: account.email,
      ip: attempt.ip,
      action: 'account.2fa_enabled',
      targetType: 'account',
      targetId: String(account.id),
    });
    return { ok: true as const, recoveryCodes: codes, token: rotated.token, session: rotated.session };
  });
}

/** What the two-factor page shows: on or off, whether a role requires it, recovery codes left. */
export async function twoFactorState(deps: AuthDeps, accountId: number): Promise<{ enabled: boolean; required: boolean; codesLeft: number }> {
  const account = await repo.findAccountById(deps.db, accountId);
  if (!account) throw new NotFound('account.not_found');
  const enabled = account.totp_enabled_at !== null;
  return {
    enabled,
    required: await requires2fa(deps.db, accountId),
    codesLeft: enabled ? await repo.countUnusedRecoveryCodes(deps.db, accountId) : 0,
  };
}

/** New recovery codes for the actor's own account, when enrolled (the old ones stop working). */
export async function regenerateRecoveryCodes(deps: AuthDeps, actor: Person): Promise<string[]> {
  const accountId = actor.accountId;
  const account = await repo.findAccountById(deps.db, accountId);
  if (!account?.totp_enabled_at) throw new Conflict('totp.not_enabled');
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await withTx(deps.db, async (tx) => {
    await repo.replaceRecoveryCodes(tx, accountId, codes.map(tokenHash));
    await audited(tx, actor, 'account.recovery_codes_renewed', { type: 'account', id: accountId });
  });
  return codes;
}

/** Turns off the actor's own second factor, only when none of their roles requires it. */
export async function disableOwnTwoFactor(deps: AuthDeps, actor: Person): Promise<void> {
  const accountId = actor.accountId;
  if (await requires2fa(deps.db, accountId)) throw new Conflict('totp.required', 'Vai trò của bạn bắt buộc xác thực hai lớp.');
  const account = await repo.findAccountById(deps.db, accountId);
  if (!account) throw new NotFound('account.not_found');
  await withTx(deps.db, async (tx) => {
    await repo.updateAccount(tx, accountId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    await repo.replaceRecoveryCodes(tx, accountId, []);
    await audited(tx, actor, 'account.2fa_disabled', { type: 'account', id: accountId });
  });
}

/** An administrator clears someone's second factor (lost phone): they enrol again at next sign-in. */
export async function resetTwoFactor(deps: AuthDeps, actor: Actor, email: string): Promise<void> {
  authorize(actor, 'accounts.manage', null);
  const account = await repo.findAccountByEmail(deps.db, email.trim().toLowerCase());
  if (!account) throw new NotFound('account.not_found', `Không có tài khoản ${email}.`);
  await withTx(deps.db, async (tx) => {
    await repo.updateAccount(tx, account.id, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    await repo.replaceRecoveryCodes(tx, account.id, []);
    const ended = await endSessionsOf(tx, account.id);
    await audited(tx, actor, 'account.2fa_reset', { type: 'account', id: account.id }, { email: account.email, sessions_ended: ended });
  });
}
