/**
 * SQL of the editors' content list (the administration's "Nội dung" page): every item of a
 * site whatever its stage, with its working and live titles. Callers authorise first.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { ContentStage, ContentVisibility } from '../../platform/db/schema.ts';

export interface AdminListFilter {
  type?: string | undefined;
  stage?: ContentStage | undefined;
  visibility?: ContentVisibility | undefined;
  /** Words to find in the working or live title, compared without diacritics. */
  text?: string | undefined;
  limit: number;
  offset: number;
}

export interface AdminListRow {
  id: number;
  type: string;
  lang: string;
  stage: ContentStage | null;
  visibility: ContentVisibility;
  emergency: boolean;
  featured: boolean;
  publish_at: Date | null;
  updated_at: Date;
  working_title: string | null;
  live_title: string | null;
}

/** ILIKE pattern for `text` anywhere, with the pattern characters escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The items of a site matching the filter, most recently changed first. */
export async function listSiteItems(db: DbOrTx, siteId: number, f: AdminListFilter): Promise<AdminListRow[]> {
  let q = db
    .selectFrom('content_items')
    .leftJoin('content_revisions as w', 'w.id', 'content_items.working_revision_id')
    .leftJoin('content_revisions as l', 'l.id', 'content_items.live_revision_id')
    .select([
      'content_items.id',
      'content_items.type',
      'content_items.lang',
      'content_items.stage',
      'content_items.visibility',
      'content_items.emergency',
      'content_items.featured',
      'content_items.publish_at',
      'content_items.updated_at',
      'w.title as working_title',
      'l.title as live_title',
    ])
    .where('content_items.site_id', '=', siteId);
  if (f.type) q = q.where('content_items.type', '=', f.type);
  if (f.stage) q = q.where('content_items.stage', '=', f.stage);
  if (f.visibility) q = q.where('content_items.visibility', '=', f.visibility);
  if (f.text) {
    const pattern = containsPattern(f.text);
    q = q.where(
      sql<boolean>`(unaccent(coalesce(w.title, '')) ilike unaccent(${pattern}) escape '\\' or unaccent(coalesce(l.title, '')) ilike unaccent(${pattern}) escape '\\')`,
    );
  }
  return (await q.orderBy('content_items.updated_at', 'desc').orderBy('content_items.id', 'desc').limit(f.limit).offset(f.offset).execute()) as AdminListRow[];
}

export interface ItemChoiceRow {
  id: number;
  lang: string;
  translation_group: number | null;
  title: string | null;
}

/** Items of a site in one language, to choose a translation from (newest change first). */
export async function itemsInLanguage(db: DbOrTx, siteId: number, lang: string, limit: number): Promise<ItemChoiceRow[]> {
  return (await db
    .selectFrom('content_items')
    .leftJoin('content_revisions as w', 'w.id', 'content_items.working_revision_id')
    .leftJoin('content_revisions as l', 'l.id', 'content_items.live_revision_id')
    .select(['content_items.id', 'content_items.lang', 'content_items.translation_group', sql<string | null>`coalesce(l.title, w.title)`.as('title')])
    .where('content_items.site_id', '=', siteId)
    .where('content_items.lang', '=', lang)
    .orderBy('content_items.updated_at', 'desc')
    .orderBy('content_items.id', 'desc')
    .limit(limit)
    .execute()) as ItemChoiceRow[];
}

/** The other items of a translation group (the item's translations). */
export async function translationsOf(db: DbOrTx, siteId: number, group: number, exceptId: number): Promise<ItemChoiceRow[]> {
  return (await db
    .selectFrom('content_items')
    .leftJoin('content_revisions as w', 'w.id', 'content_items.working_revision_id')
    .leftJoin('content_revisions as l', 'l.id', 'content_items.live_revision_id')
    .select(['content_items.id', 'content_items.lang', 'content_items.translation_group', sql<string | null>`coalesce(l.title, w.title)`.as('title')])
    .where('content_items.site_id', '=', siteId)
    .where('content_items.translation_group', '=', group)
    .where('content_items.id', '<>', exceptId)
    .orderBy('content_items.id')
    .execute()) as ItemChoiceRow[];
}

/** Copies made of an item on other sites (cross-posts to component sites, proposals to the portal). */
export function copiesOf(db: DbOrTx, originId: number) {
  return db
    .selectFrom('content_items')
    .select(['id', 'site_id', 'slug', 'lang', 'stage', 'visibility'])
    .where('origin_item_id', '=', originId)
    .orderBy('id')
    .execute();
}
