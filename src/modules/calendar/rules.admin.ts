/**
 * A site's deadline rules (/quan-tri/quy-tac-thoi-han): the regulations' defaults DL-1..DL-9, the
 * site's own rules and overrides with their effective dates (DL-12 is such a set), and a form to
 * add one. Items keep the rule in force on their trigger's day, so a new rule changes nothing
 * already counted.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Routes } from '../../platform/module.ts';
import type { Db } from '../../platform/db/create-db.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { formRoute, queryForm, type FieldErrors } from '../../platform/http/forms.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { authorize } from '../access/index.ts';
import { csrfToken, type AdminContext } from '../accounts/index.ts';
import { NoticeQuery, RuleForm } from './calendar.schema.ts';
import type { DeadlineService } from './deadlines.service.ts';
import { paths } from './paths.ts';
import { presentRules, ruleFromForm, tidyRuleValues } from './present/rules.ts';
import { deadlineRulesView, type RulesScreen } from './views/deadline-rules.view.ts';
import { t } from './messages.ts';

export interface RulesAdminDeps {
  admin: Pick<AdminContext, 'scope' | 'send'>;
  deadlines: DeadlineService;
  db: Db;
}

const EMPTY: RulesScreen['values'] = { code: '', variant: '', label: '', amount: '', unit: 'working-days', effectiveFrom: '' };

export function rulesAdmin(routes: Routes, lang: Lang, deps: RulesAdminDeps): void {
  const { admin } = deps;
  const path = paths.paths.deadlineRules[lang];
  const action = paths.href(lang, 'deadlineRules');

  /** The working site, whose settings the person may change. */
  const siteScope = async (request: FastifyRequest) => {
    const s = await admin.scope(request);
    if (!s.site) throw new NotFound('admin.no_site', 'No site chosen');
    authorize(s.actor, 'site.settings', s.site.id);
    return { ...s, site: s.site };
  };

  const screen = async (request: FastifyRequest, reply: FastifyReply, values: RulesScreen['values'], errors: FieldErrors, status: number, added = false) => {
    const s = await siteScope(request);
    const rules = presentRules(await deps.deadlines.siteRules(deps.db, s.site.id), lang);
    const refused = Object.values(errors);
    const notice = refused.length
      ? { notice: { kind: 'error' as const, text: refused.join(' ') } }
      : added
        ? { notice: { kind: 'ok' as const, text: t(lang, 'rules.ruleAdded') } }
        : {};
    const main = deadlineRulesView(lang, { action, ...rules, values, errors, csrf: csrfToken(request, reply) });
    return admin.send(request, reply, { title: t(lang, 'rules.deadlineRules'), main, ...notice }, s, status);
  };

  routes.get(path, queryForm(NoticeQuery), async (request, reply) => screen(request, reply, EMPTY, {}, 200, request.query.tb === 'da-them'));

  routes.post(
    path,
    formRoute(RuleForm, {
      // The service names every problem of a rule under "rule": they are shown at the code.
      fieldNames: { rule: 'code' },
      render: (request, reply, state, status) => screen(request, reply, tidyRuleValues(state.values), state.errors, status),
    }),
    async (request, reply) => {
      const s = await siteScope(request);
      await deps.deadlines.addSiteRule(deps.db, s.actor, s.site.id, ruleFromForm(request.body));
      return reply.redirect(`${action}?tb=da-them`, 303);
    },
  );
}
