// The organisation and contact directory (issue #14 point 5, CONT-12): the units of each site as a
// tree, each with its focal person for information supply, official e-mail and phone. The
// answering agencies of the Q&A module and the units of role grants refer to these units instead
// of free text: existing names become units (matched by name within the site, created when none
// matches), so no grant and no agency is dropped. Frozen once it ships.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table directory_units (
    id integer generated always as identity primary key,
    site_id integer not null references sites(id) on delete cascade,
    -- The unit above this one in the same site (null: at the top); no cycles (checked by the service).
    parent_id integer,
    name_vi text not null check (length(name_vi) between 1 and 200),
    name_en text not null default '' check (length(name_en) <= 200),
    kind text not null default 'office' check (kind in ('leadership', 'office', 'department', 'section', 'unit', 'other')),
    focal_name text not null default '' check (length(focal_name) <= 200),
    focal_title text not null default '' check (length(focal_title) <= 200),
    email text not null default '' check (length(email) <= 200),
    phone text not null default '' check (length(phone) <= 50),
    address text not null default '' check (length(address) <= 500),
    position integer not null default 0,
    retired boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (id, site_id),
    foreign key (parent_id, site_id) references directory_units (id, site_id),
    check (parent_id is null or parent_id <> id)
  )`.execute(db);
  // One unit of a name per site: grants and agencies named by text are matched to it.
  await sql`create unique index directory_units_name_idx on directory_units (site_id, lower(name_vi))`.execute(db);
  await sql`create index directory_units_parent_idx on directory_units (site_id, parent_id, position)`.execute(db);

  // Every name in use, as a unit of its site (set-based; names compared without case and spaces around).
  await sql`insert into directory_units (site_id, name_vi, kind, position)
    select site_id, name, 'unit', (row_number() over (partition by site_id order by min(pos), name))::integer
    from (
      select site_id, btrim(name) as name, position as pos from inquiry_agencies
      union all
      select site_id, left(btrim(unit), 200), 1000 from role_grants where site_id is not null and unit is not null and btrim(unit) <> ''
    ) named
    group by site_id, name
    on conflict (site_id, lower(name_vi)) do nothing`.execute(db);

  // The answering agencies: each one a unit of its own site.
  await sql`alter table inquiry_agencies add column unit_id integer`.execute(db);
  await sql`update inquiry_agencies a set unit_id = u.id from directory_units u where u.site_id = a.site_id and lower(u.name_vi) = lower(btrim(a.name))`.execute(
    db,
  );
  await sql`alter table inquiry_agencies alter column unit_id set not null`.execute(db);
  await sql`alter table inquiry_agencies add foreign key (unit_id, site_id) references directory_units (id, site_id)`.execute(db);
  await sql`alter table inquiry_agencies drop column name`.execute(db);
  await sql`alter table inquiry_agencies add constraint inquiry_agencies_unit_key unique (site_id, unit_id)`.execute(db);

  // The grants' units: converted, never dropped (a text of a grant without a site cannot be a unit).
  await sql`alter table role_grants add column unit_id integer`.execute(db);
  await sql`update role_grants g set unit_id = u.id from directory_units u
    where g.site_id is not null and g.unit is not null and u.site_id = g.site_id and lower(u.name_vi) = lower(left(btrim(g.unit), 200))`.execute(db);
  const lost = await sql<{
    n: number;
  }>`select count(*)::integer as n from role_grants where unit is not null and btrim(unit) <> '' and unit_id is null`.execute(db);
  if ((lost.rows[0]?.n ?? 0) > 0) throw new Error('0010_directory: some grants name a unit that could not be converted; fix them first.');
  await sql`alter table role_grants add foreign key (unit_id, site_id) references directory_units (id, site_id)`.execute(db);
  await sql`drop index role_grants_unique_idx`.execute(db);
  await sql`alter table role_grants drop column unit`.execute(db);
  await sql`create unique index role_grants_unique_idx on role_grants (account_id, coalesce(site_id, 0), role, coalesce(unit_id, 0))`.execute(db);
  await sql`create index role_grants_unit_idx on role_grants (unit_id) where unit_id is not null`.execute(db);
}
