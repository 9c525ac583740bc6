/**
 * The audit log's hash chain: what exactly is hashed, and how. Pure functions, no SQL.
 *
 *   hash = sha256hex(prev_hash + '\n' + canonicalJson({ id, at, actor_id, actor_label, ip,
 *                                                      site_id, action, target_type, target_id, summary }))
 *
 * `at` is hashed as an ISO 8601 string with milliseconds ("2026-02-23T07:05:00.123Z"); it is
 * written from a JS Date (millisecond precision), so what is hashed is exactly what both
 * PGlite and pg read back. Text is cleaned before it is hashed and stored (no NUL, no lone
 * surrogate) because PostgreSQL would refuse or silently rewrite it, and the summary is
 * reduced to plain JSON so that it survives the jsonb round trip unchanged.
 */
import { createHash } from 'node:crypto';
import type { AuditLogRow } from '../../platform/db/schema.ts';

/** prev_hash of the very first entry, when no retention anchor exists. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of one entry that the hash covers, as read from the table. */
export type ChainContent = Omit<AuditLogRow, 'prev_hash' | 'hash'>;

/** JSON with object keys sorted recursively (UTF-16 order), so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'object':
      break;
    default:
      // bigint, function, symbol: not JSON; refuse rather than hash something ambiguous.
      throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export function sha256hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash of one entry given the hash it links to; the same on every engine. */
export function entryHash(prevHash: string, c: ChainContent): string {
  return sha256hex(
    `${prevHash}\n${canonicalJson({
      id: c.id,
      at: c.at.toISOString(),
      actor_id: c.actor_id,
      actor_label: c.actor_label,
      ip: c.ip,
      site_id: c.site_id,
      action: c.action,
      target_type: c.target_type,
      target_id: c.target_id,
      summary: c.summary,
    })}`,
  );
}

/** Text as PostgreSQL will store it unchanged: NUL removed (text refuses it), lone surrogates → U+FFFD. */
export function storableText(value: string): string {
  return value.replaceAll('\0', '').toWellFormed();
}

/**
 * The summary as plain JSON that jsonb gives back identically: Dates become ISO strings,
 * undefined/functions disappear, NaN/Infinity become null, text is made storable.
 */
export function storableSummary(summary: Record<string, unknown> | undefined): Record<string, unknown> {
  if (summary === undefined || summary === null) return {};
  const plain: unknown = JSON.parse(JSON.stringify(summary));
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new TypeError('Audit summary must be a JSON object.');
  }
  return cleanJson(plain) as Record<string, unknown>;
}

function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty: a "__proto__" key stays a key (as jsonb keeps it), not a prototype.
      Object.defineProperty(out, storableText(k), { value: cleanJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** `date` without anything finer than a millisecond (what a JS Date can hold and read back). */
export function toMillis(date: Date): Date {
  return new Date(Math.trunc(date.getTime()));
}
