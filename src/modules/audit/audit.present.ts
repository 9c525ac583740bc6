/** The only road out for audit entries: rows become views or CSV here. */
import type { AuditLogRow } from '../../platform/db/schema.ts';
import { vnParts } from '../../platform/i18n/index.ts';

/** One audit entry as the rest of the platform sees it. */
export interface AuditEntryView {
  id: number;
  at: Date;
  actorId: number | null;
  actorLabel: string;
  ip: string;
  siteId: number | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  hash: string;
}

/** The view of one row. */
export function presentEntry(row: AuditLogRow): AuditEntryView {
  const summary = row.summary !== null && typeof row.summary === 'object' && !Array.isArray(row.summary) ? (row.summary as Record<string, unknown>) : {};
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    ip: row.ip,
    siteId: row.site_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary,
    hash: row.hash,
  };
}

/** Column titles of the export, in Vietnamese like the rest of the administration. */
export const CSV_HEADER = [
  'Mã mục',
  'Thời gian',
  'Mã tài khoản',
  'Người thực hiện',
  'Địa chỉ IP',
  'Mã trang',
  'Hành động',
  'Loại đối tượng',
  'Đối tượng',
  'Chi tiết',
  'Mã băm',
] as const;

/** "23/02/2026 14:05", in Viet Nam's time. */
export function csvDateTime(date: Date): string {
  const p = vnParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/**
 * A spreadsheet would run a cell that starts with = + - @ (or tab/CR, or their full-width
 * forms, possibly after spaces) as a formula: such a cell gets a leading apostrophe.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** One CSV field: neutralised against formula injection, quoted when RFC 4180 asks. */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record (no line ending). */
export function csvRow(view: AuditEntryView): string {
  return [
    view.id,
    csvDateTime(view.at),
    view.actorId,
    view.actorLabel,
    view.ip,
    view.siteId,
    view.action,
    view.targetType,
    view.targetId,
    JSON.stringify(view.summary),
    view.hash,
  ]
    .map(csvField)
    .join(',');
}

/** The whole file: UTF-8 BOM (so Excel reads Vietnamese), header, CRLF-terminated records. */
export function toCsv(views: readonly AuditEntryView[]): string {
  const lines = [CSV_HEADER.map(csvField).join(','), ...views.map(csvRow)];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
