/** The city-wide directory page: a search form that works without JavaScript, the units grouped by site. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { selectControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { phoneForPeople, unitName, type TreeUnit } from '../directory.present.ts';
import { t } from '../messages.ts';

export interface DirectoryPage {
  action: string;
  q: string;
  site: string;
  siteChoices: readonly { value: string; label: string }[];
  groups: readonly { name: string; href: string; code: string; units: readonly TreeUnit[] }[];
  count: number;
  csvHref: string;
  jsonHref: string;
}

function unitItem(L: Lang, { unit: u, depth, path }: TreeUnit): SafeHtml {
  return html`<li id="dv-${u.id}" class="unit depth-${Math.min(depth, 5)}">
<h3>${unitName(u, L)}</h3>${path.length ? html`<p class="muted">${path.join(' › ')}</p>` : ''}
<dl class="unit-contacts">
${u.focal_name ? html`<dt>${t(L, 'public.focal')}</dt><dd>${u.focal_name}${u.focal_title ? html`, ${u.focal_title}` : ''}</dd>` : ''}
${u.email ? html`<dt>${t(L, 'public.email')}</dt><dd><a href="mailto:${u.email}">${u.email}</a></dd>` : ''}
${u.phone ? html`<dt>${t(L, 'public.phone')}</dt><dd><a href="tel:${u.phone}">${phoneForPeople(u.phone)}</a></dd>` : ''}
${u.address ? html`<dt>${t(L, 'public.address')}</dt><dd>${u.address}</dd>` : ''}
</dl></li>`;
}

export function directoryMain(L: Lang, v: DirectoryPage): SafeHtml {
  return html`<h1>${t(L, 'public.title')}</h1>
<p>${t(L, 'public.intro')}</p>
<form class="search-form directory-search" method="get" action="${v.action}" role="search" aria-label="${t(L, 'public.title')}">
<div class="search-main">
<label for="tim-danh-ba">${t(L, 'public.q')}</label>
<input id="tim-danh-ba" type="search" name="q" value="${v.q}" maxlength="200" autocomplete="off">
</div>
${selectControl({ name: 'trang', id: 'danh-ba-trang', label: t(L, 'public.site'), value: v.site, options: [{ value: '', label: t(L, 'public.allSites') }, ...v.siteChoices] })}
<p><button type="submit">${t(L, 'public.search')}</button></p>
</form>
<p role="status">${v.count ? t(L, 'public.results', { count: v.count }) : t(L, 'public.none')}</p>
<p><a href="${v.csvHref}" download>${t(L, 'public.csv')}</a> · <a href="${v.jsonHref}">${t(L, 'public.json')}</a></p>
${v.groups.map(
  (g) => html`<section class="directory-site" aria-labelledby="trang-${g.code}">
<h2 id="trang-${g.code}"><a href="${g.href}">${g.name}</a></h2>
<ul class="directory-units">${g.units.map((x) => unitItem(L, x))}</ul>
</section>`,
)}`;
}
