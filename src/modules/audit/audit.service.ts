/**
 * The audit log: an append-only, hash-chained record of who did what. Entries are written in
 * the transaction of the change they record; verification walks the chain and names every
 * entry that was changed, removed or moved; retention removes only a prefix of the chain
 * and leaves an anchor so verification still has a known start.
 *
 * Ids are the chain's positions: each writer, holding the chain lock, takes max(id) + 1, so
 * ids have no gaps (a rolled-back entry leaves none either) and a gap means a removal.
 */
import { withTx, type Db, type DbOrTx } from '../../platform/db/create-db.ts';
import type { AuditLogRow } from '../../platform/db/schema.ts';
import { Invalid } from '../../platform/http/errors.ts';
import { cleanText } from '../../platform/text/index.ts';
import { GENESIS_HASH, canonicalJson, entryHash, storableSummary, storableText, toMillis, type ChainContent } from './audit.chain.ts';
import { presentEntry, toCsv, type AuditEntryView } from './audit.present.ts';
import * as repo from './audit.repo.ts';

export type { AuditEntryView };

export interface AuditEntryInput {
  actorId: number | null;
  actorLabel: string;
  ip?: string;
  siteId?: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  summary?: Record<string, unknown>;
}

const ACTION_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
/** A summary is a few facts, not a document. */
const MAX_SUMMARY_CHARS = 32_768;

/**
 * Appends one entry inside the caller's transaction `tx` (so the entry commits with the change
 * it records, or not at all). Serialises writers with pg_advisory_xact_lock so the chain has
 * one order even with several processes. Given a plain Db, runs in a transaction of its own.
 * Call it in a READ COMMITTED transaction (the default): a serializable snapshot taken before
 * the lock would see a stale head, and the insert would then fail on the duplicate id.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntryInput): Promise<{ id: number; hash: string }> {
  // The time is read once the lock is held, so entries of one process are in time order.
  if (!tx.isTransaction) return withTx(tx, (own) => appendEntry(own, entry, () => new Date()));
  return appendEntry(tx, entry, () => new Date());
}

/**
 * recordAudit with an explicit time, read *after* the lock is held when `at` is a function.
 * Internal: the service and tests (old entries for retention) use it; not exported by index.ts.
 */
export async function appendEntry(tx: DbOrTx, entry: AuditEntryInput, at: Date | (() => Date)): Promise<{ id: number; hash: string }> {
  const action = entry.action;
  if (typeof action !== 'string' || !ACTION_RE.test(action)) throw new TypeError(`Invalid audit action: ${JSON.stringify(action)}`);
  const actorLabel = storableText(cleanText(String(entry.actorLabel ?? '')));
  if (!actorLabel) throw new TypeError('An audit entry needs an actor label.');
  const summary = storableSummary(entry.summary);
  const summaryText = canonicalJson(summary);
  if (summaryText.length > MAX_SUMMARY_CHARS) throw new TypeError(`Audit summary too long (${summaryText.length} characters).`);

  await repo.lockChain(tx);
  const head = await repo.findHead(tx);
  const prevHash = head ? head.hash : ((await repo.findAnchor(tx))?.prev_hash ?? GENESIS_HASH);
  const content: ChainContent = {
    id: (head?.id ?? 0) + 1,
    at: toMillis(typeof at === 'function' ? at() : at),
    actor_id: entry.actorId ?? null,
    actor_label: actorLabel,
    ip: storableText(entry.ip ?? ''),
    site_id: entry.siteId ?? null,
    action,
    target_type: storableText(entry.targetType ?? ''),
    target_id: storableText(entry.targetId === undefined ? '' : String(entry.targetId)),
    summary,
  };
  const hash = entryHash(prevHash, content);
  await repo.insertEntry(tx, { ...content, summary: summaryText, prev_hash: prevHash, hash });
  return { id: content.id, hash };
}

// ── Verification ─────────────────────────────────────────────────────────────────────

export interface ChainProblem {
  id: number;
  kind: 'altered' | 'broken-link' | 'missing' | 'reordered';
  message: string;
}

const VERIFY_PAGE = 1000;
/** Beyond this many suspicious rows, rows are not kept for the "moved from" search. */
const KEEP_ROWS = 10_000;
/** Upper bound of hashes tried when looking for where moved rows came from. */
const MAX_MOVE_TRIALS = 2_000_000;

