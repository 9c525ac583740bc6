/**
 * An item's revisions (/quan-tri/noi-dung/phien-ban/<id>): the list, a word-level comparison
 * of any two (?tu=&den=, the two newest by default), and restoring one as a new draft
 * (POST phien_ban=<id>; not a revision id at all is a 400, a refusal comes back on the page).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ContentRevisionRow } from '../../platform/db/schema.ts';
import { BadRequest } from '../../platform/http/errors.ts';
import { formRoute, queryForm } from '../../platform/http/forms.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { csrfToken, type AdminScope } from '../accounts/index.ts';
import { capabilitiesOf, itemIdOf, loadItem, namesOf, type ContentAdmin } from './admin-deps.ts';
import { revisionsPageView } from './content.present.ts';
import { CompareQuery, RestoreForm } from './content.schema.ts';
import { t } from './messages.ts';
import { adminItemHref, adminPaths } from './paths.ts';
import { mayEdit } from './workflow.ts';
import { revisionsPage } from './views/revisions.view.ts';

export function revisionRoutes(routes: Routes, L: Lang, deps: ContentAdmin): void {
  const { admin, content } = deps;
  const path = `${adminPaths.paths.contentRevisions[L]}/:id`;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    s: AdminScope,
    id: number,
    chosen: { from?: string | undefined; to?: string | undefined },
    error?: string,
    status = 200,
  ) => {
    const { item, revisions, working } = await loadItem(deps, s, id);
    const pick = (value: string | undefined) => revisions.find((r) => String(r.id) === value);
    let from: ContentRevisionRow | undefined = pick(chosen.from);
    let to: ContentRevisionRow | undefined = pick(chosen.to);
    if (!from || !to) [to, from] = [revisions[0], revisions[1]];
    const compare = from && to ? { from, to, diff: await content.compare(s.actor, id, from.id, to.id) } : undefined;
    const title = working?.title ?? `#${item.id}`;
    const view = revisionsPageView(L, {
      item,
      revisions,
      title,
      names: await namesOf(
        deps.contact,
        revisions.map((r) => r.created_by),
      ),
      mayRestore: mayEdit({ stage: item.stage, providerId: item.provider_id }, capabilitiesOf(s.actor, item.site_id)),
      compare,
    });
    return admin.send(
      request,
      reply,
      {
        title: `${t(L, 'common.revisions')}: ${title}`,
        ...(error ? { notice: { kind: 'error' as const, text: error } } : {}),
        main: revisionsPage(L, view, csrfToken(request, reply)),
      },
      s,
      status,
    );
  };

  const page = queryForm(CompareQuery);
  routes.get(path, { ...page, schema: { ...page.schema, params: IdParams } }, async (request, reply) => {
    return render(request, reply, await admin.scope(request), Number(request.params.id), { from: request.query.tu, to: request.query.den });
  });

  // A refusal is shown on the page; a save over someone else's (the race of two restores) in words, not as its difference.
  const restoreForm = formRoute(RestoreForm, {
    render: async (request, reply, state, status) => {
      const { version, ...errors } = state.errors;
      const message = version !== undefined ? t(L, 'content.notSavedSomeoneElseHas') : (errors.form ?? Object.values(errors)[0]);
      return render(request, reply, await admin.scope(request), itemIdOf(request), {}, message, status);
    },
  });
  routes.post(path, { ...restoreForm, schema: { ...restoreForm.schema, params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const id = Number(request.params.id);
    const s = await admin.scope(request);
    const revisionId = Number(request.body.phien_ban);
    if (!Number.isSafeInteger(revisionId) || revisionId <= 0) throw new BadRequest('http.bad_request', 'Bad revision');
    await content.restore(s.actor, id, revisionId);
    return reply.redirect(`${adminItemHref(L, id)}?tb=da-khoi-phuc`, 303);
  });
}
