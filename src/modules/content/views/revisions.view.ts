/** The revisions of an item: the list, a comparison of any two, and restoring one as a new draft. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import { csrfInput, selectControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { RevisionsPageView } from '../content.present.ts';
import { t } from '../messages.ts';
import { revisionDiffView } from './revision-diff.view.ts';

export function revisionsPage(L: Lang, s: RevisionsPageView, csrf: string): SafeHtml {
  const options = s.revisions.map((r) => ({ value: String(r.id), label: r.label }));
  return html`<p class="breadcrumb-admin"><a href="${s.itemHref}">${s.title}</a> › ${t(L, 'common.revisions')}</p>
<h1>${t(L, 'common.revisions')}: ${s.title}</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(L, 'revisions.revisions')}"><table class="data"><caption class="visually-hidden">${t(L, 'revisions.revisionsNewestFirst')}</caption>
<thead><tr><th scope="col">${t(L, 'revisions.no')}</th><th scope="col">${t(L, 'revisions.saved')}</th><th scope="col">${t(L, 'revisions.saved2')}</th><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.changeNote')}</th><th scope="col">${t(L, 'common.action')}</th></tr></thead>
<tbody>${s.revisions.map(
    (r) =>
      html`<tr><th scope="row">${r.number}${r.working ? html` <span class="badge">${t(L, 'revisions.working')}</span>` : ''}${r.live ? html` <span class="badge badge-ok">${t(L, 'revisions.published')}</span>` : ''}</th><td>${formatDateTime(r.createdAt)}</td><td>${r.savedBy || '—'}</td><td>${r.title}</td><td>${r.changeNote}</td><td>${
        r.restorable
          ? html`<form method="post" action="${s.here}" class="inline">${csrfInput(csrf)}<input type="hidden" name="phien_ban" value="${r.id}"><button type="submit" class="secondary">${t(L, 'revisions.restore')}<span class="visually-hidden"> ${t(L, 'revisions.revision')} ${r.number}</span></button></form>`
          : ''
      }</td></tr>`,
  )}</tbody></table></div>
${
  s.revisions.length > 1
    ? html`<section aria-labelledby="so-sanh">
<h2 id="so-sanh">${t(L, 'revisions.compareTwoRevisions')}</h2>
<form method="get" action="${s.here}" class="filters">
${selectControl({ name: 'tu', label: t(L, 'revisions.earlier'), value: s.compare ? String(s.compare.from.id) : '', groups: [{ options }] })}
${selectControl({ name: 'den', label: t(L, 'revisions.later'), value: s.compare ? String(s.compare.to.id) : '', groups: [{ options }] })}
<p><button type="submit">${t(L, 'revisions.compare')}</button></p>
</form>
${
  s.compare
    ? html`<p>${t(L, 'revisions.from')} <strong>${s.compare.from.label}</strong> ${t(L, 'revisions.text')} <strong>${s.compare.to.label}</strong>.</p>
${revisionDiffView(s.compare.diff, L, { removed: t(L, 'revisions.onlyRevision', { number: s.compare.from.number }), added: t(L, 'revisions.onlyRevision', { number: s.compare.to.number }) })}`
    : ''
}
</section>`
    : ''
}`;
}
