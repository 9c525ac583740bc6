/**
 * The site structure screens of the administration ("Cấu trúc trang"): an overview, the
 * category trees with a form to add one, the menu of each language and the home-page
 * blocks as numbered rows. Plain forms: no JavaScript needed to add, remove or reorder.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { checkboxControl, csrfInput, inputControl, selectControl, textareaControl, type OptionGroup } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { CONTENT_TYPES } from '../content-types.ts';
import type { CategoryTreeView } from '../content.present.ts';
import { languageName, t } from '../messages.ts';
import { ts } from '../structure-messages.ts';
import { LANGUAGE_OPTIONS } from '../../../platform/i18n/index.ts';
import { rowDepths, type BlockRow, type CategoryFormValues, type MenuRow } from '../structure-input.ts';

/** Links to the same screen in each language of the site (the current one marked). */
export function langTabs(L: Lang, base: string, current: string, what: string): SafeHtml {
  return html`<nav class="lang-tabs" aria-label="${t(L, 'structure.language', { what })}"><ul>${['vi', 'en'].map(
    (code) => html`<li><a href="${base}?ngon_ngu=${code}"${code === current ? html` aria-current="page"` : ''} lang="${code}">${languageName(code)}</a></li>`,
  )}</ul></nav>`;
}

export function structureOverview(
  L: Lang,
  siteName: string,
  links: { categories: string; topics?: string; menus: string | undefined; home: string },
): SafeHtml {
  return html`<h1>${t(L, 'structure.siteStructure')}</h1>
<p>${t(L, 'structure.categoriesMenusHomePageSite')} <strong>${siteName}</strong>.</p>
<ul class="structure-links">
<li><a href="${links.categories}">${t(L, 'structure.categories')}</a>: ${t(L, 'structure.categoryTreeEachLanguageAdd')}</li>
${links.topics ? html`<li><a href="${links.topics}">${ts(L, 'topic.title')}</a>: ${ts(L, 'topic.overview')}</li>` : ''}
${links.menus ? html`<li><a href="${links.menus}">${t(L, 'structure.menus')}</a>: ${t(L, 'structure.mainMenuEachLanguageLabels')}</li>` : ''}
<li><a href="${links.home}">${t(L, 'structure.homePage')}</a>: ${t(L, 'structure.blocksHomePageTheirOrder')}</li>
</ul>`;
}

// ---- Categories -----------------------------------------------------------------------------------

function tree(nodes: readonly CategoryTreeView[], L: Lang, editHref: (id: number) => string): SafeHtml {
  return html`<ul class="category-tree">${nodes.map(
    (n) =>
      html`<li${n.retired ? html` class="retired"` : ''}><strong>${n.name}</strong> <code>${n.slug}</code> <span class="muted">(${t(L, 'structure.position')} ${n.position})</span>${n.retired ? html` <span class="badge">${ts(L, 'cat.retired')}</span>` : ''}${n.description ? html` — ${n.description}` : ''} <a href="${editHref(n.id)}">${ts(L, 'cat.edit')}<span class="visually-hidden">: ${n.name}</span></a>${n.children.length ? tree(n.children, L, editHref) : ''}</li>`,
  )}</ul>`;
}

/** The options of a parent select: each language's tree, indented by level. */
export function parentGroups(trees: Record<string, readonly CategoryTreeView[]>, except?: number): OptionGroup[] {
  const flat = (nodes: readonly CategoryTreeView[], depth: number): { value: string; label: string }[] =>
    nodes
      .filter((n) => !n.retired && n.id !== except)
      .flatMap((n) => [{ value: String(n.id), label: `${'— '.repeat(depth)}${n.name}` }, ...flat(n.children, depth + 1)]);
  return Object.entries(trees)
    .map(([code, nodes]) => ({ label: languageName(code), options: flat(nodes, 0) }))
    .filter((g) => g.options.length);
}

