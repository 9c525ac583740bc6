/**
 * The page shell of the administration area ("Quản trị"): server-rendered like the public
 * sites, usable without JavaScript and on a tablet. A header with the site switcher and
 * the signed-in person, a navigation list, the page, and notices.
 */
import { t, type Lang } from '../i18n/index.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { emblemSvg } from './emblem.ts';
import { assetUrl } from './assets.ts';

export interface AdminNavItem {
  label: string;
  href: string;
  current: boolean;
}

export interface AdminShellContext {
  lang: Lang;
  /** Signed-in person; undefined on the sign-in pages. */
  person?: { name: string; email: string };
  sites: { code: string; name: string; current: boolean }[];
  /** Where the site switcher form goes (GET, works without JavaScript). */
  switchSiteHref: string;
  nav: AdminNavItem[];
  signOut?: { href: string; csrf: string };
  profileHref?: string;
  /** Same page in the other language. */
  alternate: { lang: Lang; href: string };
}

export interface AdminPageSpec {
  title: string;
  main: SafeHtml;
  notice?: { kind: 'ok' | 'error' | 'info'; text: string };
}

export function renderAdminShell(ctx: AdminShellContext, page: AdminPageSpec): string {
  const L = ctx.lang;
  const current = ctx.sites.find((s) => s.current);
  return html`<!doctype html>
<html lang="${L}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${page.title} | ${t(L, 'admin.title')}</title>
<link rel="icon" href="${assetUrl('emblem.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${assetUrl('site.css')}">
<link rel="stylesheet" href="${assetUrl('admin.css')}">
</head>
<body class="admin">
<a class="skip-link" href="#noi-dung">${t(L, 'shell.skip')}</a>
<header class="admin-bar">
<div class="admin-bar-inner">
<span class="admin-brand">${emblemSvg()}<span>${t(L, 'admin.title')}${current ? html` — <span class="admin-site">${current.name}</span>` : ''}</span></span>
${
  ctx.sites.length > 1
    ? html`<form class="site-switch" method="get" action="${ctx.switchSiteHref}">
<label for="chon-trang">${t(L, 'admin.workingOn')}</label>
<select id="chon-trang" name="site">${ctx.sites.map((s) => html`<option value="${s.code}"${s.current ? raw(' selected') : ''}>${s.name}</option>`)}</select>
<button type="submit">${t(L, 'admin.switch')}</button>
</form>`
    : ''
}
<div class="admin-user">
<a class="lang" href="${ctx.alternate.href}" hreflang="${ctx.alternate.lang}" lang="${ctx.alternate.lang}">${ctx.alternate.lang === 'en' ? 'English' : 'Tiếng Việt'}</a>
${ctx.person && ctx.profileHref ? html`<a href="${ctx.profileHref}">${ctx.person.name}</a>` : ''}
${
  ctx.signOut
    ? html`<form method="post" action="${ctx.signOut.href}" class="inline"><input type="hidden" name="_csrf" value="${ctx.signOut.csrf}"><button type="submit">${t(L, 'admin.signOut')}</button></form>`
    : ''
}
</div>
</div>
</header>
<div class="admin-layout">
${
  ctx.nav.length
    ? html`<nav class="admin-nav" aria-label="${t(L, 'admin.nav')}"><ul>${ctx.nav.map(
        (n) => html`<li><a href="${n.href}"${n.current ? raw(' aria-current="page"') : ''}>${n.label}</a></li>`,
      )}</ul></nav>`
    : ''
}
<main id="noi-dung" class="admin-main" tabindex="-1">
${page.notice ? html`<p class="admin-notice admin-notice-${page.notice.kind}" role="${page.notice.kind === 'error' ? 'alert' : 'status'}">${page.notice.text}</p>` : ''}
${page.main}
</main>
</div>
</body>
</html>
`.value;
}
