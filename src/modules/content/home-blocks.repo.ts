/** The only SQL of home-page blocks. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { HomeBlockRow } from '../../platform/db/schema.ts';

export function listHomeBlocks(db: DbOrTx, siteId: number, lang: string): Promise<HomeBlockRow[]> {
  return db.selectFrom('home_blocks').selectAll().where('site_id', '=', siteId).where('lang', '=', lang).orderBy('position').orderBy('id').execute();
}

export async function replaceHomeBlocks(
  db: DbOrTx,
  siteId: number,
  lang: string,
  blocks: readonly Omit<HomeBlockRow, 'id' | 'site_id' | 'lang'>[],
): Promise<void> {
  await db.deleteFrom('home_blocks').where('site_id', '=', siteId).where('lang', '=', lang).execute();
  if (blocks.length)
    await db
      .insertInto('home_blocks')
      .values(blocks.map((b) => ({ ...b, site_id: siteId, lang })))
      .execute();
}
