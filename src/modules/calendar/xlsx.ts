/**
 * Spreadsheet files of tables (the compliance dashboard's export): CSV (RFC 4180, UTF-8 with a
 * BOM so Excel reads Vietnamese, CRLF, one block per table separated by an empty line) and
 * XLSX (one sheet per table) written by `write-excel-file` (MIT, one dependency: fflate),
 * loaded on the first export like the other heavy libraries only some requests need.
 */
export type Cell = string | number | null;

export interface Table {
  /** Sheet name (XLSX) and the block's first line (CSV). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/**
 * A spreadsheet would run a cell that starts with = + - @ (or tab/CR, or their full-width
 * forms, possibly after spaces) as a formula: such a text cell gets a leading apostrophe.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(tables: readonly Table[]): string {
  const lines: string[] = [];
  for (const [i, t] of tables.entries()) {
    if (i > 0) lines.push('');
    lines.push(csvField(t.name), t.header.map(csvField).join(','), ...t.rows.map((r) => r.map(csvField).join(',')));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Excel's rules for a sheet name: ≤ 31 characters, none of []:*?/\, unique in the file. */
function sheetNames(tables: readonly Table[]): string[] {
  const used = new Set<string>();
  return tables.map((t, i) => {
    let name =
      t.name
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    if (used.has(name.toLowerCase())) name = `${name.slice(0, 27)} (${i + 1})`;
    used.add(name.toLowerCase());
    return name;
  });
}

export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const names = sheetNames(tables);
  const sheets = tables.map((t, i) => ({
    sheet: names[i]!,
    stickyRowsCount: 1,
    columns: t.header.map((h, c) => ({ width: Math.min(60, Math.max(10, h.length + 2, ...t.rows.slice(0, 200).map((r) => String(r[c] ?? '').length + 2))) })),
    data: [
      t.header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
      ...t.rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String }))),
    ],
  }));
  return writeXlsxFile(sheets).toBuffer();
}
