/**
 * Managing accounts and their grants (SEC-2): the operator of a site manages the accounts
 * and grants of that site only; platform administrators manage all. Every use case
 * authorises first, runs in one transaction, records its audit entry, and ends the
 * person's sessions when their access changes.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import type { AccountRow } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { isEmail } from '../../platform/validation.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { audited } from '../audit/index.ts';
import { actorIp, authorize, isPlatformAdmin, isRole, sitesWhere, UNIT_ROLES, type Actor, type Role } from '../access/index.ts';
import * as repo from './accounts.repo.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { newToken, tokenHash } from './tokens.ts';
import { presentAccount, type AccountView } from './accounts.present.ts';

export type { AccountView };

/** What the background jobs act as. */
const SYSTEM: Actor = { kind: 'system', label: 'system' };

/** Invitations to set a first password stay valid three days. */
const INVITE_HOURS = 72;

async function view(db: Db, account: AccountRow): Promise<AccountView> {
  return presentAccount(account, await repo.grantsOf(db, account.id));
}

/** The accounts with a grant on `siteId` (platform admins may pass null: every account). */
export async function listAccounts(db: Db, actor: Actor, siteId: number | null): Promise<AccountView[]> {
  authorize(actor, 'accounts.list', siteId);
  const rows = await repo.listAccounts(db, siteId === null ? 'all' : [siteId]);
  return Promise.all(rows.map((r) => view(db, r)));
}

/** One account, when the actor may manage it on `siteId`. */
export async function getAccount(db: Db, actor: Actor, siteId: number | null, accountId: number): Promise<AccountView> {
  authorize(actor, 'accounts.list', siteId);
  const account = await repo.findAccountById(db, accountId);
  if (!account) throw new NotFound('account.not_found');
  const v = await view(db, account);
  if (siteId !== null && !v.grants.some((g) => g.siteId === siteId) && !isPlatformAdmin(actor)) throw new NotFound('account.not_found');
  return v;
}

/** The account's own view (profile page). */
export async function ownAccount(db: Db, accountId: number): Promise<AccountView> {
  const account = await repo.findAccountById(db, accountId);
  if (!account) throw new NotFound('account.not_found');
  return view(db, account);
}

/** Refuses a grant the actor may not give: platform admin is for platform admins only; site roles only on sites the actor manages. */
function checkGrantable(actor: Actor, siteId: number | null, role: Role): void {
  if (role === 'platform_admin' || siteId === null) {
    if (!isPlatformAdmin(actor))
      throw new Forbidden('grant.platform_admin_only', 'Only a platform administrator can grant this role.', { messageKey: 'error.body.403' });
    return;
  }
  authorize(actor, 'grants.manage', siteId);
}

/** The units of the sites' directory a grant may name (the directory module's). */
export interface UnitLookup {
  /** A unit of `siteId` in use, or undefined (unknown, another site's, retired). */
  activeUnitOf(siteId: number, id: number): Promise<{ id: number; name_vi: string } | undefined>;
}

/** The unit chosen for a grant on `siteId` (its id, as the form sends it), or a problem on `grantUnit`. */
async function grantUnitOf(units: UnitLookup | undefined, siteId: number, input: string | undefined): Promise<{ id: number; name_vi: string } | undefined> {
  const raw = (input ?? '').trim();
  if (!units || !/^[1-9]\d{0,12}$/.test(raw)) return undefined;
  return units.activeUnitOf(siteId, Number(raw));
}

export interface NewAccountInput {
  email: string;
  name: string;
  phone?: string;
  unit?: string;
  role: string;
  grantUnit?: string;
}

/**
 * Creates an account with a first role on `siteId` and e-mails an invitation to set its
 * password (the operator never knows it). `linkBase` is the set-password page's URL.
 */
