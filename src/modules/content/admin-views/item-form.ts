/**
 * The form of a content item (new and edit): common fields, the type's own fields, the
 * category, publication times in Viet Nam's time. The body is a plain <textarea> that
 * works alone; /static/editor.js turns it into a small rich-text editor when scripts run.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ContentItemRow, ContentRevisionRow } from '../../../platform/db/schema.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { assetUrl } from '../../../platform/views/assets.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import type { CategoryRow } from '../../../platform/db/schema.ts';
import { typeLabel, type ContentTypeDef, type FieldDef } from '../content-types.ts';
import type { ItemInput } from '../content.service.ts';
import type { RevisionDiff } from '../revision-diff.ts';
import { checkboxControl, fromLocalInput, inputControl, selectControl, textareaControl, toLocalInput } from './fields.ts';
import { revisionDiffView } from './diff.ts';
import { t } from '../messages.ts';

export interface ItemFormValues {
  lang: string;
  title: string;
  summary: string;
  bodyHtml: string;
  fields: Record<string, string>;
  categoryId: string;
  source: string;
  authorName: string;
  isReference: boolean;
  publishAt: string;
  unpublishAt: string;
  featured: boolean;
  changeNote: string;
}

/** The name of a type-specific field in the form. */
const fieldName = (f: FieldDef) => `field_${f.name}`;

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  return typeof v === 'string' ? v : '';
}

const checked = (body: Record<string, unknown>, key: string) => {
  const v = str(body, key);
  return v !== '' && v !== '0';
};

export function emptyValues(lang: string): ItemFormValues {
  return {
    lang,
    title: '',
    summary: '',
    bodyHtml: '',
    fields: {},
    categoryId: '',
    source: '',
    authorName: '',
    isReference: false,
    publishAt: '',
    unpublishAt: '',
    featured: false,
    changeNote: '',
  };
}

/** What was typed, as typed (to show again when the form is refused). */
export function valuesFromBody(body: unknown, type: ContentTypeDef): ItemFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    lang: str(b, 'lang') || 'vi',
    title: str(b, 'title'),
    summary: str(b, 'summary'),
    bodyHtml: str(b, 'bodyHtml'),
    fields: Object.fromEntries(type.fields.map((f) => [f.name, str(b, fieldName(f))])),
    categoryId: str(b, 'categoryId'),
    source: str(b, 'source'),
    authorName: str(b, 'authorName'),
    isReference: checked(b, 'isReference'),
    publishAt: str(b, 'publishAt'),
    unpublishAt: str(b, 'unpublishAt'),
    featured: checked(b, 'featured'),
    changeNote: str(b, 'changeNote'),
  };
}

export function valuesFromRevision(item: ContentItemRow, rev: ContentRevisionRow): ItemFormValues {
  return {
    lang: item.lang,
    title: rev.title,
    summary: rev.summary,
    bodyHtml: rev.body_html,
    fields: Object.fromEntries(Object.entries(rev.fields ?? {}).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])),
    categoryId: item.category_id === null ? '' : String(item.category_id),
    source: rev.source,
    authorName: rev.author_name,
    isReference: rev.is_reference,
    publishAt: toLocalInput(item.publish_at),
    unpublishAt: toLocalInput(item.unpublish_at),
    featured: item.featured,
    changeNote: '',
  };
}

/**
 * The service's input from the form, with the problems only the form can see (a date-time
 * that is not one, a category of another site or language). The service checks the rest.
 */
export function inputFromValues(
  v: ItemFormValues,
  type: ContentTypeDef,
  categories: readonly CategoryRow[],
  lang: Lang,
): { input: ItemInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const when = (key: 'publishAt' | 'unpublishAt') => {
    const d = fromLocalInput(v[key]);
    if (d === 'invalid') {
      problems.push({
        field: key,
        message: t(lang, 'itemForm.notValidDateTimeExample'),
      });
      return null;
    }
    return d;
  };
  let categoryId: number | null = null;
  if (v.categoryId) {
    const id = Number(v.categoryId);
    const found = categories.find((c) => c.id === id && c.lang === v.lang);
    if (!found)
      problems.push({
        field: 'categoryId',
        message: t(lang, 'itemForm.categoryNotSiteNotLanguage'),
      });
    else categoryId = found.id;
  }
  const fields: Record<string, unknown> = {};
  for (const f of type.fields) {
    const value = (v.fields[f.name] ?? '').trim();
    if (value !== '') fields[f.name] = value;
  }
  return {
    input: {
      title: v.title,
      summary: v.summary,
      bodyHtml: v.bodyHtml,
      fields,
      categoryId,
      source: v.source,
      authorName: v.authorName,
      isReference: v.isReference,
      publishAt: when('publishAt'),
      unpublishAt: when('unpublishAt'),
      featured: v.featured,
      changeNote: v.changeNote,
    },
    problems,
  };
}

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
  categories: readonly CategoryRow[];
  /** Cover image, attachments, topics, translation (content-extra.admin.ts), after the category. */
  extras?: SafeHtml;
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
  const groups = (['vi', 'en'] as const)
    .map((code) => ({
      label: code === 'vi' ? 'Tiếng Việt' : 'English',
      options: s.categories.filter((c) => c.lang === code).map((c) => ({ value: String(c.id), label: c.name })),
    }))
    .filter((g) => g.options.length > 0);
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
        groups: [
          {
            options: [
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ],
          },
        ],
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
${s.type.fields.map((f) => typeField(f, v.fields[f.name] ?? '', e[f.name], L))}
</fieldset>`
    : ''
}
${selectControl({
  name: 'categoryId',
  label: t(L, 'common.category'),
  value: v.categoryId,
  error: e.categoryId,
  hint: t(L, 'itemForm.chooseCategoryLanguageItem'),
  groups: [{ options: [{ value: '', label: t(L, 'itemForm.none') }] }, ...groups],
})}
${s.extras ?? ''}
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
