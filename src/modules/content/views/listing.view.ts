/** Lists of items: category and type listings with pagination, and the list used everywhere. */
import { formatDateLong, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { L } from './labels.ts';
import type { ItemLink, ListingView } from './models.ts';

/** A list of items with their date and summary; titles are headings of `level`. */
export function itemList(lang: Lang, items: readonly ItemLink[], level: 2 | 3 = 2): SafeHtml {
  const h = (inner: SafeHtml) => raw(`<h${level}>${inner.value}</h${level}>`);
  return html`<ul class="item-list">${items.map(
    (i) => html`<li>
${i.thumb ? html`<div class="thumb">${i.thumb}</div>` : ''}
${h(html`<a href="${i.href}">${i.title}</a>`)}
<p class="item-meta">${i.date ? html`<span><time datetime="${i.date.toISOString()}">${formatDateLong(i.date, lang)}</time></span>` : ''}<span>${i.typeLabel}</span>${i.isReference ? html`<span><strong class="badge">${L(lang, 'reference')}</strong></span>` : ''}</p>
${i.summary ? html`<p>${i.summary}</p>` : ''}
</li>`,
  )}</ul>`;
}

/** Page numbers to show: the first, the last, and two on each side of the current one. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

export function pagination(lang: Lang, page: number, pages: number, hrefFor: (n: number) => string): SafeHtml | '' {
  if (pages <= 1) return '';
  return html`<nav class="pagination" aria-label="${L(lang, 'pagination')}"><ul>
${page > 1 ? html`<li><a href="${hrefFor(page - 1)}" rel="prev">${L(lang, 'prev')}</a></li>` : ''}
${pageNumbers(page, pages).map((n) =>
    n === null
      ? html`<li aria-hidden="true">…</li>`
      : n === page
        ? html`<li><span aria-current="page"><span class="visually-hidden">${L(lang, 'page', { n: '' })}</span>${n}</span></li>`
        : html`<li><a href="${hrefFor(n)}"><span class="visually-hidden">${L(lang, 'page', { n: '' })}</span>${n}</a></li>`,
  )}
${page < pages ? html`<li><a href="${hrefFor(page + 1)}" rel="next">${L(lang, 'next')}</a></li>` : ''}
</ul></nav>`;
}

export function listingMain(lang: Lang, v: ListingView): SafeHtml {
  return html`<h1>${v.title}${v.pages > 1 && v.page > 1 ? html` <span class="muted">(${L(lang, 'pageOf', { n: v.page, total: v.pages })})</span>` : ''}</h1>
${v.description ? html`<p class="lead">${v.description}</p>` : ''}
${v.subcategories.length > 0
    ? html`<nav aria-labelledby="chuyen-muc-con"><h2 id="chuyen-muc-con">${L(lang, 'subcategories')}</h2><ul class="link-list">${v.subcategories.map((c) => html`<li><a href="${c.href}">${c.name}</a></li>`)}</ul></nav>`
    : ''}
${v.items.length === 0 ? html`<p>${L(lang, 'empty')}</p>` : html`<p class="muted">${L(lang, 'count', { n: v.total })}</p>${itemList(lang, v.items, 2)}`}
${pagination(lang, v.page, v.pages, v.pageHref)}
${v.feeds ? html`<ul class="feed-links" aria-label="${L(lang, 'feeds')}"><li><a href="${v.feeds.rss}" type="application/rss+xml">${L(lang, 'rss')}</a></li><li><a href="${v.feeds.atom}" type="application/atom+xml">${L(lang, 'atom')}</a></li></ul>` : ''}`;
}
