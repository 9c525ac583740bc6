/**
 * Citizens' questions, feedback and the hotline (QA-1..8, DL-9): the public form and status
 * page on every site, the API for other channels, the board's intake, the agencies' answers,
 * the hotline console, the public Q&A section, deadlines on the calendar module's engine and
 * the retention of personal data. Other modules use only what is exported here.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { createLocalDiskStorage, type Storage } from '../../platform/storage/index.ts';
import { adminHref, type AccountsModule } from '../accounts/index.ts';
import type { CalendarModule } from '../calendar/index.ts';
import type { SearchModule } from '../search/index.ts';
import { PATHS, type SiteShell } from '../site-shell/index.ts';
import { siteOrigin, type SitesModule, type SiteWithHosts } from '../sites/index.ts';
import { AgencyService } from './agencies.service.ts';
import { HandlingService } from './handling.service.ts';
import { registerInquiryApi } from './inquiries.api.ts';
import { registerInquiryPages } from './inquiries.pages.ts';
import { registerInquiryAdmin } from './inquiries.admin.ts';
import { logOnBehalf, type OfficerInput } from './officer-log.ts';
import { PublicationService } from './publication.service.ts';
import { erasePersonalData } from './retention.ts';
import { SubmissionService } from './submission.service.ts';
import type { Actor } from '../access/index.ts';

export { KINDS, FIELDS, CHANNELS, STATUSES, statusLabel, type InquiryStatus } from './inquiry-types.ts';
export type { SubmissionInput, Submitted } from './submission.service.ts';

export interface InquiriesDeps {
  sites: SitesModule;
  shell: SiteShell;
  accounts: AccountsModule;
  calendar: CalendarModule;
  search: SearchModule;
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
  const statusUrl = async (siteId: number, lang: Lang) => `${await siteUrl(siteId)}${lang === 'en' ? '/english' : ''}${PATHS.inquiryStatus[lang]}`;

  const submission = new SubmissionService(db, storage, deadlines);
  const agencies = new AgencyService(db);
  const handling = new HandlingService({
    db,
    storage,
    deadlines,
    accountsWithRoles: (siteId, roles) => deps.accounts.accountsWithRoles(siteId, roles),
    respondersOf: (siteId, unit) => deps.accounts.respondersOf(siteId, unit),
    statusUrl,
    adminUrl: async (siteId, id) => `${await siteUrl(siteId)}${adminHref('vi', 'inquiries', `/${id}`)}`,
  });
  const publication = new PublicationService(db, storage, deps.search.search);

  return {
    name: 'inquiries',
    submission,
    handling,
    publication,
    agencies,
    storage,
    statusUrl,
    logOnBehalf: (actor: Actor, input: OfficerInput) => logOnBehalf(db, submission, actor, input),
    /** Background job: personal data of requests closed longer than the retention period are erased. */
    erasePersonalData: (now?: Date) => erasePersonalData(db, storage, config.inquiryRetentionMonths, now),
    register: async (app: FastifyInstance) => {
      const ctx = {
        db,
        config,
        sites: deps.sites,
        shell: deps.shell,
        accounts: deps.accounts,
        submission,
        handling,
        publication,
        agencies,
        storage,
        statusUrl,
        logOnBehalf: (actor: Actor, input: OfficerInput) => logOnBehalf(db, submission, actor, input),
      };
      registerInquiryApi(app, ctx);
      registerInquiryPages(app, ctx);
      registerInquiryAdmin(app, ctx);
    },
  };
}

export type InquiriesModule = ReturnType<typeof inquiriesModule>;
export type { InquiryRoutesContext } from './routes-context.ts';