interface Anomaly {
  id: number;
  /** The row, kept for the "moved from" search (undefined past KEEP_ROWS). */
  row: AuditLogRow | undefined;
  contentOk: boolean;
  linkOk: boolean;
  /** Ids that should be here and are not: [first, last]. */
  gap: [number, number] | undefined;
  /** Id of the row before it in the walk; undefined for the first row. */
  prevId: number | undefined;
  /** No anchor and no previous row: the row links to the genesis hash. */
  first: boolean;
}

/**
 * Walks the whole chain in id order (streaming in pages of 1000) and reports every problem:
 * an altered row (its hash does not match its content), a removed row (gap: the next row's
 * prev_hash is not the previous row's hash, or ids skip), a reordered row (its content is
 * intact but was hashed for another id). A removal at the very end (the newest entries) leaves
 * no trace in the chain itself: compare `checked` or the newest hash with an earlier record.
 */
export async function verifyAuditChain(db: Db): Promise<{ checked: number; problems: ChainProblem[] }> {
  // A retention run during the walk moves the chain's start: walk again (at most twice more).
  for (let attempt = 0; ; attempt++) {
    const before = await repo.findAnchor(db);
    const result = await walkChain(db, before);
    const after = await repo.findAnchor(db);
    const moved = before?.prev_hash !== after?.prev_hash || before?.pruned_count !== after?.pruned_count;
    if (!moved || attempt >= 2) return result;
  }
}

async function walkChain(db: Db, anchor: repo.AuditAnchorRow | undefined): Promise<{ checked: number; problems: ChainProblem[] }> {
  const anomalies: Anomaly[] = [];
  let checked = 0;
  let expectedPrev = anchor?.prev_hash ?? GENESIS_HASH;
  let prevId: number | undefined;
  for (;;) {
    const page = await repo.chainPage(db, prevId ?? 0, VERIFY_PAGE);
    for (const row of page) {
      checked++;
      const contentOk = entryHash(row.prev_hash, row) === row.hash;
      const linkOk = row.prev_hash === expectedPrev;
      let gap: [number, number] | undefined;
      if (prevId !== undefined) {
        if (row.id !== prevId + 1) gap = [prevId + 1, row.id - 1];
      } else if (!anchor && row.id !== 1) {
        gap = [1, row.id - 1];
      }
      if (!contentOk || !linkOk || gap) {
        anomalies.push({
          id: row.id,
          row: anomalies.length < KEEP_ROWS ? row : undefined,
          contentOk,
          linkOk,
          gap,
          prevId,
          first: prevId === undefined && !anchor,
        });
      }
      expectedPrev = row.hash;
      prevId = row.id;
    }
    if (page.length < VERIFY_PAGE) break;
  }
  return { checked, problems: classify(anomalies, anchor !== undefined) };
}

/** Turns the walk's suspicious rows into problems, one cause reported once. */
function classify(anomalies: Anomaly[], anchored: boolean): ChainProblem[] {
  const movedFrom = findMovedRows(anomalies);
  const byId = new Map(anomalies.map((a) => [a.id, a]));
  const problems: ChainProblem[] = [];
  for (const a of anomalies) {
    if (a.gap) {
      const [first, last] = a.gap;
      problems.push({
        id: first,
        kind: 'missing',
        message:
          first === last
            ? `Mục ${first} đã bị xoá khỏi nhật ký (mục ${a.id} không còn nối với mục trước nó).`
            : `Các mục ${first}–${last} đã bị xoá khỏi nhật ký (mục ${a.id} không còn nối với mục trước nó).`,
      });
    }
    const from = movedFrom.get(a.id);
    if (from !== undefined) {
      problems.push({ id: a.id, kind: 'reordered', message: `Mục ở vị trí ${a.id} là mục ${from} bị chuyển chỗ (thứ tự nhật ký đã bị sửa).` });
      continue;
    }
    if (!a.contentOk) {
      problems.push({ id: a.id, kind: 'altered', message: `Nội dung mục ${a.id} đã bị sửa: mã băm không khớp với nội dung.` });
      continue;
    }
    if (a.linkOk || a.gap) continue;
    // The link is broken although this row is intact and nothing is missing before it.
    const prev = a.prevId === undefined ? undefined : byId.get(a.prevId);
    if (prev && (!prev.contentOk || movedFrom.has(prev.id))) continue; // already reported on the previous row
    if (a.prevId === undefined && anchored && a.id > 1) {
      problems.push({
        id: a.id - 1,
        kind: 'missing',
        message: `Mục ${a.id}, mục cũ nhất còn lại, không nối với mốc lưu trữ: các mục ngay trước nó đã bị xoá (hoặc mốc bị sửa).`,
      });
      continue;
    }
    problems.push({
      id: a.id,
      kind: 'broken-link',
      message:
        a.prevId === undefined
          ? `Mục ${a.id} không nối với điểm đầu của nhật ký${a.first ? '' : ' (mốc lưu trữ)'}.`
          : `Mục ${a.id} không nối với mục ${a.prevId}: mục ${a.prevId} đã bị sửa và tính lại mã băm, hoặc liên kết bị sửa.`,
    });
  }
  return problems.sort((x, y) => x.id - y.id);
}

