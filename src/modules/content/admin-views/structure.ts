/**
 * The site structure screens of the administration ("Cấu trúc trang"): an overview, the
 * category trees with a form to add one, the menu of each language and the home-page
 * blocks as numbered rows. Plain forms: no JavaScript needed to add, remove or reorder.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { CategoryRow } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { tr } from '../../../platform/views/admin-shell.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import type { CategoryNode } from '../categories.service.ts';
import { CONTENT_TYPES } from '../content-types.ts';
import { rowDepths, type BlockRow, type MenuRow } from '../structure-forms.ts';
import { checkboxControl, inputControl, selectControl, textareaControl, type OptionGroup } from './fields.ts';

const LANG_NAMES: Record<string, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Links to the same screen in each language of the site (the current one marked). */
export function langTabs(L: Lang, base: string, current: string, what: string): SafeHtml {
  return html`<nav class="lang-tabs" aria-label="${tr(L, `Ngôn ngữ của ${what}`, `Language of the ${what}`)}"><ul>${['vi', 'en'].map(
    (code) => html`<li><a href="${base}?ngon_ngu=${code}"${code === current ? html` aria-current="page"` : ''} lang="${code}">${LANG_NAMES[code]}</a></li>`,
  )}</ul></nav>`;
}

export function structureOverview(L: Lang, siteName: string, links: { categories: string; menus: string | undefined; home: string }): SafeHtml {
  return html`<h1>${tr(L, 'Cấu trúc trang', 'Site structure')}</h1>
<p>${tr(L, 'Chuyên mục, menu và trang chủ của trang', 'Categories, menus and home page of the site')} <strong>${siteName}</strong>.</p>
<ul class="structure-links">
<li><a href="${links.categories}">${tr(L, 'Chuyên mục', 'Categories')}</a>: ${tr(L, 'cây chuyên mục của mỗi ngôn ngữ; thêm chuyên mục mới.', 'the category tree of each language; add a category.')}</li>
${links.menus ? html`<li><a href="${links.menus}">${tr(L, 'Menu', 'Menus')}</a>: ${tr(L, 'menu chính của mỗi ngôn ngữ: nhãn, liên kết, mục cha, thứ tự.', 'the main menu of each language: labels, links, parents, order.')}</li>` : ''}
<li><a href="${links.home}">${tr(L, 'Trang chủ', 'Home page')}</a>: ${tr(L, 'các khối tin trên trang chủ và thứ tự của chúng.', 'the blocks of the home page and their order.')}</li>
</ul>`;
}

// ---- Categories -----------------------------------------------------------------------------------

export interface CategoryFormValues {
  lang: string;
  parentId: string;
  name: string;
  slug: string;
  description: string;
  position: string;
}

function tree(nodes: readonly CategoryNode[], L: Lang): SafeHtml {
  return html`<ul class="category-tree">${nodes.map(
    (n) =>
      html`<li><strong>${n.name}</strong> <code>${n.slug}</code> <span class="muted">(${tr(L, 'vị trí', 'position')} ${n.position})</span>${n.description ? html` — ${n.description}` : ''}${n.children.length ? tree(n.children, L) : ''}</li>`,
  )}</ul>`;
}

/** The options of a parent select: each language's tree, indented by level. */
function parentGroups(trees: Record<string, readonly CategoryNode[]>): OptionGroup[] {
  const flat = (nodes: readonly CategoryNode[], depth: number): { value: string; label: string }[] =>
    nodes.flatMap((n) => [{ value: String(n.id), label: `${'— '.repeat(depth)}${n.name}` }, ...flat(n.children, depth + 1)]);
  return Object.entries(trees)
    .map(([code, nodes]) => ({ label: LANG_NAMES[code] ?? code, options: flat(nodes, 0) }))
    .filter((g) => g.options.length);
}

