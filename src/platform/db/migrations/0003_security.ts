// Accounts' security state, sessions, password reset, 2FA recovery codes, sign-in
// throttling, the hash-chained audit log, platform secrets and the mail outbox.
// Frozen: never edit after it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table accounts
    add column password_changed_at timestamptz not null default now(),
    add column last_sign_in_at timestamptz,
    add column failed_sign_ins integer not null default 0,
    add column locked_until timestamptz,
    add column totp_secret text,
    add column totp_enabled_at timestamptz,
    add column totp_last_step bigint,
    add column suspended_reason text,
    add column is_demo boolean not null default false`.execute(db);

  await sql`alter table role_grants add column unit text`.execute(db);
  await sql`drop index role_grants_unique_idx`.execute(db);
  await sql`create unique index role_grants_unique_idx on role_grants (account_id, coalesce(site_id, 0), role, coalesce(unit, ''))`.execute(db);
  await sql`create index role_grants_site_idx on role_grants (site_id)`.execute(db);

  await sql`create table password_history (
    id integer generated always as identity primary key,
    account_id integer not null references accounts(id) on delete cascade,
    password_hash text not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index password_history_account_idx on password_history (account_id, created_at desc)`.execute(db);

  await sql`create table recovery_codes (
    id integer generated always as identity primary key,
    account_id integer not null references accounts(id) on delete cascade,
    code_hash text not null,
    used_at timestamptz
  )`.execute(db);
  await sql`create index recovery_codes_account_idx on recovery_codes (account_id)`.execute(db);

  await sql`create table sessions (
    id text primary key,
    account_id integer not null references accounts(id) on delete cascade,
    host text not null,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    idle_seconds integer not null,
    ip text not null default '',
    user_agent text not null default '',
    mfa_passed boolean not null default false,
    current_site_id integer references sites(id) on delete set null
  )`.execute(db);
  await sql`create index sessions_account_idx on sessions (account_id)`.execute(db);

  await sql`create table password_reset_tokens (
    token_hash text primary key,
    account_id integer not null references accounts(id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz,
    ip text not null default ''
  )`.execute(db);

  await sql`create table sign_in_throttle (
    ip text primary key,
    failures integer not null default 0,
    last_failure_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    actor_id integer,
    actor_label text not null,
    ip text not null default '',
    site_id integer,
    action text not null,
    target_type text not null default '',
    target_id text not null default '',
    summary jsonb not null default '{}'::jsonb,
    prev_hash text not null,
    hash text not null unique
  )`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at)`.execute(db);
  await sql`create index audit_log_site_idx on audit_log (site_id, at)`.execute(db);
  await sql`create index audit_log_actor_idx on audit_log (actor_id, at)`.execute(db);
  await sql`create index audit_log_action_idx on audit_log (action, at)`.execute(db);

  // Append-only: rows can be neither changed nor removed, except by the retention job,
  // which says so for its own transaction (set local cong.audit_prune = 'on').
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('cong.audit_prune', true) = 'on' then
        return old;
      end if;
      raise exception 'audit_log is append-only';
    end
  $$`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);

  // Where the chain starts after old entries were removed by retention.
  await sql`create table audit_anchor (
    id integer primary key check (id = 1),
    prev_hash text not null,
    pruned_before timestamptz not null,
    pruned_count bigint not null default 0
  )`.execute(db);

  await sql`create table platform_secrets (
    name text primary key,
    value text not null,
    created_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table mail_outbox (
    id integer generated always as identity primary key,
    to_address text not null,
    subject text not null,
    text_body text not null,
    html_body text,
    created_at timestamptz not null default now(),
    send_after timestamptz not null default now(),
    sent_at timestamptz,
    attempts integer not null default 0,
    last_error text
  )`.execute(db);
  await sql`create index mail_outbox_pending_idx on mail_outbox (send_after) where sent_at is null`.execute(db);
}
