/**
 * A site's deadline rules (/quan-tri/quy-tac-thoi-han): the regulations' defaults DL-1..DL-9, the
 * site's own rules and overrides with their effective dates (DL-12 is such a set), and a form to
 * add one. Items keep the rule in force on their trigger's day, so a new rule changes nothing
 * already counted.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/create-db.ts';
import { formatDate, type Lang } from '../../platform/i18n/index.ts';
import { isDomainError } from '../../platform/http/errors.ts';
import { html } from '../../platform/views/html.ts';
import { csrfInput, field, selectField } from '../../platform/views/forms.ts';
import { authorize } from '../access/index.ts';
import { adminHref, csrfGuard, csrfToken, type AccountsModule, type AdminScope } from '../accounts/index.ts';
import type { DeadlineService } from './deadlines.service.ts';
import { DEFAULT_RULES, defaultRuleLabel, type SiteRule } from './rules.ts';
import type { DueUnit } from './working-days.ts';
import { t } from './messages.ts';

const UNITS: readonly DueUnit[] = ['working-days', 'hours', 'same-working-day'];
const unitName = (L: Lang, unit: DueUnit) => t(L, `rules.unit.${unit}`);
const amountText = (L: Lang, amount: number, unit: DueUnit) => (unit === 'same-working-day' ? unitName(L, unit) : `${amount} ${unitName(L, unit)}`);

interface Values {
  code: string;
  variant: string;
  label: string;
  amount: string;
  unit: string;
  effectiveFrom: string;
}

export function registerRulesAdmin(app: FastifyInstance, deps: { accounts: AccountsModule; deadlines: DeadlineService; db: Db }): void {
  const { admin } = deps.accounts;
  const guard = csrfGuard(app, deps.db);
  admin.addNav({ label: { vi: 'Quy tắc thời hạn', en: 'Deadline rules' }, path: 'deadlineRules', action: 'site.settings' });

  for (const L of ['vi', 'en'] as const) {
    const base = adminHref(L, 'deadlineRules');
    const scope = async (request: FastifyRequest): Promise<AdminScope & { site: NonNullable<AdminScope['site']> }> => {
      const s = await admin.scope(request);
      if (!s.site) throw Object.assign(new Error('No site chosen'), { statusCode: 404, code: 'admin.no_site' });
      authorize(s.actor, 'site.settings', s.site.id);
      return s as AdminScope & { site: NonNullable<AdminScope['site']> };
    };

    const screen = async (
      request: FastifyRequest,
      reply: FastifyReply,
      s: AdminScope & { site: NonNullable<AdminScope['site']> },
      values: Values,
      errors: Record<string, string> = {},
      status = 200,
    ) => {
      const own = await deps.deadlines.siteRules(deps.db, s.site.id);
      const saved = (request.query as Record<string, string | undefined>).tb === 'da-them';
      return admin.send(
        request,
        reply,
        {
          title: t(L, 'rules.deadlineRules'),
          ...(Object.keys(errors).length
            ? { notice: { kind: 'error' as const, text: Object.values(errors).join(' ') } }
            : saved
              ? { notice: { kind: 'ok' as const, text: t(L, 'rules.ruleAdded') } }
              : {}),
          main: html`<h1>${t(L, 'rules.publicationDeadlineRules')}</h1>
<p>${t(L, 'rules.eachItemsDeadlineFollowsRule')}</p>
<table class="data"><caption>${t(L, 'rules.defaultRulesRegulations')}</caption>
<thead><tr><th scope="col">${t(L, 'rules.code')}</th><th scope="col">${t(L, 'rules.rule')}</th><th scope="col">${t(L, 'rules.period')}</th><th scope="col">${t(L, 'common.source')}</th></tr></thead>
<tbody>${DEFAULT_RULES.map((r) => html`<tr><td>${r.code}${r.variant ? html` <span class="muted">(${r.variant})</span>` : ''}</td><td>${defaultRuleLabel(r, L)}</td><td>${amountText(L, r.amount, r.unit)}</td><td>${r.source}</td></tr>`)}</tbody></table>
<table class="data"><caption>${t(L, 'rules.sitesOwnRules')}</caption>
<thead><tr><th scope="col">${t(L, 'rules.code')}</th><th scope="col">${t(L, 'rules.rule')}</th><th scope="col">${t(L, 'rules.period')}</th><th scope="col">${t(L, 'rules.forceFrom')}</th></tr></thead>
<tbody>${own.length === 0 ? html`<tr><td colspan="4">${t(L, 'rules.noneSiteFollowsDefaults')}</td></tr>` : own.map((r) => html`<tr><td>${r.code}${r.variant ? html` <span class="muted">(${r.variant})</span>` : ''}</td><td>${r.label}</td><td>${amountText(L, r.amount, r.unit)}</td><td>${formatDate(new Date(`${r.effectiveFrom}T00:00:00+07:00`))}</td></tr>`)}</tbody></table>
<h2>${t(L, 'rules.addRuleOverrideDefault')}</h2>
<form method="post" action="${base}" class="form">
${csrfInput(csrfToken(request, reply))}
${field({ name: 'code', label: t(L, 'rules.codeDefaultsCodeOverrideE'), value: values.code, ...(errors.code ? { error: errors.code } : {}) })}
${field({ name: 'variant', label: t(L, 'rules.variantIfAnyIssuerScope'), value: values.variant })}
${field({ name: 'label', label: t(L, 'rules.whatRuleSays'), value: values.label, ...(errors.label ? { error: errors.label } : {}) })}
${field({ name: 'amount', label: t(L, 'rules.periodNumber'), value: values.amount, ...(errors.amount ? { error: errors.amount } : {}) })}
${selectField({ name: 'unit', label: t(L, 'common.unit'), options: UNITS.map((u) => ({ value: u, label: unitName(L, u) })), value: values.unit })}
${field({ name: 'effectiveFrom', label: t(L, 'rules.forceFrom2'), type: 'date', value: values.effectiveFrom, ...(errors.effectiveFrom ? { error: errors.effectiveFrom } : {}) })}
<p><button type="submit">${t(L, 'rules.addRule')}</button></p>
</form>`,
        },
        s,
        status,
      );
    };

    app.get(base, async (request, reply) => {
      const s = await scope(request);
      return screen(request, reply, s, { code: '', variant: '', label: '', amount: '', unit: 'working-days', effectiveFrom: '' });
    });

    app.post(base, { preHandler: guard }, async (request, reply) => {
      const s = await scope(request);
      const b = (request.body ?? {}) as Record<string, unknown>;
      const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, 300) : '');
      const values: Values = {
        code: str('code').trim().toUpperCase(),
        variant: str('variant').trim(),
        label: str('label'),
        amount: str('amount').trim(),
        unit: str('unit'),
        effectiveFrom: str('effectiveFrom').trim(),
      };
      const amount = values.unit === 'same-working-day' && values.amount === '' ? 0 : /^\d{1,4}$/.test(values.amount) ? Number(values.amount) : NaN;
      const rule: SiteRule = {
        code: values.code,
        variant: values.variant,
        label: values.label.trim(),
        amount,
        unit: values.unit as DueUnit,
        effectiveFrom: values.effectiveFrom,
      };
      try {
        await deps.deadlines.addSiteRule(deps.db, s.actor, s.site.id, rule);
      } catch (err) {
        if (!isDomainError(err) || (err.status !== 422 && err.status !== 409)) throw err;
        const field = err.status === 409 ? 'effectiveFrom' : 'code';
        return screen(request, reply, s, values, { [field]: err.details.map((d) => d.message).join(' ') || err.message }, err.status);
      }
      return reply.redirect(`${base}?tb=da-them`, 303);
    });
  }
}
