/**
 * Citizens' questions, feedback and the hotline (QA-1..8, DL-9): the public form and status
 * page on every site, the API for other channels, the board's intake, the agencies' answers,
 * the hotline console, the public Q&A section, deadlines on the calendar module's engine and
 * the retention of personal data. Other modules use only what is exported here.
 */
import path from 'node:path';
import type { Platform } from '../../platform/platform.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { defineModule } from '../../platform/module.ts';
import { createLocalDiskStorage, type Storage } from '../../platform/storage/index.ts';
import type { Actor } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { CalendarModule } from '../calendar/index.ts';
import type { DirectoryModule } from '../directory/index.ts';
import type { SearchModule } from '../search/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { siteOrigin, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import { AgencyService } from './agencies.service.ts';
import { HandlingService } from './handling.service.ts';
import { inquiryAdmin } from './inquiries.admin.ts';
import { inquiryApi } from './inquiries.api.ts';
import { inquiryPages } from './inquiries.public.ts';
import { logOnBehalf, type OfficerInput } from './officer-log.ts';
import { adminPaths, LANG_PREFIX, publicPaths } from './paths.ts';
import { PublicationService } from './publication.service.ts';
import { erasePersonalData } from './retention.ts';
import { SpamCheck } from './spam-check.ts';
import { SubmissionService } from './submission.service.ts';
import { t } from './messages.ts';

import { seedDemoInquiries } from './demo.seed.ts';
export { KINDS, FIELDS, CHANNELS, STATUSES, statusLabel, type InquiryStatus } from './inquiry-types.ts';
export type { SubmissionInput, Submitted } from './submission.service.ts';

export interface InquiriesDeps {
  sites: SitesModule;
  shell: SiteShell;
  accounts: AccountsModule;
  calendar: CalendarModule;
  search: SearchModule;
  /** The sites' directory: each answering agency is one of its units. */
  directory: DirectoryModule;
  storage?: Storage;
}

/**
 * The address of a site as citizens reach it, for mails written outside a request: plain
 * http with the port on a local base domain (the demo), https otherwise.
 */
export function publicOrigin(site: SiteWithHosts, all: readonly SiteWithHosts[], baseDomain: string, port: number): string {
  const local = baseDomain === 'localhost' || baseDomain.endsWith('.localhost') || /^[\d.]+$/.test(baseDomain);
  const main = all.find((s) => s.kind === 'portal' && s.parent_id === null);
  return siteOrigin(site, { protocol: local ? 'http' : 'https', port: local ? port : undefined, baseDomain }, site.id === main?.id);
}

export function inquiriesModule(platform: Platform, deps: InquiriesDeps) {
  const { db, config } = platform;
  const storage = deps.storage ?? createLocalDiskStorage(path.join(config.dataDir, 'inquiries'));
  const deadlines = deps.calendar.deadlines;

  async function siteUrl(siteId: number): Promise<string> {
    const all = await deps.sites.directory.liveSites();
    const site = all.find((s) => s.id === siteId) ?? (await deps.sites.directory.byId(siteId));
    return site ? publicOrigin(site, all, config.baseDomain, config.port) : '';
  }
  const statusUrl = async (siteId: number, lang: Lang) => `${await siteUrl(siteId)}${LANG_PREFIX[lang]}${publicPaths.path(lang, 'inquiryStatus')}`;

  const submission = new SubmissionService(db, storage, deadlines);
  const agencies = new AgencyService(db, deps.directory.directory);
  const handling = new HandlingService({
    db,
    storage,
    deadlines,
    accountsWithRoles: (siteId, roles) => deps.accounts.accountsWithRoles(siteId, roles),
    respondersOf: (siteId, unitId) => deps.accounts.respondersOf(siteId, unitId),
    statusUrl,
    adminUrl: async (siteId, id) => `${await siteUrl(siteId)}${adminPaths.href('vi', 'inquiries', `/${id}`)}`,
  });
  const publication = new PublicationService(db, storage, deps.search.search);
  const logCall = (actor: Actor, input: OfficerInput) => logOnBehalf(db, submission, actor, input);
  // What the routes receive (each route file names the part it uses).
  const edge = {
    sites: deps.sites,
    shell: deps.shell,
    admin: deps.accounts.admin,
    config,
    submission,
    handling,
    publication,
    agencies,
    storage,
    statusUrl,
    logOnBehalf: logCall,
    spam: new SpamCheck(db),
    respondersOf: (siteId: number, unitId: number) => deps.accounts.respondersOf(siteId, unitId),
    unitChoices: (siteId: number, lang: Lang) => deps.directory.choices(siteId, lang),
  };

  return defineModule({
    name: 'inquiries',
    needs: ['sites', 'site-shell', 'search', 'directory', 'accounts', 'calendar'],
    publicRoutes: (routes, lang) => inquiryPages(routes, lang, edge),
    adminRoutes: (routes, lang) => inquiryAdmin(routes, lang, edge),
    apiRoutes: (routes) => inquiryApi(routes, edge),
    apiTags: [
      { name: 'inquiries', description: 'Citizens’ questions, feedback, petitions: submit and follow (other channels: the city’s app, the national portal)' },
    ],
    jobs: [{ name: 'inquiries.retention', everyMs: 6 * 3600_000, run: () => erasePersonalData(db, storage, config.inquiryRetentionMonths) }],
    // A nav entry has one action: the board's entry and the agencies' entry lead to the same list
    // (someone holding both roles sees both).
    adminNav: [
      { label: (lang) => t(lang, 'nav.board'), href: (lang) => adminPaths.href(lang, 'inquiries'), action: 'inquiries.intake' },
      { label: (lang) => t(lang, 'nav.agencyAnswers'), href: (lang) => adminPaths.href(lang, 'inquiries'), action: 'inquiries.answer' },
      { label: (lang) => t(lang, 'nav.hotline'), href: (lang) => adminPaths.href(lang, 'hotline'), action: 'hotline.log' },
      { label: (lang) => t(lang, 'nav.agencies'), href: (lang) => adminPaths.href(lang, 'inquiryAgencies'), action: 'site.settings' },
    ],
    searchTypes: [publication.searchType],
    seed: async () => {
      const { siteIds, accountIds } = await deps.accounts.demoIds();
      const inquiries = { submission, handling, publication, agencies, statusUrl, logOnBehalf: logCall };
      return { inquiries: await seedDemoInquiries({ db, inquiries, calendar: deps.calendar }, siteIds, accountIds) };
    },
    provides: {
      submission,
      handling,
      publication,
      agencies,
      storage,
      statusUrl,
      logOnBehalf: logCall,
      /** The site map's group of this module's public pages (paths inside a site). */
      siteSections: async (_siteId: number, lang: Lang) => [
        {
          heading: t(lang, 'common.questionsAnswers'),
          links: [
            { label: t(lang, 'common.questionsAnswers'), path: publicPaths.path(lang, 'qa') },
            { label: t(lang, 'common.sendQuestionFeedback'), path: publicPaths.path(lang, 'ask') },
            { label: t(lang, 'common.trackYourRequest'), path: publicPaths.path(lang, 'inquiryStatus') },
          ],
        },
      ],
      /** Personal data of requests closed longer than the retention period are erased (the job's work). */
      erasePersonalData: (now?: Date) => erasePersonalData(db, storage, config.inquiryRetentionMonths, now),
    },
  });
}

export type InquiriesModule = ReturnType<typeof inquiriesModule>;
