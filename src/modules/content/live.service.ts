/**
 * What the public sees of content, read one way: every public page, feed and home block asks
 * here (live items only; drafts, withdrawn and archived items are simply not found).
 */
import type { Db } from '../../platform/db/create-db.ts';
import * as repo from './live.repo.ts';

export type { LiveFilter, LiveItem, LiveSummary } from './live.repo.ts';

export class LiveContent {
  readonly #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** The live item with this slug on a site, whole. */
  item(siteId: number, lang: string, slug: string) {
    return repo.findLiveBySlug(this.#db, siteId, lang, slug);
  }

  /** A page of a listing, newest first publication first, without bodies. */
  summaries(siteId: number, lang: string, filter: repo.LiveFilter, limit: number, offset = 0) {
    return repo.listLiveSummaries(this.#db, siteId, lang, filter, limit, offset);
  }

  count(siteId: number, lang: string, filter: repo.LiveFilter) {
    return repo.countLive(this.#db, siteId, lang, filter);
  }

  /** Where the original of a cross-posted or proposed copy is, while it is live. */
  original(itemId: number) {
    return repo.findLiveRef(this.#db, itemId);
  }

  /** The live translation of an item in `lang`, if any. */
  translation(siteId: number, group: number, lang: string) {
    return repo.liveTranslation(this.#db, siteId, group, lang);
  }

  sitemapItems(siteId: number, limit: number) {
    return repo.sitemapItems(this.#db, siteId, limit);
  }

  lastPublished(siteId: number) {
    return repo.lastPublished(this.#db, siteId);
  }

  /** The work calendar published for the week starting `monday` (YYYY-MM-DD). */
  calendarOfWeek(siteId: number, lang: string, monday: string) {
    return repo.liveCalendarOfWeek(this.#db, siteId, lang, monday);
  }

  latestCalendarWeek(siteId: number, lang: string) {
    return repo.latestCalendarWeek(this.#db, siteId, lang);
  }
}
