/**
 * Content: the items sites publish (news, announcements, directives, guidance, projects,
 * plans, science programmes, statistics, static and thematic pages, the leaders' work
 * calendar), their revisions and the editorial workflow. Public pages and the editor come
 * on top of this service.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { AccountsModule } from '../accounts/index.ts';
import { adminItemHref } from './paths.ts';
import type { MediaModule } from '../media/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { SitesModule } from '../sites/index.ts';
import { ContentService } from './content.service.ts';
import { LiveContent } from './live.service.ts';
import { CategoryService } from './categories.service.ts';
import { HomeBlocksService } from './home-blocks.service.ts';
import { createPublicContent } from './content.pages.ts';
import { registerContentAdmin } from './content.admin.ts';
import { registerStructureAdmin } from './structure.admin.ts';
import type { MenuService } from '../menus/index.ts';
import type { DashboardCard } from '../admin/index.ts';
import type { SearchModule } from '../search/index.ts';
import { registerContentSearch } from './content-search.ts';
import { contentDeadlineHook } from './content-deadlines.ts';
import type { DeadlineService } from '../calendar/index.ts';

export { CONTENT_TYPES, REFUSAL_REASONS, contentType, type ContentTypeDef } from './content-types.ts';
export { ContentService, type ItemInput, type NewItemInput } from './content.service.ts';
export type { WorkflowAction } from './workflow.ts';
export { CategoryService, categoryTree, type CategoryNode } from './categories.service.ts';
export { HomeBlocksService, DEFAULT_HOME_BLOCKS, type HomeBlock } from './home-blocks.service.ts';
export type { RevisionDiff, DiffPart } from './revision-diff.ts';
export { PAGE_SIZE as PUBLIC_PAGE_SIZE } from './content.pages.ts';

export interface ContentModuleDeps {
  accounts: AccountsModule;
  sites: SitesModule;
  shell: SiteShell;
  pages: PagesModule;
  media: Pick<MediaModule, 'getMedia' | 'mediaImage'> & Partial<Pick<MediaModule, 'listMedia'>>;
  /** The site's menus, for the structure screens of the administration; without it there is no menu screen. */
  menus?: MenuService;
  /** The admin module, for the content cards of the dashboard. */
  admin?: { addCard(card: DashboardCard): void };
  /** The search platform: live items are indexed in the transaction that publishes them. */
  search?: SearchModule;
  /** The deadline engine: each item's legal deadline is tracked with its changes. */
  deadlines?: DeadlineService;
}

export function contentModule(platform: Platform, deps: ContentModuleDeps) {
  const content = new ContentService(platform.db, {
    accountsWithRoles: (siteId, roles) => deps.accounts.accountsWithRoles(siteId, roles),
    contact: (id) => deps.accounts.contact(id),
    adminLink: (itemId) => adminItemHref('vi', itemId),
    siteInfo: async (siteId) => {
      const site = await deps.sites.directory.byId(siteId);
      return site ? { id: site.id, kind: site.kind, parentId: site.parent_id } : undefined;
    },
  });
  if (deps.search) content.onPublicChange(registerContentSearch(deps.search, platform.db));
  if (deps.deadlines) content.onChange(contentDeadlineHook(deps.deadlines));
  const categories = new CategoryService(platform.db);
  const homeBlockService = new HomeBlocksService(platform.db);
  const live = new LiveContent(platform.db);
  const publicContent = createPublicContent({
    db: platform.db,
    content,
    live,
    categories,
    homeBlocks: homeBlockService,
    shell: deps.shell,
    sites: deps.sites,
    pages: deps.pages,
    media: deps.media,
    baseDomain: platform.config.baseDomain,
  });
  return {
    name: 'content',
    content,
    categories,
    homeBlockService,
    /** The home page's content blocks, as the operator arranged them, and the head elements they need. */
    homeBlocks: publicContent.homeBlocks,
    register: async (app: FastifyInstance) => {
      await publicContent.register(app);
      registerContentAdmin(app, {
        db: platform.db,
        accounts: deps.accounts,
        content,
        categories,
        addCard: deps.admin?.addCard,
        listMedia: deps.media.listMedia,
        getMedia: deps.media.getMedia,
        sites: deps.sites.directory,
        ...(deps.deadlines ? { deadlinesOf: (id: number) => deps.deadlines!.ofSubject(platform.db, 'content', id) } : {}),
      });
      registerStructureAdmin(app, {
        db: platform.db,
        admin: deps.accounts.admin,
        categories,
        homeBlocks: homeBlockService,
        ...(deps.menus ? { menus: deps.menus } : {}),
      });
    },
  };
}

export type ContentModule = ReturnType<typeof contentModule>;
