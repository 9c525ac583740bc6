/**
 * Rate limits of the citizens' side, per IP address: submissions (one counter shared by the form
 * and the API) and look-ups by code (the status page, the API). Trusted gateways (the city's app,
 * the national portal, in `INQUIRY_RATE_LIMIT_ALLOW`) are not limited.
 */
import type { Config } from '../../platform/config.ts';

/**
 * Trusted gateways, by IP address. A function, not a list: with a `groupId` the plugin compares
 * a list against the key with the group appended, which never matches an address.
 */
function allowListed(config: Config): (request: { ip: string }) => boolean {
  const allowed = new Set(config.inquiryRateLimitAllow);
  return (request) => allowed.has(request.ip);
}

/** Route config of a submission, by the form or the API. */
export function submissionRateLimit(config: Config) {
  return { rateLimit: { max: config.inquirySubmissionsPerMinute, timeWindow: '1 minute', groupId: 'inquiry-submissions', allowList: allowListed(config) } };
}

/** Route config of the status page's posts (look-up, information added). */
export function statusPageRateLimit(config: Config) {
  return { rateLimit: { max: 20, timeWindow: '1 minute', groupId: 'inquiry-status-page', allowList: allowListed(config) } };
}

/** Route config of the API's look-up by code and contact. */
export function apiLookupRateLimit(config: Config) {
  return { rateLimit: { max: 30, timeWindow: '1 minute', groupId: 'inquiry-lookups', allowList: allowListed(config) } };
}
