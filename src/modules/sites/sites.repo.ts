/** The only SQL of the sites module. */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import type { NewSite, SiteRow, SiteUpdate } from '../../platform/db/schema.ts';

export interface SiteWithHosts extends SiteRow {
  hosts: string[];
}

export async function listSitesWithHosts(db: DbOrTx): Promise<SiteWithHosts[]> {
  const [sites, hosts] = await Promise.all([
    db.selectFrom('sites').selectAll().orderBy('id').execute(),
    db.selectFrom('site_hosts').selectAll().orderBy('host').execute(),
  ]);
  return sites.map((s) => ({ ...s, hosts: hosts.filter((h) => h.site_id === s.id).map((h) => h.host) }));
}

export function findSiteByCode(db: DbOrTx, code: string): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The site, its row locked until the transaction ends. */
export function lockSiteByCode(tx: DbOrTx, code: string): Promise<SiteRow | undefined> {
  return tx.selectFrom('sites').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export function findSiteById(db: DbOrTx, id: number): Promise<SiteRow | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countSites(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('sites')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSite(db: DbOrTx, site: NewSite): Promise<SiteRow> {
  return db.insertInto('sites').values(site).returningAll().executeTakeFirstOrThrow();
}

export async function updateSiteRow(db: DbOrTx, id: number, patch: SiteUpdate): Promise<SiteRow | undefined> {
  return db
    .updateTable('sites')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Hosts already taken by another site than `siteId`, with the code of the site that has each. */
export async function hostsTakenByOthers(db: DbOrTx, hosts: readonly string[], siteId: number | null): Promise<{ host: string; code: string }[]> {
  if (hosts.length === 0) return [];
  let q = db
    .selectFrom('site_hosts')
    .innerJoin('sites', 'sites.id', 'site_hosts.site_id')
    .select(['site_hosts.host', 'sites.code'])
    .where('site_hosts.host', 'in', hosts);
  if (siteId !== null) q = q.where('site_hosts.site_id', '<>', siteId);
  return q.orderBy('site_hosts.host').execute();
}

export function hostsOf(db: DbOrTx, siteId: number): Promise<string[]> {
  return db
    .selectFrom('site_hosts')
    .select('host')
    .where('site_id', '=', siteId)
    .orderBy('host')
    .execute()
    .then((rows) => rows.map((r) => r.host));
}

export async function replaceSiteHosts(db: DbOrTx, siteId: number, hosts: readonly string[]): Promise<void> {
  await db.deleteFrom('site_hosts').where('site_id', '=', siteId).execute();
  if (hosts.length > 0) {
    await db
      .insertInto('site_hosts')
      .values(hosts.map((host) => ({ host, site_id: siteId })))
      .execute();
  }
}
