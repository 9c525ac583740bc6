/**
 * Home-page blocks an operator arranges (PUB-1): which lists the home page shows, in what
 * order, how many items each. A site without its own arrangement gets the default one.
 */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import type { HomeBlockRow } from '../../platform/db/schema.ts';
import { Invalid } from '../../platform/http/errors.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { cleanText } from '../../platform/text/index.ts';
import { audited } from '../audit/index.ts';
import { authorize, type Actor } from '../access/index.ts';
import { contentType } from './content-types.ts';
import { findCategory } from './categories.repo.ts';
import * as repo from './home-blocks.repo.ts';

export type HomeBlockKind = HomeBlockRow['kind'];

export interface HomeBlock {
  kind: HomeBlockKind;
  /** A content type code for 'type', a category id for 'category', '' otherwise. */
  ref: string;
  /** Heading shown on the home page; empty: the default heading of the kind. */
  title: string;
  size: number;
}

export const DEFAULT_HOME_BLOCKS: readonly HomeBlock[] = [
  { kind: 'featured', ref: '', title: '', size: 3 },
  { kind: 'latest', ref: '', title: '', size: 6 },
  { kind: 'type', ref: 'announcement', title: '', size: 5 },
];

export class HomeBlocksService {
  readonly #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** The site's arrangement, or the default one. */
  async blocks(siteId: number, lang: string): Promise<HomeBlock[]> {
    const rows = await repo.listHomeBlocks(this.#db, siteId, lang);
    return rows.length ? rows.map((r) => ({ kind: r.kind, ref: r.ref, title: r.title, size: r.size })) : [...DEFAULT_HOME_BLOCKS];
  }

  /** Whether the site arranged this language's home page itself (else it shows the default). */
  async isArranged(siteId: number, lang: string): Promise<boolean> {
    return (await repo.listHomeBlocks(this.#db, siteId, lang)).length > 0;
  }

  /** Replaces the arrangement of one language of a site (operators: menus.manage). */
  async arrange(actor: Actor, siteId: number, lang: string, blocks: readonly HomeBlock[]): Promise<void> {
    authorize(actor, 'menus.manage', siteId);
    const problems: { field: string; message: string }[] = [];
    if (blocks.length > 12) problems.push({ field: 'blocks', message: 'Tối đa 12 khối trên trang chủ.' });
    for (const [i, b] of blocks.entries()) {
      if (!['featured', 'latest', 'type', 'category'].includes(b.kind)) problems.push({ field: `blocks.${i}.kind`, message: 'Loại khối không hợp lệ.' });
      if (b.kind === 'type' && !contentType(b.ref)) problems.push({ field: `blocks.${i}.ref`, message: 'Loại nội dung không hợp lệ.' });
      if (b.kind === 'category') {
        const c = Number(b.ref) ? await findCategory(this.#db, Number(b.ref)) : undefined;
        if (!c || c.site_id !== siteId || c.lang !== lang) problems.push({ field: `blocks.${i}.ref`, message: 'Chuyên mục không thuộc trang này.' });
      }
      if (!Number.isInteger(b.size) || b.size < 1 || b.size > 20) problems.push({ field: `blocks.${i}.size`, message: 'Số tin mỗi khối từ 1 đến 20.' });
    }
    if (problems.length) throw new Invalid('home_blocks.invalid', problems.map((p) => p.message).join(' '), { details: problems });
    await withTx(this.#db, async (tx) => {
      await repo.replaceHomeBlocks(
        tx,
        siteId,
        lang,
        blocks.map((b, position) => ({ position, kind: b.kind, ref: b.ref, title: cleanText(b.title).slice(0, 200), size: b.size })),
      );
      await announceChange(tx, siteId);
      await audited(tx, actor, 'home_blocks.arranged', { siteId }, { lang, blocks: blocks.map((b) => `${b.kind}:${b.ref}:${b.size}`) });
    });
  }
}
