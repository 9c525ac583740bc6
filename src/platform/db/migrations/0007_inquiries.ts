import { sql, type Kysely } from 'kysely';

/**
 * Citizens' questions, feedback and hotline calls (QA-1..8, DL-9): the requests, their stages,
 * attachments, the agencies a site forwards to, a site's settings; and the agency (unit) a
 * deadline is owed by, so the compliance dashboard can count on-time rates per agency.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table deadlines add column agency text not null default ''`.execute(db);

  await sql`create table inquiry_agencies (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    name text not null check (length(name) between 1 and 200),
    -- The agency hotline calls go to unless the operator picks another (QA-6: the Department of Home Affairs).
    hotline_default boolean not null default false,
    active boolean not null default true,
    position integer not null default 0,
    unique (site_id, name)
  )`.execute(db);

  await sql`create table inquiry_settings (
    site_id integer primary key references sites(id) on delete cascade,
    answer_review boolean not null default true,
    updated_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table inquiries (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    code text not null unique,
    channel text not null check (channel in ('web', 'api', 'hotline', 'email', 'letter', 'in_person')),
    kind text not null check (kind in ('question', 'feedback', 'petition', 'complaint', 'denunciation')),
    field text not null,
    requested_agency_id integer references inquiry_agencies(id) on delete set null,
    agency_id integer references inquiry_agencies(id) on delete set null,
    title text not null,
    body text not null,
    name text not null default '',
    email text not null default '',
    phone text not null default '',
    address text not null default '',
    consent_publish boolean not null default false,
    -- The language the citizen wrote in: the one their notices are written in.
    lang text not null default 'vi' check (lang in ('vi', 'en')),
    status text not null default 'received',
    status_note text not null default '',
    merged_into integer references inquiries(id) on delete set null,
    transferred_to text not null default '',
    answer_html text not null default '',
    answer_by integer references accounts(id) on delete set null,
    answered_at timestamptz,
    progress_text text not null default '',
    promised_at timestamptz,
    public_title text not null default '',
    public_question text not null default '',
    public_answer_html text not null default '',
    public_slug text,
    published_at timestamptz,
    logged_by integer references accounts(id) on delete set null,
    idempotency_key text,
    request_hash text not null default '',
    received_at timestamptz not null default now(),
    closed_at timestamptz,
    personal_erased_at timestamptz,
    updated_at timestamptz not null default now(),
    unique (site_id, idempotency_key),
    unique (site_id, public_slug)
  )`.execute(db);
  await sql`create index inquiries_site_status_idx on inquiries (site_id, status, received_at desc)`.execute(db);
  await sql`create index inquiries_agency_idx on inquiries (agency_id, status) where agency_id is not null`.execute(db);
  await sql`create index inquiries_published_idx on inquiries (site_id, published_at desc) where published_at is not null`.execute(db);
  await sql`create index inquiries_closed_idx on inquiries (closed_at) where personal_erased_at is null and closed_at is not null`.execute(db);
  // Likely duplicates: trigram similarity of the folded title and body.
  await sql`create index inquiries_title_trgm_idx on inquiries using gin (cong_fold(title) gin_trgm_ops)`.execute(db);

  await sql`create table inquiry_events (
    id integer generated always as identity primary key,
    inquiry_id integer not null references inquiries(id) on delete cascade,
    at timestamptz not null default now(),
    kind text not null,
    actor_id integer references accounts(id) on delete set null,
    actor_label text not null default '',
    -- Shown to the citizen on the status page (stage changes), or kept internal (notes, reminders).
    public boolean not null default true,
    note text not null default ''
  )`.execute(db);
  await sql`create index inquiry_events_inquiry_idx on inquiry_events (inquiry_id, id)`.execute(db);

  await sql`create table inquiry_attachments (
    id integer generated always as identity primary key,
    inquiry_id integer not null references inquiries(id) on delete cascade,
    -- citizen: sent with the request (never published); answer: the agency's; public: a redacted copy the board publishes.
    role text not null check (role in ('citizen', 'answer', 'public')),
    storage_key text not null,
    filename text not null,
    mime text not null,
    size integer not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index inquiry_attachments_inquiry_idx on inquiry_attachments (inquiry_id)`.execute(db);
}
