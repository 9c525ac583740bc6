/** The maintenance screens: the public schedule, the maintenance page (503), the admin page. */
import { formatDateTime, type Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { checkboxControl, csrfInput, errorSummary, inputControl, radioControl, textareaControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { WindowRow } from '../maintenance.repo.ts';
import { descriptionOf, stateOf } from '../maintenance.present.ts';
import { t } from '../messages.ts';

const when = (w: WindowRow) => `${formatDateTime(w.starts_at)} – ${formatDateTime(w.expected_end_at)}`;

export function publicListView(L: Lang, windows: readonly WindowRow[]): SafeHtml {
  return html`<h1>${t(L, 'public.title')}</h1>
<p>${t(L, 'public.intro')}</p>
${
  windows.length === 0
    ? html`<p>${t(L, 'public.none')}</p>`
    : html`<ul class="maintenance-list">${windows.map(
        (w) => html`<li><p><strong>${t(L, 'public.from', { start: formatDateTime(w.starts_at), end: formatDateTime(w.expected_end_at) })}</strong>${
          w.emergency ? html` <span class="badge badge-warn">${t(L, 'emergency')}</span>` : ''
        }${stateOf(w) === 'current' ? html` <span class="badge">${t(L, 'state.current')}</span>` : ''}</p>
<p>${descriptionOf(w, L)}</p>${w.emergency ? html`<p>${t(L, 'public.reason', { reason: w.emergency_reason })}</p>` : ''}</li>`,
      )}</ul>`
}`;
}

export function downView(L: Lang, site: string, w: WindowRow): SafeHtml {
  return html`<h1>${t(L, 'down.title')}</h1>
<p>${w.emergency ? html`<strong>${t(L, 'banner.emergency')}.</strong> ` : ''}${t(L, 'down.body', { site })}</p>
<p>${descriptionOf(w, L)}</p>
<p>${t(L, 'down.until', { end: formatDateTime(w.expected_end_at) })}</p>
<p>${t(L, 'down.sorry')}</p>`;
}

export interface AdminScreen {
  siteName: string;
  windows: readonly WindowRow[];
  siteNames: ReadonlyMap<number, string>;
  action: string;
  cancelAction: (id: number) => string;
  noticeAction: string;
  csrf: string;
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  noticeValues: { noticeDays?: string };
  noticeErrors: FieldErrors;
  noticeDays: number;
  earliest: string;
  scopes: readonly { value: string; label: string }[] | undefined;
  limits: { min: number; max: number; default: number };
}

export function adminView(L: Lang, s: AdminScreen): SafeHtml {
  const v = (k: string) => (typeof s.values[k] === 'string' ? (s.values[k] as string) : '');
  return html`<h1>${t(L, 'admin.title')} — ${s.siteName}</h1>
<p>${t(L, 'admin.intro', { site: s.siteName, days: s.noticeDays })}</p>
${
  s.windows.length === 0
    ? html`<p>${t(L, 'admin.none')}</p>`
    : html`<div class="table-wrap"><table class="admin-table"><thead><tr><th scope="col">${t(L, 'col.when')}</th><th scope="col">${t(L, 'col.sites')}</th><th scope="col">${t(L, 'col.description')}</th><th scope="col">${t(L, 'col.state')}</th><th scope="col">${t(L, 'col.actions')}</th></tr></thead><tbody>${s.windows.map(
        (w) => {
          const state = stateOf(w);
          return html`<tr><td>${when(w)}</td><td>${w.site_ids.length === 1 ? (s.siteNames.get(w.site_ids[0]!) ?? '') : t(L, 'sitesCount', { n: w.site_ids.length })}</td><td>${w.emergency ? html`<span class="badge badge-warn">${t(L, 'emergency')}</span> ` : ''}${descriptionOf(w, L)}</td><td>${t(L, `state.${state}`)}</td><td>${
            state === 'upcoming' || state === 'current'
              ? html`<form method="post" action="${s.cancelAction(w.id)}">${csrfInput(s.csrf)}<button type="submit" aria-label="${t(L, 'cancelLabel', { when: when(w) })}">${t(L, 'cancel')}</button></form>`
              : ''
          }</td></tr>`;
        },
      )}</tbody></table></div>`
}
<h2 id="lich-moi">${t(L, 'admin.new')}</h2>
${errorSummary(L, s.errors)}
<form method="post" action="${s.action}" class="form" novalidate>
${csrfInput(s.csrf)}
${inputControl({ name: 'startsAt', type: 'datetime-local', label: t(L, 'field.startsAt'), hint: t(L, 'field.startsAtHint', { earliest: s.earliest, days: s.noticeDays }), value: v('startsAt'), error: s.errors.startsAt, required: true })}
${inputControl({ name: 'expectedEndAt', type: 'datetime-local', label: t(L, 'field.expectedEndAt'), value: v('expectedEndAt'), error: s.errors.expectedEndAt, required: true })}
${textareaControl({ name: 'descriptionVi', label: t(L, 'field.descriptionVi'), value: v('descriptionVi'), error: s.errors.descriptionVi, required: true, maxlength: 1000, rows: 3 })}
${textareaControl({ name: 'descriptionEn', label: t(L, 'field.descriptionEn'), value: v('descriptionEn'), error: s.errors.descriptionEn, maxlength: 1000, rows: 3 })}
${s.scopes ? radioControl({ name: 'scope', label: t(L, 'field.scope'), value: v('scope') || 'site', options: s.scopes, error: s.errors.scope }) : ''}
${checkboxControl({ name: 'emergency', label: t(L, 'field.emergency'), checked: v('emergency') !== '', error: s.errors.emergency })}
${textareaControl({ name: 'emergencyReason', label: t(L, 'field.emergencyReason'), hint: t(L, 'field.emergencyReasonHint'), value: v('emergencyReason'), error: s.errors.emergencyReason, maxlength: 1000, rows: 2 })}
<p class="form-actions"><button type="submit">${t(L, 'submit')}</button></p>
</form>
<h2>${t(L, 'setting.title')}</h2>
${errorSummary(L, s.noticeErrors)}
<form method="post" action="${s.noticeAction}" class="form" novalidate>
${csrfInput(s.csrf)}
${inputControl({ name: 'noticeDays', type: 'number', inputmode: 'numeric', label: t(L, 'field.noticeDays'), hint: t(L, 'field.noticeDaysHint', { min: s.limits.min, max: s.limits.max, default: s.limits.default }), value: s.noticeValues.noticeDays ?? String(s.noticeDays), error: s.noticeErrors.noticeDays })}
<p class="form-actions"><button type="submit">${t(L, 'setting.save')}</button></p>
</form>`;
}
