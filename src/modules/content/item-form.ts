/**
 * The item form (new and edit) as values: from what was sent (or typed, when a refused form
 * comes back) or from a saved revision, and to the service's input — with the problems only
 * the form can see (a date-time that is not one, a category of another site or language).
 * The service checks the rest. The relation part (cover, attachments, topics, translation)
 * is read here too; item-relations.ts checks it against the site's library and items.
 */
import type { CategoryRow, ContentItemRow, ContentRevisionRow } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { fromLocalInput, toLocalInput } from '../../platform/views/form-controls.ts';
import type { ContentTypeDef, FieldDef } from './content-types.ts';
import { listOf, textOf, type SentForm } from './content.schema.ts';
import type { ItemInput } from './content.service.ts';
import { t } from './messages.ts';

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

/** The extra parts of the item form as typed (ids as strings). */
export interface RelationValues {
  /** The form had the cover and attachment controls (posts without them keep what was saved). */
  hasMedia: boolean;
  hasTopics: boolean;
  hasTranslation: boolean;
  coverMediaId: string;
  coverCaption: string;
  attachments: string[];
  topicIds: string[];
  translationOf: string;
}

/** The name of a type-specific field in the form. */
export const fieldName = (f: FieldDef | string): `field_${string}` => `field_${typeof f === 'string' ? f : f.name}`;

const ticked = (sent: SentForm, key: string) => {
  const v = textOf(sent, key);
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

/** What was sent, as typed (to show again when the form is refused). */
export function valuesFromForm(sent: SentForm, type: ContentTypeDef): ItemFormValues {
  return {
    lang: textOf(sent, 'lang') || 'vi',
    title: textOf(sent, 'title'),
    summary: textOf(sent, 'summary'),
    bodyHtml: textOf(sent, 'bodyHtml'),
    fields: Object.fromEntries(type.fields.map((f) => [f.name, textOf(sent, fieldName(f))])),
    categoryId: textOf(sent, 'categoryId'),
    source: textOf(sent, 'source'),
    authorName: textOf(sent, 'authorName'),
    isReference: ticked(sent, 'isReference'),
    publishAt: textOf(sent, 'publishAt'),
    unpublishAt: textOf(sent, 'unpublishAt'),
    featured: ticked(sent, 'featured'),
    changeNote: textOf(sent, 'changeNote'),
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

/** The relation part as sent; parts whose controls were not in the form come from `fallback` (or are empty). */
export function relationsFromForm(sent: SentForm, fallback?: RelationValues): RelationValues {
  const hasMedia = textOf(sent, 'hasMedia') === '1';
  const hasTopics = textOf(sent, 'hasTopics') === '1';
  const hasTranslation = textOf(sent, 'hasTranslation') === '1';
  return {
    hasMedia,
    hasTopics,
    hasTranslation,
    coverMediaId: hasMedia ? textOf(sent, 'coverMediaId') : (fallback?.coverMediaId ?? ''),
    coverCaption: hasMedia ? textOf(sent, 'coverCaption') : (fallback?.coverCaption ?? ''),
    attachments: hasMedia ? [...new Set(listOf(sent, 'attachments'))] : (fallback?.attachments ?? []),
    topicIds: hasTopics ? [...new Set(listOf(sent, 'topicIds'))] : (fallback?.topicIds ?? []),
    translationOf: hasTranslation ? textOf(sent, 'translationOf') : (fallback?.translationOf ?? ''),
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
      problems.push({ field: key, message: t(lang, 'itemForm.notValidDateTimeExample') });
      return null;
    }
    return d;
  };
  let categoryId: number | null = null;
  if (v.categoryId) {
    const id = Number(v.categoryId);
    const found = categories.find((c) => c.id === id && c.lang === v.lang);
    if (!found) problems.push({ field: 'categoryId', message: t(lang, 'itemForm.categoryNotSiteNotLanguage') });
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
