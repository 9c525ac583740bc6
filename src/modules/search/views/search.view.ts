/**
 * The search page: a form that works without JavaScript (GET, every filter a plain field),
 * a status line that screen readers announce, results with highlighted words, pages, and the
 * "Có phải bạn muốn tìm" suggestion.
 */
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { pagination } from '../../../platform/views/pagination.ts';
import { inputControl, selectControl, type Option } from '../../../platform/views/form-controls.ts';
import { PAGE_SIZE, type HighlightPart, type SearchNotice } from '../search.service.ts';
import { t } from '../messages.ts';

export type { Option };

export interface SearchFormValues {
  q: string;
  type: string;
  site: string;
  category: string;
  topic: string;
  lang: string;
  from: string;
  to: string;
  sort: string;
}

export interface SearchFormOptions {
  types: Option[];
  sites: Option[];
  categories: Option[];
  topics: Option[];
}

export interface HitView {
  href: string;
  title: HighlightPart[];
  snippet: HighlightPart[];
  typeLabel: string;
  siteLabel?: string;
  date: Date;
  lang: string;
}

export interface SearchPageView {
  lang: Lang;
  action: string;
  values: SearchFormValues;
  options: SearchFormOptions;
  /** Filters that were not understood and were left out. */
  badFilters: string[];
  searched: boolean;
  query: string;
  hits: HitView[];
  total: number;
  more: boolean;
  page: number;
  pages: number;
  notices: SearchNotice[];
  suggestion?: { text: string; href: string; hits: HitView[]; total: number };
  pageHref: (n: number) => string;
  suggestApi: string;
}

export function marked(parts: readonly HighlightPart[]): SafeHtml {
  return html`${parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}`;
}

/** A filter: "any" first (chosen by default, not marked), then the choices. */
function filter(name: string, id: string, label: string, options: readonly Option[], value: string, any: string): SafeHtml {
  return selectControl({ name, id, label, value: value || undefined, options: [{ value: '', label: any }, ...options] });
}

function form(v: SearchPageView): SafeHtml {
  const L = v.lang;
  const f = v.values;
  const filtered = Boolean(f.type || f.site || f.category || f.topic || f.lang || f.from || f.to || f.sort);
  return html`<form class="search-form" method="get" action="${v.action}" role="search" aria-label="${t(L, 'search.searchSite')}">
<div class="search-main">
<label class="visually-hidden" for="tu-khoa">${t(L, 'search.searchTerms')}</label>
<input id="tu-khoa" type="search" name="q" value="${f.q}" maxlength="256" autocomplete="off" list="goi-y-tieu-de" data-suggest="${v.suggestApi}" aria-describedby="huong-dan-tim">
<datalist id="goi-y-tieu-de"></datalist>
<button type="submit">${t(L, 'search.search')}</button>
</div>
<p id="huong-dan-tim" class="muted">${t(L, 'search.typeWithoutVietnameseDiacriticsPut')}</p>
<details class="search-filters"${filtered ? html` open` : ''}>
<summary>${t(L, 'search.advancedSearch')}</summary>
<div class="grid">
${filter('loai', 'bo-loc-loai', t(L, 'search.type'), v.options.types, f.type, t(L, 'search.all'))}
${v.options.sites.length > 1 ? filter('trang-con', 'bo-loc-trang', t(L, 'search.site'), v.options.sites, f.site, t(L, 'search.wholePortal')) : ''}
${v.options.categories.length > 0 ? filter('chuyen-muc', 'bo-loc-chuyen-muc', t(L, 'search.category'), v.options.categories, f.category, t(L, 'search.all')) : ''}
${v.options.topics.length > 0 ? filter('chu-de', 'bo-loc-chu-de', t(L, 'search.topic'), v.options.topics, f.topic, t(L, 'search.all')) : ''}
${filter(
  'ngon-ngu',
  'bo-loc-ngon-ngu',
  t(L, 'search.language'),
  [
    { value: 'vi', label: 'Tiếng Việt' },
    { value: 'en', label: 'English' },
  ],
  f.lang,
  t(L, 'search.anyLanguage'),
)}
${inputControl({ name: 'tu-ngay', id: 'bo-loc-tu-ngay', type: 'date', label: t(L, 'search.publishedFrom'), value: f.from })}
${inputControl({ name: 'den-ngay', id: 'bo-loc-den-ngay', type: 'date', label: t(L, 'search.until'), value: f.to })}
${filter('sap-xep', 'bo-loc-sap-xep', t(L, 'search.order'), [{ value: 'moi-nhat', label: t(L, 'search.newestFirst') }], f.sort, t(L, 'search.bestMatch'))}
</div>
<button type="submit">${t(L, 'search.applyFilters')}</button>
</details>
</form>`;
}

function hitList(L: Lang, hits: readonly HitView[], start: number): SafeHtml {
  return html`<ol class="search-results" start="${start}">${hits.map(
    (h) => html`<li${h.lang !== L ? html` lang="${h.lang}"` : ''}>
<h2><a href="${h.href}">${marked(h.title)}</a></h2>
<p class="meta">${h.typeLabel}${h.siteLabel ? html` · ${h.siteLabel}` : ''} · <time datetime="${h.date.toISOString()}">${formatDate(h.date)}</time></p>
<p>${marked(h.snippet)}</p>
</li>`,
  )}</ol>`;
}

export function noticeMessage(lang: Lang, notice: SearchNotice): string {
  return t(lang, `search.notice.${notice}`);
}

export function searchMain(v: SearchPageView): SafeHtml {
  const L = v.lang;
  const status = !v.searched
    ? t(L, 'search.typeWordsSearchNewsArticles')
    : v.total === 0
      ? t(L, 'search.noResults', { query: v.query })
      : v.more
        ? t(L, v.page > 1 ? 'search.moreThanOnPage' : 'search.moreThan', { total: v.total, query: v.query, page: v.page })
        : t(L, v.page > 1 ? (v.total === 1 ? 'search.countOneOnPage' : 'search.countOnPage') : v.total === 1 ? 'search.countOne' : 'search.count', {
            total: v.total,
            query: v.query,
            page: v.page,
            pages: v.pages,
          });
  return html`<h1>${t(L, 'search.search')}</h1>
${form(v)}
<div id="ket-qua">
<p class="search-status" role="status">${status}</p>
${v.notices.map((n) => html`<p class="notice-inline">${t(L, `search.notice.${n}`)}${n === 'page_out_of_range' ? html` <a href="${v.pageHref(1)}">${t(L, 'search.firstPage')}</a>` : ''}</p>`)}
${v.badFilters.length > 0 ? html`<p class="notice-inline">${t(L, 'search.someFiltersWereNotValid')}${v.badFilters.join(', ')}.</p>` : ''}
${
  v.suggestion
    ? html`<p class="search-suggestion">${t(L, 'search.didYouMean')}<a href="${v.suggestion.href}"><strong>${v.suggestion.text}</strong></a>?</p>
<p class="muted">${t(L, 'search.results', { text: v.suggestion.text })}</p>
${hitList(L, v.suggestion.hits, 1)}`
    : ''
}
${v.hits.length > 0 ? hitList(L, v.hits, (v.page - 1) * PAGE_SIZE + 1) : ''}
${pagination(L, v.page, v.pages, v.pageHref)}
</div>`;
}
