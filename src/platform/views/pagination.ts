/** Page links for a list split into pages (content listings, search results). */
import { t, type Lang } from '../i18n/index.ts';
import { html, type SafeHtml } from './html.ts';

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
  const pageWord = t(lang, 'pagination.page');
  return html`<nav class="pagination" aria-label="${t(lang, 'pagination.pages')}"><ul>
${page > 1 ? html`<li><a href="${hrefFor(page - 1)}" rel="prev">${t(lang, 'pagination.previousPage')}</a></li>` : ''}
${pageNumbers(page, pages).map((n) =>
  n === null
    ? html`<li aria-hidden="true">…</li>`
    : n === page
      ? html`<li><span aria-current="page"><span class="visually-hidden">${pageWord}</span>${n}</span></li>`
      : html`<li><a href="${hrefFor(n)}"><span class="visually-hidden">${pageWord}</span>${n}</a></li>`,
)}
${page < pages ? html`<li><a href="${hrefFor(page + 1)}" rel="next">${t(lang, 'pagination.nextPage')}</a></li>` : ''}
</ul></nav>`;
}
