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
import { tr } from '../../platform/views/admin-shell.ts';
import { csrfInput, field, selectField } from '../../platform/views/forms.ts';
import { authorize } from '../access/index.ts';
import { adminHref, csrfGuard, csrfToken, type AccountsModule, type AdminScope } from '../accounts/index.ts';
import type { DeadlineService } from './deadlines.service.ts';
import { DEFAULT_RULES, type SiteRule } from './rules.ts';
import type { DueUnit } from './working-days.ts';

const UNITS: Record<DueUnit, [string, string]> = {
  'working-days': ['ngày làm việc', 'working days'],
  hours: ['giờ', 'hours'],
  'same-working-day': ['trong ngày làm việc', 'the same working day'],
};
const amountText = (L: Lang, amount: number, unit: DueUnit) =>
  unit === 'same-working-day' ? tr(L, UNITS[unit][0], UNITS[unit][1]) : `${amount} ${tr(L, UNITS[unit][0], UNITS[unit][1])}`;

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
          title: tr(L, 'Quy tắc thời hạn', 'Deadline rules'),
          ...(Object.keys(errors).length
            ? { notice: { kind: 'error' as const, text: Object.values(errors).join(' ') } }
            : saved
              ? { notice: { kind: 'ok' as const, text: tr(L, 'Đã thêm quy tắc.', 'Rule added.') } }
              : {}),
          main: html`<h1>${tr(L, 'Quy tắc thời hạn đăng thông tin', 'Publication deadline rules')}</h1>
<p>${tr(L, 'Thời hạn của mỗi tin, bài được tính theo quy tắc có hiệu lực vào ngày của sự kiện, văn bản hay quyết định khởi đầu thời hạn; quy tắc mới không làm thay đổi các thời hạn đã tính theo quy tắc cũ.', 'Each item’s deadline follows the rule in force on the day of the event, document or decision that starts it; a new rule does not change deadlines counted under an older one.')}</p>
<table class="data"><caption>${tr(L, 'Quy tắc mặc định theo quy chế', 'Default rules of the regulations')}</caption>
<thead><tr><th scope="col">${tr(L, 'Mã', 'Code')}</th><th scope="col">${tr(L, 'Nội dung', 'Rule')}</th><th scope="col">${tr(L, 'Thời hạn', 'Period')}</th><th scope="col">${tr(L, 'Căn cứ', 'Source')}</th></tr></thead>
<tbody>${DEFAULT_RULES.map((r) => html`<tr><td>${r.code}${r.variant ? html` <span class="muted">(${r.variant})</span>` : ''}</td><td>${r.label[L]}</td><td>${amountText(L, r.amount, r.unit)}</td><td>${r.source}</td></tr>`)}</tbody></table>
<table class="data"><caption>${tr(L, 'Quy tắc riêng của trang', 'This site’s own rules')}</caption>
<thead><tr><th scope="col">${tr(L, 'Mã', 'Code')}</th><th scope="col">${tr(L, 'Nội dung', 'Rule')}</th><th scope="col">${tr(L, 'Thời hạn', 'Period')}</th><th scope="col">${tr(L, 'Hiệu lực từ', 'In force from')}</th></tr></thead>
<tbody>${own.length === 0 ? html`<tr><td colspan="4">${tr(L, 'Chưa có: trang áp dụng quy tắc mặc định.', 'None: the site follows the defaults.')}</td></tr>` : own.map((r) => html`<tr><td>${r.code}${r.variant ? html` <span class="muted">(${r.variant})</span>` : ''}</td><td>${r.label}</td><td>${amountText(L, r.amount, r.unit)}</td><td>${formatDate(new Date(`${r.effectiveFrom}T00:00:00+07:00`))}</td></tr>`)}</tbody></table>
<h2>${tr(L, 'Thêm quy tắc hoặc thay quy tắc mặc định', 'Add a rule or override a default')}</h2>
<form method="post" action="${base}" class="form">
${csrfInput(csrfToken(request, reply))}
${field({ name: 'code', label: tr(L, 'Mã (trùng mã mặc định để thay thế, ví dụ DL-3; hoặc mã mới như DL-12)', 'Code (a default’s code to override it, e.g. DL-3; or a new one such as DL-12)'), value: values.code, ...(errors.code ? { error: errors.code } : {}) })}
${field({ name: 'variant', label: tr(L, 'Biến thể (nếu có: issuer, in_scope…)', 'Variant (if any: issuer, in_scope…)'), value: values.variant })}
${field({ name: 'label', label: tr(L, 'Nội dung quy tắc', 'What the rule says'), value: values.label, ...(errors.label ? { error: errors.label } : {}) })}
${field({ name: 'amount', label: tr(L, 'Thời hạn (số)', 'Period (number)'), value: values.amount, ...(errors.amount ? { error: errors.amount } : {}) })}
${selectField({ name: 'unit', label: tr(L, 'Đơn vị', 'Unit'), options: (Object.keys(UNITS) as DueUnit[]).map((u) => ({ value: u, label: tr(L, UNITS[u][0], UNITS[u][1]) })), value: values.unit })}
${field({ name: 'effectiveFrom', label: tr(L, 'Hiệu lực từ ngày', 'In force from'), type: 'date', value: values.effectiveFrom, ...(errors.effectiveFrom ? { error: errors.effectiveFrom } : {}) })}
<p><button type="submit">${tr(L, 'Thêm quy tắc', 'Add the rule')}</button></p>
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
