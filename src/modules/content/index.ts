/**
 * Content: the items sites publish (news, announcements, directives, guidance, projects,
 * plans, science programmes, statistics, static and thematic pages, the leaders' work
 * calendar), their revisions and the editorial workflow; the public pages, feeds and PDF
 * downloads; the editor's desk and the site structure screens in the administration.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { DeadlineService } from '../calendar/index.ts';
import { mediaPaths, type MediaModule } from '../media/index.ts';
import type { MenuService } from '../menus/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { SearchModule } from '../search/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { SitesModule } from '../sites/index.ts';
import type { ContentAdmin } from './admin-deps.ts';
import { CategoryService } from './categories.service.ts';
import { contentDeadlineHook } from './content-deadlines.ts';
import { contentFilterChoices, contentSearchFeed, contentSearchType, SEARCH_TYPE } from './content-search.ts';
import { ContentService } from './content.service.ts';
import { contentCards } from './dashboard-cards.ts';
import { EditorialDesk } from './desk.service.ts';
import { deskRoutes } from './desk.admin.ts';
import { HomeBlocksService } from './home-blocks.service.ts';
import { createItemRelations } from './item-relations.ts';
import { itemPageRoutes } from './item-page.admin.ts';
import { itemFormRoutes } from './item-form.admin.ts';
import { itemRoutes } from './items.admin.ts';
import { LiveContent } from './live.service.ts';
import { t } from './messages.ts';
import { ts } from './structure-messages.ts';
import { adminItemHref, adminPaths } from './paths.ts';
import { revisionRoutes } from './revisions.admin.ts';
import { structureRoutes } from './structure.admin.ts';
import { structureEditRoutes } from './structure-edit.admin.ts';
import { contentSections } from './site-sections.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { calendarPublicRoutes } from './calendar.public.ts';
import { feedPublicRoutes } from './feeds.public.ts';
import { createHomeContent } from './home-content.ts';
import { itemPublicRoutes } from './items.public.ts';
import { listingPublicRoutes } from './listings.public.ts';
import { createPublicPresenter, type PublicContentDeps } from './public.present.ts';

import { seedDemoContent } from './demo.seed.ts';
import { createContentSkeleton } from './site-skeleton.ts';
import { createFixedPages } from './fixed-pages.service.ts';
import { fixedAdminPaths, fixedPageRoutes } from './fixed-pages.admin.ts';
import { ft } from './fixed.messages.ts';
import { LEADERS_SLUG, leaderPublicRoutes, leadersApi, liveLeaders, type LeadersDeps } from './leaders.ts';
import { seedDemoLeaders } from './leaders.seed.ts';

export { CONTENT_TYPES, REFUSAL_REASONS, contentType, type ContentTypeDef } from './content-types.ts';
export { ContentService, type ItemInput, type NewItemInput } from './content.service.ts';
export type { WorkflowAction } from './workflow.ts';
export { CategoryService, categoryTree, type CategoryNode } from './categories.service.ts';
export { HomeBlocksService, DEFAULT_HOME_BLOCKS, type HomeBlock } from './home-blocks.service.ts';
export type { RevisionDiff, DiffPart } from './revision-diff.ts';
export { PAGE_SIZE as PUBLIC_PAGE_SIZE } from './listings.public.ts';
export type { SiteSection } from './site-sections.ts';
export { adminPaths as contentAdminPaths, publicPaths as contentPublicPaths } from './paths.ts';

export interface ContentModuleDeps {
  accounts: AccountsModule;
  sites: SitesModule;
  shell: SiteShell;
  pages: PagesModule;
  media: Pick<MediaModule, 'getMedia' | 'mediaImage'> & Partial<Pick<MediaModule, 'listMedia'>>;
  /** The site's menus, for the structure screens of the administration; without it there is no menu screen. */
  menus?: MenuService;
  /** The search platform: live items are indexed in the transaction that publishes them. */
  search?: SearchModule;
  /** The deadline engine: each item's legal deadline is tracked with its changes. */
  deadlines?: DeadlineService;
}

/** The demo's topics (names in both languages). */
const DEMO_TOPICS = [
  { slug: 'phong-chong-thien-tai', vi: 'Phòng, chống thiên tai', en: 'Disaster prevention' },
  { slug: 'an-toan-giao-thong', vi: 'An toàn giao thông', en: 'Road safety' },
  { slug: 'xay-dung-nong-thon-moi', vi: 'Xây dựng nông thôn mới', en: 'New rural development' },
] as const;

