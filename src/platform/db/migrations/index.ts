/**
 * The ordered list of migrations. Append only: a migration that has shipped is never
 * edited; change the schema with a new one.
 */
import type { Kysely } from 'kysely';
import * as m0001 from './0001_sites.ts';
import * as m0002 from './0002_accounts.ts';
import * as m0003 from './0003_security.ts';
import * as m0004 from './0004_content.ts';
import * as m0005 from './0005_search.ts';
import * as m0006 from './0006_calendar.ts';
import * as m0007 from './0007_inquiries.ts';
import * as m0008 from './0008_sites_admin.ts';
import * as m0013 from './0013_oversight.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '0001_sites', up: m0001.up },
  { version: 2, name: '0002_accounts', up: m0002.up },
  { version: 3, name: '0003_security', up: m0003.up },
  { version: 4, name: '0004_content', up: m0004.up },
  { version: 5, name: '0005_search', up: m0005.up },
  { version: 6, name: '0006_calendar', up: m0006.up },
  { version: 7, name: '0007_inquiries', up: m0007.up },
  { version: 8, name: '0008_sites_admin', up: m0008.up },
  // Placeholders for 0009–0012, written on other branches of issue 14: replaced by them at merge.
  { version: 9, name: '0009_placeholder', up: async () => {} },
  { version: 10, name: '0010_placeholder', up: async () => {} },
  { version: 11, name: '0011_placeholder', up: async () => {} },
  { version: 12, name: '0012_placeholder', up: async () => {} },
  { version: 13, name: '0013_oversight', up: m0013.up },
];
