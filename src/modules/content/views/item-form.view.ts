/**
 * The new and edit item screens: the choice of a content type, then the form — common fields,
 * the type's own fields, the category, publication times in Viet Nam's time, and after a save
 * conflict the word difference. The body is a plain <textarea> that works alone;
 * /static/editor.js turns it into a small rich-text editor when scripts run.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { assetUrl } from '../../../platform/views/assets.ts';
import { checkboxControl, csrfInput, inputControl, selectControl, textareaControl, type OptionGroup } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { CONTENT_TYPES, typeLabel, type ContentTypeDef, type FieldDef } from '../content-types.ts';
import { fieldName, type ItemFormValues } from '../item-form.ts';
import { t } from '../messages.ts';
import { LANGUAGE_OPTIONS } from '../../../platform/i18n/index.ts';
import type { RevisionDiff } from '../revision-diff.ts';
import { revisionDiffView } from './revision-diff.view.ts';

function typeField(f: FieldDef, value: string, error: string | undefined, lang: Lang): SafeHtml {
  const common = { name: fieldName(f), id: `f-${f.name}`, label: t(lang, f.label), required: f.required ?? false, error };
  switch (f.kind) {
    case 'date':
      return inputControl({ ...common, type: 'date', value });
    case 'number':
      return inputControl({ ...common, type: 'text', inputmode: 'decimal', value });
    case 'select':
      return selectControl({
        ...common,
        value,
        groups: [
          { options: [{ value: '', label: t(lang, 'itemForm.choose') }, ...(f.options ?? []).map((o) => ({ value: o.value, label: t(lang, o.label) }))] },
        ],
      });
    case 'textarea':
      return textareaControl({ ...common, value, rows: 3, maxlength: 2000 });
    default:
      return inputControl({ ...common, value, maxlength: 2000 });
  }
}

export interface ItemFormSpec {
  lang: Lang;
  type: ContentTypeDef;
  action: string;
  csrf: string;
  values: ItemFormValues;
  errors: Record<string, string>;
  /** The site's categories by language. */
  categoryGroups: readonly OptionGroup[];
  /** Cover image, attachments, topics, translation (views/item-relations.view.ts), after the category. */
  relations?: SafeHtml;
  /** New items choose their language; an edit keeps it. */
  isNew: boolean;
  /** The version the form was loaded at (edits). */
  version?: number;
  /** Where the editor lists the library's images (JSON); none: no image button. */
  imagesUrl?: string;
  /** A save conflict: what differs between the other person's save and what was typed. */
  conflict?: RevisionDiff | undefined;
  submitLabel: string;
  cancelHref: string;
}

