/**
 * `audited(tx, actor, action, target, summary)`: the way a use case records what it did. The
 * actor's id, label and address come from the actor itself, so an entry is written the same way
 * everywhere; call it inside the transaction of the change (the entry commits with it or not at
 * all). `recordAudit` stays for the few entries with no actor (a refused CSRF token, a sign-in
 * attempt for an unknown address).
 */
import type { DbOrTx } from '../../platform/db/create-db.ts';
import { actorId, actorIp, actorLabel, type Actor } from '../access/index.ts';
import { recordAudit } from './audit.service.ts';

export interface AuditTarget {
  /** What kind of thing was acted on ("content_item", "site", "inquiry"). */
  type?: string;
  id?: string | number;
  /** The site it belongs to, when it belongs to one. */
  siteId?: number | null;
}

export function audited(
  tx: DbOrTx,
  actor: Actor,
  action: string,
  target: AuditTarget = {},
  summary?: Record<string, unknown>,
): Promise<{ id: number; hash: string }> {
  return recordAudit(tx, {
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    ip: actorIp(actor),
    action,
    ...(target.siteId !== undefined ? { siteId: target.siteId } : {}),
    ...(target.type !== undefined ? { targetType: target.type } : {}),
    ...(target.id !== undefined ? { targetId: target.id } : {}),
    ...(summary ? { summary } : {}),
  });
}
