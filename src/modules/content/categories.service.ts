/** Categories (a tree per site and language) and topics, managed by the site's operator or board. */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import type { CategoryRow } from '../../platform/db/schema.ts';
import { Conflict, Invalid } from '../../platform/http/errors.ts';
import { cleanText, slugify } from '../../platform/text/index.ts';
import { audited } from '../audit/index.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { authorize, can, type Actor } from '../access/index.ts';
import * as repo from './categories.repo.ts';
import { Memo } from '../../platform/cache/memo.ts';

export interface CategoryNode extends CategoryRow {
  children: CategoryNode[];
}

export function categoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const r of rows) (r.parent_id !== null && nodes.get(r.parent_id) ? nodes.get(r.parent_id)!.children : roots).push(nodes.get(r.id)!);
  return roots;
}

export class CategoryService {
  readonly #db: Db;
  /** Read on every public page, changed rarely: kept 30 s, dropped at once on a local change. */
  readonly #memo = new Memo<CategoryRow[]>(30_000);
  constructor(db: Db) {
    this.#db = db;
  }

  list(siteId: number, lang: string): Promise<CategoryRow[]> {
    return this.#memo.get(`${siteId}:${lang}`, () => repo.listCategories(this.#db, siteId, lang));
  }

  async tree(siteId: number, lang: string): Promise<CategoryNode[]> {
    return categoryTree(await this.list(siteId, lang));
  }

  find(id: number) {
    return repo.findCategory(this.#db, id);
  }

  bySlug(siteId: number, lang: string, slug: string) {
    return repo.findCategoryBySlug(this.#db, siteId, lang, slug);
  }

  /** Creates a category; operators (menus.manage) and board editors may. */
  async create(
    actor: Actor,
    siteId: number,
    input: { lang: string; name: string; slug?: string; parentId?: number | null; description?: string; position?: number },
  ): Promise<CategoryRow> {
    if (!can(actor, 'menus.manage', siteId)) authorize(actor, 'content.edit', siteId);
    const name = cleanText(input.name);
    const slug = slugify(input.slug || name);
    if (!name || !slug)
      throw new Invalid('category.invalid', 'Cần nhập tên chuyên mục.', { details: [{ field: 'name', message: 'Cần nhập tên chuyên mục.' }] });
    const created = await withTx(this.#db, async (tx) => {
      if (input.parentId) {
        const parent = await repo.findCategory(tx, input.parentId);
        if (!parent || parent.site_id !== siteId || parent.lang !== input.lang)
          throw new Invalid('category.bad_parent', 'Chuyên mục cha không hợp lệ.', {
            details: [{ field: 'parentId', message: 'Chuyên mục cha không hợp lệ.' }],
          });
      }
      if (await repo.findCategoryBySlug(tx, siteId, input.lang, slug))
        throw new Conflict('category.slug_taken', `Đã có chuyên mục "${slug}".`, { details: [{ field: 'slug', message: `Đã có chuyên mục "${slug}".` }] });
      const row = await repo.insertCategory(tx, {
        site_id: siteId,
        parent_id: input.parentId ?? null,
        lang: input.lang,
        slug,
        name,
        description: cleanText(input.description ?? ''),
        position: input.position ?? 0,
      });
      await announceChange(tx, siteId);
      await audited(tx, actor, 'category.created', { type: 'category', id: String(row.id), siteId }, { name, slug, lang: input.lang });
      return row;
    });
    // After the commit, or a reader could cache the old list again in between.
    this.#memo.invalidate(`${siteId}:${input.lang}`);
    return created;
  }

  topics(siteId: number) {
    return repo.listTopics(this.#db, siteId);
  }

  async createTopic(actor: Actor, siteId: number, nameVi: string, nameEn = ''): Promise<{ id: number; slug: string }> {
    if (!can(actor, 'menus.manage', siteId)) authorize(actor, 'content.edit', siteId);
    const name = cleanText(nameVi);
    const slug = slugify(name);
    if (!name || !slug) throw new Invalid('topic.invalid', 'Cần nhập tên chủ đề.');
    return withTx(this.#db, async (tx) => {
      const row = await repo.insertTopic(tx, { site_id: siteId, slug, name_vi: name, name_en: cleanText(nameEn) });
      await audited(tx, actor, 'topic.created', { type: 'topic', id: String(row.id), siteId }, { name });
      return { id: row.id, slug: row.slug };
    });
  }
}
