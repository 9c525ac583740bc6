/**
 * Changing and resetting passwords under the level-3 rules: the policy of passwords.ts,
 * no reuse of the last 10, administrators renew every 2 months, and a change ends the
 * account's other sessions. Reset links are single-use, expire in an hour, and the answer
 * to a reset request never says whether the account exists.
 */
import { withTx, type Tx } from '../../platform/db/create-db.ts';
import { Invalid, NotFound } from '../../platform/http/errors.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { audited, recordAudit } from '../audit/index.ts';
import { ADMIN_ROLES, isRole, type Actor } from '../access/index.ts';
import * as repo from './accounts.repo.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import type { AuthDeps } from './sign-in.service.ts';
import { newToken, tokenHash } from './tokens.ts';

export const PASSWORD_HISTORY = 10;
export const ADMIN_PASSWORD_MAX_AGE_DAYS = 60;
export const RESET_TOKEN_MINUTES = 60;

function invalid(messages: string[]): Invalid {
  return new Invalid('password.invalid', messages.join(' '), { details: messages.map((message) => ({ field: 'password', message })) });
}

async function reused(db: AuthDeps['db'], accountId: number, currentHash: string, password: string): Promise<boolean> {
  const hashes = [currentHash, ...(await repo.recentPasswordHashes(db, accountId, PASSWORD_HISTORY))];
  for (const h of hashes) if (await verifyPassword(h, password)) return true;
  return false;
}

async function storeNewPassword(tx: Tx, accountId: number, oldHash: string, newHash: string): Promise<void> {
  await repo.addPasswordHistory(tx, accountId, oldHash);
  await repo.updateAccount(tx, accountId, { password_hash: newHash, password_changed_at: new Date(), failed_sign_ins: 0, locked_until: null });
}

/** True when an administrator's password is older than two months and must be changed now. */
export async function passwordExpired(db: AuthDeps['db'], accountId: number, now = new Date()): Promise<boolean> {
  const account = await repo.findAccountById(db, accountId);
  if (!account) return false;
  const grants = await repo.grantsOf(db, accountId);
  if (!grants.some((g) => isRole(g.role) && ADMIN_ROLES.has(g.role))) return false;
  return now.getTime() - account.password_changed_at.getTime() > ADMIN_PASSWORD_MAX_AGE_DAYS * 86_400_000;
}

/** A signed-in person changes their own password; their other sessions (all but `keepSessionId`) end. */
export async function changePassword(deps: AuthDeps, actor: Actor & { kind: 'person' }, keepSessionId: string, current: string, next: string): Promise<void> {
  const accountId = actor.accountId;
  const account = await repo.findAccountById(deps.db, accountId);
  if (!account) throw new NotFound('account.not_found');
  if (!(await verifyPassword(account.password_hash, current))) {
    throw new Invalid('password.wrong_current', 'Mật khẩu hiện tại không đúng.', { details: [{ field: 'current', message: 'Mật khẩu hiện tại không đúng.' }] });
  }
  const problems = passwordProblems(next, account.email);
  if (problems.length) throw invalid(problems);
  if (await reused(deps.db, accountId, account.password_hash, next)) throw invalid([`Không được dùng lại ${PASSWORD_HISTORY} mật khẩu gần nhất.`]);
  const hash = await hashPassword(next);
  await withTx(deps.db, async (tx) => {
    await storeNewPassword(tx, accountId, account.password_hash, hash);
    const ended = await repo.deleteSessionsOf(tx, accountId, keepSessionId);
    await audited(tx, actor, 'account.password_changed', { type: 'account', id: accountId }, { other_sessions_ended: ended });
  });
}

/**
 * Starts a reset: when an active account has this e-mail, a link is queued to it. The
 * caller answers the same either way.
 */
export async function requestPasswordReset(deps: AuthDeps, emailInput: string, ip: string, linkBase: string): Promise<void> {
  const email = emailInput.normalize('NFC').trim().toLowerCase();
  const account = email ? await repo.findAccountByEmail(deps.db, email) : undefined;
  await withTx(deps.db, async (tx) => {
    if (account?.status !== 'active') {
      await recordAudit(tx, { actorId: null, actorLabel: email.slice(0, 200) || '(trống)', ip, action: 'auth.reset_requested', summary: { sent: false } });
      return;
    }
    const token = newToken();
    await repo.insertResetToken(tx, {
      token_hash: tokenHash(token),
      account_id: account.id,
      expires_at: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000),
      ip,
    });
    const link = `${linkBase}?ma=${token}`;
    await queueMail(tx, {
      to: account.email,
      subject: 'Đặt lại mật khẩu — Cổng',
      text: `Xin chào ${account.name},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản ${account.email}. Mở liên kết sau trong ${RESET_TOKEN_MINUTES} phút để đặt mật khẩu mới (liên kết chỉ dùng được một lần):\n\n${link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi.\n\n— Cổng\n\nA password reset was requested for this account. The link above works once, for ${RESET_TOKEN_MINUTES} minutes.`,
    });
    await recordAudit(tx, {
      actorId: account.id,
      actorLabel: account.email,
      ip,
      action: 'auth.reset_requested',
      targetType: 'account',
      targetId: String(account.id),
      summary: { sent: true },
    });
  });
}

/** True when a reset link can still be used (to show the form or a clear refusal). */
export async function resetTokenValid(deps: AuthDeps, token: string): Promise<boolean> {
  if (!token || token.length > 100) return false;
  return (await repo.peekResetToken(deps.db, tokenHash(token), new Date())) !== undefined;
}

/**
 * Completes a reset with a new password; the link is used up only when the password is accepted.
 * A link that is no longer valid is an outcome (the page says so), a weak password an `Invalid`.
 */
export async function completePasswordReset(deps: AuthDeps, token: string, password: string, ip: string): Promise<{ ok: boolean }> {
  const peek = token && token.length <= 100 ? await repo.peekResetToken(deps.db, tokenHash(token), new Date()) : undefined;
  if (!peek) return { ok: false };
  const account = await repo.findAccountById(deps.db, peek.account_id);
  if (!account) return { ok: false };
  const problems = passwordProblems(password, account.email);
  if (problems.length) throw invalid(problems);
  if (await reused(deps.db, account.id, account.password_hash, password)) throw invalid([`Không được dùng lại ${PASSWORD_HISTORY} mật khẩu gần nhất.`]);
  const hash = await hashPassword(password);
  return withTx(deps.db, async (tx) => {
    // Claimed in the transaction: of two resets racing on one link, only one sets its password.
    const claimed = await repo.claimResetToken(tx, tokenHash(token), new Date());
    if (claimed !== account.id) return { ok: false };
    await storeNewPassword(tx, account.id, account.password_hash, hash);
    const ended = await repo.deleteSessionsOf(tx, account.id);
    await recordAudit(tx, {
      actorId: account.id,
      actorLabel: account.email,
      ip,
      action: 'account.password_reset',
      targetType: 'account',
      targetId: String(account.id),
      summary: { sessions_ended: ended },
    });
    return { ok: true };
  });
}
