// Site structure (issue #14, points 7 and 8): retired categories and topics, menu entries that
// name what they point to, and each receiving site's consent to cross-posted items. Frozen once it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A retired category keeps its row (its items keep it, its address answers 301 to its parent).
  await sql`alter table categories add column retired_at timestamptz`.execute(db);
  await sql`alter table topics add column retired_at timestamptz`.execute(db);

  // What a menu entry was chosen to point to ("category:12", "topic:3", "type:news",
  // "page:gioi-thieu", "calendar"), or null for a typed address. `href` keeps the address.
  await sql`alter table menu_items add column target text check (target is null or length(target) <= 200)`.execute(db);

  // A receiving site's board decides, per source site, whether items cross-posted to it go live
  // at once or wait in its queue. No row: wait.
  await sql`create table crosspost_consent (
    site_id integer not null references sites(id) on delete cascade,
    source_site_id integer not null references sites(id) on delete cascade,
    mode text not null check (mode in ('at_once', 'wait')),
    updated_at timestamptz not null default now(),
    primary key (site_id, source_site_id)
  )`.execute(db);
}