export function categoriesPage(spec: {
  lang: Lang;
  siteName: string;
  action: string;
  csrf: string;
  trees: Record<string, readonly CategoryTreeView[]>;
  values: CategoryFormValues;
  errors: Record<string, string>;
  overviewHref: string;
  editHref: (id: number) => string;
}): SafeHtml {
  const L = spec.lang;
  const v = spec.values;
  const e = spec.errors;
  return html`<p class="breadcrumb-admin"><a href="${spec.overviewHref}">${t(L, 'structure.siteStructure')}</a> › ${t(L, 'structure.categories')}</p>
<h1>${t(L, 'structure.categories')}</h1>
<p>${t(L, 'structure.categoriesSite')} <strong>${spec.siteName}</strong>.</p>
${Object.entries(spec.trees).map(
  ([code, nodes]) => html`<section aria-labelledby="cm-${code}"><h2 id="cm-${code}">${languageName(code)}</h2>
${nodes.length ? tree(nodes, L, spec.editHref) : html`<p>${t(L, 'structure.noCategoryYet')}</p>`}</section>`,
)}
<section aria-labelledby="cm-moi"><h2 id="cm-moi">${t(L, 'structure.addCategory')}</h2>
<form method="post" action="${spec.action}" class="form" novalidate>
${csrfInput(spec.csrf)}
${selectControl({
  name: 'lang',
  label: t(L, 'structure.language2'),
  value: v.lang,
  error: e.lang,
  options: LANGUAGE_OPTIONS,
})}
${selectControl({
  name: 'parentId',
  label: t(L, 'structure.parentCategory'),
  hint: t(L, 'structure.languageNewCategoryEmptyTop'),
  value: v.parentId,
  error: e.parentId,
  groups: [{ options: [{ value: '', label: t(L, 'structure.topLevel') }] }, ...parentGroups(spec.trees)],
})}
${inputControl({ name: 'name', label: t(L, 'structure.name'), value: v.name, required: true, maxlength: 200, error: e.name })}
${inputControl({ name: 'slug', label: t(L, 'structure.pathName'), hint: t(L, 'structure.lowerCaseWithoutDiacriticsJoined'), value: v.slug, maxlength: 100, error: e.slug })}
${textareaControl({ name: 'description', label: t(L, 'structure.description'), value: v.description, rows: 2, maxlength: 1000, error: e.description })}
${inputControl({ name: 'position', type: 'number', label: t(L, 'structure.position2'), hint: t(L, 'structure.smallerNumbersComeFirst'), value: v.position, error: e.position })}
${e.form ? html`<p class="error" role="alert">${e.form}</p>` : ''}
<p class="form-actions"><button type="submit">${t(L, 'structure.addCategory2')}</button></p>
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
  /** The parts of the site an entry may point to, grouped. */
  targets: readonly OptionGroup[];
  errors: Record<string, string>;
  overviewHref: string;
  base: string;
}): SafeHtml {
  const L = spec.lang;
  const e = spec.errors;
  const depths = rowDepths(spec.rows);
  const named = spec.rows.filter((r) => r.label.trim());
  return html`<p class="breadcrumb-admin"><a href="${spec.overviewHref}">${t(L, 'structure.siteStructure')}</a> › Menu</p>
<h1>${t(L, 'structure.menu')} (${languageName(spec.menuLang)})</h1>
${langTabs(L, spec.base, spec.menuLang, t(L, 'structure.menu2'))}
<p>${t(L, 'structure.mainMenuSite')} <strong>${spec.siteName}</strong>. ${t(L, 'structure.eachItemHasNumberChoose')}</p>
<form method="post" action="${spec.action}" class="form rows-form" novalidate>
${csrfInput(spec.csrf)}
<input type="hidden" name="ngon_ngu" value="${spec.menuLang}">
<input type="hidden" name="so_muc" value="${spec.rows.length}">
${e.form ? html`<p class="error" role="alert">${e.form}</p>` : ''}
${spec.rows.map((r) => {
  const hasError = ['nhan', 'lien_ket', 'dich', 'cha', 'vi_tri'].some((f) => e[`${f}_${r.key}`]);
  return html`<fieldset class="row-fields depth-${Math.min(depths.get(r.key) ?? 0, 2)}${hasError ? ' has-error' : ''}">
<legend>${t(L, 'structure.item')} ${r.key}${r.label.trim() ? html`: ${r.label}` : html` (${t(L, 'structure.emptyRowAdd')})`}</legend>
${inputControl({ name: `nhan_${r.key}`, label: t(L, 'structure.label'), value: r.label, maxlength: 200, error: e[`nhan_${r.key}`] })}
${selectControl({
  name: `dich_${r.key}`,
  label: ts(L, 'menu.target'),
  hint: ts(L, 'menu.targetHint'),
  value: r.target,
  error: e[`dich_${r.key}`],
  groups: [{ options: [{ value: '', label: ts(L, 'menu.custom') }] }, ...spec.targets],
})}
${inputControl({ name: `lien_ket_${r.key}`, label: t(L, 'structure.link'), hint: ts(L, 'menu.linkHint'), value: r.href, maxlength: 500, error: e[`lien_ket_${r.key}`] })}
${selectControl({
  name: `cha_${r.key}`,
  label: t(L, 'structure.parent'),
  value: r.parent,
  error: e[`cha_${r.key}`],
  groups: [
    {
      options: [
        { value: '', label: t(L, 'structure.topLevel') },
        ...named.filter((x) => x.key !== r.key).map((x) => ({ value: String(x.key), label: `${x.key}. ${x.label}` })),
      ],
    },
  ],
})}
${inputControl({ name: `vi_tri_${r.key}`, type: 'number', label: t(L, 'structure.position2'), value: r.position, error: e[`vi_tri_${r.key}`] })}
${r.label.trim() || r.href.trim() || r.target ? checkboxControl({ name: `xoa_${r.key}`, label: t(L, 'structure.removeItem'), checked: r.remove }) : ''}
</fieldset>`;
})}
<p class="form-actions"><button type="submit">${t(L, 'structure.saveMenu')}</button> <a href="${spec.base}?ngon_ngu=${spec.menuLang}">${t(L, 'structure.discardChanges')}</a></p>
</form>`;
}

// ---- Home-page blocks ------------------------------------------------------------------------------------

const BLOCK_KINDS = ['featured', 'latest', 'type', 'category'] as const;

function blockKindLabel(kind: string, L: Lang): string {
  const known = BLOCK_KINDS.find((k) => k === kind);
  return known ? t(L, `blockKind.${known}`) : kind;
}

export function blocksForm(spec: {
  lang: Lang;
  blockLang: string;
  siteName: string;
  action: string;
  csrf: string;
  rows: readonly BlockRow[];
  /** The site's categories of the blocks' language, as options. */
  categories: readonly { value: string; label: string }[];
  usingDefault: boolean;
  errors: Record<string, string>;
  overviewHref: string;
  base: string;
}): SafeHtml {
  const L = spec.lang;
  const e = spec.errors;
  const sources: OptionGroup[] = [
    { options: [{ value: '', label: t(L, 'structure.notNeededFeaturedLatest') }] },
    { label: t(L, 'structure.contentTypes'), options: CONTENT_TYPES.map((ty) => ({ value: ty.code, label: t(L, `type.${ty.code}`) })) },
    ...(spec.categories.length ? [{ label: t(L, 'structure.categories'), options: spec.categories }] : []),
  ];
  return html`<p class="breadcrumb-admin"><a href="${spec.overviewHref}">${t(L, 'structure.siteStructure')}</a> › ${t(L, 'structure.homePage')}</p>
<h1>${t(L, 'structure.homePageBlocks')} (${languageName(spec.blockLang)})</h1>
${langTabs(L, spec.base, spec.blockLang, t(L, 'structure.homePage2'))}
<p>${t(L, 'structure.homePageSite')} <strong>${spec.siteName}</strong>${spec.usingDefault ? html` ${t(L, 'structure.usesDefaultArrangement')}` : ''}. ${t(L, 'structure.blocksSmallerPositionsComeFirst')}</p>
<form method="post" action="${spec.action}" class="form rows-form" novalidate>
${csrfInput(spec.csrf)}
<input type="hidden" name="ngon_ngu" value="${spec.blockLang}">
<input type="hidden" name="so_khoi" value="${spec.rows.length}">
${e.form ? html`<p class="error" role="alert">${e.form}</p>` : ''}
${spec.rows.map(
  (r) => html`<fieldset class="row-fields">
<legend>${t(L, 'structure.block')} ${r.key}${r.kind ? html`: ${blockKindLabel(r.kind, L)}` : html` (${t(L, 'structure.emptyRowAdd')})`}</legend>
${selectControl({
  name: `loai_${r.key}`,
  label: t(L, 'structure.kind'),
  value: r.kind,
  error: e[`loai_${r.key}`],
  groups: [
    {
      options: [{ value: '', label: t(L, 'structure.unused') }, ...BLOCK_KINDS.map((value) => ({ value, label: t(L, `blockKind.${value}`) }))],
    },
  ],
})}
${selectControl({ name: `nguon_${r.key}`, label: t(L, 'structure.contentTypeCategory'), value: r.ref, error: e[`nguon_${r.key}`], groups: sources })}
${inputControl({ name: `tieu_de_${r.key}`, label: t(L, 'structure.heading'), hint: t(L, 'structure.emptyDefaultHeading'), value: r.title, maxlength: 200, error: e[`tieu_de_${r.key}`] })}
${inputControl({ name: `so_tin_${r.key}`, type: 'number', label: t(L, 'structure.numberItems'), value: r.size, error: e[`so_tin_${r.key}`] })}
${inputControl({ name: `vi_tri_${r.key}`, type: 'number', label: t(L, 'structure.position2'), value: r.position, error: e[`vi_tri_${r.key}`] })}
${r.kind ? checkboxControl({ name: `xoa_${r.key}`, label: t(L, 'structure.removeBlock'), checked: r.remove }) : ''}
</fieldset>`,
)}
<p class="form-actions"><button type="submit">${t(L, 'structure.saveHomePage')}</button> <a href="${spec.base}?ngon_ngu=${spec.blockLang}">${t(L, 'structure.discardChanges')}</a></p>
</form>`;
}
