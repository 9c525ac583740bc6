/**
 * The search page: a form that works without JavaScript (GET, every filter a plain field),
 * a status line that screen readers announce, results with highlighted words, pages, and the
 * "Có phải bạn muốn tìm" suggestion.
 */
import { formatDate, type Lang } from '../../platform/i18n/index.ts';
import { tr } from '../../platform/views/admin-shell.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { pagination } from '../../platform/views/pagination.ts';
import { PAGE_SIZE, type HighlightPart, type SearchNotice } from './search.service.ts';

export interface Option {
  value: string;
  label: string;
}

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

function select(name: string, id: string, label: string, options: readonly Option[], value: string, any: string): SafeHtml {
  return html`<div><label for="${id}">${label}</label><select id="${id}" name="${name}"><option value="">${any}</option>${options.map(
    (o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${o.label}</option>`,
  )}</select></div>`;
}

function form(v: SearchPageView): SafeHtml {
  const L = v.lang;
  const f = v.values;
  const filtered = Boolean(f.type || f.site || f.category || f.topic || f.lang || f.from || f.to || f.sort);
  return html`<form class="search-form" method="get" action="${v.action}" role="search" aria-label="${tr(L, 'Tìm kiếm thông tin', 'Search the site')}">
<div class="search-main">
<label class="visually-hidden" for="tu-khoa">${tr(L, 'Từ khóa', 'Search terms')}</label>
<input id="tu-khoa" type="search" name="q" value="${f.q}" maxlength="256" autocomplete="off" list="goi-y-tieu-de" data-suggest="${v.suggestApi}" aria-describedby="huong-dan-tim">
<datalist id="goi-y-tieu-de"></datalist>
<button type="submit">${tr(L, 'Tìm kiếm', 'Search')}</button>
</div>
<p id="huong-dan-tim" class="muted">${tr(L, 'Gõ có dấu hoặc không dấu. Đặt cụm từ trong ngoặc kép để tìm đúng cụm, thêm dấu trừ trước từ cần loại: "đường dây nóng" -tuyển', 'Type with or without Vietnamese diacritics. Put a phrase in double quotes to find it exactly; put a minus before a word to leave it out: "hotline" -recruitment')}</p>
<details class="search-filters"${filtered ? html` open` : ''}>
<summary>${tr(L, 'Tìm kiếm nâng cao', 'Advanced search')}</summary>
<div class="grid">
${select('loai', 'bo-loc-loai', tr(L, 'Loại thông tin', 'Type'), v.options.types, f.type, tr(L, 'Tất cả', 'All'))}
${v.options.sites.length > 1 ? select('trang-con', 'bo-loc-trang', tr(L, 'Trang', 'Site'), v.options.sites, f.site, tr(L, 'Toàn bộ cổng', 'The whole portal')) : ''}
${v.options.categories.length > 0 ? select('chuyen-muc', 'bo-loc-chuyen-muc', tr(L, 'Chuyên mục', 'Category'), v.options.categories, f.category, tr(L, 'Tất cả', 'All')) : ''}
${v.options.topics.length > 0 ? select('chu-de', 'bo-loc-chu-de', tr(L, 'Chủ đề', 'Topic'), v.options.topics, f.topic, tr(L, 'Tất cả', 'All')) : ''}
${select(
  'ngon-ngu',
  'bo-loc-ngon-ngu',
  tr(L, 'Ngôn ngữ', 'Language'),
  [
    { value: 'vi', label: 'Tiếng Việt' },
    { value: 'en', label: 'English' },
  ],
  f.lang,
  tr(L, 'Mọi ngôn ngữ', 'Any language'),
)}
<div><label for="bo-loc-tu-ngay">${tr(L, 'Đăng từ ngày', 'Published from')}</label><input id="bo-loc-tu-ngay" type="date" name="tu-ngay" value="${f.from}"></div>
<div><label for="bo-loc-den-ngay">${tr(L, 'Đến ngày', 'Until')}</label><input id="bo-loc-den-ngay" type="date" name="den-ngay" value="${f.to}"></div>
${select('sap-xep', 'bo-loc-sap-xep', tr(L, 'Sắp xếp', 'Order'), [{ value: 'moi-nhat', label: tr(L, 'Mới nhất trước', 'Newest first') }], f.sort, tr(L, 'Phù hợp nhất', 'Best match'))}
</div>
<button type="submit">${tr(L, 'Áp dụng bộ lọc', 'Apply filters')}</button>
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

