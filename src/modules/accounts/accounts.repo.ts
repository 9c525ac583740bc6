/** The only SQL of the accounts module. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { AccountRow } from '../../platform/db/schema.ts';

export function findAccountByEmail(db: DbOrTx, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

export function insertAccount(
  db: DbOrTx,
  row: { email: string; name: string; phone: string; unit: string; password_hash: string },
): Promise<AccountRow> {
  return db.insertInto('accounts').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertGrant(db: DbOrTx, accountId: number, siteId: number | null, role: string): Promise<void> {
  await db
    .insertInto('role_grants')
    .values({ account_id: accountId, site_id: siteId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listGrants(db: DbOrTx, accountId: number) {
  return db
    .selectFrom('role_grants')
    .leftJoin('sites', 'sites.id', 'role_grants.site_id')
    .select(['role_grants.role', 'sites.code as site_code'])
    .where('role_grants.account_id', '=', accountId)
    .execute();
}
