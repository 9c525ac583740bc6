// Accounts and per-site role grants. Frozen: never edit after it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table accounts (
    id integer generated always as identity primary key,
    email text not null check (email = lower(email) and email like '%_@_%'),
    name text not null check (length(name) between 1 and 200),
    phone text not null default '',
    unit text not null default '',
    password_hash text not null,
    status text not null default 'active' check (status in ('active', 'suspended')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create unique index accounts_email_idx on accounts (email)`.execute(db);

  await sql`create table role_grants (
    id integer generated always as identity primary key,
    account_id integer not null references accounts(id) on delete cascade,
    site_id integer references sites(id) on delete cascade,
    role text not null,
    created_at timestamptz not null default now(),
    check (site_id is not null or role = 'platform_admin')
  )`.execute(db);
  await sql`create unique index role_grants_unique_idx on role_grants (account_id, coalesce(site_id, 0), role)`.execute(db);
}
