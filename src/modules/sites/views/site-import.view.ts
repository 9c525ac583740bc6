/** Creating many sites from a CSV file (/quan-tri/trang/nhap-csv): the columns, the upload, and the lines refused. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { csrfInput, errorSummary } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { CSV_COLUMNS, REQUIRED_COLUMNS, type LineRefusal } from '../site-csv.ts';
import { t } from '../messages.ts';

export interface ImportScreen {
  action: string;
  csrf: string;
  errors: FieldErrors;
  listHref: string;
  /** Lines refused by the last try (nothing was created). */
  refused: readonly LineRefusal[];
}

export function importView(L: Lang, s: ImportScreen): SafeHtml {
  const lineLabel = (line: number) => (line === 0 ? '—' : line === 1 ? t(L, 'csv.header') : String(line));
  return html`<p class="breadcrumb-admin"><a href="${s.listHref}">${t(L, 'list.title')}</a></p>
<h1>${t(L, 'import.title')}</h1>
<p>${t(L, 'import.intro')}</p>
${errorSummary(L, s.errors)}
${
  s.refused.length > 0
    ? html`<div class="admin-notice admin-notice-error" role="alert" tabindex="-1" id="dong-bi-tu-choi">
<h2>${t(L, 'import.refused', { n: s.refused.length })}</h2>
<div class="table-wrap"><table class="data refused-lines">
<caption>${t(L, 'import.refusedCaption')}</caption>
<thead><tr><th scope="col">${t(L, 'import.line')}</th><th scope="col">${t(L, 'import.code')}</th><th scope="col">${t(L, 'import.reason')}</th></tr></thead>
<tbody>${s.refused.map((r) => html`<tr><th scope="row">${lineLabel(r.line)}</th><td>${r.code ? html`<code>${r.code}</code>` : ''}</td><td>${r.reasons.join(' ')}</td></tr>`)}</tbody>
</table></div>
</div>`
    : ''
}
<p>${t(L, 'import.columns')}</p>
<ul class="csv-columns">${CSV_COLUMNS.map((c) => html`<li><code>${c}</code>: ${t(L, `import.column.${c}`)}${REQUIRED_COLUMNS.includes(c) ? html` (<strong>${t(L, 'import.required')}</strong>)` : ''}</li>`)}</ul>
<form method="post" action="${s.action}" class="form" enctype="multipart/form-data">
${csrfInput(s.csrf)}
<div class="field">
<label for="f-file">${t(L, 'import.file')}</label>
${s.errors.file ? html`<p class="error" id="f-file-error">${s.errors.file}</p>` : ''}
<input id="f-file" name="file" type="file" accept=".csv,text/csv" required${s.errors.file ? html` aria-describedby="f-file-error" aria-invalid="true"` : ''}>
</div>
<p><button type="submit">${t(L, 'import.submit')}</button></p>
</form>`;
}
