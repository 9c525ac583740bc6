/**
 * Items and their legal deadline (DL-1..DL-8): the type's trigger field (event, issue, approval
 * or decision date) starts the clock of the type's rule; the first publication meets it.
 * Runs inside the transaction of every change of an item.
 */
import type { Tx } from '../../platform/db/create-db.ts';
import type { DeadlineService } from '../calendar/index.ts';
import { contentType } from './content-types.ts';
import * as repo from './content.repo.ts';

export const DEADLINE_SUBJECT = 'content';

/** A date-only trigger ("2026-11-20") counts from the start of that day in Việt Nam. */
export function triggerOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const at = new Date(`${value}T00:00:00+07:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function contentDeadlineHook(deadlines: DeadlineService): (tx: Tx, itemId: number) => Promise<void> {
  return async (tx, itemId) => {
    const item = await repo.findItem(tx, itemId);
    const type = item ? contentType(item.type) : undefined;
    // Copies made by cross-posting are the origin's obligation, not the copying site's.
    if (!item || !type?.deadline || item.origin_item_id !== null) return;
    const revisionId = item.live_revision_id ?? item.working_revision_id;
    const revision = revisionId ? await repo.findRevision(tx, revisionId) : undefined;
    const trigger = triggerOf(revision?.fields?.[type.deadline.field]);
    if (!trigger) {
      await deadlines.forget(tx, DEADLINE_SUBJECT, item.id);
      return;
    }
    await deadlines.track(tx, {
      siteId: item.site_id,
      subjectType: DEADLINE_SUBJECT,
      subjectId: item.id,
      ruleCode: type.deadline.rule,
      trigger,
      ownerId: item.provider_id,
    });
    if (item.first_published_at) await deadlines.meet(tx, DEADLINE_SUBJECT, item.id, new Date(item.first_published_at));
  };
}
