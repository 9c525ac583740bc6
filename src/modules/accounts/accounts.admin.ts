/**
 * Account management for operators (their site) and platform administrators (every site):
 * list, create with an invitation, edit, suspend and re-activate, grant and revoke roles.
 * Routes are thin; every rule is in accounts.service.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { BadRequest, Invalid, NotFound } from '../../platform/http/errors.ts';
import { emptyForm, formRoute, queryForm, type FieldErrors, type FormState } from '../../platform/http/forms.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import type { AdminPageSpec } from '../../platform/views/admin-shell.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import { isPlatformAdmin, isRole, UNIT_ROLES } from '../access/index.ts';
import type { AdminContext, AdminScope } from './admin-context.ts';
import { csrfToken } from './auth.http.ts';
import { AccountActionForm, AccountsQuery, NewAccountForm, type AccountNotice } from './accounts.schema.ts';
import { presentAccountList, presentAccountPage, roleOptions } from './accounts.present.ts';
import * as service from './accounts.service.ts';
import type { AuthDeps } from './sign-in.service.ts';
import { accountListView, accountView, newAccountView } from './views/accounts.view.ts';
import { paths } from './paths.ts';
import { t } from './messages.ts';

/** The sites' directory units a grant names: checked by the service, offered by the forms. */
export interface GrantUnits extends service.UnitLookup {
  choices(siteId: number, lang: Lang): Promise<{ value: string; label: string }[]>;
}

/** A section another module adds to an account's page (modules/oversight: the oversight grants). */
export type AccountSection = (request: FastifyRequest, reply: FastifyReply, s: AdminScope, account: service.AccountView) => Promise<SafeHtml>;

export function accountRoutes(
  routes: Routes,
  lang: Lang,
  deps: AuthDeps & { admin: AdminContext; units: GrantUnits; sections?: readonly AccountSection[] },
): void {
  const { admin, db, units } = deps;
  const unitChoices = (siteId: number | null) => (siteId === null ? Promise.resolve([]) : units.choices(siteId, lang));
  const list = paths.paths.accounts[lang];
  const done = (tb: AccountNotice | '' | undefined): AdminPageSpec['notice'] => (tb ? { kind: 'ok', text: t(lang, `accountNotice.${tb}`) } : undefined);
  /** The site worked on; null for a platform administrator on an empty platform. */
  const siteIdOf = (s: AdminScope) => s.site?.id ?? null;

  routes.get(list, queryForm(AccountsQuery), async (request, reply) => {
    const s = await admin.scope(request);
    const accounts = await service.listAccounts(db, s.actor, siteIdOf(s));
    return admin.send(request, reply, accountListView(lang, presentAccountList(accounts, siteIdOf(s), lang), done(request.query.tb)), s);
  });

  // ── A new account ───────────────────────────────────────────────────────────────────
  const newPage = async (request: FastifyRequest, reply: FastifyReply, state: FormState<typeof NewAccountForm>, status = 200) => {
    const s = await admin.scope(request);
    return admin.send(
      request,
      reply,
      newAccountView(lang, csrfToken(request, reply), roleOptions(s.actor, lang), state, await unitChoices(siteIdOf(s))),
      s,
      status,
    );
  };

  routes.get(paths.paths.accountNew[lang], { schema: { querystring: NoQuery } }, async (request, reply) => newPage(request, reply, emptyForm()));
  routes.post(paths.paths.accountNew[lang], formRoute(NewAccountForm, { render: newPage }), async (request, reply) => {
    const s = await admin.scope(request);
    if (!s.site) {
      const message = t(lang, 'accounts.noSiteYet');
      throw new Invalid('account.no_site', message, { details: [{ field: 'role', message }] });
    }
    const created = await service.createAccount(
      db,
      s.actor,
      s.site.id,
      request.body,
      `${request.protocol}://${request.host}${paths.href(lang, 'reset')}`,
      units,
    );
    return reply.redirect(paths.href(lang, 'accounts', `/${created.id}?tb=da-tao`), 303);
  });

  // ── One account ─────────────────────────────────────────────────────────────────────
  const accountPage = async (request: FastifyRequest, reply: FastifyReply, id: number, errors: FieldErrors, notice: AdminPageSpec['notice'], status = 200) => {
    const s = await admin.scope(request);
    const a = await service.getAccount(db, s.actor, siteIdOf(s), id);
    const page = accountView(
      lang,
      csrfToken(request, reply),
      presentAccountPage(a, s.actor, siteIdOf(s), lang),
      roleOptions(s.actor, lang),
      errors,
      notice,
      await unitChoices(siteIdOf(s)),
    );
    const extra = await Promise.all((deps.sections ?? []).map((section) => section(request, reply, s, a)));
    return admin.send(request, reply, { ...page, main: html`${page.main}${extra}` }, s, status);
  };

  const noticeQuery = queryForm(AccountsQuery);
  routes.get(`${list}/:id`, { ...noticeQuery, schema: { ...noticeQuery.schema, params: IdParams } }, async (request, reply) =>
    accountPage(request, reply, Number(request.params.id), {}, done(request.query.tb)),
  );

  routes.post(
    `${list}/:id`,
    {
      ...formRoute(AccountActionForm, {
        // The page as stored, with what was refused.
        render: (request, reply, { errors }, status) => accountPage(request, reply, accountIdOf(request), errors, undefined, status),
      }),
      schema: { params: IdParams, body: AccountActionForm },
    },
    async (request, reply) => {
      const id = Number(request.params.id);
      const s = await admin.scope(request);
      const siteId = siteIdOf(s);
      const b = request.body;
      const saved = (tb: AccountNotice) => reply.redirect(paths.href(lang, 'accounts', `/${id}?tb=${tb}`), 303);
      switch (b['thao-tac']) {
        case 'luu':
          // A platform administrator on an empty platform has no site to save for.
          if (siteId === null) break;
          await service.updateAccount(db, s.actor, siteId, id, { name: b.name, phone: b.phone, unit: b.unit });
          return saved('da-luu');
        case 'khoa':
          await service.suspendAccount(db, s.actor, siteId, id, b.reason);
          return saved('da-khoa');
        case 'mo':
          await service.reactivateAccount(db, s.actor, siteId, id);
          return saved('da-mo');
        case 'cap':
          await service.getAccount(db, s.actor, siteId, id);
          await service.grantRole(db, s.actor, siteId, id, b.role, isRole(b.role) && UNIT_ROLES.has(b.role) ? b.grantUnit : undefined, units);
          return saved('da-cap');
        case 'thu-hoi':
          if (b.grant === undefined) throw new NotFound('grant.not_found');
          await service.revokeGrant(db, s.actor, isPlatformAdmin(s.actor) ? null : siteId, b.grant);
          return saved('da-thu-hoi');
      }
      throw new BadRequest('http.bad_request', 'Unknown action');
    },
  );
}

/** The `:id` of an account page's request (already checked by `IdParams`). */
function accountIdOf(request: FastifyRequest): number {
  const params: unknown = request.params;
  return params && typeof params === 'object' && 'id' in params ? Number(params.id) : 0;
}
