/**
 * Menus of a site, per language, as a tree. Read on every page, so kept in memory and
 * dropped when this process changes a menu (other processes see it within 30 s).
 */
import { withTx, type Db, type Tx } from '../../platform/db/create-db.ts';
import { Memo } from '../../platform/cache/memo.ts';
import { Invalid } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import * as repo from './menus.repo.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { recordAudit } from '../audit/index.ts';
import { actorId, actorIp, actorLabel, authorize, type Actor } from '../access/index.ts';

export interface MenuNode {
  id: number;
  label: string;
  /** A path inside the site ("/trang/gioi-thieu") or an absolute http(s) URL. */
  href: string;
  /** What the entry was chosen to point to ("category:12"…), null for a typed address. */
  target: string | null;
  children: MenuNode[];
}

export interface MenuInput {
  label: string;
  href: string;
  /** What the entry points to, when chosen from the site's parts (its `href` resolved from it). */
  target?: string | undefined;
  children?: MenuInput[];
}

const HREF_RE = /^(\/[^\s]*|https?:\/\/[^\s]+)$/;

export class MenuService {
  readonly #db: Db;
  readonly #memo = new Memo<MenuNode[]>(30_000);

  constructor(db: Db) {
    this.#db = db;
  }

  /** The menu tree of a site in a language (empty when none was defined). */
  tree(siteId: number, lang: string): Promise<MenuNode[]> {
    return this.#memo.get(`${siteId}:${lang}`, async () => buildTree(await repo.listMenuItems(this.#db, siteId, lang)));
  }

  /**
   * Replaces a site's menu in one language with `items` (one transaction). With an actor
   * (the administration), they must be allowed `menus.manage` and the change is audited.
   */
  async replace(siteId: number, lang: string, items: readonly MenuInput[], actor?: Actor): Promise<void> {
    if (actor) authorize(actor, 'menus.manage', siteId);
    const problems = collectProblems(items);
    if (problems.length > 0) throw new Invalid('menu.invalid', problems.join(' '));
    await withTx(this.#db, async (tx) => {
      await repo.deleteMenu(tx, siteId, lang);
      await insertTree(tx, siteId, lang, items);
      await announceChange(tx, siteId);
      if (actor)
        await recordAudit(tx, {
          actorId: actorId(actor),
          actorLabel: actorLabel(actor),
          ip: actorIp(actor),
          siteId,
          action: 'menu.replaced',
          summary: { lang, items: countItems(items) },
        });
    });
    this.#memo.invalidate(`${siteId}:${lang}`);
  }

  /**
   * Writes a new site's first menu in `tx` (the transaction that creates the site: the sites
   * module's `onSiteCreated`). Nothing of this site is in memory yet, so nothing to forget.
   */
  async writeFirst(tx: Tx, siteId: number, lang: string, items: readonly MenuInput[]): Promise<void> {
    await insertTree(tx, siteId, lang, items);
  }
}

/** Inserts a menu tree, one statement per level of each branch. */
async function insertTree(tx: Tx, siteId: number, lang: string, items: readonly MenuInput[], parentId: number | null = null): Promise<void> {
  if (items.length === 0) return;
  const rows = await repo.insertMenuItems(
    tx,
    items.map((item, position) => ({
      site_id: siteId,
      lang,
      parent_id: parentId,
      position,
      label: cleanText(item.label),
      href: item.href.trim(),
      target: item.target || null,
    })),
  );
  for (const [position, item] of items.entries()) {
    const row = rows.find((r) => r.position === position);
    if (row && item.children?.length) await insertTree(tx, siteId, lang, item.children, row.id);
  }
}

function countItems(items: readonly MenuInput[]): number {
  return items.reduce((n, item) => n + 1 + countItems(item.children ?? []), 0);
}

function collectProblems(items: readonly MenuInput[]): string[] {
  return items.flatMap((item) => [
    ...(cleanText(item.label) ? [] : ['Mục menu cần có nhãn.']),
    ...(HREF_RE.test(item.href.trim()) ? [] : [`Liên kết "${item.href}" phải bắt đầu bằng "/" hoặc http(s)://.`]),
    ...collectProblems(item.children ?? []),
  ]);
}

function buildTree(rows: readonly { id: number; parent_id: number | null; label: string; href: string; target: string | null }[]): MenuNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { id: r.id, label: r.label, href: r.href, target: r.target, children: [] as MenuNode[] }]));
  const roots: MenuNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
