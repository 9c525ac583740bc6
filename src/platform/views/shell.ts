/**
 * The public page shell every site page uses, laid out as the national rules expect
 * (TT 32/2017 Đ16): header with the emblem and the agency's full name, a main menu,
 * breadcrumbs, and a footer with copyright, unit, the person responsible and contacts.
 * Skip link, language switch, text-size and contrast controls all work without JavaScript
 * (they are plain links). Dublin Core metadata (TT 24/2011) goes in the head.
 */
import { formatDateLong, isoDate, t, type Lang } from '../i18n/index.ts';
import { html, join, raw, type SafeHtml } from './html.ts';
import { emblemSvg } from './emblem.ts';
import { assetUrl } from './assets.ts';

export interface ShellSite {
  code: string;
  name: string;
  ownerName: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  responsiblePerson: string;
  logoUrl: string | null;
  themeColor: string;
  demo: boolean;
  maintenance: boolean;
}

export interface ShellMenuItem {
  label: string;
  href: string;
  current: boolean;
  children: ShellMenuItem[];
}

export type TextSize = 'nho' | 'vua' | 'lon' | 'rat-lon';
export type Contrast = 'thuong' | 'cao';

export interface DisplayPrefs {
  size: TextSize;
  contrast: Contrast;
}

export interface ShellContext {
  lang: Lang;
  site: ShellSite;
  menu: ShellMenuItem[];
  prefs: DisplayPrefs;
  /** Links the shell itself needs, already on the right site and language. */
  hrefs: {
    home: string;
    siteMap: string;
    contact: string;
    /** The city-wide directory of units (modules/directory), when there is one. */
    directory?: string | undefined;
    /** The display-preferences endpoint, without query. */
    display: string;
    /** The site's search page (modules/search). */
    search: string;
  };
  /** The home page in the other language: the language switch's target when a page has no translation. */
  /** The home page in the other language; null when the site does not offer it (no language switch). */
  homeAlternate: { lang: Lang; href: string } | null;
  /** Notices other modules put at the top of every page of the site (a planned maintenance). */
  notices?: readonly SafeHtml[];
  /** The current path with its query, to return to after changing display prefs. */
  currentUrl: string;
  /** Absolute URL of this page without query (canonical and DC.identifier). */
  canonicalUrl: string;
  now: Date;
}

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageSpec {
  title: string;
  description?: string;
  breadcrumbs: Crumb[];
  main: SafeHtml;
  /** The same page in the other language, when it exists. */
  alternate?: { lang: Lang; href: string };
  /** Dublin Core: date of the information shown; defaults to now. */
  date?: Date;
  subject?: string;
  source?: string;
  /** Extra head elements (JSON-LD, Open Graph) produced by the page. */
  head?: SafeHtml;
  /** The home page shows the site name as its h1; other pages their title. */
  isHome?: boolean;
}

const SIZE_CLASS: Record<TextSize, string> = { nho: 'text-sm', vua: '', lon: 'text-lg', 'rat-lon': 'text-xl' };

function menuList(items: readonly ShellMenuItem[], level: number): SafeHtml {
  return html`<ul class="${level === 0 ? 'menu' : 'submenu'}">${items.map(
    (item) =>
      html`<li${item.children.length ? raw(' class="has-sub"') : ''}><a href="${item.href}"${item.current ? raw(' aria-current="page"') : ''}>${item.label}</a>${item.children.length ? menuList(item.children, level + 1) : ''}</li>`,
  )}</ul>`;
}

function displayControls(ctx: ShellContext): SafeHtml {
  const back = encodeURIComponent(ctx.currentUrl);
  const link = (query: string, label: string, text: string, pressed: boolean) =>
    html`<a href="${ctx.hrefs.display}?${raw(query)}&amp;quay-lai=${back}" title="${label}"${pressed ? raw(' aria-current="true"') : ''}>${text}<span class="visually-hidden"> ${label}</span></a>`;
  const { size, contrast } = ctx.prefs;
  const L = ctx.lang;
  return html`<div class="display-controls" role="group" aria-label="${t(L, 'shell.display')}">
<span class="visually-hidden">${t(L, 'shell.textSize')}:</span>
${link('co-chu=nho', t(L, 'shell.textSmaller'), 'A−', size === 'nho')}
${link('co-chu=vua', t(L, 'shell.textNormal'), 'A', size === 'vua')}
${link('co-chu=lon', t(L, 'shell.textLarger'), 'A+', size === 'lon' || size === 'rat-lon')}
${contrast === 'cao' ? link('tuong-phan=thuong', t(L, 'shell.contrastNormal'), '◐', true) : link('tuong-phan=cao', t(L, 'shell.contrastHigh'), '◐', false)}
</div>`;
}

function dublinCore(ctx: ShellContext, page: PageSpec): SafeHtml {
  const date = page.date ?? ctx.now;
  const meta = (name: string, content: string | undefined) => (content ? html`<meta name="${name}" content="${content}">` : '');
  return html`<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">
${meta('DC.title', page.title)}
${meta('DC.creator', ctx.site.ownerName || ctx.site.name)}
${meta('DC.date', isoDate(date))}
${meta('DC.description', page.description ?? page.title)}
${meta('DC.publisher', ctx.site.name)}
${meta('DC.identifier', ctx.canonicalUrl)}
${meta('DC.language', ctx.lang)}
${meta('DC.source', page.source)}
${meta('DC.subject', page.subject)}`;
}

