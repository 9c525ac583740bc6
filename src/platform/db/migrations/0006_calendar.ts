import { sql, type Kysely } from 'kysely';

/**
 * The working-day calendar as the platform admin edits it (DL-1..12): a year's days off and
 * make-up working days. Years not here come from the product's own data (announced years) or
 * are computed from the Labour Code and the lunar calendar (provisional years).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table calendar_years (
    year integer primary key check (year between 2000 and 2099),
    source text not null default '',
    updated_by integer references accounts(id) on delete set null,
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create table calendar_days (
    day date primary key,
    year integer not null references calendar_years(year) on delete cascade,
    kind text not null check (kind in ('off', 'make_up')),
    name text not null default '' check (length(name) <= 200),
    source text not null default '' check (length(source) <= 500),
    check (extract(year from day) = year)
  )`.execute(db);
  await sql`create index calendar_days_year_idx on calendar_days (year)`.execute(db);

  // A site's own deadline rules (DL-12 and local rules), each from an effective date: an item
  // keeps the rule in force when its trigger happened. The defaults DL-1..DL-11 are the
  // product's own data (modules/calendar/rules.ts), not rows.
  await sql`create table deadline_rules (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    code text not null check (code ~ '^[A-Z]{2,5}-[0-9A-Za-z.-]{1,20}$'),
    variant text not null default '',
    label text not null check (length(label) between 1 and 300),
    amount integer not null check (amount >= 0 and amount <= 365),
    unit text not null check (unit in ('working-days', 'hours', 'same-working-day')),
    effective_from date not null,
    created_by integer references accounts(id) on delete set null,
    created_at timestamptz not null default now(),
    unique (site_id, code, variant, effective_from)
  )`.execute(db);

  // The due moment of one thing under one rule: trigger, due, how it was computed, outcome.
  await sql`create table deadlines (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    subject_type text not null,
    subject_id integer not null,
    rule_code text not null,
    rule_label text not null,
    owner_id integer references accounts(id) on delete set null,
    amount integer not null,
    unit text not null,
    trigger_at timestamptz not null,
    due_at timestamptz not null,
    explanation jsonb not null default '{}'::jsonb,
    met_at timestamptz,
    late_seconds integer,
    reminded_at timestamptz,
    escalated_at timestamptz,
    updated_at timestamptz not null default now(),
    unique (subject_type, subject_id, rule_code)
  )`.execute(db);
  await sql`create index deadlines_open_idx on deadlines (due_at) where met_at is null`.execute(db);
  await sql`create index deadlines_site_idx on deadlines (site_id, due_at)`.execute(db);
}
