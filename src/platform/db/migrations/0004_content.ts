// Content: categories, topics, items with revisions and workflow transitions, per-site
// workflow settings, notifications, and the media library. Frozen once it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table workflow_settings (
    site_id integer primary key references sites(id) on delete cascade,
    approval_steps integer not null default 2 check (approval_steps in (1, 2)),
    forbid_self_approval boolean not null default true,
    updated_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table categories (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    parent_id integer references categories(id) on delete restrict,
    lang text not null,
    slug text not null check (slug ~ '^[a-z0-9]+(?:-[a-z0-9]+)*$'),
    name text not null check (length(name) between 1 and 200),
    description text not null default '',
    position integer not null default 0,
    created_at timestamptz not null default now(),
    unique (site_id, lang, slug)
  )`.execute(db);

  await sql`create table topics (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    slug text not null check (slug ~ '^[a-z0-9]+(?:-[a-z0-9]+)*$'),
    name_vi text not null,
    name_en text not null default '',
    unique (site_id, slug)
  )`.execute(db);

  await sql`create table media (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    kind text not null check (kind in ('image', 'document', 'audio', 'video')),
    mime text not null,
    original_name text not null,
    storage_key text not null unique,
    bytes bigint not null check (bytes > 0),
    sha256 text not null,
    width integer,
    height integer,
    variants jsonb not null default '[]'::jsonb,
    alt text not null default '',
    caption text not null default '',
    uploaded_by integer references accounts(id) on delete set null,
    created_at timestamptz not null default now(),
    check (kind <> 'image' or length(alt) > 0)
  )`.execute(db);
  await sql`create index media_site_idx on media (site_id, created_at desc)`.execute(db);

  await sql`create table content_items (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    type text not null,
    lang text not null,
    translation_group integer,
    slug text not null check (slug ~ '^[a-z0-9]+(?:-[a-z0-9]+)*$'),
    category_id integer references categories(id) on delete set null,
    stage text check (stage in ('draft', 'submitted', 'in_review', 'approved', 'scheduled', 'returned', 'refused')),
    visibility text not null default 'never' check (visibility in ('never', 'live', 'withdrawn', 'archived')),
    working_revision_id integer,
    live_revision_id integer,
    review_passed boolean not null default false,
    provider_id integer references accounts(id) on delete set null,
    publish_at timestamptz,
    unpublish_at timestamptz,
    published_at timestamptz,
    first_published_at timestamptz,
    featured boolean not null default false,
    emergency boolean not null default false,
    emergency_reason text,
    emergency_reviewed_by integer references accounts(id) on delete set null,
    review_interval_days integer check (review_interval_days is null or review_interval_days between 1 and 3650),
    next_review_at timestamptz,
    review_reminded_at timestamptz,
    origin_item_id integer references content_items(id) on delete set null,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (site_id, lang, slug)
  )`.execute(db);
  // Listings show the newest first by first publication (a corrected item keeps its place);
  // these indexes let "newest N" read N rows instead of sorting the site's whole archive.
  await sql`create index content_items_live_idx on content_items (site_id, lang, visibility, first_published_at desc, id desc)`.execute(db);
  await sql`create index content_items_type_idx on content_items (site_id, lang, type, first_published_at desc, id desc)`.execute(db);
  await sql`create index content_items_stage_idx on content_items (site_id, stage)`.execute(db);
  await sql`create index content_items_category_idx on content_items (category_id, first_published_at desc, id desc)`.execute(db);
  await sql`create index content_items_schedule_idx on content_items (publish_at) where stage = 'scheduled'`.execute(db);
  await sql`create index content_items_unpublish_idx on content_items (unpublish_at) where visibility = 'live' and unpublish_at is not null`.execute(db);

  await sql`create table content_revisions (
    id integer generated always as identity primary key,
    item_id integer not null references content_items(id) on delete cascade,
    number integer not null,
    title text not null check (length(title) between 1 and 500),
    summary text not null default '',
    body_html text not null default '',
    fields jsonb not null default '{}'::jsonb,
    cover_media_id integer references media(id) on delete set null,
    cover_caption text not null default '',
    attachments jsonb not null default '[]'::jsonb,
    source text not null default '',
    author_name text not null default '',
    is_reference boolean not null default false,
    topic_ids jsonb not null default '[]'::jsonb,
    change_note text not null default '',
    created_by integer references accounts(id) on delete set null,
    created_at timestamptz not null default now(),
    unique (item_id, number)
  )`.execute(db);
  await sql`alter table content_items add foreign key (working_revision_id) references content_revisions(id) deferrable initially deferred`.execute(db);
  await sql`alter table content_items add foreign key (live_revision_id) references content_revisions(id) deferrable initially deferred`.execute(db);

  await sql`create table content_transitions (
    id integer generated always as identity primary key,
    item_id integer not null references content_items(id) on delete cascade,
    revision_id integer references content_revisions(id) on delete set null,
    from_stage text,
    to_stage text,
    action text not null,
    actor_id integer references accounts(id) on delete set null,
    reason_code text,
    comment text not null default '',
    at timestamptz not null default now()
  )`.execute(db);
  await sql`create index content_transitions_item_idx on content_transitions (item_id, at)`.execute(db);

  // Home-page blocks an operator arranges (kind: featured, latest, type:<code>, category:<id>).
  await sql`create table home_blocks (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    lang text not null,
    position integer not null default 0,
    kind text not null check (kind in ('featured', 'latest', 'type', 'category')),
    ref text not null default '',
    title text not null default '',
    size integer not null default 5 check (size between 1 and 20)
  )`.execute(db);
  await sql`create index home_blocks_site_idx on home_blocks (site_id, lang, position)`.execute(db);

  await sql`create table notifications (
    id integer generated always as identity primary key,
    account_id integer not null references accounts(id) on delete cascade,
    site_id integer references sites(id) on delete cascade,
    item_id integer references content_items(id) on delete cascade,
    message text not null,
    link text not null default '',
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`.execute(db);
  await sql`create index notifications_account_idx on notifications (account_id, read_at, created_at desc)`.execute(db);
}
