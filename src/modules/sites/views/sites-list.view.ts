/** The city's sites (/quan-tri/trang): the tree, each site's kind, status and addresses, and the ways to add sites. */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { SiteListRow } from '../sites.present.ts';
import { t } from '../messages.ts';

export interface SitesListScreen {
  rows: readonly SiteListRow[];
  newHref: string;
  importHref: string;
  baseDomain: string;
}

const BADGE: Record<SiteListRow['status'], string> = { active: 'badge-ok', maintenance: 'badge-warn', closed: 'badge-off' };

export function sitesListView(L: Lang, s: SitesListScreen): SafeHtml {
  return html`<h1>${t(L, 'list.title')}</h1>
<p>${t(L, 'list.intro', { base: s.baseDomain })}</p>
<p class="action-row"><a class="button" href="${s.newHref}">${t(L, 'list.add')}</a> <a class="button secondary" href="${s.importHref}">${t(L, 'list.import')}</a></p>
${
  s.rows.length === 0
    ? html`<p>${t(L, 'list.none')}</p>`
    : html`<div class="table-wrap"><table class="data sites-tree">
<caption>${t(L, 'list.caption')}</caption>
<thead><tr><th scope="col">${t(L, 'list.name')}</th><th scope="col">${t(L, 'list.status')}</th><th scope="col">${t(L, 'list.addresses')}</th></tr></thead>
<tbody>${s.rows.map(
        (r) => html`<tr>
<th scope="row">${'— '.repeat(r.depth)}<a href="${r.editHref}" aria-label="${t(L, 'list.editSite', { name: r.name })}">${r.name}</a><br><span class="muted">${t(L, 'list.code')}: <code>${r.code}</code> · ${r.kind}</span></th>
<td><span class="badge ${BADGE[r.status]}">${r.statusLabel}</span></td>
<td>${r.addresses.map((a, i) => html`${i ? html`<br>` : ''}<code>${a}</code>`)}</td>
</tr>`,
      )}</tbody></table></div>`
}`;
}
