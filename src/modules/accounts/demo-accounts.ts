/**
 * Demo accounts: one for every role on the demo sites, all with the password below, so a
 * newcomer can try every screen. Roles that require a second factor are enrolled already;
 * `npm run cli -- demo:totp <e-mail>` prints their current code (demo accounts only).
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { Forbidden, NotFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { ROLES_REQUIRING_2FA, type Role } from '../access/index.ts';
import * as repo from './accounts.repo.ts';
import { hashPassword } from './passwords.ts';
import { currentTotp, newTotpSecret } from './totp.ts';

export const DEMO_PASSWORD = 'Demo@Cong-2026';

export interface DemoAccount {
  email: string;
  name: string;
  unit: string;
  grants: { siteCode: string | null; role: Role; unit?: string }[];
}

/** Creates the demo accounts that do not exist yet; returns the e-mails created. */
export async function seedDemoAccounts(db: Db, accounts: readonly DemoAccount[], siteIdOf: (code: string) => number | undefined): Promise<string[]> {
  // One hash for all: they share the demo password, and hashing eleven times would slow the first start.
  const hash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  for (const a of accounts) {
    if (await repo.findAccountByEmail(db, a.email)) continue;
    await withTx(db, async (tx) => {
      const account = await repo.insertAccount(tx, { email: a.email, name: a.name, phone: '', unit: a.unit, password_hash: hash, is_demo: true });
      for (const g of a.grants) {
        const siteId = g.siteCode === null ? null : siteIdOf(g.siteCode);
        if (g.siteCode !== null && siteId === undefined) continue;
        await repo.insertGrant(tx, account.id, siteId ?? null, g.role, g.unit ?? null);
      }
      if (a.grants.some((g) => ROLES_REQUIRING_2FA.has(g.role))) {
        await repo.updateAccount(tx, account.id, { totp_secret: newTotpSecret(), totp_enabled_at: new Date() });
      }
      await recordAudit(tx, {
        actorId: null,
        actorLabel: 'seed-demo',
        action: 'account.created',
        targetType: 'account',
        targetId: String(account.id),
        summary: { email: a.email, demo: true, roles: a.grants.map((g) => `${g.role}@${g.siteCode ?? '*'}`) },
      });
    });
    created.push(a.email);
  }
  return created;
}

/** The current TOTP code of a demo account; refused for every other account. */
export async function demoTotp(db: Db, email: string): Promise<string> {
  const account = await repo.findAccountByEmail(db, email.trim().toLowerCase());
  if (!account) throw new NotFound('account.not_found', `Không có tài khoản ${email}.`);
  if (!account.is_demo) throw new Forbidden('demo.not_demo', 'Chỉ dùng được với tài khoản minh họa (demo). / Demo accounts only.');
  if (!account.totp_secret || !account.totp_enabled_at) throw new NotFound('totp.not_enabled', 'Tài khoản này chưa bật xác thực hai lớp.');
  return currentTotp(account.totp_secret);
}
