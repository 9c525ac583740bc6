/** The only SQL of the receiving sites' consent to cross-posted items. */
import type { DbOrTx } from '../../platform/db/create-db.ts';

export type ConsentMode = 'at_once' | 'wait';

/** How `siteId` receives items cross-posted from `sourceSiteId` (no row: wait). */
export async function consentMode(db: DbOrTx, siteId: number, sourceSiteId: number): Promise<ConsentMode> {
  const row = await db
    .selectFrom('crosspost_consent')
    .select('mode')
    .where('site_id', '=', siteId)
    .where('source_site_id', '=', sourceSiteId)
    .executeTakeFirst();
  return row?.mode ?? 'wait';
}

export function consentsOf(db: DbOrTx, siteId: number): Promise<{ source_site_id: number; mode: ConsentMode }[]> {
  return db.selectFrom('crosspost_consent').select(['source_site_id', 'mode']).where('site_id', '=', siteId).execute();
}

export async function setConsent(db: DbOrTx, siteId: number, sourceSiteId: number, mode: ConsentMode): Promise<void> {
  await db
    .insertInto('crosspost_consent')
    .values({ site_id: siteId, source_site_id: sourceSiteId, mode, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['site_id', 'source_site_id']).doUpdateSet({ mode, updated_at: new Date() }))
    .execute();
}
