/**
 * The platform administrator's screens of one site: the new-site form (/quan-tri/trang/moi) and a
 * site's page (/quan-tri/trang/<code>/sua) with its form, its status and what it still lacks.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { csrfInput, errorSummary, radioControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { SiteGap } from '../site-checklist.ts';
import { SITE_STATUSES } from '../sites.schema.ts';
import { accessFields, contactFields, identityFields, placeFields, themeFields, type SiteFieldChoices, type SiteFieldValues } from './site-form.view.ts';
import { checklistView } from './checklist.view.ts';
import { t } from '../messages.ts';

export interface SiteFormScreen {
  action: string;
  csrf: string;
  values: SiteFieldValues;
  errors: FieldErrors;
  choices: SiteFieldChoices;
  listHref: string;
}

function siteForm(L: Lang, s: SiteFormScreen, withCode: boolean, submit: string): SafeHtml {
  return html`<form method="post" action="${s.action}" class="form content-form" novalidate>
${csrfInput(s.csrf)}
${placeFields(L, s.values, s.errors, s.choices, withCode)}
${identityFields(L, s.values, s.errors)}
${contactFields(L, s.values, s.errors)}
${themeFields(L, s.values, s.errors, s.choices)}
${accessFields(L, s.values, s.errors, s.choices)}
<p class="form-actions"><button type="submit">${submit}</button> <a href="${s.listHref}">${t(L, 'list.title')}</a></p>
</form>`;
}

export function newSiteView(L: Lang, s: SiteFormScreen): SafeHtml {
  return html`<p class="breadcrumb-admin"><a href="${s.listHref}">${t(L, 'list.title')}</a></p>
<h1>${t(L, 'new.title')}</h1>
<p>${t(L, 'new.intro')}</p>
${errorSummary(L, s.errors)}
${siteForm(L, s, true, t(L, 'new.submit'))}`;
}

export interface SiteEditScreen extends SiteFormScreen {
  code: string;
  name: string;
  /** The site's home page as the public reaches it. */
  viewHref: string;
  status: { action: string; value: string; error: string | undefined };
  gaps: readonly SiteGap[];
}

export function editSiteView(L: Lang, s: SiteEditScreen): SafeHtml {
  const errors = s.status.error ? { ...s.errors, status: s.status.error } : s.errors;
  return html`<p class="breadcrumb-admin"><a href="${s.listHref}">${t(L, 'list.title')}</a></p>
<h1>${t(L, 'edit.title', { name: s.name })}</h1>
<p>${t(L, 'edit.codeFixed', { code: s.code })} <a href="${s.viewHref}">${t(L, 'edit.view')}</a></p>
${errorSummary(L, errors)}
${checklistView(L, s.gaps)}
${siteForm(L, s, false, t(L, 'edit.submit'))}
<h2 id="trang-thai">${t(L, 'status.title')}</h2>
<form method="post" action="${s.status.action}" class="form" novalidate>
${csrfInput(s.csrf)}
${radioControl({
  name: 'status',
  label: t(L, 'status.title'),
  value: s.status.value,
  error: s.status.error,
  options: SITE_STATUSES.map((st) => ({ value: st, label: t(L, `status.${st}`) })),
})}
<p class="hint">${t(L, 'status.hint')}</p>
<p><button type="submit" class="secondary">${t(L, 'status.submit')}</button></p>
</form>`;
}
