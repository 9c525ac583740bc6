/** SQL of the people's notifications (written by the content service inside its transitions). */
import type { DbOrTx } from '../../platform/db/create-db.ts';

export interface NotificationRow {
  id: number;
  site_id: number | null;
  item_id: number | null;
  message: string;
  created_at: Date;
}

/** A person's unread notifications, newest first. */
export function unreadOf(db: DbOrTx, accountId: number, limit = 50): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(['id', 'site_id', 'item_id', 'message', 'created_at'])
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<NotificationRow[]>;
}

export async function countUnread(db: DbOrTx, accountId: number): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Marks a person's unread notifications as read: all of them, or those about one item. */
export async function markRead(db: DbOrTx, accountId: number, itemId?: number): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: new Date() }).where('account_id', '=', accountId).where('read_at', 'is', null);
  if (itemId !== undefined) q = q.where('item_id', '=', itemId);
  await q.execute();
}
