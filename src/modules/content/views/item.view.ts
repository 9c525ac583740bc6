/**
 * The item page and its print view. Pure: view model in, HTML out. Everything is escaped
 * except the body, which was sanitised when it was saved.
 */
import { formatDateLong, formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, raw, type SafeHtml } from '../../../platform/views/html.ts';
import { assetUrl } from '../../../platform/views/assets.ts';
import { t } from '../messages.ts';
import { itemList } from './listing.view.ts';
import type { ItemView } from './models.ts';
import { PRINT_CSS } from './style.ts';

export const FACEBOOK_SHARE = 'https://www.facebook.com/sharer/sharer.php?u=';
export const ZALO_SHARE = 'https://sp.zalo.me/share_to?url=';

function timeEl(date: Date, lang: Lang): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${formatDateLong(date, lang)}</time>`;
}

/** Date, type, category, author, reference badge: the line under the title. */
function metaLine(lang: Lang, v: ItemView, withLinks: boolean): SafeHtml {
  return html`<p class="item-meta">
${v.date ? html`<span><span class="visually-hidden">${t(lang, 'public.published')}: </span>${timeEl(v.date, lang)}</span>` : ''}
<span><span class="visually-hidden">${t(lang, 'public.type')}: </span>${v.typeLabel}</span>
${v.category ? html`<span><span class="visually-hidden">${t(lang, 'public.category')}: </span>${withLinks ? html`<a href="${v.category.href}">${v.category.name}</a>` : v.category.name}</span>` : ''}
${v.author ? html`<span>${t(lang, 'public.author')}: ${v.author}</span>` : ''}
${v.isReference ? html`<span><strong class="badge" title="${t(lang, 'public.referenceHint')}">${t(lang, 'public.reference')}</strong></span>` : ''}
</p>`;
}

function updateLine(lang: Lang, v: ItemView): SafeHtml | '' {
  if (!v.update) return '';
  return html`<p class="item-update">${t(lang, 'public.updatedAt', { time: formatDateTime(v.update.at) })}: ${v.update.note}</p>`;
}

function sourceLine(lang: Lang, v: ItemView): SafeHtml | '' {
  return v.source ? html`<p class="item-source">${t(lang, 'public.source')}: ${v.source}</p>` : '';
}

function fieldList(lang: Lang, v: ItemView): SafeHtml | '' {
  if (v.fields.length === 0) return '';
  return html`<section class="item-details" aria-labelledby="chi-tiet"><h2 id="chi-tiet">${t(lang, 'public.details')}</h2>
<dl class="item-fields">${v.fields.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl></section>`;
}

function attachmentList(lang: Lang, v: ItemView, withLinks: boolean): SafeHtml | '' {
  if (v.attachments.length === 0) return '';
  return html`<section class="attachments" aria-labelledby="dinh-kem"><h2 id="dinh-kem">${t(lang, 'public.attachments')}</h2>
<ul>${v.attachments.map((a) => html`<li>${withLinks ? html`<a href="${a.href}">${a.name}</a>` : a.name} <span class="muted">(${a.meta})</span></li>`)}</ul></section>`;
}

function cover(v: ItemView): SafeHtml | '' {
  if (!v.cover) return '';
  return html`<figure class="item-cover">${v.cover.image}${v.cover.caption ? html`<figcaption>${v.cover.caption}</figcaption>` : ''}</figure>`;
}

function shareBlock(lang: Lang, v: ItemView): SafeHtml {
  const url = encodeURIComponent(v.canonicalUrl);
  return html`<section class="share" aria-labelledby="chia-se"><h2 id="chia-se">${t(lang, 'public.share')}</h2>
<ul>
<li><a href="${FACEBOOK_SHARE}${url}" rel="noopener noreferrer">${t(lang, 'public.shareFacebook')}</a></li>
<li><a href="${ZALO_SHARE}${url}" rel="noopener noreferrer">${t(lang, 'public.shareZalo')}</a></li>
<li class="print-link"><a href="${v.printHref}" rel="nofollow">${t(lang, 'public.print')}</a></li>
<li class="print-link"><a href="${v.pdfHref}" rel="nofollow" type="application/pdf" download>${t(lang, 'public.pdf')}</a></li>
</ul>
<p><label for="dia-chi-tin">${t(lang, 'public.address')}</label> <span class="muted" id="dia-chi-goi-y">${t(lang, 'public.addressHint')}</span><br>
<input id="dia-chi-tin" type="url" readonly value="${v.canonicalUrl}" aria-describedby="dia-chi-goi-y"></p>
<p><a href="${v.canonicalUrl}">${v.canonicalUrl}</a></p>
</section>`;
}

export function itemMain(lang: Lang, v: ItemView): SafeHtml {
  return html`<article class="item">
<h1>${v.title}</h1>
${metaLine(lang, v, true)}
${updateLine(lang, v)}
${v.crossPost ? html`<p class="cross-post">${t(lang, 'public.crossPosted')} <a href="${v.crossPost.href}">${v.crossPost.siteName}</a> (${t(lang, 'public.original')}).</p>` : ''}
${v.summary ? html`<p class="lead">${v.summary}</p>` : ''}
${cover(v)}
<div class="prose">${raw(v.bodyHtml)}</div>
${sourceLine(lang, v)}
${fieldList(lang, v)}
${attachmentList(lang, v, true)}
</article>
${shareBlock(lang, v)}
${
  v.related.length > 0
    ? html`<section class="related" aria-labelledby="lien-quan"><h2 id="lien-quan">${t(lang, 'public.related')}</h2>${itemList(lang, v.related, 3)}${v.relatedMoreHref ? html`<p><a href="${v.relatedMoreHref}">${t(lang, 'public.more')}<span class="visually-hidden">: ${t(lang, 'public.related')}</span></a></p>` : ''}</section>`
    : ''
}`;
}

/** The whole print document: the item alone, no menus, with its address written out. */
export function printDocument(lang: Lang, v: ItemView, site: { name: string; ownerName: string }): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(lang, 'public.printTitle', { title: v.title })} | ${site.name}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${v.canonicalUrl}">
<link rel="icon" href="${assetUrl('emblem.svg')}" type="image/svg+xml">
<style>${raw(PRINT_CSS)}</style>
</head>
<body>
<header class="print-head">
${site.ownerName ? html`<p>${site.ownerName}</p>` : ''}
<p><strong>${site.name}</strong></p>
</header>
<p class="no-print">${t(lang, 'public.printHint')} <a href="${v.itemHref}">${t(lang, 'public.backToItem')}</a></p>
<main>
<article class="item">
<h1>${v.title}</h1>
${metaLine(lang, v, false)}
${updateLine(lang, v)}
${v.summary ? html`<p class="lead"><strong>${v.summary}</strong></p>` : ''}
${cover(v)}
<div class="prose">${raw(v.bodyHtml)}</div>
${sourceLine(lang, v)}
${fieldList(lang, v)}
${attachmentList(lang, v, false)}
</article>
</main>
<footer><p>${t(lang, 'public.address')}: ${v.canonicalUrl}</p></footer>
</body>
</html>
`.value;
}
