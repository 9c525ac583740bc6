/** Managing accounts: the list of a site's accounts, the new-account form, one account's page. */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import type { AdminPageSpec } from '../../../platform/views/admin-shell.ts';
import { csrfInput, inputControl, selectControl } from '../../../platform/views/form-controls.ts';
import { html } from '../../../platform/views/html.ts';
import type { AccountLine, AccountModel, RoleOption } from '../accounts.present.ts';
import type { NewAccountForm } from '../accounts.schema.ts';
import { grantItem } from './profile.view.ts';
import { paths } from '../paths.ts';
import { t } from '../messages.ts';

type Notice = AdminPageSpec['notice'];

export function accountListView(lang: Lang, accounts: readonly AccountLine[], notice: Notice): AdminPageSpec {
  return {
    title: t(lang, 'accounts.accounts'),
    ...(notice ? { notice } : {}),
    main: html`<h1>${t(lang, 'accounts.accounts')}</h1>
<p><a class="button" href="${paths.href(lang, 'accountNew')}">${t(lang, 'accounts.newAccount')}</a></p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t(lang, 'accounts.accounts2')}"><table class="data"><caption class="visually-hidden">${t(lang, 'accounts.accounts2')}</caption>
<thead><tr><th scope="col">${t(lang, 'common.name')}</th><th scope="col">${t(lang, 'common.eMail')}</th><th scope="col">${t(lang, 'accounts.rolesSite')}</th><th scope="col">${t(lang, 'accounts.status')}</th><th scope="col">${t(lang, 'accounts.lastSign')}</th></tr></thead>
<tbody>${accounts.map(
      (a) =>
        html`<tr><th scope="row"><a href="${a.href}">${a.name}</a></th><td>${a.email}</td><td>${a.roles}</td><td>${a.active ? html`<span class="badge badge-ok">${t(lang, 'accounts.active')}</span>` : html`<span class="badge badge-off">${t(lang, 'accounts.suspended')}</span>`}</td><td>${a.lastSignIn}</td></tr>`,
    )}</tbody></table></div>`,
  };
}

/** The site's directory units a grant may name ('' first: no unit, for the roles that need none). */
export type UnitChoice = { value: string; label: string };

function unitSelect(lang: Lang, units: readonly UnitChoice[], value: string | undefined, error: string | undefined) {
  return selectControl({
    name: 'grantUnit',
    label: t(lang, 'accounts.unitAnsweredAgencyResponders'),
    hint: t(lang, 'accounts.unitFromDirectory'),
    options: [{ value: '', label: t(lang, 'accounts.noUnit') }, ...units],
    value,
    error,
  });
}

export function newAccountView(
  lang: Lang,
  csrf: string,
  roles: readonly RoleOption[],
  state: { values: FormValues<typeof NewAccountForm>; errors: FieldErrors },
  units: readonly UnitChoice[] = [],
): AdminPageSpec {
  const { values, errors } = state;
  return {
    title: t(lang, 'accounts.newAccount'),
    ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: t(lang, 'accounts.accountWasNotCreatedCheck') } } : {}),
    main: html`<h1>${t(lang, 'accounts.newAccount')}</h1>
<p>${t(lang, 'accounts.personReceivesEMailInvitation')}</p>
<form method="post" action="${paths.href(lang, 'accountNew')}" class="form" novalidate>
${csrfInput(csrf)}
${inputControl({ name: 'name', label: t(lang, 'accounts.fullName'), value: values.name, required: true, autocomplete: 'off', error: errors.name })}
${inputControl({ name: 'email', label: t(lang, 'accounts.officialEMail'), type: 'email', value: values.email, required: true, autocomplete: 'off', error: errors.email })}
${inputControl({ name: 'phone', label: t(lang, 'accounts.phone'), type: 'tel', value: values.phone })}
${inputControl({ name: 'unit', label: t(lang, 'accounts.unitAgency'), value: values.unit })}
${selectControl({ name: 'role', label: t(lang, 'accounts.roleSite'), options: roles.filter((o) => o.value !== 'platform_admin'), value: values.role ?? 'contributor', error: errors.role })}
${unitSelect(lang, units, values.grantUnit, errors.grantUnit)}
<p><button type="submit">${t(lang, 'accounts.createSendInvitation')}</button></p>
</form>`,
  };
}

export function accountView(
  lang: Lang,
  csrf: string,
  a: AccountModel,
  roles: readonly RoleOption[],
  errors: FieldErrors,
  notice: Notice,
  units: readonly UnitChoice[] = [],
): AdminPageSpec {
  const action = (what: string) => html`${csrfInput(csrf)}<input type="hidden" name="thao-tac" value="${what}">`;
  return {
    title: a.name,
    ...(Object.keys(errors).length ? { notice: { kind: 'error' as const, text: Object.values(errors).join(' ') } } : notice ? { notice } : {}),
    main: html`<h1>${a.name}</h1>
<p>${a.email} · ${a.active ? t(lang, 'accounts.active') : t(lang, 'accounts.suspended')}${a.suspendedReason ? html` (${a.suspendedReason})` : ''} · ${t(lang, 'common.twoFactor')}: ${a.twoFactor ? t(lang, 'accounts.text') : t(lang, 'accounts.off')}</p>
<h2>${t(lang, 'accounts.details')}</h2>
<form method="post" action="${a.href}" class="form" novalidate>
${action('luu')}
${inputControl({ name: 'name', label: t(lang, 'accounts.fullName'), value: a.name, required: true, error: errors.name })}
${inputControl({ name: 'phone', label: t(lang, 'accounts.phone'), type: 'tel', value: a.phone })}
${inputControl({ name: 'unit', label: t(lang, 'accounts.unitAgency'), value: a.unit })}
<p><button type="submit">${t(lang, 'accounts.save')}</button></p>
</form>
<h2>${t(lang, 'common.roles')}</h2>
<ul>${a.grants.map(
      (g) => html`<li>${grantItem(g)}
${g.revocable ? html`<form method="post" action="${a.href}" class="inline">${action('thu-hoi')}<input type="hidden" name="grant" value="${g.id}"><button type="submit" class="secondary">${t(lang, 'accounts.revoke')}<span class="visually-hidden"> ${g.role}</span></button></form>` : ''}</li>`,
    )}</ul>
<form method="post" action="${a.href}" class="form" novalidate>
${action('cap')}
${selectControl({ name: 'role', label: t(lang, 'accounts.grantRoleSite'), options: roles, error: errors.role })}
${unitSelect(lang, units, undefined, errors.grantUnit)}
<p><button type="submit" class="secondary">${t(lang, 'accounts.grantRole')}</button></p>
</form>
<h2>${t(lang, 'accounts.status')}</h2>
${
  a.active
    ? html`<form method="post" action="${a.href}" class="form" novalidate>${action('khoa')}
${inputControl({ name: 'reason', label: t(lang, 'accounts.reasonSuspension'), required: true })}
<p><button type="submit" class="danger">${t(lang, 'accounts.suspendNow')}</button></p></form>`
    : html`<form method="post" action="${a.href}">${action('mo')}<button type="submit">${t(lang, 'accounts.reActivate')}</button></form>`
}`,
  };
}
