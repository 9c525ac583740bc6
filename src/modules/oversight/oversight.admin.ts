/**
 * The oversight pages: the dashboard of every overseen site (/quan-tri/giam-sat), the way into one
 * of them (the site switcher, then its queues or compliance figures, read only), and an account's
 * oversight grants (platform administrators; also shown on the account's page).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { emptyForm, formRoute, queryForm, type FieldErrors } from '../../platform/http/forms.ts';
import { adminHrefByName } from '../../platform/http/paths.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { isPlatformAdmin } from '../access/index.ts';
import { csrfToken, type AccountsModule, type AdminScope } from '../accounts/index.ts';
import { siteName } from '../sites/index.ts';
import type { OversightService } from './oversight.service.ts';
import { NoticeQuery, OpenQuery, OversightForm } from './oversight.schema.ts';
import { paths } from './paths.ts';
import { dashboardMain, grantsSection, type OversightRow } from './views/oversight.view.ts';
import { t } from './messages.ts';

export interface OversightAdminDeps {
  admin: AccountsModule['admin'];
  service: OversightService;
  /** The figures of one site, read with the actor's rights (an overseer's read-only ones). */
  figures: (s: AdminScope, siteId: number) => Promise<Omit<OversightRow, 'name' | 'code' | 'queuesHref' | 'complianceHref' | 'inquiriesHref'>>;
}

export function oversightRoutes(routes: Routes, lang: Lang, deps: OversightAdminDeps): void {
  const { admin, service } = deps;
  const openHref = (code: string, what?: 'tuan-thu' | 'hoi-dap') =>
    `${paths.href(lang, 'oversightOpen')}?trang=${encodeURIComponent(code)}${what ? `&xem=${what}` : ''}`;

  routes.get(paths.paths.oversight[lang], { schema: { querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    const sites = await service.dashboardSites(s.actor);
    const rows: OversightRow[] = [];
    for (const site of sites) {
      rows.push({
        name: siteName(site, lang),
        code: site.code,
        queuesHref: openHref(site.code),
        complianceHref: openHref(site.code, 'tuan-thu'),
        inquiriesHref: openHref(site.code, 'hoi-dap'),
        ...(await deps.figures(s, site.id)),
      });
    }
    return admin.send(request, reply, { title: t(lang, 'oversight.title'), main: dashboardMain(lang, rows) }, s);
  });

  routes.get(paths.paths.oversightOpen[lang], queryForm(OpenQuery), async (request, reply) => {
    await admin.switchSite(request, request.query.trang ?? '');
    return reply.redirect(adminHrefByName(lang, { 'tuan-thu': 'compliance', 'hoi-dap': 'inquiries', '': 'queues' }[request.query.xem ?? '']), 303);
  });

  // ── An account's oversight grants ─────────────────────────────────────────────────────
  const accountHref = (id: number) => paths.href(lang, 'oversightAccount', `/${id}`);

  const page = async (request: FastifyRequest, reply: FastifyReply, accountId: number, errors: FieldErrors, tb: string | undefined, status = 200) => {
    const s = await admin.scope(request);
    const account = await service.accountFor(s.actor, accountId);
    const notice = Object.keys(errors).length
      ? { notice: { kind: 'error' as const, text: Object.values(errors).join(' ') } }
      : tb
        ? { notice: { kind: 'ok' as const, text: t(lang, tb === 'da-cap' ? 'oversight.granted' : 'oversight.revoked') } }
        : {};
    const back = adminHrefByName(lang, 'accounts', `/${accountId}`);
    const title = t(lang, 'oversight.of', { name: account.name });
    return admin.send(
      request,
      reply,
      {
        title,
        ...notice,
        main: html`<h1>${title}</h1><p><a href="${back}">${t(lang, 'oversight.back')}</a></p>${await accountSection(service)(request, reply, s, accountId, errors)}`,
      },
      s,
      status,
    );
  };

  const path = `${paths.paths.oversightAccount[lang]}/:id`;
  const notice = queryForm(NoticeQuery);
  routes.get(path, { ...notice, schema: { ...notice.schema, params: IdParams } }, async (request, reply) =>
    page(request, reply, Number(request.params.id), emptyForm().errors, request.query.tb),
  );
  routes.post(
    path,
    {
      ...formRoute(OversightForm, { render: (request, reply, { errors }, status) => page(request, reply, accountIdOf(request), errors, undefined, status) }),
      schema: { params: IdParams, body: OversightForm },
    },
    async (request, reply) => {
      const id = Number(request.params.id);
      const s = await admin.scope(request);
      const b = request.body;
      if (b['thao-tac'] === 'cap') {
        await service.grant(s.actor, id, b.trang, lang);
        return reply.redirect(`${accountHref(id)}?tb=da-cap`, 303);
      }
      if (b['thao-tac'] === 'thu-hoi') {
        await service.revoke(s.actor, id, b.grant, lang);
        return reply.redirect(`${accountHref(id)}?tb=da-thu-hoi`, 303);
      }
      throw new BadRequest('http.bad_request', 'Unknown action');
    },
  );
}

/** The `:id` of the request (already checked by `IdParams`). */
function accountIdOf(request: FastifyRequest): number {
  const params: unknown = request.params;
  return params && typeof params === 'object' && 'id' in params ? Number(params.id) : 0;
}

/** The oversight grants of an account with their forms: on the account's page and on this module's own (platform administrators only). */
export function accountSection(service: OversightService) {
  return async (request: FastifyRequest, reply: FastifyReply, s: AdminScope, accountId: number, errors: FieldErrors = {}): Promise<SafeHtml> => {
    if (!isPlatformAdmin(s.actor)) return html``;
    const lang = s.lang;
    const grants = await service.grantsOf(s.actor, accountId);
    return grantsSection(lang, {
      action: paths.href(lang, 'oversightAccount', `/${accountId}`),
      csrf: csrfToken(request, reply),
      grants: grants.map((g) => ({ id: g.id, siteName: g.site ? siteName(g.site, lang) : '?', createdAt: g.createdAt, inForce: g.inForce })),
      sites: [{ value: '', label: '' }, ...s.sites.map((x) => ({ value: String(x.id), label: `${siteName(x, lang)} (${x.code})` }))],
      errors,
    });
  };
}