const NOTICE: Record<SearchNotice, [string, string]> = {
  empty: ['Hãy nhập từ khóa cần tìm (chữ hoặc số).', 'Please type what you are looking for (letters or digits).'],
  only_exclusions: [
    'Từ khóa chỉ có các từ cần loại (có dấu trừ phía trước): hãy thêm ít nhất một từ cần tìm.',
    'The query only has words to leave out (with a minus): add at least one word to look for.',
  ],
  truncated: ['Từ khóa quá dài: chỉ phần đầu được dùng để tìm.', 'The query was too long: only its beginning was used.'],
  page_out_of_range: ['Trang kết quả này không có: hãy về trang đầu.', 'There is no such page of results: go back to the first page.'],
};

export function noticeMessage(lang: Lang, notice: SearchNotice): string {
  return tr(lang, NOTICE[notice][0], NOTICE[notice][1]);
}

export function searchMain(v: SearchPageView): SafeHtml {
  const L = v.lang;
  const status = !v.searched
    ? tr(L, 'Nhập từ khóa để tìm tin, bài, văn bản và trang thông tin.', 'Type words to search news, articles, documents and pages.')
    : v.total === 0
      ? tr(L, `Không tìm thấy kết quả nào cho «${v.query}».`, `No results for “${v.query}”.`)
      : v.more
        ? tr(
            L,
            `Hơn ${v.total} kết quả cho «${v.query}»${v.page > 1 ? `, trang ${v.page}` : ''}.`,
            `More than ${v.total} results for “${v.query}”${v.page > 1 ? `, page ${v.page}` : ''}.`,
          )
        : tr(
            L,
            `${v.total} kết quả cho «${v.query}»${v.page > 1 ? `, trang ${v.page}/${v.pages}` : ''}.`,
            `${v.total} result${v.total === 1 ? '' : 's'} for “${v.query}”${v.page > 1 ? `, page ${v.page} of ${v.pages}` : ''}.`,
          );
  return html`<h1>${tr(L, 'Tìm kiếm', 'Search')}</h1>
${form(v)}
<div id="ket-qua">
<p class="search-status" role="status">${status}</p>
${v.notices.map((n) => html`<p class="notice-inline">${tr(L, NOTICE[n][0], NOTICE[n][1])}${n === 'page_out_of_range' ? html` <a href="${v.pageHref(1)}">${tr(L, 'Trang đầu', 'First page')}</a>` : ''}</p>`)}
${v.badFilters.length > 0 ? html`<p class="notice-inline">${tr(L, 'Một số điều kiện lọc không hợp lệ nên đã được bỏ qua: ', 'Some filters were not valid and were left out: ')}${v.badFilters.join(', ')}.</p>` : ''}
${
  v.suggestion
    ? html`<p class="search-suggestion">${tr(L, 'Có phải bạn muốn tìm: ', 'Did you mean: ')}<a href="${v.suggestion.href}"><strong>${v.suggestion.text}</strong></a>?</p>
<p class="muted">${tr(L, `Kết quả cho «${v.suggestion.text}»:`, `Results for “${v.suggestion.text}”:`)}</p>
${hitList(L, v.suggestion.hits, 1)}`
    : ''
}
${v.hits.length > 0 ? hitList(L, v.hits, (v.page - 1) * PAGE_SIZE + 1) : ''}
${pagination(L, v.page, v.pages, v.pageHref)}
</div>`;
}
