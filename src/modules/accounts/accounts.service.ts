/**
 * Accounts and their role grants. For now: creating the first platform administrator from
 * the command line; sign-in, sessions and the admin area build on this.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import { Conflict, Invalid } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import * as repo from './accounts.repo.ts';
import { hashPassword, passwordProblems } from './passwords.ts';

export interface AdminInput {
  email: string;
  name: string;
  password: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates an active account holding the platform-admin grant. */
export async function createPlatformAdmin(db: Db, input: AdminInput) {
  const email = cleanText(input.email).toLowerCase();
  const name = cleanText(input.name);
  const problems = [
    ...(EMAIL_RE.test(email) ? [] : ['Địa chỉ thư điện tử không hợp lệ.']),
    ...(name ? [] : ['Cần nhập họ tên.']),
    ...passwordProblems(input.password, email),
  ];
  if (problems.length > 0) throw new Invalid('account.invalid', problems.join(' '));
  const passwordHash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    if (await repo.findAccountByEmail(tx, email)) throw new Conflict('account.email_taken', `Đã có tài khoản ${email}.`);
    const account = await repo.insertAccount(tx, { email, name, phone: '', unit: '', password_hash: passwordHash });
    await repo.insertGrant(tx, account.id, null, 'platform_admin');
    return { id: account.id, email: account.email, name: account.name };
  });
}
