/**
 * What the content module's admin routes are given (the services, the administration's frame,
 * the optional modules), and the few things they share: the item of a path, the page of a site
 * with none yet, the refusal of a form that is not one field's problem.
 */
import type { FastifyRequest } from 'fastify';
import { actorId, can, type Actor } from '../access/index.ts';
import type { AdminScope } from '../accounts/index.ts';
import type { Capabilities } from './workflow.ts';
import { Invalid, NotFound, type FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { html, type SafeHtml } from '../../platform/views/html.ts';
import type { AdminContext } from '../accounts/index.ts';
import type { DeadlineRow } from '../calendar/index.ts';
import type { MediaModule } from '../media/index.ts';
import type { MenuService } from '../menus/index.ts';
import type { CategoryService } from './categories.service.ts';
import type { ContentService } from './content.service.ts';
import type { EditorialDesk } from './desk.service.ts';
import type { HomeBlocksService } from './home-blocks.service.ts';
import type { ItemRelations } from './item-relations.ts';
import { t } from './messages.ts';
import type { ListPages } from './site-sections.ts';

export interface ContentAdmin {
  /** The administration's frame: the signed-in scope of a request, and sending a page in it. */
  admin: AdminContext;
  content: ContentService;
  desk: EditorialDesk;
  categories: CategoryService;
  homeBlocks: HomeBlocksService;
  relations: ItemRelations;
  /** Names of accounts (providers, authors of revisions). */
  contact: (id: number) => Promise<{ name: string } | undefined>;
  /** The media library's listing, for the editor's image button; without it there is none. */
  listMedia?: MediaModule['listMedia'] | undefined;
  /** The site's menus, for the structure screens; without them there is no menu screen. */
  menus?: MenuService | undefined;
  /** The site's fixed pages (the pages module's), offered by the menu entry picker. */
  listPages?: ListPages | undefined;
  /** The item's legal deadlines, shown on its page. */
  deadlinesOf?: ((itemId: number) => Promise<DeadlineRow[]>) | undefined;
}

/**
 * The item id of a route's path (`/:id`, already checked by its IdParams schema), for the
 * renderers of refused forms, which get the request untyped.
 */
export function itemIdOf(request: FastifyRequest): number {
  const params = request.params;
  if (params && typeof params === 'object' && 'id' in params && typeof params.id === 'string' && /^[1-9]\d{0,14}$/.test(params.id)) return Number(params.id);
  throw new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
}

/** The page of an administration with no site yet (a platform admin on an empty platform). */
export function noSite(lang: Lang): SafeHtml {
  return html`<p>${t(lang, 'common.thereNoSiteYet')}</p>`;
}

/** The form's own problems as one refusal: shown by field when the form comes back (422). */
export function refused(code: string, problems: readonly FieldProblem[]): Invalid {
  return new Invalid(code, problems.map((p) => p.message).join(' '), { details: problems });
}

/** Names of accounts, looked up once each. */
export async function namesOf(contact: ContentAdmin['contact'], ids: readonly (number | null | undefined)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  const found = await Promise.all(unique.map(async (id) => [id, (await contact(id))?.name] as const));
  return new Map(found.filter((x): x is readonly [number, string] => typeof x[1] === 'string'));
}

/** What this person may do with the items of a site, for `decide` and `mayEdit`. */
export function capabilitiesOf(actor: Actor, siteId: number): Capabilities {
  return {
    actorId: actorId(actor),
    system: false,
    write: can(actor, 'content.write', siteId),
    edit: can(actor, 'content.edit', siteId),
    approve: can(actor, 'content.approve', siteId),
    emergency: can(actor, 'content.emergency', siteId),
  };
}

/** The item with its revisions; the service refuses people who may not write on its site. */
export async function loadItem(deps: ContentAdmin, s: AdminScope, id: number) {
  const item = await deps.content.item(id);
  if (!item) throw new NotFound('content.not_found', 'No such item', { messageKey: 'error.body.404' });
  const revisions = await deps.content.revisions(s.actor, id);
  return {
    item,
    revisions,
    working: revisions.find((r) => r.id === item.working_revision_id),
    live: revisions.find((r) => r.id === item.live_revision_id),
  };
}