/**
 * Rows whose hash does not match their own id but does match another id near a problem:
 * intact entries moved to another place. Returns position id → original id.
 */
function findMovedRows(anomalies: Anomaly[]): Map<number, number> {
  const moved = new Map<number, number>();
  const suspects = anomalies.filter((a) => !a.contentOk && a.row);
  if (suspects.length === 0) return moved;
  const candidates = new Set<number>();
  for (const a of anomalies) {
    for (const id of [a.id - 1, a.id, a.id + 1]) if (id > 0) candidates.add(id);
    if (a.gap) {
      const [first, last] = a.gap;
      if (last - first < 100) for (let id = first; id <= last; id++) candidates.add(id);
      else candidates.add(first).add(last);
    }
  }
  if (suspects.length * candidates.size > MAX_MOVE_TRIALS) return moved;
  for (const a of suspects) {
    const row = a.row!;
    for (const id of candidates) {
      if (id !== row.id && entryHash(row.prev_hash, { ...row, id }) === row.hash) {
        moved.set(row.id, id);
        break;
      }
    }
  }
  return moved;
}

// ── Reading ──────────────────────────────────────────────────────────────────────────

export interface AuditFilter {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  actorId?: number;
  /** Entries of these sites only (entries of no site are then left out); 'all' or unset: everything. */
  siteIds?: number[] | 'all';
  /** Prefix match: 'site.' finds 'site.created', 'site.updated'… */
  action?: string;
  /** Part of actor_label or target_id, ignoring case and Vietnamese diacritics. */
  q?: string;
  /** 1…1000, default 50 (listAudit); the export takes everything up to 100 000 unless given. */
  limit?: number;
  /** Keyset pagination: entries with a smaller id (pass the last id of the previous page). */
  beforeId?: number;
}

const LIST_DEFAULT = 50;
const LIST_MAX = 1000;
const EXPORT_MAX = 100_000;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filter checked and turned into what the repo needs. */
function criteria(filter: AuditFilter, limit: number): repo.ListCriteria {
  for (const [name, d] of [
    ['from', filter.from],
    ['to', filter.to],
  ] as const) {
    if (d !== undefined && (!(d instanceof Date) || Number.isNaN(d.getTime()))) {
      throw new Invalid('audit.filter_invalid', `Thời điểm "${name}" không hợp lệ.`, { details: [{ field: name, message: 'Thời điểm không hợp lệ.' }] });
    }
  }
  for (const [name, n] of [
    ['actorId', filter.actorId],
    ['beforeId', filter.beforeId],
  ] as const) {
    if (n !== undefined && !Number.isSafeInteger(n)) {
      throw new Invalid('audit.filter_invalid', `"${name}" phải là số nguyên.`, { details: [{ field: name, message: 'Phải là số nguyên.' }] });
    }
  }
  if (Array.isArray(filter.siteIds) && !filter.siteIds.every((id) => Number.isSafeInteger(id))) {
    throw new Invalid('audit.filter_invalid', 'Mã trang phải là số nguyên.', { details: [{ field: 'siteIds', message: 'Phải là số nguyên.' }] });
  }
  const q = filter.q === undefined ? '' : storableText(cleanText(filter.q));
  const action = filter.action === undefined ? '' : storableText(filter.action.trim());
  return {
    from: filter.from,
    to: filter.to,
    actorId: filter.actorId,
    siteIds: filter.siteIds === undefined || filter.siteIds === 'all' ? undefined : filter.siteIds,
    actionLike: action ? `${escapeLike(action)}%` : undefined,
    textLike: q ? `%${escapeLike(q)}%` : undefined,
    beforeId: filter.beforeId,
    limit,
  };
}

