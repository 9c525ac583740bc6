// Sites, their host names, menus and fixed pages. Frozen: never edit after it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`create table sites (
    id integer generated always as identity primary key,
    code text not null unique check (code ~ '^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$'),
    kind text not null check (kind in ('portal', 'department', 'ward', 'other')),
    parent_id integer references sites(id) on delete restrict,
    name_vi text not null check (length(name_vi) between 1 and 300),
    name_en text not null check (length(name_en) between 1 and 300),
    owner_name_vi text not null default '',
    owner_name_en text not null default '',
    address text not null default '',
    phone text not null default '',
    fax text not null default '',
    email text not null default '',
    responsible_person text not null default '',
    logo_url text,
    theme_color text not null default '#a3161a' check (theme_color ~ '^#[0-9a-f]{6}$'),
    status text not null default 'active' check (status in ('active', 'maintenance', 'disabled')),
    is_demo boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (kind = 'portal' or parent_id is not null)
  )`.execute(db);

  await sql`create table site_hosts (
    host text primary key check (host = lower(host)),
    site_id integer not null references sites(id) on delete cascade
  )`.execute(db);
  await sql`create index site_hosts_site_idx on site_hosts (site_id)`.execute(db);

  await sql`create table menu_items (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    lang text not null,
    parent_id integer references menu_items(id) on delete cascade,
    position integer not null default 0,
    label text not null check (length(label) between 1 and 200),
    href text not null
  )`.execute(db);
  await sql`create index menu_items_site_lang_idx on menu_items (site_id, lang, parent_id, position)`.execute(db);

  await sql`create table pages (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    lang text not null,
    slug text not null check (slug ~ '^[a-z0-9]+(?:-[a-z0-9]+)*$'),
    title text not null check (length(title) between 1 and 500),
    summary text not null default '',
    body_html text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (site_id, lang, slug)
  )`.execute(db);
}
