/**
 * The deadline rules of the regulations (DL-1..DL-11 in the requirements) as the product's
 * defaults. A site may override a rule or add its own from an effective date (DL-12 is such a
 * set); an item keeps the rule that was in force on its trigger's day.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { DueUnit } from './working-days.ts';
import { t } from './messages.ts';

/** What starts the clock. */
export type TriggerKind = 'event' | 'issue' | 'approval' | 'acceptance' | 'publication_decision' | 'receipt';

/** The catalogue key of a default rule's name: `rules.label.<code>` or `rules.label.<code>.<variant>`. */
type RuleLabelKey = Extract<Parameters<typeof t>[1], `rules.label.${string}`>;
type LabelKeyOf<C extends string, V extends string> = `rules.label.${C}${V extends '' ? '' : `.${V}`}`;

export interface DeadlineRule {
  code: string;
  /** A rule with variants (DL-4: the issuing agency or one in its scope; DL-9: its stages). */
  variant: string;
  /** Its name in messages.ts (each language words the regulation its own way). */
  labelKey: RuleLabelKey;
  trigger: TriggerKind;
  amount: number;
  unit: DueUnit;
  source: string;
  /** yyyy-mm-dd: the rule applies to triggers on or after this day. */
  effectiveFrom: string;
}

// The key is built from the code and variant, so a default rule without its name in messages.ts
// does not compile (DEFAULT_RULES checks each key against the catalogue's).
const rule = <const C extends string, const V extends string>(code: C, variant: V, trigger: TriggerKind, amount: number, unit: DueUnit, source: string) => ({
  code,
  variant,
  labelKey: `rules.label.${code}${variant ? `.${variant}` : ''}` as LabelKeyOf<C, V>,
  trigger,
  amount,
  unit,
  source,
  effectiveFrom: '2000-01-01',
});

/** A default rule's name in `lang`. */
export function defaultRuleLabel(rule: Pick<DeadlineRule, 'labelKey'>, lang: Lang): string {
  return t(lang, rule.labelKey);
}

export const DEFAULT_RULES: readonly DeadlineRule[] = [
  rule('DL-1', '', 'event', 48, 'hours', 'QĐ 819/QĐ-UBND Đ6.1a'),
  rule('DL-2', '', 'issue', 72, 'hours', 'QĐ 819/QĐ-UBND Đ6.1a'),
  rule('DL-3', '', 'issue', 2, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1b'),
  rule('DL-4', 'issuer', 'issue', 2, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1c'),
  rule('DL-4', 'in_scope', 'issue', 5, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1c'),
  rule('DL-5', '', 'approval', 10, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1d'),
  rule('DL-6', '', 'acceptance', 20, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1f'),
  rule('DL-7', '', 'publication_decision', 10, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1g'),
  rule('DL-8', '', 'issue', 0, 'same-working-day', 'QĐ 4263/QĐ-UBND Đ13.1a'),
  rule('DL-9', 'forward', 'receipt', 2, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1e'),
  rule('DL-9', 'out_of_scope', 'receipt', 0, 'same-working-day', 'QĐ 4263/QĐ-UBND Đ13.1e'),
  rule('DL-9', 'answer', 'receipt', 15, 'working-days', 'QĐ 4263/QĐ-UBND Đ13.1e'),
];

/**
 * DL-10 and DL-11 are frequencies, not deadlines: the portal updates at least three times a day
 * (morning, afternoon, evening; holidays included), a component site twice per working day.
 */
export const FREQUENCY_RULES = {
  portal: { code: 'DL-10', slots: ['morning', 'afternoon', 'evening'] as const, workingDaysOnly: false },
  component: { code: 'DL-11', slots: ['morning', 'afternoon'] as const, workingDaysOnly: true },
};

/** A site's own rule, as stored. */
export interface SiteRule {
  code: string;
  variant: string;
  label: string;
  amount: number;
  unit: DueUnit;
  effectiveFrom: string;
}

/**
 * The rule in force for `code`/`variant` on the trigger's day: the site's newest own rule whose
 * effective date is on or before that day, else the default.
 */
export function ruleInForce(
  siteRules: readonly SiteRule[],
  code: string,
  variant: string,
  triggerDay: string,
  lang: Lang = 'vi',
): { code: string; variant: string; label: string; amount: number; unit: DueUnit; effectiveFrom: string } | undefined {
  const own = siteRules
    .filter((r) => r.code === code && r.variant === variant && r.effectiveFrom <= triggerDay)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (own) return own;
  const d = DEFAULT_RULES.find((r) => r.code === code && r.variant === variant);
  return d ? { code: d.code, variant: d.variant, label: defaultRuleLabel(d, lang), amount: d.amount, unit: d.unit, effectiveFrom: d.effectiveFrom } : undefined;
}

/** A site rule that makes sense: a known unit and an amount a regulation could set. */
export function ruleProblems(r: { code: string; amount: number; unit: string; effectiveFrom: string; label: string }): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]{2,5}-[0-9A-Za-z.-]{1,20}$/.test(r.code)) problems.push('Mã quy tắc phải có dạng DL-12 (chữ in hoa, gạch ngang, số).');
  if (!r.label.trim()) problems.push('Cần ghi nội dung quy tắc.');
  if (r.unit !== 'working-days' && r.unit !== 'hours' && r.unit !== 'same-working-day')
    problems.push('Đơn vị phải là ngày làm việc, giờ hoặc trong ngày làm việc.');
  if (!Number.isInteger(r.amount) || r.amount < 0) problems.push('Thời hạn phải là số nguyên không âm.');
  else if (r.unit === 'working-days' && r.amount > 365) problems.push('Thời hạn quá 365 ngày làm việc: không hợp lý.');
  else if (r.unit === 'hours' && (r.amount < 1 || r.amount > 720)) problems.push('Thời hạn theo giờ phải từ 1 đến 720 giờ.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r.effectiveFrom)) problems.push('Ngày hiệu lực không hợp lệ.');
  return problems;
}
