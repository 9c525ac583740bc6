// Maintenance notices (issue #14, OPS-4): windows announced ahead to the people and visitors of the
// sites they affect, each site's notice period in working days. Frozen once it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table maintenance_windows (
    id serial primary key,
    scope text not null default 'site' check (scope in ('site', 'portal', 'all')),
    starts_at timestamptz not null,
    expected_end_at timestamptz not null,
    description_vi text not null check (length(description_vi) between 1 and 1000),
    description_en text not null default '' check (length(description_en) <= 1000),
    emergency boolean not null default false,
    emergency_reason text not null default '' check (length(emergency_reason) <= 1000),
    notice_working_days integer not null check (notice_working_days between 0 and 365),
    created_by integer references accounts(id) on delete set null,
    created_at timestamptz not null default now(),
    cancelled_at timestamptz,
    cancelled_by integer references accounts(id) on delete set null,
    check (expected_end_at > starts_at),
    check (not emergency or length(emergency_reason) > 0)
  )`.execute(db);
  await sql`create index maintenance_windows_open on maintenance_windows (expected_end_at) where cancelled_at is null`.execute(db);
  await sql`create table maintenance_window_sites (
    window_id integer not null references maintenance_windows(id) on delete cascade,
    site_id integer not null references sites(id) on delete cascade,
    primary key (window_id, site_id)
  )`.execute(db);
  await sql`create index maintenance_window_sites_site on maintenance_window_sites (site_id)`.execute(db);
  await sql`create table maintenance_settings (
    site_id integer primary key references sites(id) on delete cascade,
    notice_working_days integer not null check (notice_working_days between 5 and 30),
    updated_at timestamptz not null default now()
  )`.execute(db);
}
