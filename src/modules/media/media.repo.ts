/** The only SQL of the media module: the `media` table. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { MediaRow, MediaTable, MediaVariant } from '../../platform/db/schema.ts';

export interface NewMediaRow {
  site_id: number;
  kind: MediaTable['kind'];
  mime: string;
  original_name: string;
  storage_key: string;
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  variants: readonly MediaVariant[];
  alt: string;
  caption: string;
  uploaded_by: number | null;
}

export function insertMedia(db: DbOrTx, row: NewMediaRow): Promise<MediaRow> {
  return db
    .insertInto('media')
    .values({ ...row, variants: JSON.stringify(row.variants) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findMedia(db: DbOrTx, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of a site's files, newest first (ties by id, so pages never overlap). */
export function listMedia(db: DbOrTx, siteId: number, limit: number, offset: number): Promise<MediaRow[]> {
  return db
    .selectFrom('media')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countMedia(db: DbOrTx, siteId: number): Promise<number> {
  const row = await db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Locks the row for a change in the same transaction. */
export function findMediaForUpdate(db: DbOrTx, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateMediaText(db: DbOrTx, id: number, patch: { alt: string; caption: string }): Promise<MediaRow | undefined> {
  return db.updateTable('media').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
}

export function deleteMedia(db: DbOrTx, id: number): Promise<MediaRow | undefined> {
  return db.deleteFrom('media').where('id', '=', id).returningAll().executeTakeFirst();
}