export async function createAccount(db: Db, actor: Actor, siteId: number, input: NewAccountInput, linkBase: string, units?: UnitLookup): Promise<AccountView> {
  authorize(actor, 'accounts.manage', siteId);
  const email = cleanText(input.email).toLowerCase();
  const name = cleanText(input.name);
  const problems: FieldProblem[] = [];
  if (!isEmail(email) || email.length > 200) problems.push({ field: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' });
  if (!name || name.length > 200) problems.push({ field: 'name', message: 'Cần nhập họ tên (tối đa 200 ký tự).' });
  if (!isRole(input.role) || input.role === 'platform_admin') problems.push({ field: 'role', message: 'Vai trò không hợp lệ.' });
  const role = input.role as Role;
  const grantUnit = isRole(input.role) && UNIT_ROLES.has(role) ? await grantUnitOf(units, siteId, input.grantUnit) : undefined;
  if (isRole(input.role) && UNIT_ROLES.has(role) && !grantUnit) problems.push({ field: 'grantUnit', message: 'Vai trò này cần chọn một đơn vị của trang.' });
  if (problems.length) throw new Invalid('account.invalid', problems.map((p) => p.message).join(' '), { details: problems });
  checkGrantable(actor, siteId, role);
  // An unusable hash until the invitation is used: argon2 of random bytes nobody knows.
  const placeholder = await hashPassword(newToken());
  return withTx(db, async (tx) => {
    if (await repo.findAccountByEmail(tx, email)) {
      throw new Conflict('account.email_taken', `Đã có tài khoản dùng địa chỉ ${email}. Hãy cấp thêm vai trò cho tài khoản đó.`, {
        details: [{ field: 'email', message: `Đã có tài khoản dùng địa chỉ ${email}.` }],
      });
    }
    const account = await repo.insertAccount(tx, {
      email,
      name,
      phone: cleanText(input.phone ?? ''),
      unit: cleanText(input.unit ?? ''),
      password_hash: placeholder,
    });
    await repo.insertGrant(tx, account.id, siteId, role, grantUnit?.id ?? null);
    const token = newToken();
    await repo.insertResetToken(tx, {
      token_hash: tokenHash(token),
      account_id: account.id,
      expires_at: new Date(Date.now() + INVITE_HOURS * 3600_000),
      ip: actorIp(actor),
    });
    await queueMail(tx, {
      to: email,
      subject: 'Tài khoản Cổng của bạn đã được tạo',
      text: `Xin chào ${name},\n\nTài khoản ${email} đã được tạo cho bạn trên Cổng. Mở liên kết sau trong ${INVITE_HOURS} giờ để đặt mật khẩu (dùng một lần):\n\n${linkBase}?ma=${token}\n\n— Cổng`,
    });
    await audited(
      tx,
      actor,
      'account.created',
      { type: 'account', id: account.id, siteId },
      { email, name, role, unit: grantUnit ? { id: grantUnit.id, name: grantUnit.name_vi } : null },
    );
    return view(tx, account);
  });
}

/** Changes name, phone and unit of an account the actor manages. */
export async function updateAccount(
  db: Db,
  actor: Actor,
  siteId: number,
  accountId: number,
  input: { name: string; phone: string; unit: string },
): Promise<AccountView> {
  const before = await getAccount(db, actor, siteId, accountId);
  authorize(actor, 'accounts.manage', siteId);
  const name = cleanText(input.name);
  if (!name || name.length > 200)
    throw new Invalid('account.invalid', 'Cần nhập họ tên.', { details: [{ field: 'name', message: 'Cần nhập họ tên (tối đa 200 ký tự).' }] });
  const patch = { name, phone: cleanText(input.phone).slice(0, 50), unit: cleanText(input.unit).slice(0, 200) };
  return withTx(db, async (tx) => {
    await repo.updateAccount(tx, accountId, patch);
    const changed = Object.fromEntries(
      Object.entries(patch)
        .filter(([k, v]) => before[k as keyof typeof patch] !== v)
        .map(([k, v]) => [k, { from: before[k as keyof typeof patch], to: v }]),
    );
    await audited(tx, actor, 'account.updated', { type: 'account', id: accountId, siteId }, changed);
    return view(tx, (await repo.findAccountById(tx, accountId))!);
  });
}

/** Suspension reaches every site, so an operator may suspend only accounts whose every grant is on sites they manage. */
function checkWholeAccountManaged(actor: Actor, account: AccountView): void {
  const managed = sitesWhere(actor, 'accounts.manage');
  if (managed === 'all') return;
  if (account.grants.some((g) => g.siteId === null || !managed.includes(g.siteId))) {
    throw new Forbidden('account.other_sites', 'This account also works on other sites: ask a platform administrator.', { messageKey: 'error.body.403' });
  }
}

/** Suspends an account at once: its sessions end. */
export async function suspendAccount(db: Db, actor: Actor, siteId: number | null, accountId: number, reason: string): Promise<void> {
  const account = await getAccount(db, actor, siteId, accountId);
  authorize(actor, 'accounts.manage', siteId);
  checkWholeAccountManaged(actor, account);
  if (actor.kind === 'person' && actor.accountId === accountId) throw new Conflict('account.self_suspend', 'Bạn không thể tự khóa tài khoản của mình.');
  await withTx(db, async (tx) => {
    await repo.updateAccount(tx, accountId, { status: 'suspended', suspended_reason: cleanText(reason).slice(0, 300) || 'manual' });
    const ended = await repo.deleteSessionsOf(tx, accountId);
    await audited(tx, actor, 'account.suspended', { type: 'account', id: accountId, siteId }, { email: account.email, reason, sessions_ended: ended });
  });
}

/** Re-activates a suspended account (also one disabled for inactivity). */
export async function reactivateAccount(db: Db, actor: Actor, siteId: number | null, accountId: number): Promise<void> {
  const account = await getAccount(db, actor, siteId, accountId);
  authorize(actor, 'accounts.manage', siteId);
  checkWholeAccountManaged(actor, account);
  await withTx(db, async (tx) => {
    // Counting inactivity from now, or the 45-day rule would suspend it again at once.
    await repo.updateAccount(tx, accountId, { status: 'active', suspended_reason: null, failed_sign_ins: 0, locked_until: null, last_sign_in_at: new Date() });
    await audited(tx, actor, 'account.reactivated', { type: 'account', id: accountId, siteId }, { email: account.email });
  });
}

/** Grants a role on a site; the person's sessions end so the new rights apply from the next sign-in. */
export async function grantRole(
  db: Db,
  actor: Actor,
  siteId: number | null,
  accountId: number,
  roleInput: string,
  unitInput?: string,
  units?: UnitLookup,
): Promise<void> {
  if (!isRole(roleInput)) throw new Invalid('grant.invalid_role', 'Vai trò không hợp lệ.', { details: [{ field: 'role', message: 'Vai trò không hợp lệ.' }] });
  const role = roleInput;
  checkGrantable(actor, role === 'platform_admin' ? null : siteId, role);
  const account = await repo.findAccountById(db, accountId);
  if (!account) throw new NotFound('account.not_found');
  const unit = UNIT_ROLES.has(role) && siteId !== null ? await grantUnitOf(units, siteId, unitInput) : undefined;
  if (UNIT_ROLES.has(role) && !unit)
    throw new Invalid('grant.unit_required', 'Vai trò này cần chọn một đơn vị của trang.', {
      details: [{ field: 'grantUnit', message: 'Hãy chọn một đơn vị của trang trong danh bạ.' }],
    });
  await withTx(db, async (tx) => {
    const added = await repo.insertGrant(tx, accountId, role === 'platform_admin' ? null : siteId, role, unit?.id ?? null);
    if (!added) throw new Conflict('grant.exists', 'Tài khoản đã có vai trò này.');
    const ended = await repo.deleteSessionsOf(tx, accountId);
    await audited(
      tx,
      actor,
      'grant.added',
      { type: 'account', id: accountId, siteId },
      {
        email: account.email,
        role,
        unit: unit ? { id: unit.id, name: unit.name_vi } : null,
        sessions_ended: ended,
      },
    );
  });
}

/** Removes one grant; the person's sessions end. */
export async function revokeGrant(db: Db, actor: Actor, siteId: number | null, grantId: number): Promise<void> {
  const grant = await repo.findGrant(db, grantId);
  if (!grant || !isRole(grant.role)) throw new NotFound('grant.not_found');
  checkGrantable(actor, grant.site_id, grant.role);
  if (siteId !== null && grant.site_id !== siteId) throw new NotFound('grant.not_found');
  // An operator removing their own operator grant would lock the site out of its administration.
  if (actor.kind === 'person' && actor.accountId === grant.account_id && grant.role === 'site_operator' && !isPlatformAdmin(actor)) {
    throw new Conflict('grant.self_revoke', 'Bạn không thể tự thu hồi quyền quản trị của mình.');
  }
  await withTx(db, async (tx) => {
    await repo.deleteGrant(tx, grantId);
    const ended = await repo.deleteSessionsOf(tx, grant.account_id);
    await audited(
      tx,
      actor,
      'grant.removed',
      { type: 'account', id: grant.account_id, siteId: grant.site_id },
      { role: grant.role, unitId: grant.unit_id, sessions_ended: ended },
    );
  });
}

/** Creates an active platform administrator (CLI; the first account of an installation). */
export async function createPlatformAdmin(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; password: string },
): Promise<{ id: number; email: string; name: string }> {
  authorize(actor, 'sites.manage', null);
  const email = cleanText(input.email).toLowerCase();
  const name = cleanText(input.name);
  const problems = [
    ...(isEmail(email) ? [] : ['Địa chỉ thư điện tử không hợp lệ.']),
    ...(name ? [] : ['Cần nhập họ tên.']),
    ...passwordProblems(input.password, email),
  ];
  if (problems.length > 0) throw new Invalid('account.invalid', problems.join(' '));
  const passwordHash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    if (await repo.findAccountByEmail(tx, email)) throw new Conflict('account.email_taken', `Đã có tài khoản ${email}.`);
    const account = await repo.insertAccount(tx, { email, name, phone: '', unit: '', password_hash: passwordHash });
    await repo.insertGrant(tx, account.id, null, 'platform_admin', null);
    await audited(tx, actor, 'account.created', { type: 'account', id: account.id }, { email, name, role: 'platform_admin' });
    return { id: account.id, email: account.email, name: account.name };
  });
}

