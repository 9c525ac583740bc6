/**
 * Audit log: the append-only, hash-chained record of who did what. The module's only entry
 * point; other modules call recordAudit inside the transaction of the change they record.
 */
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
export { audited, type AuditTarget } from './audited.ts';
