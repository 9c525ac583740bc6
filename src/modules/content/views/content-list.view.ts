/** The content list of a site with its filters (type, stage or visibility, words of the title) and pages. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { inputControl, selectControl } from '../../../platform/views/form-controls.ts';
import { CONTENT_TYPES } from '../content-types.ts';
import { STAGES, stageLabel, VISIBILITIES, visibilityLabel, type ItemRowView } from '../content.present.ts';
import { t } from '../messages.ts';

export interface ListFilterValues {
  type: string;
  status: string;
  text: string;
}

export function contentList(spec: {
  lang: Lang;
  base: string;
  newHref: string | undefined;
  filter: ListFilterValues;
  rows: readonly ItemRowView[];
  page: number;
  hasNext: boolean;
  siteName: string;
}): SafeHtml {
  const L = spec.lang;
  const f = spec.filter;
  const q = (page: number) => {
    const p = new URLSearchParams();
    if (f.type) p.set('loai', f.type);
    if (f.status) p.set('trang_thai', f.status);
    if (f.text) p.set('tim', f.text);
    if (page > 1) p.set('trang', String(page));
    const s = p.toString();
    return s ? `${spec.base}?${s}` : spec.base;
  };
  const filtered = Boolean(f.type || f.status || f.text);
  return html`<h1>${t(L, 'common.content')}</h1>
<p>${t(L, 'lists.itemsSite')} <strong>${spec.siteName}</strong>.</p>
${spec.newHref ? html`<p><a class="button" href="${spec.newHref}">${t(L, 'common.newItem')}</a></p>` : ''}
<form method="get" action="${spec.base}" class="filters" role="search" aria-label="${t(L, 'lists.filterItems')}">
${selectControl({ name: 'loai', label: t(L, 'common.type'), value: f.type, groups: [{ options: [{ value: '', label: t(L, 'lists.all') }, ...CONTENT_TYPES.map((ty) => ({ value: ty.code, label: t(L, `type.${ty.code}`) }))] }] })}
${selectControl({
  name: 'trang_thai',
  label: t(L, 'lists.status'),
  value: f.status,
  groups: [
    { options: [{ value: '', label: t(L, 'lists.all') }] },
    { label: t(L, 'lists.stage'), options: STAGES.map((s) => ({ value: s, label: stageLabel(s, L, 2) })) },
    { label: t(L, 'common.visibility'), options: VISIBILITIES.map((v) => ({ value: `hien-thi:${v}`, label: visibilityLabel(v, L) })) },
  ],
})}
${inputControl({ name: 'tim', label: t(L, 'lists.titleContains'), type: 'search', value: f.text })}
<p><button type="submit">${t(L, 'lists.filter')}</button>${filtered ? html` <a href="${spec.base}">${t(L, 'lists.clear')}</a>` : ''}</p>
</form>
${
  spec.rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t(L, 'lists.items')}"><table class="data"><caption class="visually-hidden">${t(L, 'lists.itemsMostRecentlyChangedFirst')}</caption>
<thead><tr><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.type')}</th><th scope="col">${t(L, 'lists.stage')}</th><th scope="col">${t(L, 'common.visibility')}</th><th scope="col">${t(L, 'lists.updated')}</th></tr></thead>
<tbody>${spec.rows.map(
        (r) =>
          html`<tr><th scope="row"><a href="${r.href}">${r.title}</a>${r.english ? html` <span class="badge" lang="en">EN</span>` : ''}</th><td>${r.typeLabel}</td><td>${r.stage}</td><td>${r.visibility}${r.emergency ? html` <span class="badge badge-warn">${t(L, 'lists.emergency')}</span>` : ''}</td><td>${formatDateTime(r.updatedAt)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${filtered ? t(L, 'lists.noItemMatchesFilter') : t(L, 'lists.noItemsYet')}</p>`
}
${
  spec.page > 1 || spec.hasNext
    ? html`<nav aria-label="${t(L, 'lists.pages')}"><p>${spec.page > 1 ? html`<a href="${q(spec.page - 1)}" rel="prev">${t(L, 'lists.previous')}</a> ` : ''}${t(L, 'lists.page', { page: spec.page })}${spec.hasNext ? html` <a href="${q(spec.page + 1)}" rel="next">${t(L, 'lists.next')}</a>` : ''}</p></nav>`
    : ''
}`;
}
