/** The operator's screens of their site's units: the tree with its actions, and the unit form. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { csrfInput, errorSummary, inputControl, selectControl, type InputType } from '../../../platform/views/form-controls.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { UNIT_KINDS } from '../directory.schema.ts';
import { phoneForPeople, unitName, type TreeUnit } from '../directory.present.ts';
import { t } from '../messages.ts';

export interface UnitsScreen {
  siteName: string;
  units: readonly TreeUnit[];
  newHref: string;
  editHref: (id: number) => string;
  retireAction: (id: number) => string;
  publicHref: string;
  csrf: string;
}

export function unitsView(L: Lang, s: UnitsScreen): SafeHtml {
  return html`<h1>${t(L, 'admin.title')} — ${s.siteName}</h1>
<p>${t(L, 'admin.intro', { site: s.siteName })} <a href="${s.publicHref}">${t(L, 'admin.publicLink')}</a></p>
<p class="action-row"><a class="button" href="${s.newHref}">${t(L, 'admin.add')}</a></p>
${
  s.units.length === 0
    ? html`<p>${t(L, 'admin.empty')}</p>`
    : html`<div class="table-wrap"><table class="data units-tree">
<caption>${t(L, 'admin.title')}</caption>
<thead><tr><th scope="col">${t(L, 'admin.colName')}</th><th scope="col">${t(L, 'admin.colFocal')}</th><th scope="col">${t(L, 'admin.colContact')}</th><th scope="col">${t(L, 'admin.colActions')}</th></tr></thead>
<tbody>${s.units.map(({ unit: u, depth }) => {
        const name = unitName(u, L);
        return html`<tr id="dv-${u.id}">
<th scope="row">${'— '.repeat(depth)}${name}${u.retired ? html` <span class="muted">${t(L, 'admin.retiredTag')}</span>` : ''}<br><span class="muted">${t(L, `kind.${u.kind}`)}</span></th>
<td>${u.focal_name}${u.focal_title ? html`<br><span class="muted">${u.focal_title}</span>` : ''}</td>
<td>${u.email ? html`<a href="mailto:${u.email}">${u.email}</a>` : ''}${u.email && u.phone ? html`<br>` : ''}${phoneForPeople(u.phone)}</td>
<td><a href="${s.editHref(u.id)}" aria-label="${t(L, 'admin.edit')}: ${name}">${t(L, 'admin.edit')}</a>
<form method="post" action="${s.retireAction(u.id)}" class="inline-form">${csrfInput(s.csrf)}<input type="hidden" name="retired" value="${u.retired ? '0' : '1'}"><button type="submit" class="secondary" aria-label="${u.retired ? t(L, 'admin.restore') : t(L, 'admin.retire')}: ${name}">${u.retired ? t(L, 'admin.restore') : t(L, 'admin.retire')}</button></form></td>
</tr>`;
      })}</tbody></table></div>`
}`;
}

export interface UnitFormScreen {
  title: string;
  action: string;
  csrf: string;
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  /** Units it may be placed under (itself and those below it left out). */
  parents: readonly { value: string; label: string }[];
  backHref: string;
}

export function unitFormView(L: Lang, s: UnitFormScreen): SafeHtml {
  const v = (name: string) => {
    const x = s.values[name];
    return typeof x === 'string' ? x : '';
  };
  const input = (name: string, label: string, extra: { required?: boolean; hint?: string; type?: InputType; maxlength?: number } = {}) =>
    inputControl({
      name,
      label,
      value: v(name),
      error: s.errors[name],
      ...(extra.required ? { required: true } : {}),
      ...(extra.hint ? { hint: extra.hint } : {}),
      ...(extra.type ? { type: extra.type } : {}),
      ...(extra.maxlength ? { maxlength: extra.maxlength } : {}),
    });
  return html`<h1>${s.title}</h1>
<p><a href="${s.backHref}">${t(L, 'admin.back')}</a></p>
${errorSummary(L, s.errors)}
<form method="post" action="${s.action}" class="form content-form" novalidate>
${csrfInput(s.csrf)}
${input('nameVi', t(L, 'field.nameVi'), { required: true, maxlength: 200 })}
${input('nameEn', t(L, 'field.nameEn'), { maxlength: 200 })}
${selectControl({ name: 'kind', label: t(L, 'field.kind'), value: v('kind') || 'department', error: s.errors.kind, options: UNIT_KINDS.map((k) => ({ value: k, label: t(L, `kind.${k}`) })) })}
${selectControl({ name: 'parentId', label: t(L, 'field.parent'), value: v('parentId'), error: s.errors.parentId, options: [{ value: '', label: t(L, 'field.parentTop') }, ...s.parents] })}
${input('focalName', t(L, 'field.focalName'), { maxlength: 200 })}
${input('focalTitle', t(L, 'field.focalTitle'), { maxlength: 200 })}
${input('email', t(L, 'field.email'), { hint: t(L, 'field.emailHint'), type: 'email', maxlength: 200 })}
${input('phone', t(L, 'field.phone'), { hint: t(L, 'field.phoneHint'), type: 'tel', maxlength: 50 })}
${input('address', t(L, 'field.address'), { maxlength: 500 })}
${input('position', t(L, 'field.position'), { hint: t(L, 'field.positionHint'), type: 'number' })}
<p class="form-actions"><button type="submit">${t(L, 'admin.save')}</button></p>
</form>`;
}
