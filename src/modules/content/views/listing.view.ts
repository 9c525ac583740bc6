/** Lists of items: category and type listings with pagination, and the list used everywhere. */
import { formatDateLong, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { t } from '../messages.ts';
import { pagination } from '../../../platform/views/pagination.ts';

export { pageNumbers, pagination } from '../../../platform/views/pagination.ts';
import type { ItemLink, ListingView } from './models.ts';

/** A list of items with their date and summary; titles are headings of `level`. */
export function itemList(lang: Lang, items: readonly ItemLink[], level: 2 | 3 = 2): SafeHtml {
  const h = (inner: SafeHtml) => raw(`<h${level}>${inner.value}</h${level}>`);
  return html`<ul class="item-list">${items.map(
    (i) => html`<li>
${i.thumb ? html`<div class="thumb">${i.thumb}</div>` : ''}
${h(html`<a href="${i.href}">${i.title}</a>`)}
<p class="item-meta">${i.date ? html`<span><time datetime="${i.date.toISOString()}">${formatDateLong(i.date, lang)}</time></span>` : ''}<span>${i.typeLabel}</span>${i.isReference ? html`<span><strong class="badge">${t(lang, 'public.reference')}</strong></span>` : ''}</p>
${i.summary ? html`<p>${i.summary}</p>` : ''}
</li>`,
  )}</ul>`;
}

export function listingMain(lang: Lang, v: ListingView): SafeHtml {
  return html`<h1>${v.title}${v.pages > 1 && v.page > 1 ? html` <span class="muted">(${t(lang, 'public.pageOf', { n: v.page, total: v.pages })})</span>` : ''}</h1>
${v.description ? html`<p class="lead">${v.description}</p>` : ''}
${
  v.subcategories.length > 0
    ? html`<nav aria-labelledby="chuyen-muc-con"><h2 id="chuyen-muc-con">${t(lang, 'public.subcategories')}</h2><ul class="link-list">${v.subcategories.map((c) => html`<li><a href="${c.href}">${c.name}</a></li>`)}</ul></nav>`
    : ''
}
${v.items.length === 0 ? html`<p>${t(lang, 'public.empty')}</p>` : html`<p class="muted">${t(lang, 'public.count', { n: v.total })}</p>${itemList(lang, v.items, 2)}`}
${pagination(lang, v.page, v.pages, v.pageHref)}
${v.feeds ? html`<ul class="feed-links" aria-label="${t(lang, 'public.feeds')}"><li><a href="${v.feeds.rss}" type="application/rss+xml">${t(lang, 'public.rss')}</a></li><li><a href="${v.feeds.atom}" type="application/atom+xml">${t(lang, 'public.atom')}</a></li></ul>` : ''}`;
}
