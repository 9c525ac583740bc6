/** The only SQL of the media module: the `media` table. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { MediaRow, MediaTable, MediaVariant } from '../../platform/db/schema.ts';

/** A file's row without its extracted text (which can be 300,000 characters: only search reads it). */
export type MediaInfo = Omit<MediaRow, 'text_content'>;
const INFO = [
  'id',
  'site_id',
  'kind',
  'mime',
  'original_name',
  'storage_key',
  'bytes',
  'sha256',
  'width',
  'height',
  'variants',
  'alt',
  'caption',
  'uploaded_by',
  'created_at',
] as const satisfies readonly (keyof MediaInfo)[];

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
  /** Text extracted from a document, for search ('' when none). */
  text_content?: string;
  uploaded_by: number | null;
}

export function insertMedia(db: DbOrTx, row: NewMediaRow): Promise<MediaInfo> {
  return db
    .insertInto('media')
    .values({ ...row, variants: JSON.stringify(row.variants) })
    .returning(INFO)
    .executeTakeFirstOrThrow();
}

/** The extracted text of the given files (only those that exist). */
export function findTextContents(db: DbOrTx, ids: readonly number[]): Promise<{ id: number; text_content: string }[]> {
  return db.selectFrom('media').select(['id', 'text_content']).where('id', 'in', ids).execute();
}

export function findMedia(db: DbOrTx, id: number): Promise<MediaInfo | undefined> {
  return db.selectFrom('media').select(INFO).where('id', '=', id).executeTakeFirst();
}

/** A page of a site's files, newest first (ties by id, so pages never overlap). */
export function listMedia(db: DbOrTx, siteId: number, limit: number, offset: number): Promise<MediaInfo[]> {
  return db
    .selectFrom('media')
    .select(INFO)
    .where('site_id', '=', siteId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countMedia(db: DbOrTx, siteId: number): Promise<number> {
  const row = await db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Locks the row for a change in the same transaction. */
export function findMediaForUpdate(db: DbOrTx, id: number): Promise<MediaInfo | undefined> {
  return db.selectFrom('media').select(INFO).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateMediaText(db: DbOrTx, id: number, patch: { alt: string; caption: string }): Promise<MediaInfo | undefined> {
  return db.updateTable('media').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
}

export function deleteMedia(db: DbOrTx, id: number): Promise<MediaInfo | undefined> {
  return db.deleteFrom('media').where('id', '=', id).returningAll().executeTakeFirst();
}
