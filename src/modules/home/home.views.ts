/** Templates of the home, site-map and contact pages. Pure: view models in, HTML out. */
import { t, type Lang } from '../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';

export interface SiteLink {
  name: string;
  href: string;
  kind: 'portal' | 'department' | 'ward' | 'other';
  email: string;
  phone: string;
}

export interface ContactView {
  name: string;
  ownerName: string;
  responsiblePerson: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
}

export interface TreeNode {
  label: string;
  href: string;
  children: TreeNode[];
}

export function contactList(lang: Lang, c: ContactView): SafeHtml {
  const row = (key: Parameters<typeof t>[1], value: SafeHtml | string) => (value ? html`<dt>${t(lang, key)}</dt><dd>${value}</dd>` : '');
  return html`<dl class="contact">
${row('footer.owner', c.ownerName)}
${row('footer.responsible', c.responsiblePerson)}
${row('footer.address', c.address)}
${row('footer.phone', c.phone ? html`<a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a>` : '')}
${row('footer.fax', c.fax)}
${row('footer.email', c.email ? html`<a href="mailto:${c.email}">${c.email}</a>` : '')}
</dl>`;
}

function siteGroups(lang: Lang, sites: readonly SiteLink[]): SafeHtml {
  const kinds = ['department', 'ward', 'other', 'portal'] as const;
  return html`${kinds.map((kind) => {
    const group = sites.filter((s) => s.kind === kind);
    if (group.length === 0) return '';
    return html`<h3>${t(lang, `siteKind.${kind}`)}</h3><ul class="site-list">${group.map((s) => html`<li><a href="${s.href}">${s.name}</a></li>`)}</ul>`;
  })}`;
}

export function homeMain(
  lang: Lang,
  v: {
    siteName: string;
    /** Featured items, latest news and announcements (from the content module). */
    contentBlocks?: SafeHtml;
    intro: { title: string; summary: string; href: string } | undefined;
    quickLinks: { label: string; href: string }[];
    children: SiteLink[];
    parent: SiteLink | undefined;
    contact: ContactView;
    contactHref: string;
  },
): SafeHtml {
  return html`<h1 class="home-title">${t(lang, 'home.welcome', { site: v.siteName })}</h1>
<div class="home-grid">
<div class="home-main">
${v.contentBlocks ?? ''}
${
  v.intro
    ? html`<section class="card" aria-labelledby="home-intro"><h2 id="home-intro">${v.intro.title}</h2><p>${v.intro.summary}</p><p><a href="${v.intro.href}">${t(lang, 'home.readMore')}<span class="visually-hidden">: ${v.intro.title}</span></a></p></section>`
    : ''
}
${
  v.children.length > 0
    ? html`<section class="card" aria-labelledby="home-children"><h2 id="home-children">${t(lang, 'home.componentSites')}</h2>${siteGroups(lang, v.children)}</section>`
    : ''
}
${
  v.parent
    ? html`<section class="card" aria-labelledby="home-parent"><h2 id="home-parent">${t(lang, 'home.parentPortal')}</h2><p><a href="${v.parent.href}">${v.parent.name}</a></p></section>`
    : ''
}
</div>
<aside class="home-aside">
<section class="card" aria-labelledby="home-quick"><h2 id="home-quick">${t(lang, 'home.quickLinks')}</h2>
<ul class="link-list">${v.quickLinks.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul></section>
<section class="card" aria-labelledby="home-contact"><h2 id="home-contact">${t(lang, 'home.contact')}</h2>${contactList(lang, v.contact)}<p><a href="${v.contactHref}">${t(lang, 'shell.contact')}</a></p></section>
</aside>
</div>`;
}

function tree(nodes: readonly TreeNode[]): SafeHtml {
  return html`<ul>${nodes.map((n) => html`<li><a href="${n.href}">${n.label}</a>${n.children.length ? tree(n.children) : ''}</li>`)}</ul>`;
}

export function siteMapMain(
  lang: Lang,
  v: { siteName: string; menu: TreeNode[]; pages: TreeNode[]; sections?: readonly { heading: string; links: TreeNode[] }[]; sites: SiteLink[] },
): SafeHtml {
  return html`<h1>${t(lang, 'sitemap.title')}</h1>
<p>${t(lang, 'sitemap.intro', { site: v.siteName })}</p>
<div class="sitemap">
${tree(v.menu)}
${v.pages.length > 0 ? html`<h2>${t(lang, 'sitemap.pages')}</h2>${tree(v.pages)}` : ''}
${(v.sections ?? []).map((s) => html`<h2>${s.heading}</h2>${tree(s.links)}`)}
${v.sites.length > 0 ? html`<h2>${t(lang, 'sitemap.otherSites')}</h2>${siteGroups(lang, v.sites)}` : ''}
</div>`;
}

export function contactMain(lang: Lang, v: { siteName: string; contact: ContactView; directory: SiteLink[] }): SafeHtml {
  return html`<h1>${t(lang, 'contact.title')}</h1>
<p>${t(lang, 'contact.intro', { site: v.siteName })}</p>
${contactList(lang, v.contact)}
${
  v.directory.length > 0
    ? html`<h2>${t(lang, 'home.componentSites')}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'home.componentSites')}"><table>
<thead><tr><th scope="col">${t(lang, 'home.unit')}</th><th scope="col">${t(lang, 'footer.email')}</th><th scope="col">${t(lang, 'footer.phone')}</th></tr></thead>
<tbody>${v.directory.map(
        (s) =>
          html`<tr><th scope="row"><a href="${s.href}">${s.name}</a></th><td>${s.email ? html`<a href="mailto:${s.email}">${s.email}</a>` : ''}</td><td>${s.phone}</td></tr>`,
      )}</tbody></table></div>`
    : ''
}`;
}
