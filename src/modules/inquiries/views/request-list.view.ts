/**
 * The consoles' list of requests: tabs by stage with their counts, the overdue and due-soon
 * queues, filters by channel, field and words of the title, a page of requests (no personal
 * data: the people who sent them are on the request's own page, where each view is recorded).
 */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { inputControl, selectControl, type Option } from '../../../platform/views/form-controls.ts';
import { dueCell } from './console-parts.ts';
import { t } from '../messages.ts';

export interface RequestListView {
  lang: Lang;
  /** The list's address. */
  base: string;
  board: boolean;
  siteName: string;
  /** The hotline console, for those who may log requests. */
  logHref: string | undefined;
  tabs: readonly { label: string; n: number; href: string; current: boolean }[];
  filter: { tab: string; channel: string; field: string; text: string; channels: readonly Option[]; fields: readonly Option[]; clearHref: string | undefined };
  heading: string;
  total: number;
  rows: readonly {
    /** Absent for an overseer (read only): the request's page is the board's. */
    href?: string;
    code: string;
    title: string;
    published: boolean;
    kind: string;
    field: string;
    channel: string;
    status: string;
    agency: string;
    receivedAt: Date;
    nextDue: Date | null;
  }[];
  now: Date;
  pager: { page: number; pages: number; prevHref: string | undefined; nextHref: string | undefined } | undefined;
}

export function requestListMain(v: RequestListView): SafeHtml {
  const L = v.lang;
  const f = v.filter;
  return html`<h1>${t(L, 'common.questionsPetitions')}</h1>
<p>${v.board ? t(L, 'list.everyRequestSite') : t(L, 'list.requestsForwardedYourAgency')} <strong>${v.siteName}</strong>.
${v.logHref ? html` <a href="${v.logHref}">${v.board ? t(L, 'list.logRequestReceivedHotlineLetter') : t(L, 'list.logHotlineCall')}</a>` : ''}</p>
<nav aria-label="${t(L, 'list.stagesQueues')}"><ul class="item-links">${v.tabs.map(
    (tab) =>
      html`<li><a href="${tab.href}"${tab.current ? html` aria-current="page"` : ''}>${tab.current ? html`<strong>${tab.label}</strong>` : tab.label} (${tab.n})</a></li>`,
  )}</ul></nav>
<form method="get" action="${v.base}" class="filters" role="search" aria-label="${t(L, 'list.filterRequests')}">
${f.tab ? html`<input type="hidden" name="giai_doan" value="${f.tab}">` : ''}
${selectControl({ name: 'kenh', label: t(L, 'common.channel2'), value: f.channel, options: [{ value: '', label: t(L, 'common.all') }, ...f.channels] })}
${selectControl({ name: 'linh_vuc', label: t(L, 'common.field'), value: f.field, options: [{ value: '', label: t(L, 'common.all') }, ...f.fields] })}
${inputControl({ name: 'tim', label: t(L, 'list.titleContains'), type: 'search', value: f.text, maxlength: 200 })}
<p><button type="submit">${t(L, 'list.filter')}</button>${f.clearHref ? html` <a href="${f.clearHref}">${t(L, 'list.clear')}</a>` : ''}</p>
</form>
<h2>${v.heading}: ${v.total} ${t(L, 'list.requests')}</h2>
${
  v.rows.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t(L, 'list.requests2')}"><table class="data"><caption class="visually-hidden">${t(L, 'list.requestsNearestDeadlineFirst')}</caption>
<thead><tr><th scope="col">${t(L, 'list.code')}</th><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.kind')}</th><th scope="col">${t(L, 'common.field')}</th><th scope="col">${t(L, 'common.channel')}</th><th scope="col">${t(L, 'common.stage')}</th><th scope="col">${t(L, 'common.agency')}</th><th scope="col">${t(L, 'common.received')}</th><th scope="col">${t(L, 'list.nextDue')}</th></tr></thead>
<tbody>${v.rows.map(
        (r) =>
          html`<tr><td>${r.href ? html`<a href="${r.href}"><code>${r.code}</code></a>` : html`<code>${r.code}</code>`}</td><th scope="row">${r.href ? html`<a href="${r.href}">${r.title}</a>` : r.title}${r.published ? html` <span class="badge badge-ok">${t(L, 'list.published')}</span>` : ''}</th><td>${r.kind}</td><td>${r.field}</td><td>${r.channel}</td><td>${r.status}</td><td>${r.agency}</td><td>${formatDateTime(r.receivedAt)}</td><td>${dueCell(L, r.nextDue, v.now)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${f.clearHref ? t(L, 'list.noRequestMatchesFilter') : t(L, 'list.noRequests')}</p>`
}
${
  v.pager
    ? html`<nav aria-label="${t(L, 'list.pages')}"><p>${v.pager.prevHref ? html`<a href="${v.pager.prevHref}" rel="prev">${t(L, 'list.previous')}</a> ` : ''}${t(L, 'list.page', { page: v.pager.page, pages: v.pager.pages })}${v.pager.nextHref ? html` <a href="${v.pager.nextHref}" rel="next">${t(L, 'list.next')}</a>` : ''}</p></nav>`
    : ''
}`;
}