export function categoriesPage(spec: {
  lang: Lang;
  siteName: string;
  action: string;
  csrf: string;
  trees: Record<string, readonly CategoryNode[]>;
  values: CategoryFormValues;
  errors: Record<string, string>;
  overviewHref: string;
}): SafeHtml {
  const L = spec.lang;
  const v = spec.values;
  const e = spec.errors;
  return html`<p class="breadcrumb-admin"><a href="${spec.overviewHref}">${tr(L, 'Cấu trúc trang', 'Site structure')}</a> › ${tr(L, 'Chuyên mục', 'Categories')}</p>
<h1>${tr(L, 'Chuyên mục', 'Categories')}</h1>
<p>${tr(L, 'Chuyên mục của trang', 'Categories of the site')} <strong>${spec.siteName}</strong>.</p>
${Object.entries(spec.trees).map(
  ([code, nodes]) => html`<section aria-labelledby="cm-${code}"><h2 id="cm-${code}">${LANG_NAMES[code] ?? code}</h2>
${nodes.length ? tree(nodes, L) : html`<p>${tr(L, 'Chưa có chuyên mục nào.', 'No category yet.')}</p>`}</section>`,
)}
<section aria-labelledby="cm-moi"><h2 id="cm-moi">${tr(L, 'Thêm chuyên mục', 'Add a category')}</h2>
<form method="post" action="${spec.action}" class="form" novalidate>
${csrfInput(spec.csrf)}
${selectControl({
  name: 'lang',
  label: tr(L, 'Ngôn ngữ', 'Language'),
  value: v.lang,
  error: e.lang,
  groups: [
    {
      options: [
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ],
    },
  ],
})}
${selectControl({
  name: 'parentId',
  label: tr(L, 'Chuyên mục cha', 'Parent category'),
  hint: tr(L, 'Cùng ngôn ngữ với chuyên mục mới. Để trống: chuyên mục cấp trên cùng.', 'In the language of the new category. Empty: a top-level category.'),
  value: v.parentId,
  error: e.parentId,
  groups: [{ options: [{ value: '', label: tr(L, '— Cấp trên cùng —', '— Top level —') }] }, ...parentGroups(spec.trees)],
})}
${inputControl({ name: 'name', label: tr(L, 'Tên chuyên mục', 'Name'), value: v.name, required: true, maxlength: 200, error: e.name })}
${inputControl({ name: 'slug', label: tr(L, 'Đường dẫn', 'Path name'), hint: tr(L, 'Chữ thường không dấu, nối bằng gạch ngang. Để trống: tạo từ tên.', 'Lower case without diacritics, joined by hyphens. Empty: made from the name.'), value: v.slug, maxlength: 100, error: e.slug })}
${textareaControl({ name: 'description', label: tr(L, 'Mô tả', 'Description'), value: v.description, rows: 2, maxlength: 1000, error: e.description })}
${inputControl({ name: 'position', type: 'number', label: tr(L, 'Vị trí', 'Position'), hint: tr(L, 'Số nhỏ đứng trước.', 'Smaller numbers come first.'), value: v.position, error: e.position })}
${e.form ? html`<p class="error" role="alert">${e.form}</p>` : ''}
<p class="form-actions"><button type="submit">${tr(L, 'Thêm chuyên mục', 'Add the category')}</button></p>
</form></section>`;
}

// ---- Menus -------------------------------------------------------------------------------------------

