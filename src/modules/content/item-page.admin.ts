/**
 * An item's page in the administration (/quan-tri/noi-dung/<id>): where it stands, its
 * revisions, its history, and the actions this person may take now — the workflow's
 * (POST thao_tac=<action>, with a comment or a reason) and the relation actions (cross-post,
 * propose to the portal, confirm a review). The page offers only what `decide` would allow;
 * the service decides. A refusal comes back on the page with its message and status (403 for
 * the workflow's "not you", 409 for "not now", 422 for a missing comment or reason); an
 * unknown action is a 400.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequest } from '../../platform/http/errors.ts';
import { formRoute, queryForm, type FormState } from '../../platform/http/forms.ts';
import { IdParams, NoQuery } from '../../platform/http/schemas.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Routes } from '../../platform/module.ts';
import { html } from '../../platform/views/html.ts';
import type { ContentItemRow } from '../../platform/db/schema.ts';
import { csrfToken, type AdminScope } from '../accounts/index.ts';
import { capabilitiesOf, itemIdOf, loadItem, namesOf, type ContentAdmin } from './admin-deps.ts';
import { REFUSAL_REASONS } from './content-types.ts';
import { deadlineViews, doneNotice, isPageAction, itemPageView, PAGE_ACTIONS, type PageAction } from './content.present.ts';
import { ActionForm, NoticeQuery } from './content.schema.ts';
import { isRelationAction } from './item-relations.ts';
import { adminItemHref, adminPaths } from './paths.ts';
import { decide, mayEdit, type Capabilities, type ItemState, type SiteWorkflow } from './workflow.ts';
import { deadlineSection } from './views/deadline.view.ts';
import { itemPage } from './views/item-page.view.ts';
import { itemRelationsActions, itemRelationsDetails } from './views/item-relations.view.ts';

/** The actions `decide` would allow now (comments and reasons are asked for in the forms). */
function availableActions(
  item: ContentItemRow,
  transitions: readonly { action: string; actor_id: number | null }[],
  site: SiteWorkflow,
  caps: Capabilities,
  now: Date,
): PageAction[] {
  const emergencyBy = [...transitions].reverse().find((x) => x.action === 'emergency_publish')?.actor_id ?? null;
  const state: ItemState = {
    stage: item.stage,
    visibility: item.visibility,
    providerId: item.provider_id,
    publishAt: item.publish_at,
    hasLive: item.live_revision_id !== null,
    emergency: item.emergency,
    emergencyReviewedBy: item.emergency_reviewed_by,
    emergencyBy,
  };
  const filled = { comment: '-', reasonCode: REFUSAL_REASONS[0] };
  return PAGE_ACTIONS.filter((a) => decide(a, state, site, caps, filled, now).ok);
}

export function itemPageRoutes(routes: Routes, L: Lang, deps: ContentAdmin): void {
  const { admin, content, categories, relations } = deps;
  const path = `${adminPaths.paths.content[L]}/:id`;

  /** The page, with the action forms as typed and refused (`<action>.<field>`) when an action was refused. */
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    s: AdminScope,
    id: number,
    refusal: { values: Record<string, string>; errors: Record<string, string>; message: string; status: number } | undefined,
    tb?: string,
  ) => {
    const { item, working, live } = await loadItem(deps, s, id);
    const [transitions, site] = await Promise.all([content.transitionsOf(id), content.siteWorkflow(item.site_id)]);
    const caps = capabilitiesOf(s.actor, item.site_id);
    const now = new Date();
    const category = item.category_id ? await categories.find(item.category_id) : undefined;
    const names = await namesOf(deps.contact, [item.provider_id, working?.created_by, live?.created_by]);
    const csrf = csrfToken(request, reply);
    const values = refusal?.values ?? {};
    const errors = refusal?.errors ?? {};
    const section = await relations.section(s, item, working, { csrf, values, errors }, now);
    const deadline = deps.deadlinesOf ? deadlineSection(L, deadlineViews(await deps.deadlinesOf(item.id), now)) : '';
    const view = itemPageView(L, {
      item,
      working,
      live,
      transitions,
      site,
      actions: availableActions(item, transitions, site, caps, now),
      mayEdit: mayEdit({ stage: item.stage, providerId: item.provider_id }, caps),
      categoryName: category?.name,
      names,
      now,
    });
    return admin.send(
      request,
      reply,
      {
        title: view.title,
        ...(refusal ? { notice: { kind: 'error' as const, text: refusal.message } } : doneNotice(tb, L)),
        main: itemPage(L, view, {
          csrf,
          values,
          errors,
          details: html`${deadline}${itemRelationsDetails(section)}`,
          actions: itemRelationsActions(section),
        }),
      },
      s,
      refusal?.status ?? 200,
    );
  };

  const page = queryForm(NoticeQuery);
  routes.get(path, { ...page, schema: { ...page.schema, params: IdParams } }, async (request, reply) => {
    const id = Number(request.params.id);
    const s = await admin.scope(request);
    const sent = await render(request, reply, s, id, undefined, request.query.tb);
    // Seeing the item is reading what one was told about it.
    await deps.desk.markRead(s.actor, id);
    return sent;
  });

  /** A refused action: what was typed and the problems, under that action's form. */
  const refusedAction = async (request: FastifyRequest, reply: FastifyReply, state: FormState<typeof ActionForm>, status: number) => {
    const action = state.values.thao_tac ?? '';
    const { form, reason, comment, sites } = state.errors;
    const errors: Record<string, string> = {
      ...(comment ? { [`${action}.comment`]: comment } : {}),
      ...(reason ? { [`${action}.reason`]: reason } : {}),
      ...(sites ? { [`${action}.sites`]: sites } : {}),
    };
    const message = form ?? comment ?? reason ?? sites ?? '';
    const values = {
      [`${action}.comment`]: state.values.comment ?? '',
      [`${action}.reason`]: state.values.reason ?? '',
      [`${action}.sites`]: (state.values.sites ?? []).join(','),
    };
    return render(request, reply, await admin.scope(request), itemIdOf(request), { values, errors, message, status });
  };

  // The workflow's "only the board head may" (403) is a refusal of this action, shown on the page
  // like the others; a missing grant (access.denied) stays a 403 error page.
  const actionForm = formRoute(ActionForm, { render: refusedAction, fieldNames: { reasonCode: 'reason' }, refusals: ['workflow.forbidden'] });
  routes.post(path, { ...actionForm, schema: { ...actionForm.schema, params: IdParams, querystring: NoQuery } }, async (request, reply) => {
    const id = Number(request.params.id);
    const s = await admin.scope(request);
    const { thao_tac: action, comment, reason, sites } = request.body;
    const itemHref = adminItemHref(L, id);
    if (isRelationAction(action)) {
      const notice = await relations.perform(s, id, action, sites);
      return reply.redirect(`${itemHref}?tb=${notice}`, 303);
    }
    if (!isPageAction(action)) throw new BadRequest('http.bad_request', 'Unknown action');
    const extra = {
      ...(['return', 'refuse', 'approve', 'emergency_publish'].includes(action) ? { comment } : {}),
      ...(action === 'refuse' && reason ? { reasonCode: reason } : {}),
    };
    await content.transition(s.actor, id, action, extra);
    return reply.redirect(`${itemHref}?tb=${action}`, 303);
  });
}
