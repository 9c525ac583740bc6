/**
 * The fields of a site, grouped as people think of them: its place in the city's tree, its names,
 * its contacts (the footer), its appearance, its addresses and languages. The platform
 * administrator's forms use every group; the operator's identity form the middle three.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { checkboxControl, inputControl, radioControl, selectControl, textareaControl } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import type { Choice } from '../sites.present.ts';
import { SITE_KINDS } from '../sites.schema.ts';
import { t } from '../messages.ts';

/** What the fields show: every value as text (lists as arrays). */
export interface SiteFieldValues {
  code?: string;
  kind?: string;
  parentCode?: string;
  nameVi?: string;
  nameEn?: string;
  ownerNameVi?: string;
  ownerNameEn?: string;
  responsiblePerson?: string;
  address?: string;
  phone?: string;
  fax?: string;
  email?: string;
  hosts?: string;
  logoMediaId?: string;
  themeColor?: string;
  languages?: string[];
}

export interface SiteFieldChoices {
  parents: readonly Choice[];
  logos: readonly Choice[];
  themes: readonly Choice[];
  languages: readonly Choice[];
  /** The hint under the host names (names the implied `<code>.<base domain>`). */
  hostsHint: string;
}

export function placeFields(L: Lang, v: SiteFieldValues, e: FieldErrors, c: SiteFieldChoices, withCode: boolean): SafeHtml {
  return html`<fieldset>
<legend>${t(L, 'group.place')}</legend>
${withCode ? inputControl({ name: 'code', label: t(L, 'field.code'), hint: t(L, 'field.codeHint'), value: v.code, error: e.code, required: true, maxlength: 50, autocomplete: 'off' }) : ''}
${radioControl({ name: 'kind', label: t(L, 'field.kind'), value: v.kind, error: e.kind, options: SITE_KINDS.map((k) => ({ value: k, label: t(L, `kind.${k}`) })) })}
${selectControl({ name: 'parentCode', label: t(L, 'field.parent'), value: v.parentCode, error: e.parentCode, options: c.parents })}
</fieldset>`;
}

export function identityFields(L: Lang, v: SiteFieldValues, e: FieldErrors): SafeHtml {
  return html`<fieldset>
<legend>${t(L, 'group.identity')}</legend>
${inputControl({ name: 'nameVi', label: t(L, 'field.nameVi'), value: v.nameVi, error: e.nameVi, required: true, maxlength: 300 })}
${inputControl({ name: 'nameEn', label: t(L, 'field.nameEn'), value: v.nameEn, error: e.nameEn, required: true, maxlength: 300 })}
${inputControl({ name: 'ownerNameVi', label: t(L, 'field.ownerNameVi'), value: v.ownerNameVi, error: e.ownerNameVi, maxlength: 300 })}
${inputControl({ name: 'ownerNameEn', label: t(L, 'field.ownerNameEn'), value: v.ownerNameEn, error: e.ownerNameEn, maxlength: 300 })}
</fieldset>`;
}

export function contactFields(L: Lang, v: SiteFieldValues, e: FieldErrors): SafeHtml {
  return html`<fieldset>
<legend>${t(L, 'group.contacts')}</legend>
${inputControl({ name: 'responsiblePerson', label: t(L, 'field.responsiblePerson'), hint: t(L, 'field.responsiblePersonHint'), value: v.responsiblePerson, error: e.responsiblePerson, maxlength: 300 })}
${inputControl({ name: 'address', label: t(L, 'field.address'), value: v.address, error: e.address, maxlength: 500, autocomplete: 'street-address' })}
${inputControl({ name: 'phone', label: t(L, 'field.phone'), type: 'tel', value: v.phone, error: e.phone, maxlength: 40, autocomplete: 'tel' })}
${inputControl({ name: 'fax', label: t(L, 'field.fax'), type: 'tel', value: v.fax, error: e.fax, maxlength: 40 })}
${inputControl({ name: 'email', label: t(L, 'field.email'), type: 'email', value: v.email, error: e.email, maxlength: 254, autocomplete: 'email' })}
</fieldset>`;
}

export function themeFields(L: Lang, v: SiteFieldValues, e: FieldErrors, c: Pick<SiteFieldChoices, 'logos' | 'themes'>): SafeHtml {
  return html`<fieldset>
<legend>${t(L, 'group.theme')}</legend>
${selectControl({ name: 'logoMediaId', label: t(L, 'field.logo'), hint: t(L, 'field.logoHint'), value: v.logoMediaId, error: e.logoMediaId, options: c.logos })}
${radioControl({ name: 'themeColor', label: `${t(L, 'field.theme')} — ${t(L, 'field.themeHint')}`, value: v.themeColor, error: e.themeColor, options: c.themes })}
</fieldset>`;
}

export function accessFields(L: Lang, v: SiteFieldValues, e: FieldErrors, c: Pick<SiteFieldChoices, 'languages' | 'hostsHint'>): SafeHtml {
  return html`<fieldset>
<legend>${t(L, 'group.access')}</legend>
${textareaControl({ name: 'hosts', label: t(L, 'field.hosts'), hint: c.hostsHint, value: v.hosts, error: e.hosts, rows: 3 })}
<fieldset class="field"${e.languages ? html` aria-describedby="f-languages-error"` : ''}>
<legend>${t(L, 'field.languages')}</legend>
${e.languages ? html`<p class="error" id="f-languages-error">${e.languages}</p>` : ''}
${c.languages.map((o, i) => checkboxControl({ name: 'languages', id: i === 0 ? 'f-languages' : `f-languages-${i}`, label: o.label, value: o.value, checked: (v.languages ?? []).includes(o.value) }))}
</fieldset>
</fieldset>`;
}
