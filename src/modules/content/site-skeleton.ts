/**
 * Content's part of a new site's skeleton (run by the sites module inside the transaction that
 * creates the site, so the site and its skeleton exist together or not at all): the board's
 * workflow with two approval steps and no self-approval, and a first category per language so the
 * editor's category choice is never empty. The home page needs nothing written: until the operator
 * arranges it, it shows DEFAULT_HOME_BLOCKS (and the structure screen says so).
 */
import type { Tx } from '../../platform/db/create-db.ts';
import { LANGS } from '../../platform/i18n/index.ts';
import * as categoriesRepo from './categories.repo.ts';
import * as repo from './content.repo.ts';
import { t } from './messages.ts';

/** The first categories of a new site, per language (slug without diacritics). */
export const DEFAULT_CATEGORIES = {
  vi: [
    { slug: 'tin-tuc-su-kien', key: 'skeleton.category.news' },
    { slug: 'thong-bao', key: 'skeleton.category.announcements' },
  ],
  en: [{ slug: 'news', key: 'skeleton.category.news' }],
} as const;

export async function createContentSkeleton(tx: Tx, site: { id: number }): Promise<void> {
  await repo.upsertWorkflowSettings(tx, site.id, 2, true);
  for (const lang of LANGS) {
    for (const [position, c] of DEFAULT_CATEGORIES[lang].entries()) {
      await categoriesRepo.insertCategory(tx, { site_id: site.id, parent_id: null, lang, slug: c.slug, name: t(lang, c.key), description: '', position });
    }
  }
}
