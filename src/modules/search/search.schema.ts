/** TypeBox shapes of the search page's query and of the search API. */
import { Type } from 'typebox';
import { FormField } from '../../platform/http/forms.ts';

// ── The page ─────────────────────────────────────────────────────────────────────────

/**
 * Longer than any value a URL the page accepts can hold (16 KB): no value is refused for its
 * length, the page cuts each to what it uses, as it always has.
 */
const ANY_LENGTH = 16_384;

/**
 * The search page's GET form. Every filter is text, so what was typed comes back in the form;
 * whether a filter makes sense depends on the site searched, and search-scope.ts leaves out and
 * names the ones that do not. `q` is a list because an empty query (`?q=`) is a search — it says
 * "type something" — while no `q` at all is the page before any search.
 */
export const SearchPageQuery = Type.Object({
  q: FormField.list({ max: ANY_LENGTH, maxItems: ANY_LENGTH }),
  loai: FormField.text({ max: ANY_LENGTH }),
  'trang-con': FormField.text({ max: ANY_LENGTH }),
  'chuyen-muc': FormField.text({ max: ANY_LENGTH }),
  'chu-de': FormField.text({ max: ANY_LENGTH }),
  'ngon-ngu': FormField.text({ max: ANY_LENGTH }),
  'tu-ngay': FormField.text({ max: ANY_LENGTH }),
  'den-ngay': FormField.text({ max: ANY_LENGTH }),
  'sap-xep': FormField.text({ max: ANY_LENGTH }),
  /** A page number that does not fit is page 1. */
  trang: FormField.integer({ min: 1, max: 999_999_999_999 }),
});

// ── The API ──────────────────────────────────────────────────────────────────────────

const Part = Type.Object({ text: Type.String(), mark: Type.Boolean({ description: 'A matched word, to highlight.' }) });

export const ApiHit = Type.Object({
  type: Type.String({ description: 'Registered document type (content, page, …).' }),
  kind: Type.String({ description: 'Subdivision of the type (news, announcement, …), or "".' }),
  site: Type.String({ description: 'Code of the site the document is on.' }),
  lang: Type.String(),
  title: Type.String(),
  url: Type.String({ format: 'uri' }),
  publishedAt: Type.String({ format: 'date-time' }),
  titleHighlight: Type.Array(Part),
  snippet: Type.Array(Part, { description: 'A passage around the matched words, in runs.' }),
  exactMatch: Type.Boolean({ description: 'Every word matched with the diacritics typed.' }),
});

export const SearchQuery = Type.Object({
  q: Type.Optional(
    Type.String({ description: 'Words with or without diacritics, "quoted phrases", -exclusions. Any text is accepted; it is cut at 256 characters.' }),
  ),
  site: Type.Optional(Type.String({ description: 'Code of the site searched; a portal covers its component sites. Default: the main portal.' })),
  within: Type.Optional(Type.String({ description: 'Code of one site under `site` to search alone.' })),
  type: Type.Optional(Type.String({ description: 'A type ("content", "page") or type:kind ("content:news").' })),
  category: Type.Optional(Type.String({ description: 'Category id (its subcategories are included).' })),
  topic: Type.Optional(Type.String({ description: 'Topic id.' })),
  lang: Type.Optional(Type.String({ description: 'Language of the documents (vi, en, …).' })),
  from: Type.Optional(Type.String({ description: 'Published on or after this day (yyyy-mm-dd, Asia/Ho_Chi_Minh).' })),
  to: Type.Optional(Type.String({ description: 'Published on or before this day (yyyy-mm-dd).' })),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('newest')])),
  page: Type.Optional(Type.String({ description: 'Page number (1…); pages beyond the results are empty.' })),
  uiLang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'Language of messages and labels.' })),
});

export const SearchResponse = Type.Object({
  query: Type.String({ description: 'The query as understood.' }),
  total: Type.Integer(),
  more: Type.Boolean(),
  page: Type.Integer(),
  pages: Type.Integer(),
  pageSize: Type.Integer(),
  notices: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  items: Type.Array(ApiHit),
  suggestion: Type.Optional(
    Type.Object(
      { query: Type.String(), total: Type.Integer(), items: Type.Array(ApiHit) },
      { description: 'Có phải bạn muốn tìm: a corrected query and its results, when the query found nothing.' },
    ),
  ),
});

export const SuggestQuery = Type.Object({ q: Type.Optional(Type.String()), site: Type.Optional(Type.String()) });

export const SuggestResponse = Type.Object({ items: Type.Array(Type.Object({ title: Type.String(), url: Type.String({ format: 'uri' }) })) });
