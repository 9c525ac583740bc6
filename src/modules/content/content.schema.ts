/**
 * The shapes of what the content pages read: the admin forms (posted) and the query strings
 * of the admin and public pages. Form fields are text, read as the browser sent them: the
 * module's own checks (item-form.ts, structure-input.ts) say what is wrong, in the person's
 * language and by field, as they always did; the limits here only stop what no form sends.
 */
import { Type, type TString } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';
import { TYPE_FIELD_NAMES } from './content-types.ts';

/** Menu rows at most, and the empty rows offered to add items. */
export const MAX_MENU_ROWS = 200;
export const BLANK_ROWS = 3;
/** Home-page block rows a form may send. */
export const MAX_BLOCK_ROWS = 40;

/** What a form sent, or the strings typed back into a refused form. */
export type SentForm = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A text field of a sent form ('' when absent). */
export function textOf(sent: SentForm, key: string): string {
  const v = sent[key];
  return typeof v === 'string' ? v : '';
}

/** A field sent any number of times. */
export function listOf(sent: SentForm, key: string): string[] {
  const v = sent[key];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Item forms may carry whole legal texts: 1 MB (the route's body limit too). */
export const ITEM_BODY_LIMIT = 1024 * 1024;

const long = () => FormField.text({ max: ITEM_BODY_LIMIT });
const short = () => FormField.text({ max: 2000 });
const ids = () => FormField.list({ max: 40, maxItems: 5000 });

const typeFields = Object.fromEntries(TYPE_FIELD_NAMES.map((name) => [`field_${name}`, long()])) as Record<`field_${string}`, TString>;

/** The item form, new and edit (`version`: the revision the editor loaded; `type`: the content type). */
export const ItemForm = Type.Object({
  type: short(),
  lang: short(),
  version: short(),
  title: long(),
  summary: long(),
  bodyHtml: long(),
  categoryId: short(),
  source: long(),
  authorName: long(),
  isReference: short(),
  publishAt: short(),
  unpublishAt: short(),
  featured: short(),
  changeNote: long(),
  hasMedia: short(),
  hasTopics: short(),
  hasTranslation: short(),
  coverMediaId: short(),
  coverCaption: long(),
  attachments: ids(),
  topicIds: ids(),
  translationOf: short(),
  ...typeFields,
});

/** An action on the item page: a workflow step (with its comment or reason) or cross-posting, proposing, a review. */
export const ActionForm = Type.Object({
  thao_tac: short(),
  comment: FormField.text({ max: 64 * 1024 }),
  reason: short(),
  sites: ids(),
});

/** Restoring a revision (`phien_ban`: its id; `version` only names the service's conflict, no form sends it). */
export const RestoreForm = Type.Object({ phien_ban: short(), version: short() });

export const WorkflowForm = Type.Object({ buoc: short(), khong_tu_duyet: short() });

/** A form that sends nothing but its CSRF token (mark all notifications read). */
export const EmptyForm = Type.Object({});

export const CategoryForm = Type.Object({
  lang: short(),
  parentId: short(),
  name: short(),
  slug: short(),
  description: FormField.text({ max: 64 * 1024 }),
  position: short(),
});

function rowFields(prefixes: readonly string[], rows: number): Record<string, TString> {
  const out: Record<string, TString> = {};
  for (let k = 1; k <= rows; k++) for (const p of prefixes) out[`${p}_${k}`] = short();
  return out;
}

/** The menu of a language as numbered rows: label, link, parent row, position, remove. */
export const MenuForm = Type.Object({
  ngon_ngu: short(),
  so_muc: short(),
  ...rowFields(['nhan', 'lien_ket', 'dich', 'cha', 'vi_tri', 'xoa'], MAX_MENU_ROWS + BLANK_ROWS),
});

/** The home-page blocks of a language as numbered rows: kind, source, heading, size, position, remove. */
export const BlocksForm = Type.Object({
  ngon_ngu: short(),
  so_khoi: short(),
  ...rowFields(['loai', 'nguon', 'tieu_de', 'so_tin', 'vi_tri', 'xoa'], MAX_BLOCK_ROWS),
});

// ── Query strings (lenient: a value that does not fit is left out) ───────────────────────

/** ?tb=<code>: the notice after an action. */
export const NoticeQuery = Type.Object({ tb: FormField.text({ max: 100 }) });

/** The content list's filters and page. */
export const ListQuery = Type.Object({
  loai: FormField.text({ max: 100 }),
  trang_thai: FormField.text({ max: 100 }),
  tim: FormField.text({ max: 2048 }),
  trang: FormField.text({ max: 20 }),
});

/** The new item screen: the type chosen (none: the list of types). */
export const NewItemQuery = Type.Object({ loai: FormField.text({ max: 100 }) });

/** A page of the library's images. */
export const ImagesQuery = Type.Object({ trang: FormField.text({ max: 20 }) });

/** Two revisions to compare (their ids). */
export const CompareQuery = Type.Object({ tu: FormField.text({ max: 20 }), den: FormField.text({ max: 20 }) });

/** The structure screens: which language's menu or blocks, and the notice. */
export const StructureQuery = Type.Object({ ngon_ngu: FormField.text({ max: 10 }), tb: FormField.text({ max: 100 }) });

/** A page of a public listing; a value that is not a page number names no page (404). */
export const PageQuery = Type.Object({ trang: FormField.text({ max: 20, pattern: '^[1-9][0-9]{0,5}$' }) });

/** A week of the work calendar (its Monday, or a day of it to be redirected); a value that is not a date is a 404. */
export const WeekQuery = Type.Object({ tuan: FormField.text({ max: 20, pattern: '^20[0-9]{2}-[0-9]{2}-[0-9]{2}$' }) });
