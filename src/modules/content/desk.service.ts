/**
 * The reads of the editorial desk beyond one item's use cases: a site's items for the content
 * list, a person's notifications, the items offered as translations, and the copies an item
 * has on other sites. Each authorises like the page that shows it.
 */
import type { Db } from '../../platform/db/create-db.ts';
import type { ContentItemRow } from '../../platform/db/schema.ts';
import { authorize, type Actor } from '../access/index.ts';
import * as adminRepo from './admin.repo.ts';
import * as notificationsRepo from './notifications.repo.ts';

export type { AdminListFilter, AdminListRow, ItemChoiceRow } from './admin.repo.ts';
export type { NotificationRow } from './notifications.repo.ts';

type Person = Actor & { kind: 'person' };

export class EditorialDesk {
  readonly #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /** The items of a site matching the filter, most recently changed first (writers of the site). */
  items(actor: Actor, siteId: number, filter: adminRepo.AdminListFilter) {
    authorize(actor, 'content.write', siteId);
    return adminRepo.listSiteItems(this.#db, siteId, filter);
  }

  /** A person's unread notifications, newest first. */
  unread(actor: Person, limit: number) {
    return notificationsRepo.unreadOf(this.#db, actor.accountId, limit);
  }

  unreadCount(actor: Person) {
    return notificationsRepo.countUnread(this.#db, actor.accountId);
  }

  /** Marks the person's notifications read: all of them, or those about one item (seeing it is reading them). */
  markRead(actor: Person, itemId?: number) {
    return notificationsRepo.markRead(this.#db, actor.accountId, itemId);
  }

  /** The item of the other language this item is linked with, if any. */
  async translationOf(item: ContentItemRow): Promise<adminRepo.ItemChoiceRow | undefined> {
    if (item.translation_group === null) return undefined;
    return (await adminRepo.translationsOf(this.#db, item.site_id, item.translation_group, item.id)).find((r) => r.lang !== item.lang);
  }

  /** Items of a site in one language, to choose a translation from (newest change first). */
  itemsInLanguage(siteId: number, lang: string, limit: number) {
    return adminRepo.itemsInLanguage(this.#db, siteId, lang, limit);
  }

  /** Copies made of an item on other sites (cross-posts to component sites, proposals to the portal). */
  copiesOf(itemId: number) {
    return adminRepo.copiesOf(this.#db, itemId);
  }
}
