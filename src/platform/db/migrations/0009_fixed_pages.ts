// Fixed pages under the editorial workflow (issue #14): a site's fixed page is written and
// approved as a content item; the page shows that item's live revision, copied here when it goes
// live. `media_id` is the page's picture or document (the administrative map: an image or a PDF)
// from the media library. Frozen once it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table pages add column item_id integer unique references content_items(id) on delete set null`.execute(db);
  await sql`alter table pages add column media_id integer references media(id) on delete set null`.execute(db);
}
