/**
 * What the site structure screens' forms send, read and checked: a new category, the menu
 * (label, link, parent row, position) and the home-page blocks (kind, source, heading, size,
 * position) as numbered rows, without JavaScript. A parent is chosen by its row number; order
 * within a level follows the position numbers, then the row numbers. Problems are keyed by
 * the form's field names, in the person's language.
 */
import type { FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { slugify } from '../../platform/text/index.ts';
import type { MenuInput, MenuNode } from '../menus/index.ts';
import { contentType } from './content-types.ts';
import { BLANK_ROWS, MAX_BLOCK_ROWS, MAX_MENU_ROWS, textOf, type SentForm } from './content.schema.ts';
import type { HomeBlock, HomeBlockKind } from './home-blocks.service.ts';
import { t } from './messages.ts';
import { ts } from './structure-messages.ts';

export const MAX_MENU_DEPTH = 3;
export const HOME_BLOCK_KINDS: readonly HomeBlockKind[] = ['featured', 'latest', 'type', 'category'];

export interface MenuRow {
  key: number;
  label: string;
  href: string;
  /** What the entry points to ("category:12", "calendar"…), '' for the typed link. */
  target: string;
  /** The row number of the parent, '' at the top level. */
  parent: string;
  position: string;
  remove: boolean;
}

export interface BlockRow {
  key: number;
  kind: string;
  ref: string;
  title: string;
  size: string;
  position: string;
  remove: boolean;
}

function rowCount(sent: SentForm, key: string, max: number): number {
  const n = Number(textOf(sent, key));
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : 0;
}

/** An integer from `min` to `max`, '' giving `fallback`; undefined when it is not one. */
function intIn(value: string, min: number, max: number, fallback: number): number | undefined {
  const v = value.trim();
  if (v === '') return fallback;
  if (!/^-?\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

const blank = (key: number): MenuRow => ({ key, label: '', href: '', target: '', parent: '', position: '', remove: false });

// ---- Menus ----------------------------------------------------------------------------------

/** The saved menu as rows (depth first), followed by empty rows to add items. */
export function menuRows(tree: readonly MenuNode[]): MenuRow[] {
  const rows: MenuRow[] = [];
  const walk = (nodes: readonly MenuNode[], parent: string) => {
    nodes.forEach((n, i) => {
      const row: MenuRow = {
        key: rows.length + 1,
        label: n.label,
        href: n.target ? '' : n.href,
        target: n.target ?? '',
        parent,
        position: String(i + 1),
        remove: false,
      };
      rows.push(row);
      walk(n.children, String(row.key));
    });
  };
  walk(tree, '');
  return withBlankRows(rows);
}

export function withBlankRows(rows: MenuRow[]): MenuRow[] {
  const used = rows.filter((r) => r.label.trim() || r.href.trim() || r.target);
  const next = rows.reduce((m, r) => Math.max(m, r.key), 0);
  return [...rows, ...Array.from({ length: Math.max(0, BLANK_ROWS - (rows.length - used.length)) }, (_, i) => blank(next + i + 1))];
}

export function menuRowsFromForm(sent: SentForm): MenuRow[] {
  return Array.from({ length: rowCount(sent, 'so_muc', MAX_MENU_ROWS + BLANK_ROWS) }, (_, i) => {
    const k = i + 1;
    return {
      key: k,
      label: textOf(sent, `nhan_${k}`),
      href: textOf(sent, `lien_ket_${k}`),
      target: textOf(sent, `dich_${k}`),
      parent: textOf(sent, `cha_${k}`),
      position: textOf(sent, `vi_tri_${k}`),
      remove: textOf(sent, `xoa_${k}`) !== '',
    };
  });
}

const HREF_RE = /^(\/(?!\/)[^\s]*|https?:\/\/[^\s/][^\s]*)$/;

/** The menu tree the rows describe, or the problems with them (by field name). */
export function menuFromRows(
  rows: readonly MenuRow[],
  lang: Lang,
  /** The paths of the chosen targets (undefined: names nothing of the site). */
  targets: ReadonlyMap<string, string | undefined> = new Map(),
): { tree: MenuInput[]; errors: Record<string, string> } {
  const L = lang;
  const errors: Record<string, string> = {};
  const kept = rows.filter((r) => !r.remove && (r.label.trim() || r.href.trim() || r.target));
  const hrefOf = (r: MenuRow) => (r.target ? (targets.get(r.target) ?? '') : r.href.trim());
  const byKey = new Map(kept.map((r) => [String(r.key), r]));
  if (kept.length > MAX_MENU_ROWS) errors.form = t(L, 'structureRows.menuHasMostItems', { MAX_MENU_ROWS });
  const positions = new Map<number, number>();
  for (const r of kept) {
    if (!r.label.trim()) errors[`nhan_${r.key}`] = t(L, 'structureRows.enterLabelItem');
    else if (r.label.trim().length > 200) errors[`nhan_${r.key}`] = t(L, 'structureRows.labelLongerThan200Characters');
    if (r.target) {
      if (!targets.get(r.target)) errors[`dich_${r.key}`] = ts(L, 'menu.unknownTarget');
    } else if (!HREF_RE.test(r.href.trim()) || r.href.trim().length > 500) {
      errors[`lien_ket_${r.key}`] = t(L, 'structureRows.linkMustPathSiteStarting');
    }
    const position = intIn(r.position, 0, 999, r.key);
    if (position === undefined) errors[`vi_tri_${r.key}`] = t(L, 'structureRows.positionWholeNumberFrom0');
    else positions.set(r.key, position);
    if (r.parent) {
      const parent = byKey.get(r.parent);
      if (r.parent === String(r.key)) errors[`cha_${r.key}`] = t(L, 'structureRows.itemCannotItsOwnParent');
      else if (!parent) {
        const removed = rows.find((x) => String(x.key) === r.parent);
        errors[`cha_${r.key}`] = removed?.remove ? t(L, 'structureRows.parentMarkedRemovalChooseAnother') : t(L, 'structureRows.parentNotMenu');
      } else {
        // Follow the parents up: a loop or too many levels is refused.
        let depth = 1;
        let at: MenuRow | undefined = r;
        const seen = new Set<number>();
        while (at?.parent && byKey.get(at.parent)) {
          if (seen.has(at.key)) break;
          seen.add(at.key);
          at = byKey.get(at.parent);
          depth++;
        }
        if (at && seen.has(at.key)) errors[`cha_${r.key}`] = t(L, 'structureRows.itemBelowOneCannotIts');
        else if (depth > MAX_MENU_DEPTH) errors[`cha_${r.key}`] = t(L, 'structureRows.menuHasMostLevels', { MAX_MENU_DEPTH });
      }
    }
  }
  if (Object.keys(errors).length) return { tree: [], errors };
  const level = (parent: string): MenuInput[] =>
    kept
      .filter((r) => r.parent === parent)
      .sort((a, b) => positions.get(a.key)! - positions.get(b.key)! || a.key - b.key)
      .map((r) => {
        const children = level(String(r.key));
        return { label: r.label.trim(), href: hrefOf(r), ...(r.target ? { target: r.target } : {}), ...(children.length ? { children } : {}) };
      });
  return { tree: level(''), errors };
}

/** How deep each row sits (0 at the top), following the parents as typed. */
export function rowDepths(rows: readonly MenuRow[]): Map<number, number> {
  const byKey = new Map(rows.map((r) => [String(r.key), r]));
  const depths = new Map<number, number>();
  for (const r of rows) {
    let depth = 0;
    let at = r;
    while (at.parent && byKey.get(at.parent) && depth < MAX_MENU_ROWS) {
      at = byKey.get(at.parent)!;
      depth++;
    }
    depths.set(r.key, Math.min(depth, 5));
  }
  return depths;
}

// ---- Home-page blocks ----------------------------------------------------------------------------

export function blockRows(blocks: readonly HomeBlock[]): BlockRow[] {
  const rows = blocks.map((b, i) => ({ key: i + 1, kind: b.kind, ref: b.ref, title: b.title, size: String(b.size), position: String(i + 1), remove: false }));
  return withBlankBlocks(rows);
}

export function withBlankBlocks(rows: BlockRow[]): BlockRow[] {
  const empty = rows.filter((r) => !r.kind).length;
  const next = rows.reduce((m, r) => Math.max(m, r.key), 0);
  return [
    ...rows,
    ...Array.from({ length: Math.max(0, 2 - empty) }, (_, i) => ({ key: next + i + 1, kind: '', ref: '', title: '', size: '', position: '', remove: false })),
  ];
}

export function blockRowsFromForm(sent: SentForm): BlockRow[] {
  return Array.from({ length: rowCount(sent, 'so_khoi', MAX_BLOCK_ROWS) }, (_, i) => {
    const k = i + 1;
    return {
      key: k,
      kind: textOf(sent, `loai_${k}`),
      ref: textOf(sent, `nguon_${k}`),
      title: textOf(sent, `tieu_de_${k}`),
      size: textOf(sent, `so_tin_${k}`),
      position: textOf(sent, `vi_tri_${k}`),
      remove: textOf(sent, `xoa_${k}`) !== '',
    };
  });
}

/**
 * The blocks the rows describe, in order, with the row of each (to put the service's
 * problems, `blocks.<i>.<field>`, back on the rows); or the problems the form sees.
 */
export function blocksFromRows(
  rows: readonly BlockRow[],
  categoryIds: ReadonlySet<string>,
  lang: Lang,
): { blocks: HomeBlock[]; keys: number[]; errors: Record<string, string> } {
  const L = lang;
  const errors: Record<string, string> = {};
  const kept = rows.filter((r) => !r.remove && r.kind !== '');
  const ordered: { row: BlockRow; position: number; block: HomeBlock }[] = [];
  for (const r of kept) {
    const kind = r.kind as HomeBlockKind;
    if (!HOME_BLOCK_KINDS.includes(kind)) {
      errors[`loai_${r.key}`] = t(L, 'structureRows.notKindBlock');
      continue;
    }
    let ref = '';
    if (kind === 'type') {
      if (!contentType(r.ref)) errors[`nguon_${r.key}`] = t(L, 'structureRows.blockOneTypeNeedsContent');
      ref = r.ref;
    }
    if (kind === 'category') {
      if (!categoryIds.has(r.ref)) errors[`nguon_${r.key}`] = t(L, 'structureRows.categoryBlockNeedsCategorySite');
      ref = r.ref;
    }
    const size = intIn(r.size, 1, 20, 5);
    if (size === undefined) errors[`so_tin_${r.key}`] = t(L, 'structureRows.from120ItemsPer');
    const position = intIn(r.position, 0, 999, r.key);
    if (position === undefined) errors[`vi_tri_${r.key}`] = t(L, 'structureRows.positionWholeNumberFrom0');
    if (r.title.trim().length > 200) errors[`tieu_de_${r.key}`] = t(L, 'structureRows.headingLongerThan200Characters');
    ordered.push({ row: r, position: position ?? 0, block: { kind, ref, title: r.title.trim(), size: size ?? 1 } });
  }
  if (kept.length > 12) errors.form = t(L, 'structureRows.most12BlocksHomePage');
  ordered.sort((a, b) => a.position - b.position || a.row.key - b.row.key);
  return { blocks: ordered.map((o) => o.block), keys: ordered.map((o) => o.row.key), errors };
}

// ---- A new category ------------------------------------------------------------------------------

export interface CategoryFormValues {
  lang: string;
  parentId: string;
  name: string;
  slug: string;
  description: string;
  position: string;
}

export function categoryValues(sent: SentForm): CategoryFormValues {
  return {
    lang: textOf(sent, 'lang'),
    parentId: textOf(sent, 'parentId'),
    name: textOf(sent, 'name'),
    slug: textOf(sent, 'slug'),
    description: textOf(sent, 'description'),
    position: textOf(sent, 'position'),
  };
}

export interface CategoryInput {
  lang: string;
  name: string;
  slug: string;
  parentId: number | null;
  description: string;
  position: number;
}

/**
 * The service's input for a new category, or the problems the form sees: a language, a name,
 * a path name of lower-case letters, digits and hyphens, a position from 0 to 9999, a parent
 * of the same site and language (`sameLanguage`: the site's categories in the new one's
 * language). `taken` says the path name is already used there (a conflict, not a typing mistake).
 */
export function categoryInput(
  v: CategoryFormValues,
  sameLanguage: readonly { id: number; slug: string; retired_at?: Date | null }[],
  lang: Lang,
): { input: CategoryInput; problems: FieldProblem[]; taken: FieldProblem | undefined } {
  const L = lang;
  const problems: FieldProblem[] = [];
  if (v.lang !== 'vi' && v.lang !== 'en') problems.push({ field: 'lang', message: t(L, 'common.chooseVietnameseEnglish') });
  if (!v.name.trim()) problems.push({ field: 'name', message: t(L, 'structure.enterNameCategory') });
  if (v.slug.trim() && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.slug.trim())) problems.push({ field: 'slug', message: t(L, 'structure.pathNameHasOnlyLower') });
  const position = v.position.trim() === '' ? 0 : Number(v.position);
  if (!Number.isInteger(position) || position < 0 || position > 9999) problems.push({ field: 'position', message: t(L, 'structure.positionWholeNumberFrom0') });
  let parentId: number | null = null;
  if (v.parentId) {
    const parent = sameLanguage.find((c) => String(c.id) === v.parentId && !c.retired_at);
    if (!parent) problems.push({ field: 'parentId', message: t(L, 'structure.parentMustCategorySiteLanguage') });
    else parentId = parent.id;
  }
  const slug = v.slug.trim();
  const wanted = slugify(slug || v.name);
  const taken = wanted && sameLanguage.some((c) => c.slug === wanted) ? { field: 'slug', message: t(L, 'structure.siteAlreadyHasCategoryPath') } : undefined;
  return { input: { lang: v.lang, name: v.name, slug, parentId, description: v.description, position }, problems, taken };
}
