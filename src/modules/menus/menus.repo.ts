/** The only SQL of the menus module. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { MenuItemRow } from '../../platform/db/schema.ts';

export function listMenuItems(db: DbOrTx, siteId: number, lang: string): Promise<MenuItemRow[]> {
  return db
    .selectFrom('menu_items')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('lang', '=', lang)
    .orderBy('parent_id', (ob) => ob.asc().nullsFirst())
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Inserts the items of one level (siblings: distinct positions). */
export async function insertMenuItems(
  db: DbOrTx,
  items: readonly { site_id: number; lang: string; parent_id: number | null; position: number; label: string; href: string; target: string | null }[],
): Promise<MenuItemRow[]> {
  return db
    .insertInto('menu_items')
    .values([...items])
    .returningAll()
    .execute();
}

export async function deleteMenu(db: DbOrTx, siteId: number, lang: string): Promise<void> {
  await db.deleteFrom('menu_items').where('site_id', '=', siteId).where('lang', '=', lang).execute();
}
