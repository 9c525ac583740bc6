/**
 * The site's fixed pages in the administration (/quan-tri/trang-co-dinh): each page in each
 * language the site offers, whether it shows something and where its item stands; "edit" opens
 * the page's item in the item editor (created the first time, with the page's current text).
 * The leaders' profiles are items of type `leader`: linked from here to their list and the new
 * item form.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { FormField, formRoute, queryForm, type FormState } from '../../platform/http/forms.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { defineAdminPaths } from '../../platform/http/paths.ts';
import { NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { csrfInput } from '../../platform/views/form-controls.ts';
import { html } from '../../platform/views/html.ts';
import { csrfToken } from '../accounts/index.ts';
import { isEmptyPage } from '../pages/index.ts';
import { siteName } from '../sites/index.ts';
import { capabilitiesOf, noSite, type ContentAdmin } from './admin-deps.ts';
import { doneNotice, stageLabel, visibilityLabel } from './content.present.ts';
import { NoticeQuery } from './content.schema.ts';
import type { FixedPages } from './fixed-pages.service.ts';
import { ft } from './fixed.messages.ts';
import { languageName } from './messages.ts';
import { adminItemHref, adminPaths } from './paths.ts';
import { mayEdit } from './workflow.ts';

/** "Edit this page": the page's id. */
export const FixedPageForm = Type.Object({ trang: FormField.text({ max: 20, required: true, pattern: '^[1-9][0-9]{0,14}$' }) });

export const fixedAdminPaths = defineAdminPaths({ fixedPages: { vi: '/trang-co-dinh', en: '/fixed-pages' } });

export function fixedPageRoutes(routes: Routes, L: Lang, deps: ContentAdmin & { fixed: FixedPages }): void {
  const { admin, fixed } = deps;
  const here = fixedAdminPaths.href(L, 'fixedPages');

  const screen = async (request: FastifyRequest, reply: FastifyReply, tb: string | undefined, state?: FormState<typeof FixedPageForm>, status = 200) => {
    const s = await admin.scope(request);
    const title = ft(L, 'fixed.title');
    if (!s.site) return admin.send(request, reply, { title, main: noSite(L) }, s, status);
    const site = s.site;
    const entries = await fixed.list(s.actor, site.id, site.languages);
    const workflow = await deps.content.siteWorkflow(site.id);
    const csrf = csrfToken(request, reply);
    const error = state?.errors.trang ?? state?.errors.form;
    const rows = entries.map(({ page, item }) => {
      const shown = isEmptyPage(page) ? ft(L, 'fixed.empty') : ft(L, 'fixed.shown');
      const where = !item
        ? ft(L, 'fixed.notWritten')
        : html`<a href="${adminItemHref(L, item.id)}">#${item.id}</a> ${item.stage ? stageLabel(item.stage, L, workflow.approvalSteps) : visibilityLabel(item.visibility, L)}`;
      return html`<tr><th scope="row">${page.title}</th><td>${languageName(page.lang)}</td><td>${shown}; ${where}</td>
<td><form method="post" action="${here}" class="inline-form">${csrfInput(csrf)}<input type="hidden" name="trang" value="${page.id}"><button type="submit" class="secondary">${ft(L, 'fixed.edit', { title: page.title, lang: page.lang })}</button></form></td></tr>`;
    });
    return admin.send(
      request,
      reply,
      {
        title,
        ...(error ? { notice: { kind: 'error' as const, text: error } } : doneNotice(tb, L)),
        main: html`<h1>${title} — ${siteName(site, L)}</h1>
<p>${ft(L, 'fixed.intro')}</p>
<table class="data"><thead><tr><th scope="col">${ft(L, 'fixed.page')}</th><th scope="col">${ft(L, 'fixed.language')}</th><th scope="col">${ft(L, 'fixed.status')}</th><th scope="col">${ft(L, 'fixed.action')}</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>${ft(L, 'fixed.leaders')}</h2>
<p>${ft(L, 'fixed.leadersHint')}</p>
<ul><li><a href="${adminPaths.href(L, 'content')}?loai=leader">${ft(L, 'fixed.leadersList')}</a></li><li><a href="${adminPaths.href(L, 'contentNew')}?loai=leader">${ft(L, 'fixed.newLeader')}</a></li></ul>`,
      },
      s,
      status,
    );
  };

  routes.get(fixedAdminPaths.paths.fixedPages[L], queryForm(NoticeQuery), (request, reply) => screen(request, reply, request.query.tb));

  const form = formRoute(FixedPageForm, { render: (request, reply, state, status) => screen(request, reply, undefined, state, status) });
  routes.post(fixedAdminPaths.paths.fixedPages[L], { ...form, schema: { ...form.schema, querystring: NoQuery } }, async (request, reply) => {
    const s = await admin.scope(request);
    if (!s.site) throw new NotFound('site.not_found', 'No site', { messageKey: 'error.body.404' });
    const item = await fixed.open(s.actor, s.site.id, Number(request.body.trang));
    const editable = mayEdit({ stage: item.stage, providerId: item.provider_id }, capabilitiesOf(s.actor, item.site_id));
    return reply.redirect(editable ? adminPaths.href(L, 'contentEdit', `/${item.id}`) : adminItemHref(L, item.id), 303);
  });
}
