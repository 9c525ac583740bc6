/** The audit-log viewer: the filter form (GET), the entries newest first, the CSV link and the next page. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { AdminPageSpec } from '../../../platform/views/admin-shell.ts';
import { inputControl, selectControl } from '../../../platform/views/form-controls.ts';
import { html } from '../../../platform/views/html.ts';
import type { AuditLine } from '../admin.present.ts';
import type { AuditQueryValues } from '../admin.schema.ts';
import { paths } from '../paths.ts';
import { t } from '../messages.ts';

export interface AuditLogModel {
  filter: AuditQueryValues;
  /** The scope choice is offered to platform administrators only. */
  canChooseScope: boolean;
  rows: readonly AuditLine[];
  csvHref: string;
  /** The next (older) page, when this one is full. */
  olderHref: string | undefined;
}

export function auditLogView(lang: Lang, m: AuditLogModel): AdminPageSpec {
  const q = m.filter;
  return {
    title: t(lang, 'audit.auditLog'),
    main: html`<h1>${t(lang, 'audit.auditLog')}</h1>
<form method="get" action="${paths.href(lang, 'audit')}" class="filters">
${inputControl({ name: 'tu', label: t(lang, 'audit.from'), type: 'date', value: q.tu })}
${inputControl({ name: 'den', label: t(lang, 'audit.text'), type: 'date', value: q.den })}
${inputControl({ name: 'hanh_dong', label: t(lang, 'audit.actionStarts'), value: q.hanh_dong })}
${inputControl({ name: 'tim', label: t(lang, 'audit.personTarget'), type: 'search', value: q.tim })}
${
  m.canChooseScope
    ? selectControl({
        name: 'pham_vi',
        label: t(lang, 'audit.scope'),
        options: [
          { value: '', label: t(lang, 'audit.currentSite') },
          { value: 'tat-ca', label: t(lang, 'audit.wholePlatform') },
        ],
        value: q.pham_vi ?? '',
      })
    : ''
}
<p><button type="submit">${t(lang, 'audit.filter')}</button> <a class="button secondary" href="${m.csvHref}">${t(lang, 'audit.downloadCsv')}</a></p>
</form>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'audit.auditEntries')}"><table class="data"><caption class="visually-hidden">${t(lang, 'audit.entriesNewestFirst')}</caption>
<thead><tr><th scope="col">${t(lang, 'audit.time')}</th><th scope="col">${t(lang, 'audit.actor')}</th><th scope="col">IP</th><th scope="col">${t(lang, 'audit.action')}</th><th scope="col">${t(lang, 'audit.target')}</th><th scope="col">${t(lang, 'audit.summary')}</th></tr></thead>
<tbody>${m.rows.map(
      (r) =>
        html`<tr><td>${r.at}</td><td>${r.actor}</td><td>${r.ip}</td><td><code>${r.action}</code></td><td>${r.target}</td><td><code>${r.summary}</code></td></tr>`,
    )}</tbody></table></div>
${m.rows.length === 0 ? html`<p>${t(lang, 'audit.noEntryMatchesFilter')}</p>` : ''}
${m.olderHref ? html`<p><a href="${m.olderHref}">${t(lang, 'audit.olderEntries')}</a></p>` : ''}`,
  };
}
