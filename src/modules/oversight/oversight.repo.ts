/** The only SQL of the oversight module: its grants. */
import type { DbOrTx } from '../../platform/db/create-db.ts';

export interface OversightGrantRow {
  id: number;
  account_id: number;
  site_id: number;
  created_at: Date;
}

export function grantsOf(db: DbOrTx, accountId: number): Promise<OversightGrantRow[]> {
  return db
    .selectFrom('oversight_grants')
    .select(['id', 'account_id', 'site_id', 'created_at'])
    .where('account_id', '=', accountId)
    .orderBy('site_id')
    .execute();
}

export function findGrant(db: DbOrTx, id: number): Promise<OversightGrantRow | undefined> {
  return db.selectFrom('oversight_grants').select(['id', 'account_id', 'site_id', 'created_at']).where('id', '=', id).executeTakeFirst();
}

/** Inserts a grant; false when the person already oversees below that site. */
export async function insertGrant(db: DbOrTx, accountId: number, siteId: number, grantedBy: number | null): Promise<boolean> {
  const r = await db
    .insertInto('oversight_grants')
    .values({ account_id: accountId, site_id: siteId, granted_by: grantedBy })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteGrant(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('oversight_grants').where('id', '=', id).execute();
}
