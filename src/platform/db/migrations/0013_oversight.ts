// Who oversees whom (issue #14, point 9): a platform administrator grants a portal's board head
// read-only oversight of the sites below that portal. A grant of its own, not a role: it covers
// every descendant of the site, those created later included, and lapses while the person is no
// longer board head there. Frozen once it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table oversight_grants (
    id integer generated always as identity primary key,
    account_id integer not null references accounts(id) on delete cascade,
    site_id integer not null references sites(id) on delete cascade,
    granted_by integer references accounts(id) on delete set null,
    created_at timestamptz not null default now(),
    unique (account_id, site_id)
  )`.execute(db);
  await sql`create index oversight_grants_site_idx on oversight_grants (site_id)`.execute(db);
}