export function itemForm(s: ItemFormSpec): SafeHtml {
  const L = s.lang;
  const v = s.values;
  const e = s.errors;
  const sourceRequired = !s.type.sourceOptional;
  return html`${
    s.conflict
      ? html`<section class="conflict" aria-labelledby="xung-dot">
<h2 id="xung-dot">${t(L, 'itemForm.someoneElseHasJustSaved')}</h2>
<p>${t(L, 'itemForm.yourVersionWasNotSaved')}</p>
${revisionDiffView(s.conflict, L, { removed: t(L, 'itemForm.onlyVersionJustSavedSomeone'), added: t(L, 'itemForm.onlyYourVersion') })}
<p><a href="${s.action}">${t(L, 'itemForm.discardMyVersionSeeLatest')}</a></p>
</section>`
      : ''
  }
<form method="post" action="${s.action}" class="form content-form" novalidate>
${csrfInput(s.csrf)}
${s.version !== undefined ? html`<input type="hidden" name="version" value="${s.version}">` : ''}
<input type="hidden" name="type" value="${s.type.code}">
<p class="muted">${t(L, 'itemForm.contentType')}: <strong>${typeLabel(s.type.code, L)}</strong>. ${t(L, 'itemForm.fieldsMarkedRequired')}</p>
${
  s.isNew
    ? selectControl({
        name: 'lang',
        label: t(L, 'itemForm.languageItem'),
        value: v.lang,
        error: e.lang,
        options: LANGUAGE_OPTIONS,
      })
    : html`<input type="hidden" name="lang" value="${v.lang}">`
}
${inputControl({ name: 'title', label: t(L, 'common.title'), value: v.title, required: true, maxlength: 500, error: e.title })}
${textareaControl({ name: 'summary', label: t(L, 'common.summary'), value: v.summary, rows: 3, error: e.summary })}
${textareaControl({
  name: 'bodyHtml',
  label: t(L, 'common.body'),
  hint: t(L, 'itemForm.simpleHtmlMayUsedP'),
  value: v.bodyHtml,
  rows: 16,
  error: e.bodyHtml,
  attrs: html` data-rich-editor data-lang="${L}"${s.imagesUrl ? html` data-images-url="${s.imagesUrl}"` : ''}`,
})}
${
  s.type.fields.length
    ? html`<fieldset class="type-fields"><legend>${t(L, 'itemForm.detailsType')} “${typeLabel(s.type.code, L)}”</legend>
${s.type.fields.map((f) => typeField(f, v.fields[f.name] ?? '', e[fieldName(f)], L))}
</fieldset>`
    : ''
}
${selectControl({
  name: 'categoryId',
  label: t(L, 'common.category'),
  value: v.categoryId,
  error: e.categoryId,
  hint: t(L, 'itemForm.chooseCategoryLanguageItem'),
  groups: [{ options: [{ value: '', label: t(L, 'itemForm.none') }] }, ...s.categoryGroups],
})}
${s.relations ?? ''}
${inputControl({ name: 'source', label: t(L, 'common.source'), value: v.source, required: sourceRequired, maxlength: 500, error: e.source })}
${inputControl({ name: 'authorName', label: t(L, 'common.author'), value: v.authorName, required: sourceRequired, maxlength: 200, error: e.authorName })}
${checkboxControl({ name: 'isReference', label: t(L, 'common.referenceItem'), hint: t(L, 'itemForm.referenceNotOfficialTextAgency'), checked: v.isReference })}
${inputControl({ name: 'publishAt', type: 'datetime-local', label: t(L, 'common.publish'), hint: t(L, 'itemForm.vietNamTimeEmptyPublished'), value: v.publishAt, error: e.publishAt })}
${inputControl({ name: 'unpublishAt', type: 'datetime-local', label: t(L, 'common.unpublish'), hint: t(L, 'itemForm.vietNamTimeEmptyNever'), value: v.unpublishAt, error: e.unpublishAt })}
${checkboxControl({ name: 'featured', label: t(L, 'common.featured'), checked: v.featured })}
${inputControl({ name: 'changeNote', label: t(L, 'common.changeNote'), hint: t(L, 'itemForm.brieflyWhatChangedWhyShown'), value: v.changeNote, maxlength: 500, error: e.changeNote })}
${e.form ? html`<p class="error" role="alert">${e.form}</p>` : ''}
<p class="form-actions"><button type="submit">${s.submitLabel}</button> <a href="${s.cancelHref}">${t(L, 'itemForm.cancel')}</a></p>
</form>
<script type="module" src="${assetUrl('editor.js')}"></script>`;
}

/** The first step of a new item: the list of content types. */
export function typeChooser(lang: Lang, newHref: string): SafeHtml {
  const L = lang;
  return html`<h1>${t(L, 'common.newItem')}</h1>
<p>${t(L, 'lists.chooseTypeContentEachType')}</p>
<ul class="type-list">${CONTENT_TYPES.map((ty) => html`<li><a href="${newHref}?loai=${ty.code}">${t(L, `type.${ty.code}`)}</a></li>`)}</ul>`;
}

/** The new item screen: breadcrumb, heading, form. */
export function newItemMain(lang: Lang, hrefs: { list: string; new: string }, form: ItemFormSpec): SafeHtml {
  const L = lang;
  return html`<p class="breadcrumb-admin"><a href="${hrefs.list}">${t(L, 'common.content')}</a> › <a href="${hrefs.new}">${t(L, 'content.new')}</a></p>
<h1>${t(L, 'common.newItem')}: ${typeLabel(form.type.code, L)}</h1>
${itemForm(form)}`;
}

/** The edit screen: breadcrumb, heading, form (with the difference after a save conflict). */
export function editItemMain(lang: Lang, title: string, hrefs: { list: string; item: string }, id: number, form: ItemFormSpec): SafeHtml {
  const L = lang;
  return html`<p class="breadcrumb-admin"><a href="${hrefs.list}">${t(L, 'common.content')}</a> › <a href="${hrefs.item}">#${id}</a></p>
<h1>${t(L, 'common.edit')}: ${title}</h1>
${itemForm(form)}`;
}
