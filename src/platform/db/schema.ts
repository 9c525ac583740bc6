/**
 * The database's tables as Kysely sees them. Repos import these types; nothing else should.
 * Migrations do not: they stay frozen in time on `Kysely<any>`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';


type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type SiteKind = 'portal' | 'department' | 'ward' | 'other';
export type SiteStatus = 'active' | 'maintenance' | 'disabled';

export interface SitesTable {
  id: Generated<number>;
  code: string;
  kind: SiteKind;
  parent_id: number | null;
  name_vi: string;
  name_en: string;
  owner_name_vi: string;
  owner_name_en: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  responsible_person: string;
  logo_url: string | null;
  theme_color: string;
  status: SiteStatus;
  is_demo: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SiteHostsTable {
  host: string;
  site_id: number;
}

export type Lang = 'vi' | 'en';

export interface MenuItemsTable {
  id: Generated<number>;
  site_id: number;
  lang: string;
  parent_id: number | null;
  position: number;
  label: string;
  href: string;
}

export interface PagesTable {
  id: Generated<number>;
  site_id: number;
  lang: string;
  slug: string;
  title: string;
  summary: string;
  body_html: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AccountStatus = 'active' | 'suspended';

export interface AccountsTable {
  id: Generated<number>;
  email: string;
  name: string;
  phone: string;
  unit: string;
  password_hash: string;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  account_id: number;
  /** null: the grant covers the whole platform (platform admin only). */
  site_id: number | null;
  role: string;
  created_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  sites: SitesTable;
  site_hosts: SiteHostsTable;
  menu_items: MenuItemsTable;
  pages: PagesTable;
  accounts: AccountsTable;
  role_grants: RoleGrantsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type SiteRow = Selectable<SitesTable>;
export type NewSite = Insertable<SitesTable>;
export type SiteUpdate = Updateable<SitesTable>;
export type MenuItemRow = Selectable<MenuItemsTable>;
export type PageRow = Selectable<PagesTable>;
export type AccountRow = Selectable<AccountsTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