function footer(ctx: ShellContext): SafeHtml {
  const { site, lang: L } = ctx;
  const row = (label: string, value: SafeHtml | string) => (value ? html`<li><span class="label">${label}:</span> ${value}</li>` : '');
  return html`<footer class="site-footer">
<div class="wrap footer-grid">
<section aria-labelledby="footer-site">
<h2 id="footer-site" class="footer-title">${site.name}</h2>
<ul class="plain">
${row(t(L, 'footer.owner'), site.ownerName)}
${row(t(L, 'footer.responsible'), site.responsiblePerson)}
${row(t(L, 'footer.address'), site.address)}
${row(t(L, 'footer.phone'), site.phone ? html`<a href="tel:${site.phone.replace(/[^\d+]/g, '')}">${site.phone}</a>` : '')}
${row(t(L, 'footer.fax'), site.fax)}
${row(t(L, 'footer.email'), site.email ? html`<a href="mailto:${site.email}">${site.email}</a>` : '')}
</ul>
</section>
<nav aria-label="${t(L, 'shell.siteMap')}" class="footer-links">
<ul class="plain">
<li><a href="${ctx.hrefs.home}">${t(L, 'shell.home')}</a></li>
<li><a href="${ctx.hrefs.siteMap}">${t(L, 'shell.siteMap')}</a></li>
<li><a href="${ctx.hrefs.contact}">${t(L, 'shell.contact')}</a></li>
${ctx.hrefs.directory ? html`<li><a href="${ctx.hrefs.directory}">${t(L, 'shell.directory')}</a></li>` : ''}
<li><a href="/api/docs">API</a></li>
</ul>
</nav>
</div>
<div class="wrap copyright"><p>© ${ctx.now.getUTCFullYear()} ${t(L, 'footer.copyright', { owner: site.ownerName || site.name })}. ${t(L, 'footer.reuse', { site: site.name })}</p></div>
</footer>`;
}

/** The whole HTML document of a public page. */
export function renderShell(ctx: ShellContext, page: PageSpec): string {
  const { site, lang: L } = ctx;
  const classes = [SIZE_CLASS[ctx.prefs.size], ctx.prefs.contrast === 'cao' ? 'contrast-high' : ''].filter(Boolean).join(' ');
  const alternate = ctx.homeAlternate && (page.alternate ?? ctx.homeAlternate);
  const title = page.isHome ? site.name : `${page.title} | ${site.name}`;
  const crumbs = page.breadcrumbs;
  const doc = html`<!doctype html>
<html lang="${L}"${classes ? html` class="${classes}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${page.description ?? page.title}">
<link rel="canonical" href="${ctx.canonicalUrl}">
${alternate ? html`<link rel="alternate" hreflang="${alternate.lang}" href="${alternate.href}">` : ''}
${dublinCore(ctx, page)}
<meta name="theme-color" content="${site.themeColor}">
<link rel="icon" href="${assetUrl('emblem.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${assetUrl('site.css')}">
<style>:root{--brand:${raw(/^#[0-9a-f]{6}$/.test(site.themeColor) ? site.themeColor : '#a3161a')}}</style>
${page.head ?? ''}
</head>
<body>
<a class="skip-link" href="#noi-dung">${t(L, 'shell.skip')}</a>
${site.demo ? html`<p class="notice notice-demo">${t(L, 'shell.demoNotice')}</p>` : ''}
${site.maintenance ? html`<p class="notice notice-maintenance" role="status">${t(L, 'shell.maintenance')}</p>` : ''}
${ctx.notices ?? ''}
<div class="topbar"><div class="wrap topbar-inner">
<p class="today"><span class="visually-hidden">${t(L, 'shell.today')}: </span>${formatDateLong(ctx.now, L)}</p>
${displayControls(ctx)}
${alternate ? html`<p class="lang-switch"><a href="${alternate.href}" hreflang="${alternate.lang}" lang="${alternate.lang}" title="${t(L, 'lang.switchLabel')}">${t(L, 'lang.switchTo')}</a></p>` : ''}
</div></div>
<header class="banner"><div class="wrap">
<a class="brand" href="${ctx.hrefs.home}">
${site.logoUrl ? html`<img class="emblem" src="${site.logoUrl}" alt="" width="72" height="72">` : emblemSvg()}
<span class="brand-text">${site.ownerName ? html`<span class="owner-name">${site.ownerName}</span>` : ''}<span class="site-name">${site.name}</span></span>
</a>
<form class="site-search" method="get" action="${ctx.hrefs.search}" role="search" aria-label="${t(L, 'shell.search')}">
<label class="visually-hidden" for="o-tim-kiem">${t(L, 'shell.searchLabel')}</label>
<input id="o-tim-kiem" type="search" name="q" maxlength="256" autocomplete="off" placeholder="${t(L, 'shell.search')}…">
<button type="submit">${t(L, 'shell.searchButton')}</button>
</form>
</div></header>
<nav class="mainnav" aria-label="${t(L, 'shell.mainMenu')}"><div class="wrap">${menuList(ctx.menu, 0)}</div></nav>
${
  crumbs.length > 0
    ? html`<nav class="breadcrumb wrap" aria-label="${t(L, 'shell.breadcrumb')}"><ol>${join(
        crumbs.map((c, i) =>
          i === crumbs.length - 1 || !c.href ? html`<li><span aria-current="page">${c.label}</span></li>` : html`<li><a href="${c.href}">${c.label}</a></li>`,
        ),
      )}</ol></nav>`
    : ''
}
<main id="noi-dung" class="wrap main" tabindex="-1">
${page.main}
</main>
${footer(ctx)}
</body>
</html>
`;
  return doc.value;
}
