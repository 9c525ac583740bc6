/**
 * The agencies that answer a site's requests (/quan-tri/hoi-dap-co-quan, site operators): the
 * list, adding one (a unit of the site's directory, picked from a list), in use or not, the
 * hotline's default, and the site's answer-review setting — one address, a form per action
 * (`thao_tac`). A responder granted the agency's unit sees the agency's requests.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryForm } from '../../platform/http/forms.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { adminHrefByName } from '../../platform/http/paths.ts';
import { authorize, can } from '../access/index.ts';
import { csrfToken, type AccountsModule } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import type { AgencyService } from './agencies.service.ts';
import { siteScope, type SiteScope } from './console-scope.ts';
import { formRouteByAction } from './form-by-action.ts';
import { AgencyForms, NoticeQuery } from './inquiries.schema.ts';
import { adminPaths } from './paths.ts';
import { agencyRows } from './present/agencies.present.ts';
import { noForm, okNotice, type ConsoleForm } from './views/console-parts.ts';
import { agenciesMain } from './views/agencies.view.ts';
import { t } from './messages.ts';

export interface AgenciesDeps {
  admin: AccountsModule['admin'];
  agencies: AgencyService;
  respondersOf(siteId: number, unitId: number): Promise<{ name: string }[]>;
  /** The site's directory units in use, in tree order, for the choice. */
  unitChoices(siteId: number, lang: Lang): Promise<{ value: string; label: string }[]>;
}

export function agencyRoutes(routes: Routes, lang: Lang, deps: AgenciesDeps): void {
  const path = adminPaths.paths.inquiryAgencies[lang];
  const action = adminPaths.href(lang, 'inquiryAgencies');

  async function scope(request: FastifyRequest): Promise<SiteScope> {
    const s = await siteScope(deps.admin, request);
    authorize(s.actor, 'site.settings', s.site.id);
    return s;
  }

  async function page(request: FastifyRequest, reply: FastifyReply, s: SiteScope, state: ConsoleForm, status: number, notice?: string) {
    const [agencies, answerReview] = await Promise.all([deps.agencies.list(s.site.id, false), deps.agencies.answerReview(s.site.id)]);
    const responders = await Promise.all(agencies.map((a) => deps.respondersOf(s.site.id, a.unit_id)));
    const taken = new Set(agencies.map((a) => String(a.unit_id)));
    const units = (await deps.unitChoices(s.site.id, lang)).filter((u) => !taken.has(u.value));
    return deps.admin.send(
      request,
      reply,
      {
        title: t(lang, 'agencies.answeringAgencies'),
        ...(status === 200 ? okNotice(lang, notice) : {}),
        main: agenciesMain({
          lang,
          action,
          csrf: csrfToken(request, reply),
          siteName: siteName(s.site, lang),
          agencies: agencyRows(agencies, responders),
          answerReview,
          state,
          units,
          directoryHref: can(s.actor, 'site.identity', s.site.id) ? adminHrefByName(lang, 'units') : undefined,
        }),
      },
      s,
      status,
    );
  }

  routes.get(path, queryForm(NoticeQuery), async (request, reply) => page(request, reply, await scope(request), noForm(), 200, request.query.tb));

  const forms = formRouteByAction('thao_tac', AgencyForms, {
    render: async (kind, request, reply, state, status) => {
      const s = await scope(request);
      // Only the unit is a field of its own; anything else is a problem of the whole page.
      const { unitId, ...others } = state.errors;
      const loose = kind ? Object.values(others).join(' ') : t(lang, 'common.unknownActionReloadPage');
      const values = kind === 'add' ? state.values : {};
      const errors = { ...(loose ? { form: loose } : {}), ...(unitId && kind === 'add' ? { unitId } : {}) };
      return page(request, reply, s, { values, errors, formAnchor: 'noi-dung' }, kind ? status : 422);
    },
  });

  routes.post(path, { ...forms, schema: { ...forms.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await scope(request);
    const b = request.body;
    if (b.thao_tac === 'add') {
      await deps.agencies.add(s.actor, s.site.id, { unitId: b.unitId, hotlineDefault: b.hotlineDefault });
      return reply.redirect(`${action}?tb=da-them-co-quan`, 303);
    }
    if (b.thao_tac === 'review') await deps.agencies.setAnswerReview(s.actor, s.site.id, b.answerReview === '1');
    else {
      const id = /^[1-9]\d{0,12}$/.test(b.id) ? Number(b.id) : 0;
      const on = b.value === '1';
      if (b.thao_tac === 'active') await deps.agencies.update(s.actor, s.site.id, id, { active: on, ...(on ? {} : { hotlineDefault: false }) });
      else await deps.agencies.update(s.actor, s.site.id, id, { hotlineDefault: on });
    }
    return reply.redirect(`${action}?tb=da-luu`, 303);
  });
}