function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(Math.max(1, Math.trunc(limit)), max);
}

/** Newest first, keyset pagination by id. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditEntryView[]> {
  const rows = await repo.listEntries(db, criteria(filter, clampLimit(filter.limit, LIST_DEFAULT, LIST_MAX)));
  return rows.map(presentEntry);
}

/**
 * The same rows as CSV (RFC 4180, UTF-8 with BOM so Excel shows Vietnamese, `dd/mm/yyyy HH:MM`
 * times in Asia/Ho_Chi_Minh; neutralise cells starting with = + - @ against CSV formula
 * injection). Newest first; every matching row up to 100 000, or `filter.limit` rows.
 */
export async function exportAuditCsv(db: Db, filter: AuditFilter): Promise<string> {
  const wanted = clampLimit(filter.limit, EXPORT_MAX, EXPORT_MAX);
  const views: AuditEntryView[] = [];
  let beforeId = filter.beforeId;
  while (views.length < wanted) {
    const pageSize = Math.min(LIST_MAX, wanted - views.length);
    const rows = await repo.listEntries(db, criteria({ ...filter, beforeId }, pageSize));
    views.push(...rows.map(presentEntry));
    if (rows.length < pageSize) break;
    beforeId = rows[rows.length - 1]!.id;
  }
  return toCsv(views);
}

// ── Retention ────────────────────────────────────────────────────────────────────────

/** Retention below this is refused: the log must be kept at least a year. */
export const MIN_RETENTION_MONTHS = 12;

/** `date` moved back `months` calendar months (UTC), the day clamped to the month's length. */
function monthsBefore(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(date);
  d.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return d;
}

/**
 * Removes entries older than `months` (never less than 12; 0 = keep forever → does nothing)
 * in one transaction with set local cong.audit_prune = 'on', and records in audit_anchor
 * (id = 1, upsert) the prev_hash the oldest kept entry links to, so verification still starts
 * from a known anchor. Records an 'audit.pruned' entry with the count (only when something
 * was removed). Removes a prefix of the chain: every entry before the first one at or after
 * the cut-off, so a clock that once went backwards never makes a hole in the chain (such an
 * entry is kept a little longer rather than a newer one removed early).
 */
export async function pruneAudit(db: Db, months: number, now: Date = new Date()): Promise<number> {
  if (!Number.isInteger(months) || months < 0) {
    throw new Invalid('audit.retention_invalid', 'Thời hạn lưu nhật ký phải là số tháng (0 = lưu vĩnh viễn).');
  }
  if (months === 0) return 0;
  if (months < MIN_RETENTION_MONTHS) {
    throw new Invalid('audit.retention_too_short', `Nhật ký phải được lưu ít nhất ${MIN_RETENTION_MONTHS} tháng.`);
  }
  const cutoff = monthsBefore(now, months);
  return withTx(db, async (tx) => {
    await repo.lockChain(tx);
    const head = await repo.findHead(tx);
    if (!head) return 0;
    const keepFrom = (await repo.firstIdAtOrAfter(tx, cutoff)) ?? head.id + 1;
    const count = await repo.countBelow(tx, keepFrom);
    if (count === 0) return 0;
    // Recorded first, so at least this entry is kept and anchors the chain even when every
    // older entry goes.
    await appendEntry(
      tx,
      { actorId: null, actorLabel: 'system', action: 'audit.pruned', summary: { count, months, before: cutoff.toISOString() } },
      () => new Date(),
    );
    const prevHash = await repo.prevHashFrom(tx, keepFrom);
    await repo.allowPruneInThisTransaction(tx);
    const deleted = await repo.deleteBelow(tx, keepFrom);
    await repo.upsertAnchor(tx, prevHash!, cutoff, deleted);
    return deleted;
  });
}
