/** The content list with its filters, the queues page, the type chooser and the notifications list. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import type { ContentStage, ContentVisibility } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput, field } from '../../../platform/views/forms.ts';
import { CONTENT_TYPES } from '../content-types.ts';
import type { AdminListRow } from '../admin.repo.ts';
import type { NotificationRow } from '../notifications.repo.ts';
import { selectControl } from './fields.ts';
import { stageLabel, STAGES, typeLabel, visibilityLabel, VISIBILITIES } from './labels.ts';
import { t } from '../messages.ts';

export interface ListFilterValues {
  type: string;
  status: string;
  text: string;
}

/** One select for stage and visibility: stage codes, or "hien-thi:<visibility>". */
export function parseStatus(value: string): { stage?: ContentStage; visibility?: ContentVisibility } {
  if ((STAGES as readonly string[]).includes(value)) return { stage: value as ContentStage };
  const m = /^hien-thi:(\w+)$/.exec(value);
  if (m && (VISIBILITIES as readonly string[]).includes(m[1]!)) return { visibility: m[1] as ContentVisibility };
  return {};
}

export function contentList(spec: {
  lang: Lang;
  base: string;
  newHref: string | undefined;
  filter: ListFilterValues;
  rows: readonly AdminListRow[];
  approvalSteps: 1 | 2;
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
${field({ name: 'tim', label: t(L, 'lists.titleContains'), type: 'search', value: f.text })}
<p><button type="submit">${t(L, 'lists.filter')}</button>${filtered ? html` <a href="${spec.base}">${t(L, 'lists.clear')}</a>` : ''}</p>
</form>
${
  spec.rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t(L, 'lists.items')}"><table class="data"><caption class="visually-hidden">${t(L, 'lists.itemsMostRecentlyChangedFirst')}</caption>
<thead><tr><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.type')}</th><th scope="col">${t(L, 'lists.stage')}</th><th scope="col">${t(L, 'common.visibility')}</th><th scope="col">${t(L, 'lists.updated')}</th></tr></thead>
<tbody>${spec.rows.map(
        (r) =>
          html`<tr><th scope="row"><a href="${spec.base}/${r.id}">${r.working_title ?? r.live_title ?? `#${r.id}`}</a>${r.lang === 'en' ? html` <span class="badge" lang="en">EN</span>` : ''}</th><td>${typeLabel(r.type, L)}</td><td>${r.stage ? stageLabel(r.stage, L, spec.approvalSteps) : '—'}</td><td>${visibilityLabel(r.visibility, L)}${r.emergency ? html` <span class="badge badge-warn">${t(L, 'lists.emergency')}</span>` : ''}</td><td>${formatDateTime(r.updated_at)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${filtered ? t(L, 'lists.noItemMatchesFilter') : t(L, 'lists.noItemsYet')}</p>`
}
${
  spec.page > 1 || spec.hasNext
    ? html`<nav aria-label="${t(L, 'lists.pages')}"><p>${spec.page > 1 ? html`<a href="${q(spec.page - 1)}" rel="prev">${t(L, 'lists.previous')}</a> ` : ''}${t(L, 'lists.page', { page: spec.page })}${spec.hasNext ? html` <a href="${q(spec.page + 1)}" rel="next">${t(L, 'lists.next')}</a>` : ''}</p></nav>`
    : ''
}`;
}

export function typeChooser(lang: Lang, newHref: string): SafeHtml {
  const L = lang;
  return html`<h1>${t(L, 'common.newItem')}</h1>
<p>${t(L, 'lists.chooseTypeContentEachType')}</p>
<ul class="type-list">${CONTENT_TYPES.map((ty) => html`<li><a href="${newHref}?loai=${ty.code}">${t(L, `type.${ty.code}`)}</a></li>`)}</ul>`;
}

export interface QueueRow {
  id: number;
  type: string;
  title: string;
  updated_at: Date;
  publish_at: Date | null;
}

export interface QueueSection {
  id: string;
  title: string;
  rows: readonly QueueRow[];
  empty: string;
  note?: string;
}

export function queueSections(lang: Lang, itemBase: string, sections: readonly QueueSection[]): SafeHtml {
  const L = lang;
  return html`${sections.map(
    (s) => html`<section aria-labelledby="${s.id}" class="queue">
<h2 id="${s.id}">${s.title} <span class="count">(${s.rows.length})</span></h2>
${s.note ? html`<p class="muted">${s.note}</p>` : ''}
${
  s.rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${s.id}"><table class="data">
<thead><tr><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.type')}</th><th scope="col">${s.id === 'da-len-lich' ? t(L, 'common.publish') : t(L, 'lists.updated')}</th></tr></thead>
<tbody>${s.rows.map(
        (r) =>
          html`<tr><th scope="row"><a href="${itemBase}/${r.id}">${r.title}</a></th><td>${typeLabel(r.type, L)}</td><td>${s.id === 'da-len-lich' && r.publish_at ? formatDateTime(r.publish_at) : formatDateTime(r.updated_at)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${s.empty}</p>`
}
</section>`,
  )}`;
}

export function notificationList(_lang: Lang, rows: readonly NotificationRow[], itemHref: (id: number) => string): SafeHtml {
  return html`<ul class="notifications">${rows.map(
    (n) =>
      html`<li>${n.item_id ? html`<a href="${itemHref(n.item_id)}">${n.message}</a>` : n.message} <span class="muted">${formatDateTime(n.created_at)}</span></li>`,
  )}</ul>`;
}

export function notificationsPage(lang: Lang, rows: readonly NotificationRow[], itemHref: (id: number) => string, action: string, csrf: string): SafeHtml {
  const L = lang;
  return html`<h1>${t(L, 'common.unreadNotifications')}</h1>
${
  rows.length
    ? html`${notificationList(L, rows, itemHref)}
<form method="post" action="${action}">${csrfInput(csrf)}<button type="submit" class="secondary">${t(L, 'lists.markAllRead')}</button></form>`
    : html`<p>${t(L, 'common.noNewNotifications')}</p>`
}`;
}
