/**
 * A site's deadline rules (/quan-tri/quy-tac-thoi-han): the regulations' defaults, the site's own
 * rules and overrides with their effective dates, and the form that adds one.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../../platform/views/html.ts';
import { csrfInput, inputControl, selectControl } from '../../../platform/views/form-controls.ts';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import type { RuleForm } from '../calendar.schema.ts';
import { unitName, type RuleRow } from '../present/rules.ts';
import type { DueUnit } from '../working-days.ts';
import { t } from '../messages.ts';

const UNITS: readonly DueUnit[] = ['working-days', 'hours', 'same-working-day'];

const codeCell = (r: RuleRow) => html`<td>${r.code}${r.variant ? html` <span class="muted">(${r.variant})</span>` : ''}</td>`;

export interface RulesScreen {
  action: string;
  defaults: readonly RuleRow[];
  own: readonly RuleRow[];
  values: Required<FormValues<typeof RuleForm>>;
  errors: FieldErrors;
  csrf: string;
}

export function deadlineRulesView(lang: Lang, s: RulesScreen): SafeHtml {
  const L = lang;
  const { values: v, errors: e } = s;
  return html`<h1>${t(L, 'rules.publicationDeadlineRules')}</h1>
<p>${t(L, 'rules.eachItemsDeadlineFollowsRule')}</p>
<table class="data"><caption>${t(L, 'rules.defaultRulesRegulations')}</caption>
<thead><tr><th scope="col">${t(L, 'rules.code')}</th><th scope="col">${t(L, 'rules.rule')}</th><th scope="col">${t(L, 'rules.period')}</th><th scope="col">${t(L, 'common.source')}</th></tr></thead>
<tbody>${s.defaults.map((r) => html`<tr>${codeCell(r)}<td>${r.label}</td><td>${r.period}</td><td>${r.last}</td></tr>`)}</tbody></table>
<table class="data"><caption>${t(L, 'rules.sitesOwnRules')}</caption>
<thead><tr><th scope="col">${t(L, 'rules.code')}</th><th scope="col">${t(L, 'rules.rule')}</th><th scope="col">${t(L, 'rules.period')}</th><th scope="col">${t(L, 'rules.forceFrom')}</th></tr></thead>
<tbody>${s.own.length === 0 ? html`<tr><td colspan="4">${t(L, 'rules.noneSiteFollowsDefaults')}</td></tr>` : s.own.map((r) => html`<tr>${codeCell(r)}<td>${r.label}</td><td>${r.period}</td><td>${r.last}</td></tr>`)}</tbody></table>
<h2>${t(L, 'rules.addRuleOverrideDefault')}</h2>
<form method="post" action="${s.action}" class="form">
${csrfInput(s.csrf)}
${inputControl({ name: 'code', label: t(L, 'rules.codeDefaultsCodeOverrideE'), value: v.code, error: e.code })}
${inputControl({ name: 'variant', label: t(L, 'rules.variantIfAnyIssuerScope'), value: v.variant, error: e.variant })}
${inputControl({ name: 'label', label: t(L, 'rules.whatRuleSays'), value: v.label, error: e.label })}
${inputControl({ name: 'amount', label: t(L, 'rules.periodNumber'), value: v.amount, error: e.amount })}
${selectControl({ name: 'unit', label: t(L, 'common.unit'), options: UNITS.map((u) => ({ value: u, label: unitName(L, u) })), value: v.unit, error: e.unit })}
${inputControl({ name: 'effectiveFrom', label: t(L, 'rules.forceFrom2'), type: 'date', value: v.effectiveFrom, error: e.effectiveFrom })}
<p><button type="submit">${t(L, 'rules.addRule')}</button></p>
</form>`;
}