export function contentModule(platform: Platform, deps: ContentModuleDeps) {
  const { db } = platform;
  const content = new ContentService(db, {
    accountsWithRoles: (siteId, roles) => deps.accounts.accountsWithRoles(siteId, roles),
    contact: (id) => deps.accounts.contact(id),
    adminLink: (itemId) => adminItemHref('vi', itemId),
    siteInfo: async (siteId) => {
      const site = await deps.sites.directory.byId(siteId);
      return site ? { id: site.id, kind: site.kind, parentId: site.parent_id } : undefined;
    },
  });
  const search = deps.search;
  // A fixed page shows its item's live revision (fixed-pages.service.ts), kept with the search index.
  const fixed = createFixedPages({ content, pages: deps.pages });
  const searchFeed = search ? contentSearchFeed(search.search) : undefined;
  content.onPublicChange(async (tx, itemId) => {
    await searchFeed?.(tx, itemId);
    // A fixed page's item is found as the page (the pages module indexes it), not twice.
    if ((await fixed.show(tx, itemId)) && search) await search.search.remove(tx, SEARCH_TYPE, itemId);
  });
  if (search) search.addFilterChoices(contentFilterChoices(db));
  // The leaders' page counts as written when at least one leader profile is live.
  deps.pages.fillPageWith(LEADERS_SLUG, async (siteId, lang) => (await liveLeaders(db, siteId, lang)).length > 0);
  if (deps.deadlines) content.onChange(contentDeadlineHook(deps.deadlines));
  const categories = new CategoryService(db);
  // A new site starts with content's part of the skeleton (workflow, home blocks, first categories).
  deps.sites.onSiteCreated(createContentSkeleton);
  const homeBlockService = new HomeBlocksService(db);
  const live = new LiveContent(db);
  const desk = new EditorialDesk(db);
  const publicDeps: PublicContentDeps = {
    live,
    categories,
    homeBlocks: homeBlockService,
    shell: deps.shell,
    sites: deps.sites,
    pages: deps.pages,
    media: deps.media,
    baseDomain: platform.config.baseDomain,
  };
  const present = createPublicPresenter(publicDeps);
  const leaderDeps: LeadersDeps = { db, shell: deps.shell, sites: deps.sites, pages: deps.pages, media: deps.media };
  const admin: ContentAdmin = {
    admin: deps.accounts.admin,
    content,
    desk,
    categories,
    homeBlocks: homeBlockService,
    relations: createItemRelations({
      content,
      desk,
      categories,
      listMedia: deps.media.listMedia,
      getMedia: deps.media.getMedia,
      sites: deps.sites.directory,
      libraryHref: (lang) => mediaPaths.href(lang, 'media'),
    }),
    contact: (id) => deps.accounts.contact(id),
    listMedia: deps.media.listMedia,
    menus: deps.menus,
    listPages: deps.pages.listPages,
    ...(deps.deadlines ? { deadlinesOf: (id: number) => deps.deadlines!.ofSubject(db, 'content', id) } : {}),
  };

  return defineModule({
    name: 'content',
    needs: ['sites', 'menus', 'site-shell', 'search', 'pages', 'demo', 'accounts', 'calendar', 'media'],
    publicRoutes: (routes, lang) => {
      itemPublicRoutes(routes, lang, publicDeps, present);
      listingPublicRoutes(routes, lang, publicDeps, present);
      calendarPublicRoutes(routes, lang, publicDeps, present);
      feedPublicRoutes(routes, lang, publicDeps, present);
      leaderPublicRoutes(routes, lang, leaderDeps);
    },
    apiRoutes: (routes) => leadersApi(routes, leaderDeps),
    apiTags: [{ name: 'content', description: 'What the sites publish: the leaders of a site' }],
    adminRoutes: (routes, lang) => {
      itemRoutes(routes, lang, admin);
      itemFormRoutes(routes, lang, admin);
      itemPageRoutes(routes, lang, admin);
      revisionRoutes(routes, lang, admin);
      deskRoutes(routes, lang, admin);
      structureRoutes(routes, lang, admin);
      fixedPageRoutes(routes, lang, { ...admin, fixed });
      structureEditRoutes(routes, lang, admin, { siteById: (id) => deps.sites.directory.byId(id) });
    },
    jobs: [
      { name: 'content.schedule', everyMs: 30_000, run: () => content.runSchedule() },
      { name: 'content.review_reminders', everyMs: 6 * 3600_000, run: () => content.remindOverdueReviews() },
    ],
    adminNav: [
      { label: (lang) => t(lang, 'nav.content'), href: (lang) => adminPaths.href(lang, 'content'), action: 'content.write' },
      { label: (lang) => t(lang, 'nav.queues'), href: (lang) => adminPaths.href(lang, 'queues'), action: 'content.write' },
      { label: (lang) => t(lang, 'nav.workflow'), href: (lang) => adminPaths.href(lang, 'workflowSettings'), action: 'site.settings' },
      { label: (lang) => t(lang, 'nav.structure'), href: (lang) => adminPaths.href(lang, 'structure'), action: 'menus.manage' },
      { label: (lang) => ft(lang, 'nav.fixedPages'), href: (lang) => fixedAdminPaths.href(lang, 'fixedPages'), action: 'content.write' },
      { label: (lang) => ts(lang, 'consent.nav'), href: (lang) => adminPaths.href(lang, 'crossPostConsent'), action: 'content.approve' },
    ],
    dashboardCards: contentCards(content, desk),
    searchTypes: search ? [contentSearchType()] : [],
    seed: async () => {
      const { siteIds, accountIds } = await deps.accounts.demoIds();
      const items = await seedDemoContent({ content, categories }, siteIds, accountIds);
      // Topics that cut across categories, on the portal and every component site (the topics screen, /chu-de/…).
      const topics = await categories.seedDemoTopics([...siteIds.values()], DEMO_TOPICS);
      return { items, topics, leaders: await seedDemoLeaders(content, siteIds, accountIds) };
    },
    provides: {
      content,
      categories,
      homeBlockService,
      /** The fixed pages' items: opening (creating) the item of a fixed page. */
      fixedPages: fixed,
      /** The home page's content blocks, as the operator arranged them, and the head elements they need. */
      homeBlocks: createHomeContent(publicDeps, present),
      /** The site map's groups of content's public sections: categories, topics, type lists, calendar, feed. */
      siteSections: (siteId: number, lang: Lang) => contentSections(categories, siteId, lang),
    },
  });
}

export type ContentModule = ReturnType<typeof contentModule>;
