/** Categories (a tree per site and language) and topics, managed by the site's operator or board. */
import { withTx, type Db } from '../../platform/db/create-db.ts';
import type { CategoryRow } from '../../platform/db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.ts';
import { cleanText, slugify } from '../../platform/text/index.ts';
import { audited } from '../audit/index.ts';
import { announceChange } from '../../platform/cache/page-cache.ts';
import { authorize, can, type Actor } from '../access/index.ts';
import * as repo from './categories.repo.ts';
import { Memo } from '../../platform/cache/memo.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { ts } from './structure-messages.ts';

/** A category's name, description, place in the tree (the path name never changes: see `change`). */
export interface CategoryChange {
  name: string;
  description: string;
  parentId: number | null;
  position: number;
}

export interface TopicRow {
  id: number;
  site_id: number;
  slug: string;
  name_vi: string;
  name_en: string;
  retired_at: Date | null;
}

const invalid = (code: string, field: string, message: string) => new Invalid(code, message, { details: [{ field, message }] });

/** The ids of `id` and every category below it. */
function subtree(rows: readonly CategoryRow[], id: number): Set<number> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (r.parent_id !== null && out.has(r.parent_id) && !out.has(r.id)) {
        out.add(r.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * What is wrong with changing `current` into `change` among `rows` (the site's categories of its
 * language), by field: an empty or over-long name, a name a sibling has, a parent that is not a
 * category in use of the same site and language, a move into itself or below itself (a cycle),
 * a position out of range.
 */
export function categoryChangeProblems(
  rows: readonly CategoryRow[],
  current: CategoryRow,
  change: CategoryChange,
  L: Lang,
): { field: string; message: string; code: string }[] {
  const problems: { field: string; message: string; code: string }[] = [];
  const name = cleanText(change.name);
  if (!name) problems.push({ field: 'name', code: 'category.invalid', message: ts(L, 'cat.enterName') });
  else if (name.length > 200) problems.push({ field: 'name', code: 'category.invalid', message: ts(L, 'cat.nameTooLong') });
  else if (
    rows.some(
      (r) => r.id !== current.id && r.retired_at === null && r.parent_id === change.parentId && r.name.toLocaleLowerCase('vi') === name.toLocaleLowerCase('vi'),
    )
  )
    problems.push({ field: 'name', code: 'category.name_taken', message: ts(L, 'cat.nameTaken', { name }) });
  if (change.parentId !== null) {
    const parent = rows.find((r) => r.id === change.parentId);
    if (!parent || parent.retired_at !== null) problems.push({ field: 'parentId', code: 'category.bad_parent', message: ts(L, 'cat.badParent') });
    else if (subtree(rows, current.id).has(parent.id)) problems.push({ field: 'parentId', code: 'category.cycle', message: ts(L, 'cat.cycle') });
  }
  if (!Number.isInteger(change.position) || change.position < 0 || change.position > 9999)
    problems.push({ field: 'position', code: 'category.invalid', message: ts(L, 'cat.badPosition') });
  return problems;
}

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

  /** Every category of a site in a language, retired ones too (their items still name them). */
  list(siteId: number, lang: string): Promise<CategoryRow[]> {
    return this.#memo.get(`${siteId}:${lang}`, () => repo.listCategories(this.#db, siteId, lang));
  }

  /** The categories in use: what the editor, the home-page blocks and the site map offer. */
  async active(siteId: number, lang: string): Promise<CategoryRow[]> {
    return (await this.list(siteId, lang)).filter((c) => c.retired_at === null);
  }

  /**
   * Changes a category's name, description, parent and position. The path name (slug) stays:
   * items' addresses do not contain it (/tin/<item>), and the category's own address
   * (/chuyen-muc/<slug>) and the menu entries and links pointing to it keep working after a
   * rename or a move. Refused with the field named: see `categoryChangeProblems`.
   */
  async change(actor: Actor, id: number, change: CategoryChange, L: Lang = 'vi'): Promise<CategoryRow> {
    const found = await repo.findCategory(this.#db, id);
    if (!found) throw new NotFound('category.not_found', 'No such category', { messageKey: 'error.body.404' });
    if (!can(actor, 'menus.manage', found.site_id)) authorize(actor, 'content.edit', found.site_id);
    const saved = await withTx(this.#db, async (tx) => {
      const rows = await repo.lockCategories(tx, found.site_id, found.lang);
      const current = rows.find((r) => r.id === id)!;
      const problems = categoryChangeProblems(rows, current, change, L);
      if (problems.length) {
        const first = problems[0]!;
        const details = problems.map(({ field, message }) => ({ field, message }));
        if (first.code === 'category.name_taken') throw new Conflict(first.code, first.message, { details });
        throw new Invalid(first.code, problems.map((p) => p.message).join(' '), { details });
      }
      const row = await repo.updateCategory(tx, id, {
        name: cleanText(change.name),
        description: cleanText(change.description),
        parent_id: change.parentId,
        position: change.position,
      });
      await announceChange(tx, found.site_id);
      await audited(
        tx,
        actor,
        'category.changed',
        { type: 'category', id: String(id), siteId: found.site_id },
        {
          before: { name: current.name, parent: current.parent_id, position: current.position },
          after: { name: row.name, parent: row.parent_id, position: row.position },
        },
      );
      return row;
    });
    this.#memo.invalidate(`${found.site_id}:${found.lang}`);
    return saved;
  }

  /**
   * Retires a category (or, `retired` false, uses it again). A retired category is no longer
   * offered; its items stay published and keep it; its address answers 301 to its parent's.
   * Its subcategories in use move up to its parent, so none hangs below a retired one.
   */
  async retire(actor: Actor, id: number, retired = true, L: Lang = 'vi'): Promise<CategoryRow> {
    const found = await repo.findCategory(this.#db, id);
    if (!found) throw new NotFound('category.not_found', 'No such category', { messageKey: 'error.body.404' });
    if (!can(actor, 'menus.manage', found.site_id)) authorize(actor, 'content.edit', found.site_id);
    const saved = await withTx(this.#db, async (tx) => {
      const rows = await repo.lockCategories(tx, found.site_id, found.lang);
      const current = rows.find((r) => r.id === id)!;
      if (!retired && current.parent_id !== null && rows.find((r) => r.id === current.parent_id)?.retired_at)
        throw invalid('category.bad_parent', 'form', ts(L, 'cat.retiredParent'));
      if (retired === (current.retired_at !== null)) return current;
      if (retired)
        for (const child of rows.filter((r) => r.parent_id === id && r.retired_at === null))
          await repo.updateCategory(tx, child.id, { parent_id: current.parent_id });
      const row = await repo.updateCategory(tx, id, { retired_at: retired ? new Date() : null });
      await announceChange(tx, found.site_id);
      await audited(
        tx,
        actor,
        retired ? 'category.retired' : 'category.restored',
        { type: 'category', id: String(id), siteId: found.site_id },
        {
          name: row.name,
          slug: row.slug,
        },
      );
      return row;
    });
    this.#memo.invalidate(`${found.site_id}:${found.lang}`);
    return saved;
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

  /** Every topic of a site, retired ones too. */
  topics(siteId: number): Promise<TopicRow[]> {
    return repo.listTopics(this.#db, siteId);
  }

  /** The topics in use: what the editor and the site map offer. */
  async activeTopics(siteId: number): Promise<TopicRow[]> {
    return (await this.topics(siteId)).filter((tp) => tp.retired_at === null);
  }

  topicBySlug(siteId: number, slug: string): Promise<TopicRow | undefined> {
    return repo.findTopicBySlug(this.#db, siteId, slug);
  }

  findTopic(id: number): Promise<TopicRow | undefined> {
    return repo.findTopic(this.#db, id);
  }

  /** How many items of the site carry each topic. */
  topicCounts(siteId: number): Promise<Map<number, number>> {
    return repo.topicItemCounts(this.#db, siteId);
  }

  /** Checks a topic's names: refused with the field named (an empty, over-long or taken name). */
  #topicNames(rows: readonly TopicRow[], selfId: number | null, nameVi: string, nameEn: string, L: Lang) {
    const name = cleanText(nameVi);
    const slug = slugify(name);
    if (!name || !slug) throw invalid('topic.invalid', 'nameVi', ts(L, 'topic.enterName'));
    if (name.length > 200) throw invalid('topic.invalid', 'nameVi', ts(L, 'topic.nameTooLong'));
    if (cleanText(nameEn).length > 200) throw invalid('topic.invalid', 'nameEn', ts(L, 'topic.nameTooLong'));
    const lower = name.toLocaleLowerCase('vi');
    if (rows.some((r) => r.id !== selfId && (r.name_vi.toLocaleLowerCase('vi') === lower || (selfId === null && r.slug === slug)))) {
      const message = ts(L, 'topic.nameTaken', { name });
      throw new Conflict('topic.name_taken', message, { details: [{ field: 'nameVi', message }] });
    }
    return { name, slug, nameEn: cleanText(nameEn) };
  }

  async createTopic(actor: Actor, siteId: number, nameVi: string, nameEn = '', L: Lang = 'vi'): Promise<{ id: number; slug: string }> {
    if (!can(actor, 'menus.manage', siteId)) authorize(actor, 'content.edit', siteId);
    const { name, slug, nameEn: en } = this.#topicNames(await repo.listTopics(this.#db, siteId), null, nameVi, nameEn, L);
    return withTx(this.#db, async (tx) => {
      const row = await repo.insertTopic(tx, { site_id: siteId, slug, name_vi: name, name_en: en });
      await audited(tx, actor, 'topic.created', { type: 'topic', id: String(row.id), siteId }, { name });
      return { id: row.id, slug: row.slug };
    });
  }

  /** The demo's topics on `siteIds` (set-based; the demo seed). Returns how many were added. */
  seedDemoTopics(siteIds: readonly number[], topics: readonly { slug: string; vi: string; en: string }[]): Promise<number> {
    return repo.insertDemoTopics(
      this.#db,
      siteIds.flatMap((site_id) => topics.map((tp) => ({ site_id, slug: tp.slug, name_vi: tp.vi, name_en: tp.en }))),
    );
  }

  /** Renames a topic; its address (slug) stays, so links and menu entries keep working. */
  async changeTopic(actor: Actor, id: number, nameVi: string, nameEn: string, L: Lang = 'vi'): Promise<TopicRow> {
    const found = await repo.findTopic(this.#db, id);
    if (!found) throw new NotFound('topic.not_found', 'No such topic', { messageKey: 'error.body.404' });
    if (!can(actor, 'menus.manage', found.site_id)) authorize(actor, 'content.edit', found.site_id);
    const { name, nameEn: en } = this.#topicNames(await repo.listTopics(this.#db, found.site_id), id, nameVi, nameEn, L);
    return withTx(this.#db, async (tx) => {
      const row = await repo.updateTopic(tx, id, { name_vi: name, name_en: en });
      await announceChange(tx, found.site_id);
      await audited(tx, actor, 'topic.changed', { type: 'topic', id: String(id), siteId: found.site_id }, { before: found.name_vi, after: name });
      return row;
    });
  }

  /** Retires a topic (or uses it again): no longer offered; its items keep it and stay published. */
  async retireTopic(actor: Actor, id: number, retired = true): Promise<TopicRow> {
    const found = await repo.findTopic(this.#db, id);
    if (!found) throw new NotFound('topic.not_found', 'No such topic', { messageKey: 'error.body.404' });
    if (!can(actor, 'menus.manage', found.site_id)) authorize(actor, 'content.edit', found.site_id);
    if (retired === (found.retired_at !== null)) return found;
    return withTx(this.#db, async (tx) => {
      const row = await repo.updateTopic(tx, id, { retired_at: retired ? new Date() : null });
      await announceChange(tx, found.site_id);
      await audited(tx, actor, retired ? 'topic.retired' : 'topic.restored', { type: 'topic', id: String(id), siteId: found.site_id }, { name: found.name_vi });
      return row;
    });
  }
}
