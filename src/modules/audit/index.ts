/**
 * Audit log: the append-only, hash-chained record of who did what. The module's only entry
 * point. Use cases record what they did with `audited(tx, actor, …)` inside the transaction of
 * the change (`recordAudit` for the few entries with no actor); these are functions, not
 * `provides`, because they run on the caller's transaction and every module's services call
 * them without holding the module. The factory adds what needs the platform: the retention job
 * and the reading side (list, export, verify) bound to the database.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import { exportAuditCsv, listAudit, pruneAudit, verifyAuditChain, type AuditFilter } from './audit.service.ts';

export { audited, type AuditTarget } from './audited.ts';
export {
  recordAudit,
  verifyAuditChain,
  listAudit,
  exportAuditCsv,
  pruneAudit,
  MIN_RETENTION_MONTHS,
  type AuditEntryInput,
  type AuditEntryView,
  type AuditFilter,
  type ChainProblem,
} from './audit.service.ts';

export function auditModule(platform: Platform) {
  const { db, config } = platform;
  return defineModule({
    name: 'audit',
    needs: [],
    // AUDIT_RETENTION_MONTHS=0 keeps the log forever: no job at all then.
    jobs: config.auditRetentionMonths > 0 ? [{ name: 'audit.retention', everyMs: 24 * 3600_000, run: () => pruneAudit(db, config.auditRetentionMonths) }] : [],
    provides: {
      /** Newest first, one page (keyset by id). */
      list: (filter: AuditFilter) => listAudit(db, filter),
      /** The same filter as a CSV file. */
      exportCsv: (filter: AuditFilter) => exportAuditCsv(db, filter),
      verifyChain: () => verifyAuditChain(db),
    },
  });
}

export type AuditModule = ReturnType<typeof auditModule>;
