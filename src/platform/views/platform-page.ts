/**
 * A page that belongs to no site: the list of sites shown for an unknown host name, and
 * errors raised before the site is known. Same stylesheet, no site menu.
 */
import type { Lang } from '../i18n/index.ts';
import { html, type SafeHtml } from './html.ts';
import { emblemSvg } from './emblem.ts';
import { assetUrl } from './assets.ts';

export function renderPlatformPage(lang: Lang, title: string, main: SafeHtml): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | Cổng</title>
<meta name="robots" content="noindex">
<link rel="icon" href="${assetUrl('emblem.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${assetUrl('site.css')}">
</head>
<body>
<header class="banner"><div class="wrap"><span class="brand">${emblemSvg()}<span class="brand-text"><span class="site-name">Cổng</span></span></span></div></header>
<main id="noi-dung" class="wrap main">
${main}
</main>
</body>
</html>
`.value;
}