export function menuForm(spec: {
  lang: Lang;
  menuLang: string;
  siteName: string;
  action: string;
  csrf: string;
  rows: readonly MenuRow[];
  errors: Record<string, string>;
  overviewHref: string;
  base: string;
}): SafeHtml {
  const L = spec.lang;
  const e = spec.errors;
  const depths = rowDepths(spec.rows);
  const named = spec.rows.filter((r) => r.label.trim());
  return html`<p class="breadcrumb-admin"><a href="${spec.overviewHref}">${tr(L, 'Cấu trúc trang', 'Site structure')}</a> › Menu</p>
<h1>${tr(L, 'Menu', 'Menu')} (${LANG_NAMES[spec.menuLang]})</h1>
${langTabs(L, spec.base, spec.menuLang, tr(L, 'menu', 'menu'))}
<p>${tr(L, 'Menu chính của trang', 'Main menu of the site')} <strong>${spec.siteName}</strong>. ${tr(
    L,
    'Mỗi mục có một số thứ tự. Chọn mục cha theo số thứ tự; trong cùng một cấp, mục có vị trí nhỏ hơn đứng trước. Điền các dòng trống để thêm mục; đánh dấu "Xóa" để bỏ mục.',
    'Each item has a number. Choose a parent by its number; within a level, smaller positions come first. Fill in the empty rows to add items; tick "Remove" to drop one.',
  )}</p>
<form method="post" action="${spec.action}" class="form rows-form" novalidate>
${csrfInput(spec.csrf)}
<input type="hidden" name="ngon_ngu" value="${spec.menuLang}">
<input type="hidden" name="so_muc" value="${spec.rows.length}">
${e.form ? html`<p class="error" role="alert">${e.form}</p>` : ''}
${spec.rows.map((r) => {
  const hasError = ['nhan', 'lien_ket', 'cha', 'vi_tri'].some((f) => e[`${f}_${r.key}`]);
  return html`<fieldset class="row-fields depth-${Math.min(depths.get(r.key) ?? 0, 2)}${hasError ? ' has-error' : ''}">
<legend>${tr(L, 'Mục', 'Item')} ${r.key}${r.label.trim() ? html`: ${r.label}` : html` (${tr(L, 'dòng trống để thêm', 'empty row to add')})`}</legend>
${inputControl({ name: `nhan_${r.key}`, label: tr(L, 'Nhãn', 'Label'), value: r.label, maxlength: 200, error: e[`nhan_${r.key}`] })}
${inputControl({ name: `lien_ket_${r.key}`, label: tr(L, 'Liên kết', 'Link'), value: r.href, maxlength: 500, error: e[`lien_ket_${r.key}`] })}
${selectControl({
  name: `cha_${r.key}`,
  label: tr(L, 'Mục cha', 'Parent'),
  value: r.parent,
  error: e[`cha_${r.key}`],
  groups: [
    {
      options: [
        { value: '', label: tr(L, '— Cấp trên cùng —', '— Top level —') },
        ...named.filter((x) => x.key !== r.key).map((x) => ({ value: String(x.key), label: `${x.key}. ${x.label}` })),
      ],
    },
  ],
})}
${inputControl({ name: `vi_tri_${r.key}`, type: 'number', label: tr(L, 'Vị trí', 'Position'), value: r.position, error: e[`vi_tri_${r.key}`] })}
${r.label.trim() || r.href.trim() ? checkboxControl({ name: `xoa_${r.key}`, label: tr(L, 'Xóa mục này', 'Remove this item'), checked: r.remove }) : ''}
</fieldset>`;
})}
<p class="form-actions"><button type="submit">${tr(L, 'Lưu menu', 'Save the menu')}</button> <a href="${spec.base}?ngon_ngu=${spec.menuLang}">${tr(L, 'Hủy thay đổi', 'Discard changes')}</a></p>
</form>`;
}

// ---- Home-page blocks ------------------------------------------------------------------------------------

const KIND_LABELS: Record<string, Record<Lang, string>> = {
  featured: { vi: 'Tin nổi bật', en: 'Featured items' },
  latest: { vi: 'Tin mới nhất', en: 'Latest items' },
  type: { vi: 'Theo loại nội dung', en: 'One content type' },
  category: { vi: 'Theo chuyên mục', en: 'One category' },
};

