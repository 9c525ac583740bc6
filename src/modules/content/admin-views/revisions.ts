/** The revisions of an item: the list, a comparison of any two, and restoring one as a new draft. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import type { ContentRevisionRow } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import type { RevisionDiff } from '../revision-diff.ts';
import { revisionDiffView } from './diff.ts';
import { selectControl } from './fields.ts';
import { t } from '../messages.ts';

export interface RevisionsSpec {
  lang: Lang;
  title: string;
  itemHref: string;
  here: string;
  revisions: readonly ContentRevisionRow[];
  workingId: number | null;
  liveId: number | null;
  names: ReadonlyMap<number, string>;
  mayRestore: boolean;
  csrf: string;
  compare: { from: ContentRevisionRow; to: ContentRevisionRow; diff: RevisionDiff } | undefined;
}

export function revisionsPage(s: RevisionsSpec): SafeHtml {
  const L = s.lang;
  const label = (r: ContentRevisionRow) => `${t(L, 'common.revision')} ${r.number} — ${formatDateTime(r.created_at)}`;
  const options = s.revisions.map((r) => ({ value: String(r.id), label: label(r) }));
  return html`<p class="breadcrumb-admin"><a href="${s.itemHref}">${s.title}</a> › ${t(L, 'common.revisions')}</p>
<h1>${t(L, 'common.revisions')}: ${s.title}</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(L, 'revisions.revisions')}"><table class="data"><caption class="visually-hidden">${t(L, 'revisions.revisionsNewestFirst')}</caption>
<thead><tr><th scope="col">${t(L, 'revisions.no')}</th><th scope="col">${t(L, 'revisions.saved')}</th><th scope="col">${t(L, 'revisions.saved2')}</th><th scope="col">${t(L, 'common.title')}</th><th scope="col">${t(L, 'common.changeNote')}</th><th scope="col">${t(L, 'common.action')}</th></tr></thead>
<tbody>${s.revisions.map(
    (r) =>
      html`<tr><th scope="row">${r.number}${r.id === s.workingId ? html` <span class="badge">${t(L, 'revisions.working')}</span>` : ''}${r.id === s.liveId ? html` <span class="badge badge-ok">${t(L, 'revisions.published')}</span>` : ''}</th><td>${formatDateTime(r.created_at)}</td><td>${(r.created_by && s.names.get(r.created_by)) || '—'}</td><td>${r.title}</td><td>${r.change_note}</td><td>${
        s.mayRestore && r.id !== s.workingId
          ? html`<form method="post" action="${s.here}" class="inline">${csrfInput(s.csrf)}<input type="hidden" name="phien_ban" value="${r.id}"><button type="submit" class="secondary">${t(L, 'revisions.restore')}<span class="visually-hidden"> ${t(L, 'revisions.revision')} ${r.number}</span></button></form>`
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
    ? html`<p>${t(L, 'revisions.from')} <strong>${label(s.compare.from)}</strong> ${t(L, 'revisions.text')} <strong>${label(s.compare.to)}</strong>.</p>
${revisionDiffView(s.compare.diff, L, { removed: t(L, 'revisions.onlyRevision', { number: s.compare.from.number }), added: t(L, 'revisions.onlyRevision', { number: s.compare.to.number }) })}`
    : ''
}
</section>`
    : ''
}`;
}