/** Suspends by e-mail (CLI user:suspend). */
export async function suspendByEmail(db: Db, actor: Actor, email: string, reason: string): Promise<void> {
  const account = await repo.findAccountByEmail(db, email.trim().toLowerCase());
  if (!account) throw new NotFound('account.not_found', `Không có tài khoản ${email}.`);
  await suspendAccount(db, actor, null, account.id, reason);
}

/** Level 3: accounts unused for more than 45 days are disabled (background job). */
export async function suspendInactiveAccounts(db: Db, days: number, now = new Date()): Promise<number> {
  const stale = await repo.inactiveAccounts(db, new Date(now.getTime() - days * 86_400_000));
  for (const a of stale) {
    await withTx(db, async (tx) => {
      await repo.updateAccount(tx, a.id, { status: 'suspended', suspended_reason: 'inactive' });
      const ended = await repo.deleteSessionsOf(tx, a.id);
      await audited(tx, SYSTEM, 'account.auto_suspended', { type: 'account', id: a.id }, { email: a.email, reason: 'inactive', days, sessions_ended: ended });
    });
  }
  return stale.length;
}

/** The grants of an account, for building its Actor. */
export async function grantsForActor(db: Db, accountId: number) {
  return (await repo.grantsOf(db, accountId))
    .filter((g) => isRole(g.role))
    .map((g) => ({ siteId: g.site_id, role: g.role as Role, unitId: g.unit_id, unit: g.unit }));
}

export const findAccountById = repo.findAccountById;
export const deleteExpiredSessions = repo.deleteExpiredSessions;
