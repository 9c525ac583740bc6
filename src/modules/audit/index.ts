/**
 * Audit log: the append-only, hash-chained record of who did what. The module's only entry
 * point; a use case records what it did with `audited` inside the transaction of the change (`recordAudit`
 * only where there is no actor).
 */
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
