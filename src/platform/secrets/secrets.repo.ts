/** The only SQL of platform secrets. */
import type { DbOrTx } from '../db/create-db.ts';

export async function readSecret(db: DbOrTx, name: string): Promise<string | undefined> {
  return (await db.selectFrom('platform_secrets').select('value').where('name', '=', name).executeTakeFirst())?.value;
}

/** Inserts unless present (another process may have won the race): the stored value wins. */
export async function insertSecret(db: DbOrTx, name: string, value: string): Promise<void> {
  await db
    .insertInto('platform_secrets')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
