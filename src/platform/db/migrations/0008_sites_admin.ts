// Running a city's sites (issue #14): "closed" replaces "disabled", the languages a site offers,
// and a logo chosen from the media library. Frozen once it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sites drop constraint sites_status_check`.execute(db);
  await sql`update sites set status = 'closed' where status = 'disabled'`.execute(db);
  await sql`alter table sites add constraint sites_status_check check (status in ('active', 'maintenance', 'closed'))`.execute(db);

  // Vietnamese always; others (English, later ethnic-minority languages) switched on per site.
  await sql`alter table sites add column languages text[] not null default '{vi,en}' check ('vi' = any (languages))`.execute(db);

  // The logo is an image of the media library; `logo_url` keeps the address the pages show.
  await sql`alter table sites add column logo_media_id integer references media(id) on delete set null`.execute(db);
  // A logo deleted from the library leaves no broken image behind: the site falls back to the
  // national emblem, and every process forgets what it showed (the channels of the site
  // directory and the page cache).
  await sql`create function sites_forget_deleted_logo() returns trigger language plpgsql as $$
    begin
      update sites set logo_media_id = null, logo_url = null, updated_at = now() where logo_media_id = old.id;
      if found then
        perform pg_notify('cong_sites', '');
        perform pg_notify('cong_cache', '*');
      end if;
      return old;
    end
  $$`.execute(db);
  await sql`create trigger media_logo_deleted before delete on media for each row execute function sites_forget_deleted_logo()`.execute(db);
}
