/**
 * A request in the consoles: GET /quan-tri/hoi-dap/<id> (its page: personal data, each opening
 * audited; the actions by role and stage), GET …/<id>/cong-bo (the publication page), GET
 * …/<id>/tep/<file> (a file of the request, audited like the page). The pages are also what a
 * refused action shows again (actions.admin.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryForm } from '../../platform/http/forms.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { csrfToken, type AccountsModule } from '../accounts/index.ts';
import { siteScope, type SiteScope } from './console-scope.ts';
import type { HandlingService } from './handling.service.ts';
import { NoticeQuery, RequestFileParams } from './inquiries.schema.ts';
import { adminPaths, qaEntryPath, REQUEST_SUBPAGES } from './paths.ts';
import { requestModel } from './present/request.present.ts';
import type { PublicationService } from './publication.service.ts';
import { noForm, okNotice, type ConsoleForm } from './views/console-parts.ts';
import { publishPageMain, requestPageMain } from './views/request.view.ts';
import { t } from './messages.ts';

export interface RequestDeps {
  admin: AccountsModule['admin'];
  handling: HandlingService;
  publication: PublicationService;
  statusUrl(siteId: number, lang: Lang): Promise<string>;
}

/** A request's page (or its publication page), shown with a form's state and status. */
export type RequestPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  s: SiteScope,
  id: number,
  state?: ConsoleForm,
  status?: number,
  notice?: string,
) => Promise<FastifyReply>;

export function requestPages(lang: Lang, deps: RequestDeps): { detail: RequestPage; publish: RequestPage } {
  const base = adminPaths.href(lang, 'inquiries');

  async function publicOrigin(siteId: number): Promise<string> {
    try {
      return new URL(await deps.statusUrl(siteId, 'vi')).origin;
    } catch {
      return '';
    }
  }

  const detail: RequestPage = async (request, reply, s, id, state = noForm(), status = 200, notice) => {
    const data = await deps.handling.page(s.actor, id);
    const origin = await publicOrigin(data.row.site_id);
    const here = `${base}/${data.row.id}`;
    const model = requestModel(lang, { ...data, origin }, { base, qaPath: qaEntryPath });
    return deps.admin.send(
      request,
      reply,
      {
        title: `${model.code} — ${model.title}`,
        ...(status === 200 ? okNotice(lang, notice) : {}),
        main: requestPageMain({
          lang,
          base,
          here,
          csrf: csrfToken(request, reply),
          request: model,
          answerFilesAction: `${here}${REQUEST_SUBPAGES.answerFiles[lang]}`,
          publicFilesAction: `${here}${REQUEST_SUBPAGES.publicFiles[lang]}`,
          publishHref: `${here}${REQUEST_SUBPAGES.publish[lang]}`,
          agenciesHref: adminPaths.href(lang, 'inquiryAgencies'),
          state,
        }),
      },
      s,
      status,
    );
  };

  const publish: RequestPage = async (request, reply, s, id, state = noForm(), status = 200) => {
    const { row } = await deps.handling.open(s.actor, id);
    const refused = !row.consent_publish ? 'noConsent' : row.status !== 'answered' ? 'notAnswered' : undefined;
    const proposal = refused ? undefined : await deps.publication.proposal(s.actor, id);
    return deps.admin.send(
      request,
      reply,
      {
        title: t(lang, 'detail.publishAnswer'),
        main: publishPageMain({
          lang,
          base,
          here: `${base}/${row.id}`,
          code: row.code,
          csrf: csrfToken(request, reply),
          refused,
          published: Boolean(row.published_at),
          proposal,
          state,
        }),
      },
      s,
      refused && status === 200 ? 409 : status,
    );
  };

  return { detail, publish };
}

export function requestRoutes(routes: Routes, lang: Lang, deps: RequestDeps, pages: { detail: RequestPage; publish: RequestPage }): void {
  const path = adminPaths.paths.inquiries[lang];
  const notices = queryForm(NoticeQuery);

  routes.get(`${path}/:id`, { ...notices, schema: { ...notices.schema, params: IdParams } }, async (request, reply) =>
    pages.detail(request, reply, await siteScope(deps.admin, request), Number(request.params.id), undefined, 200, request.query.tb),
  );

  routes.get(`${path}/:id${REQUEST_SUBPAGES.publish[lang]}`, { schema: { params: IdParams, querystring: NoQuery } }, async (request, reply) =>
    pages.publish(request, reply, await siteScope(deps.admin, request), Number(request.params.id)),
  );

  routes.get(`${path}/:id${REQUEST_SUBPAGES.file[lang]}/:att`, { schema: { params: RequestFileParams, querystring: NoQuery } }, async (request, reply) => {
    const s = await siteScope(deps.admin, request);
    // The same check as the page, and recorded the same way: a file of the request is its personal data.
    const found = await deps.handling.file(s.actor, Number(request.params.id), Number(request.params.att));
    if (!found) throw new NotFound('inquiry.attachment_not_found', 'Không có tệp này.', { messageKey: 'error.body.404' });
    const { file, data } = found;
    return reply
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-disposition',
        `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .type(file.mime)
      .send(data);
  });
}
