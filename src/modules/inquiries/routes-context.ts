/** What the module's HTTP parts (API, public pages, admin consoles) receive from index.ts. */
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/create-db.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Storage } from '../../platform/storage/index.ts';
import type { Actor } from '../access/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { SitesModule } from '../sites/index.ts';
import type { AgencyService } from './agencies.service.ts';
import type { HandlingService } from './handling.service.ts';
import type { OfficerInput } from './officer-log.ts';
import type { PublicationService } from './publication.service.ts';
import type { SubmissionService, Submitted } from './submission.service.ts';

export interface InquiryRoutesContext {
  db: Db;
  config: Config;
  sites: SitesModule;
  shell: SiteShell;
  accounts: AccountsModule;
  submission: SubmissionService;
  handling: HandlingService;
  publication: PublicationService;
  agencies: AgencyService;
  /** Private files: citizens' attachments, answers' files, redacted public copies. */
  storage: Storage;
  statusUrl(siteId: number, lang: Lang): Promise<string>;
  logOnBehalf(actor: Actor, input: OfficerInput): Promise<Submitted>;
}

/** The submissions rate limit shared by the form and the API (one counter per IP address). */
export function submissionRateLimit(config: Config) {
  return {
    rateLimit: {
      max: config.inquirySubmissionsPerMinute,
      timeWindow: '1 minute',
      groupId: 'inquiry-submissions',
      allowList: allowListed(config),
    },
  };
}

/**
 * Trusted gateways, by IP address. A function, not a list: with a `groupId` the plugin compares
 * a list against the key with the group appended, which never matches an address.
 */
export function allowListed(config: Config): (request: { ip: string }) => boolean {
  const allowed = new Set(config.inquiryRateLimitAllow);
  return (request) => allowed.has(request.ip);
}
