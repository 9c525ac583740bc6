/**
 * The operator's page of the site they work on (/quan-tri/thong-tin-trang): its names, owner
 * agency, contacts, logo and theme colour, what the regulations still want on it, and the way to
 * its people. Code, parent and host names stay with the platform administrators.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { adminHrefByName } from '../../platform/http/paths.ts';
import { formRoute, queryForm, type FormState } from '../../platform/http/forms.ts';
import { authorize, can } from '../access/index.ts';
import { csrfToken } from '../accounts/index.ts';
import type { AdminScreens } from './sites.admin.ts';
import { identityFromForm, identityValues, logoChoices, siteName, themeChoices } from './sites.present.ts';
import { IdentityForm, NoticeQuery } from './sites.schema.ts';
import { sitesPaths } from './paths.ts';
import { identityView } from './views/site-identity.view.ts';
import { t } from './messages.ts';

export function siteIdentityAdmin(routes: Routes, lang: Lang, deps: AdminScreens): void {
  const { admin, sites } = deps;
  const L = lang;
  const action = sitesPaths.href(L, 'siteIdentity');

  /** The working site, whose identity the person may change. */
  const siteScope = async (request: FastifyRequest) => {
    const s = await admin.scope(request);
    if (!s.site) throw new NotFound('admin.no_site', t(L, 'identity.noSite'));
    authorize(s.actor, 'site.identity', s.site.id);
    return { ...s, site: s.site };
  };

  const screen = async (request: FastifyRequest, reply: FastifyReply, state: FormState<typeof IdentityForm> | undefined, status: number, saved = false) => {
    const s = await siteScope(request);
    const site = await sites.byCode(s.site.code, L);
    const values = state?.values ?? identityValues(site);
    const main = identityView(L, {
      siteName: siteName(site, L),
      action,
      csrf: csrfToken(request, reply),
      values,
      errors: state?.errors ?? {},
      choices: { logos: logoChoices(L, await deps.images(s.actor, [site.id]), site.logo_media_id), themes: themeChoices(L, values.themeColor) },
      gaps: await sites.checklist(site, L),
      viewHref: `/s/${site.code}/`,
      peopleHref: can(s.actor, 'accounts.manage', site.id) ? adminHrefByName(L, 'accounts') : undefined,
    });
    const notice = saved ? { notice: { kind: 'ok' as const, text: t(L, 'edit.saved') } } : {};
    return admin.send(request, reply, { title: t(L, 'identity.title'), main, ...notice }, s, status);
  };

  routes.get(sitesPaths.paths.siteIdentity[L], queryForm(NoticeQuery), async (request, reply) =>
    screen(request, reply, undefined, 200, request.query.tb === 'da-luu'),
  );

  routes.post(
    sitesPaths.paths.siteIdentity[L],
    formRoute(IdentityForm, { render: (request, reply, state, status) => screen(request, reply, state, status) }),
    async (request, reply) => {
      const s = await siteScope(request);
      await sites.updateIdentity(s.actor, s.site.id, identityFromForm(request.body), L);
      return reply.redirect(`${action}?tb=da-luu`, 303);
    },
  );
}
