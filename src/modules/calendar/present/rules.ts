/** Deadline rules as the rules screen shows them, and the rule form read into a site rule. */
import type { Static } from 'typebox';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { FormValues } from '../../../platform/http/forms.ts';
import type { RuleForm } from '../calendar.schema.ts';
import { DEFAULT_RULES, defaultRuleLabel, type SiteRule } from '../rules.ts';
import type { DueUnit } from '../working-days.ts';
import { t } from '../messages.ts';

export const unitName = (lang: Lang, unit: DueUnit) => t(lang, `rules.unit.${unit}`);
const periodText = (lang: Lang, amount: number, unit: DueUnit) => (unit === 'same-working-day' ? unitName(lang, unit) : `${amount} ${unitName(lang, unit)}`);

export interface RuleRow {
  code: string;
  variant: string;
  label: string;
  period: string;
  /** The regulation (a default rule) or the day it is in force from (a site's rule). */
  last: string;
}

export function presentRules(own: readonly SiteRule[], lang: Lang): { defaults: RuleRow[]; own: RuleRow[] } {
  return {
    defaults: DEFAULT_RULES.map((r) => ({
      code: r.code,
      variant: r.variant,
      label: defaultRuleLabel(r, lang),
      period: periodText(lang, r.amount, r.unit),
      last: r.source,
    })),
    own: own.map((r) => ({
      code: r.code,
      variant: r.variant,
      label: r.label,
      period: periodText(lang, r.amount, r.unit),
      last: formatDate(new Date(`${r.effectiveFrom}T00:00:00+07:00`)),
    })),
  };
}

/** The form as the site rule it asks for: codes in capitals; an empty amount is 0 for "the same working day". */
export function ruleFromForm(body: Static<typeof RuleForm>): SiteRule {
  const v = tidyRuleValues(body);
  const amount = v.unit === 'same-working-day' && v.amount === '' ? 0 : /^\d{1,4}$/.test(v.amount) ? Number(v.amount) : Number.NaN;
  return { code: v.code, variant: v.variant, label: v.label.trim(), amount, unit: body.unit, effectiveFrom: v.effectiveFrom };
}

/** What was typed, as the form shows it again (tidied the way the rule is read). */
export function tidyRuleValues(v: FormValues<typeof RuleForm>): Required<FormValues<typeof RuleForm>> {
  return {
    code: (v.code ?? '').trim().toUpperCase(),
    variant: (v.variant ?? '').trim(),
    label: v.label ?? '',
    amount: (v.amount ?? '').trim(),
    unit: v.unit ?? '',
    effectiveFrom: (v.effectiveFrom ?? '').trim(),
  };
}
