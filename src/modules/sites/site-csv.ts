/**
 * The CSV file of a bulk creation (one site a line): RFC 4180 (commas, double quotes, quoted line
 * breaks), UTF-8 with or without a byte-order mark, a header line naming the columns in any order.
 * Pure: the rows it reads are checked and created by sites.service.ts.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { cleanText, stripDiacritics } from '../../platform/text/index.ts';
import { SITE_KINDS, type SiteInput, type SiteKindCode } from './sites.schema.ts';
import { t } from './messages.ts';

/** The columns, in the order the README lists them. */
export const CSV_COLUMNS = [
  'code',
  'kind',
  'parent',
  'name_vi',
  'name_en',
  'owner_name_vi',
  'owner_name_en',
  'responsible_person',
  'address',
  'phone',
  'fax',
  'email',
  'hosts',
  'theme_color',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['code', 'kind', 'name_vi'];

/** More lines than any city has sites: a file this long is a mistake. */
export const MAX_ROWS = 2000;

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  input: SiteInput;
}

/** A line refused, with why (line 1 is the header; 0 the file as a whole). */
export interface LineRefusal {
  line: number;
  code: string;
  reasons: string[];
}

export interface ParsedCsv {
  rows: CsvRow[];
  refused: LineRefusal[];
}

/** Records of a CSV text, each with the line it starts on. */
export function csvRecords(text: string): { records: { line: number; cells: string[] }[]; unclosedAt: number | undefined } {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const end = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      quoted = true;
      touched = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) return { records, unclosedAt: start };
  end();
  return { records, unclosedAt: undefined };
}

/** The English name when none is given: the Vietnamese one without diacritics. */
export function defaultEnglishName(nameVi: string): string {
  return stripDiacritics(cleanText(nameVi));
}

/** Reads the file's rows as site inputs; what cannot be read at all is refused by line. */
export function parseSitesCsv(text: string, lang: Lang): ParsedCsv {
  const source = text.replace(/^\uFEFF/, '');
  const { records, unclosedAt } = csvRecords(source);
  const refused: LineRefusal[] = [];
  if (unclosedAt !== undefined) refused.push({ line: unclosedAt, code: '', reasons: [t(lang, 'csv.unclosedQuote')] });
  const [header, ...data] = records;
  if (!header || header.cells.every((c) => c.trim() === '')) return { rows: [], refused: [{ line: 0, code: '', reasons: [t(lang, 'csv.empty')] }] };

  const names = header.cells.map((c) => c.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const twice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  const headerReasons = [
    ...(unknown.length ? [t(lang, 'csv.unknownColumns', { columns: unknown.map((n) => n || '""').join(', ') })] : []),
    ...(missing.length ? [t(lang, 'csv.missingColumns', { columns: missing.join(', ') })] : []),
    ...(twice.length ? [t(lang, 'csv.duplicateColumns', { columns: twice.join(', ') })] : []),
  ];
  if (headerReasons.length) return { rows: [], refused: [{ line: header.line, code: '', reasons: headerReasons }, ...refused] };
  if (data.length === 0) return { rows: [], refused: refused.length ? refused : [{ line: 0, code: '', reasons: [t(lang, 'csv.noRows')] }] };
  if (data.length > MAX_ROWS) return { rows: [], refused: [{ line: 0, code: '', reasons: [t(lang, 'csv.tooManyRows', { max: MAX_ROWS })] }] };

  const rows: CsvRow[] = [];
  for (const record of data) {
    const value = (column: CsvColumn) => cleanText(record.cells[names.indexOf(column)] ?? '');
    if (record.cells.length !== names.length) {
      refused.push({ line: record.line, code: value('code'), reasons: [t(lang, 'csv.cellCount', { cells: record.cells.length, columns: names.length })] });
      continue;
    }
    rows.push({ line: record.line, input: inputOf(value) });
  }
  return { rows, refused };
}

function inputOf(value: (column: CsvColumn) => string): SiteInput {
  const kind = value('kind').toLowerCase();
  const nameVi = value('name_vi');
  const hosts = value('hosts');
  const theme = value('theme_color');
  return {
    code: value('code').toLowerCase(),
    // An unknown kind goes through as typed, so the service names it with the row's other problems.
    kind: ((SITE_KINDS as readonly string[]).includes(kind) ? kind : kind || 'missing') as SiteKindCode,
    parentCode: value('parent').toLowerCase() || null,
    nameVi,
    nameEn: value('name_en') || defaultEnglishName(nameVi),
    ownerNameVi: value('owner_name_vi'),
    ownerNameEn: value('owner_name_en'),
    responsiblePerson: value('responsible_person'),
    address: value('address'),
    phone: value('phone'),
    fax: value('fax'),
    email: value('email'),
    hosts: hosts ? hosts.split(/[\s,;]+/).filter(Boolean) : [],
    ...(theme ? { themeColor: theme } : {}),
  };
}