export function blocksForm(spec: {
  lang: Lang;
  blockLang: string;
  siteName: string;
  action: string;
  csrf: string;
  rows: readonly BlockRow[];
  categories: readonly CategoryRow[];
  usingDefault: boolean;
  errors: Record<string, string>;
  overviewHref: string;
  base: string;
}): SafeHtml {
  const L = spec.lang;
  const e = spec.errors;
  const sources: OptionGroup[] = [
    { options: [{ value: '', label: tr(L, '— Không cần (tin nổi bật, tin mới nhất) —', '— Not needed (featured, latest) —') }] },
    { label: tr(L, 'Loại nội dung', 'Content types'), options: CONTENT_TYPES.map((t) => ({ value: t.code, label: t.label[L] })) },
    ...(spec.categories.length
      ? [{ label: tr(L, 'Chuyên mục', 'Categories'), options: spec.categories.map((c) => ({ value: String(c.id), label: c.name })) }]
      : []),
  ];
  return html`<p class="breadcrumb-admin"><a href="${spec.overviewHref}">${tr(L, 'Cấu trúc trang', 'Site structure')}</a> › ${tr(L, 'Trang chủ', 'Home page')}</p>
<h1>${tr(L, 'Các khối trên trang chủ', 'Home-page blocks')} (${LANG_NAMES[spec.blockLang]})</h1>
${langTabs(L, spec.base, spec.blockLang, tr(L, 'trang chủ', 'home page'))}
<p>${tr(L, 'Trang chủ của trang', 'Home page of the site')} <strong>${spec.siteName}</strong>${spec.usingDefault ? html` ${tr(L, 'đang dùng cách sắp xếp mặc định', 'uses the default arrangement')}` : ''}. ${tr(
    L,
    'Khối có vị trí nhỏ hơn đứng trước. Chọn loại ở dòng trống để thêm khối; đánh dấu "Xóa" để bỏ. Xóa hết các khối để trở về cách sắp xếp mặc định.',
    'Blocks with smaller positions come first. Choose a kind in an empty row to add a block; tick "Remove" to drop one. Removing every block restores the default arrangement.',
  )}</p>
<form method="post" action="${spec.action}" class="form rows-form" novalidate>
${csrfInput(spec.csrf)}
<input type="hidden" name="ngon_ngu" value="${spec.blockLang}">
<input type="hidden" name="so_khoi" value="${spec.rows.length}">
${e.form ? html`<p class="error" role="alert">${e.form}</p>` : ''}
${spec.rows.map(
  (r) => html`<fieldset class="row-fields">
<legend>${tr(L, 'Khối', 'Block')} ${r.key}${r.kind ? html`: ${KIND_LABELS[r.kind]?.[L] ?? r.kind}` : html` (${tr(L, 'dòng trống để thêm', 'empty row to add')})`}</legend>
${selectControl({
  name: `loai_${r.key}`,
  label: tr(L, 'Loại khối', 'Kind'),
  value: r.kind,
  error: e[`loai_${r.key}`],
  groups: [
    {
      options: [
        { value: '', label: tr(L, '— Không dùng —', '— Unused —') },
        ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: label[L] })),
      ],
    },
  ],
})}
${selectControl({ name: `nguon_${r.key}`, label: tr(L, 'Loại nội dung hoặc chuyên mục', 'Content type or category'), value: r.ref, error: e[`nguon_${r.key}`], groups: sources })}
${inputControl({ name: `tieu_de_${r.key}`, label: tr(L, 'Tiêu đề khối', 'Heading'), hint: tr(L, 'Để trống: tiêu đề mặc định.', 'Empty: the default heading.'), value: r.title, maxlength: 200, error: e[`tieu_de_${r.key}`] })}
${inputControl({ name: `so_tin_${r.key}`, type: 'number', label: tr(L, 'Số tin', 'Number of items'), value: r.size, error: e[`so_tin_${r.key}`] })}
${inputControl({ name: `vi_tri_${r.key}`, type: 'number', label: tr(L, 'Vị trí', 'Position'), value: r.position, error: e[`vi_tri_${r.key}`] })}
${r.kind ? checkboxControl({ name: `xoa_${r.key}`, label: tr(L, 'Xóa khối này', 'Remove this block'), checked: r.remove }) : ''}
</fieldset>`,
)}
<p class="form-actions"><button type="submit">${tr(L, 'Lưu trang chủ', 'Save the home page')}</button> <a href="${spec.base}?ngon_ngu=${spec.blockLang}">${tr(L, 'Hủy thay đổi', 'Discard changes')}</a></p>
</form>`;
}
