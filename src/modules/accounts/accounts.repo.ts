/** The only SQL of the accounts module: accounts, grants, sessions, tokens, throttling. */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { AccountRow, SessionRow } from '../../platform/db/schema.ts';

// ── accounts ────────────────────────────────────────────────────────────────
export function findAccountByEmail(db: DbOrTx, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findAccountById(db: DbOrTx, id: number): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertAccount(
  db: DbOrTx,
  row: { email: string; name: string; phone: string; unit: string; password_hash: string; is_demo?: boolean },
): Promise<AccountRow> {
  return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAccount(
  db: DbOrTx,
  id: number,
  patch: Partial<
    Pick<
      AccountRow,
      | 'name'
      | 'phone'
      | 'unit'
      | 'status'
      | 'suspended_reason'
      | 'password_hash'
      | 'password_changed_at'
      | 'failed_sign_ins'
      | 'locked_until'
      | 'last_sign_in_at'
      | 'totp_secret'
      | 'totp_enabled_at'
      | 'totp_last_step'
    >
  >,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Counts one failed sign-in; returns the new count. */
export async function addFailedSignIn(db: DbOrTx, id: number): Promise<number> {
  const row = await db
    .updateTable('accounts')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  return row.failed_sign_ins;
}

/** Accounts with a grant on one of `siteIds` ('all': every account), by name. */
export function listAccounts(db: DbOrTx, siteIds: number[] | 'all'): Promise<AccountRow[]> {
  let q = db.selectFrom('accounts').selectAll('accounts');
  if (siteIds !== 'all') {
    if (siteIds.length === 0) return Promise.resolve([]);
    q = q.where('accounts.id', 'in', db.selectFrom('role_grants').select('account_id').where('site_id', 'in', siteIds));
  }
  return q.orderBy('accounts.name').orderBy('accounts.id').execute();
}

/** Active accounts whose last sign-in (or creation) is older than `before`. */
export function inactiveAccounts(db: DbOrTx, before: Date): Promise<Pick<AccountRow, 'id' | 'email'>[]> {
  return db
    .selectFrom('accounts')
    .select(['id', 'email'])
    .where('status', '=', 'active')
    .where((eb) => eb(eb.fn.coalesce('last_sign_in_at', 'created_at'), '<', before))
    .execute();
}

// ── grants ──────────────────────────────────────────────────────────────────
export function grantsOf(db: DbOrTx, accountId: number) {
  return (
    db
      .selectFrom('role_grants')
      .leftJoin('sites', 'sites.id', 'role_grants.site_id')
      // The unit of the site's directory a grant names (its name is shown with the grant).
      .leftJoin('directory_units', 'directory_units.id', 'role_grants.unit_id')
      .select([
        'role_grants.id',
        'role_grants.site_id',
        'role_grants.role',
        'role_grants.unit_id',
        'directory_units.name_vi as unit',
        'sites.code as site_code',
        'sites.name_vi as site_name_vi',
        'sites.name_en as site_name_en',
      ])
      .where('role_grants.account_id', '=', accountId)
      .orderBy('role_grants.site_id')
      .orderBy('role_grants.role')
      .execute()
  );
}

export async function grantsForAccounts(db: DbOrTx, accountIds: readonly number[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('role_grants')
    .leftJoin('directory_units', 'directory_units.id', 'role_grants.unit_id')
    .select(['role_grants.account_id', 'role_grants.site_id', 'role_grants.role', 'role_grants.unit_id', 'directory_units.name_vi as unit'])
    .where('role_grants.account_id', 'in', accountIds)
    .execute();
}

export async function insertGrant(db: DbOrTx, accountId: number, siteId: number | null, role: string, unitId: number | null): Promise<boolean> {
  const r = await db
    .insertInto('role_grants')
    .values({ account_id: accountId, site_id: siteId, role, unit_id: unitId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function findGrant(db: DbOrTx, grantId: number) {
  return db.selectFrom('role_grants').selectAll().where('id', '=', grantId).executeTakeFirst();
}

export async function deleteGrant(db: DbOrTx, grantId: number): Promise<void> {
  await db.deleteFrom('role_grants').where('id', '=', grantId).execute();
}

// ── password history and recovery codes ─────────────────────────────────────
export function recentPasswordHashes(db: DbOrTx, accountId: number, limit: number): Promise<string[]> {
  return db
    .selectFrom('password_history')
    .select('password_hash')
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => r.password_hash));
}

export async function addPasswordHistory(db: DbOrTx, accountId: number, hash: string): Promise<void> {
  await db.insertInto('password_history').values({ account_id: accountId, password_hash: hash }).execute();
}

export async function replaceRecoveryCodes(db: DbOrTx, accountId: number, hashes: readonly string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  if (hashes.length)
    await db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash })))
      .execute();
}

/** Marks an unused recovery code used; true when there was one. */
export async function useRecoveryCode(db: DbOrTx, accountId: number, hash: string): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, accountId: number): Promise<number> {
  const r = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ── sessions ────────────────────────────────────────────────────────────────
export async function insertSession(db: DbOrTx, row: Omit<SessionRow, 'created_at' | 'last_seen_at'>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function sessionsOf(db: DbOrTx, accountId: number): Promise<SessionRow[]> {
  return db.selectFrom('sessions').selectAll().where('account_id', '=', accountId).orderBy('last_seen_at', 'desc').execute();
}

export async function updateSession(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<SessionRow, 'last_seen_at' | 'mfa_passed' | 'current_site_id'>>,
): Promise<void> {
  await db.updateTable('sessions').set(patch).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of an account, except `keep` when given; returns how many. */
export async function deleteSessionsOf(db: DbOrTx, accountId: number, keep?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (keep) q = q.where('id', '<>', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb(sql<Date>`last_seen_at + make_interval(secs => idle_seconds)`, '<', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ── password reset tokens ───────────────────────────────────────────────────
export async function insertResetToken(db: DbOrTx, row: { token_hash: string; account_id: number; expires_at: Date; ip: string }): Promise<void> {
  await db.insertInto('password_reset_tokens').values(row).execute();
}

/** Claims a reset token: marks it used and returns its account when it was valid. */
export async function claimResetToken(db: DbOrTx, tokenHash: string, now: Date): Promise<number | undefined> {
  const row = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('account_id')
    .executeTakeFirst();
  return row?.account_id;
}

export function peekResetToken(db: DbOrTx, tokenHash: string, now: Date) {
  return db
    .selectFrom('password_reset_tokens')
    .select('account_id')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

// ── sign-in throttling per source address ───────────────────────────────────
export function findThrottle(db: DbOrTx, ip: string) {
  return db.selectFrom('sign_in_throttle').selectAll().where('ip', '=', ip).executeTakeFirst();
}

export async function addThrottleFailure(db: DbOrTx, ip: string, now: Date): Promise<void> {
  await db
    .insertInto('sign_in_throttle')
    .values({ ip, failures: 1, last_failure_at: now })
    .onConflict((oc) => oc.column('ip').doUpdateSet((eb) => ({ failures: eb('sign_in_throttle.failures', '+', 1), last_failure_at: now })))
    .execute();
}

export async function clearThrottle(db: DbOrTx, ip: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('ip', '=', ip).execute();
}

/** Active accounts holding one of `roles` on `siteId` (platform admins excluded: they are not on a board). */
export function accountsWithRoles(db: DbOrTx, siteId: number, roles: readonly string[]): Promise<Pick<AccountRow, 'id' | 'email' | 'name'>[]> {
  if (roles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accounts')
    .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .select(['accounts.id', 'accounts.email', 'accounts.name'])
    .distinct()
    .where('role_grants.site_id', '=', siteId)
    .where('role_grants.role', 'in', roles)
    .where('accounts.status', '=', 'active')
    .execute();
}

export function idsByEmail(db: DbOrTx, emails: readonly string[]): Promise<{ id: number; email: string }[]> {
  if (emails.length === 0) return Promise.resolve([]);
  return db.selectFrom('accounts').select(['id', 'email']).where('email', 'in', emails).execute();
}

/**
 * Active agency responders of one unit on a site: the unit's id, or its name in the site's
 * directory (a deadline names the agency it is owed by).
 */
export function respondersOf(db: DbOrTx, siteId: number, unit: number | string): Promise<Pick<AccountRow, 'id' | 'email' | 'name'>[]> {
  let q = db
    .selectFrom('accounts')
    .innerJoin('role_grants', 'role_grants.account_id', 'accounts.id')
    .select(['accounts.id', 'accounts.email', 'accounts.name'])
    .distinct()
    .where('role_grants.site_id', '=', siteId)
    .where('role_grants.role', '=', 'agency_responder')
    .where('accounts.status', '=', 'active');
  if (typeof unit === 'number') q = q.where('role_grants.unit_id', '=', unit);
  else q = q.innerJoin('directory_units', 'directory_units.id', 'role_grants.unit_id').where(sql<boolean>`lower(directory_units.name_vi) = lower(${unit})`);
  return q.execute();
}
