/** The revisions of an item: the list, a comparison of any two, and restoring one as a new draft. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import type { ContentRevisionRow } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { tr } from '../../../platform/views/admin-shell.ts';
import { csrfInput } from '../../../platform/views/forms.ts';
import type { RevisionDiff } from '../revision-diff.ts';
import { revisionDiffView } from './diff.ts';
import { selectControl } from './fields.ts';

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
  const label = (r: ContentRevisionRow) => `${tr(L, 'Phiên bản', 'Revision')} ${r.number} — ${formatDateTime(r.created_at)}`;
  const options = s.revisions.map((r) => ({ value: String(r.id), label: label(r) }));
  return html`<p class="breadcrumb-admin"><a href="${s.itemHref}">${s.title}</a> › ${tr(L, 'Các phiên bản', 'Revisions')}</p>
<h1>${tr(L, 'Các phiên bản', 'Revisions')}: ${s.title}</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="${tr(L, 'Danh sách phiên bản', 'Revisions')}"><table class="data"><caption class="visually-hidden">${tr(L, 'Phiên bản, mới nhất trước', 'Revisions, newest first')}</caption>
<thead><tr><th scope="col">${tr(L, 'Số', 'No.')}</th><th scope="col">${tr(L, 'Lưu lúc', 'Saved')}</th><th scope="col">${tr(L, 'Người lưu', 'Saved by')}</th><th scope="col">${tr(L, 'Tiêu đề', 'Title')}</th><th scope="col">${tr(L, 'Ghi chú thay đổi', 'Change note')}</th><th scope="col">${tr(L, 'Thao tác', 'Action')}</th></tr></thead>
<tbody>${s.revisions.map(
    (r) =>
      html`<tr><th scope="row">${r.number}${r.id === s.workingId ? html` <span class="badge">${tr(L, 'đang làm việc', 'working')}</span>` : ''}${r.id === s.liveId ? html` <span class="badge badge-ok">${tr(L, 'đang đăng', 'published')}</span>` : ''}</th><td>${formatDateTime(r.created_at)}</td><td>${(r.created_by && s.names.get(r.created_by)) || '—'}</td><td>${r.title}</td><td>${r.change_note}</td><td>${
        s.mayRestore && r.id !== s.workingId
          ? html`<form method="post" action="${s.here}" class="inline">${csrfInput(s.csrf)}<input type="hidden" name="phien_ban" value="${r.id}"><button type="submit" class="secondary">${tr(L, 'Khôi phục', 'Restore')}<span class="visually-hidden"> ${tr(L, 'phiên bản', 'revision')} ${r.number}</span></button></form>`
          : ''
      }</td></tr>`,
  )}</tbody></table></div>
${
  s.revisions.length > 1
    ? html`<section aria-labelledby="so-sanh">
<h2 id="so-sanh">${tr(L, 'So sánh hai phiên bản', 'Compare two revisions')}</h2>
<form method="get" action="${s.here}" class="filters">
${selectControl({ name: 'tu', label: tr(L, 'Bản trước', 'Earlier'), value: s.compare ? String(s.compare.from.id) : '', groups: [{ options }] })}
${selectControl({ name: 'den', label: tr(L, 'Bản sau', 'Later'), value: s.compare ? String(s.compare.to.id) : '', groups: [{ options }] })}
<p><button type="submit">${tr(L, 'So sánh', 'Compare')}</button></p>
</form>
${
  s.compare
    ? html`<p>${tr(L, 'Từ', 'From')} <strong>${label(s.compare.from)}</strong> ${tr(L, 'đến', 'to')} <strong>${label(s.compare.to)}</strong>.</p>
${revisionDiffView(s.compare.diff, L, { removed: tr(L, `chỉ có trong phiên bản ${s.compare.from.number}`, `only in revision ${s.compare.from.number}`), added: tr(L, `chỉ có trong phiên bản ${s.compare.to.number}`, `only in revision ${s.compare.to.number}`) })}`
    : ''
}
</section>`
    : ''
}`;
}
