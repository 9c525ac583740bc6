/**
 * The body of an item as plain blocks for the PDF: headings, paragraphs with bold, italic
 * and link runs, lists, tables, quotes, preformatted text. Input is the HTML sanitised on
 * save (an allow-list of structural elements, attributes double-quoted, text escaped), so
 * a small tokenizer is enough; anything unexpected becomes text, never markup. Only
 * http(s) and mailto links survive as links.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** http(s) or mailto only. */
  link?: string;
}

export interface TableCell {
  text: string;
  header: boolean;
  colSpan: number;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; quote?: boolean }
  | { kind: 'item'; depth: number; marker: string; runs: Run[] }
  | { kind: 'pre'; text: string }
  | { kind: 'table'; caption: string; rows: TableCell[][] }
  | { kind: 'rule' };

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

interface Token {
  type: 'open' | 'close' | 'text';
  name: string;
  attrs: Record<string, string>;
  text: string;
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function tokenize(input: string): Token[] {
  const out: Token[] = [];
  for (const m of input.matchAll(TOKEN)) {
    if (m[4] !== undefined || m[5] !== undefined) {
      out.push({ type: 'text', name: '', attrs: {}, text: decodeEntities(m[4] ?? m[5]!) });
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      out.push({ type: m[1] ? 'close' : 'open', name: m[2].toLowerCase(), attrs, text: '' });
    }
  }
  return out;
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'figure',
  'figcaption',
  'blockquote',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'pre',
  'hr',
  'dl',
  'dt',
  'dd',
  'caption',
]);

function safeLink(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  return /^(https?:\/\/|mailto:)[^\s"<>\\]+$/i.test(h) ? h : undefined;
}

/** Collapses white space in runs the way a browser does, and drops empty ones. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const text = r.text.replace(/[ \t\r\n\f]+/g, ' ');
    const last = out.at(-1);
    const prevEndsSpace = !last || /[ \u2028]$/.test(last.text);
    const cleaned = prevEndsSpace ? text.replace(/^ /, '') : text;
    if (!cleaned) continue;
    if (last && last.bold === r.bold && last.italic === r.italic && last.link === r.link) last.text += cleaned;
    else out.push({ ...r, text: cleaned });
  }
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/ +$/, '');
  for (const r of out) r.text = r.text.replace(/ ?\u2028 ?/g, '\n');
  return out.filter((r) => r.text !== '');
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Sanitised rich text → blocks. Never throws; nesting deeper than sensible is flattened. */
export function htmlToBlocks(input: string): Block[] {
  const blocks: Block[] = [];
  let runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  let heading = 0;
  let quote = 0;
  let pre: string | undefined;
  const lists: { ordered: boolean; n: number }[] = [];
  let itemMarker: string | undefined;
  let table:
    | { caption: string; rows: TableCell[][]; row: TableCell[] | undefined; cell: TableCell | undefined; inCaption: boolean; nested: number }
    | undefined;

  const flush = () => {
    const clean = tidy(runs);
    runs = [];
    if (clean.length === 0) return;
    if (heading) blocks.push({ kind: 'heading', level: heading, runs: clean });
    else if (itemMarker !== undefined) {
      blocks.push({ kind: 'item', depth: Math.min(lists.length, 6), marker: itemMarker, runs: clean });
      itemMarker = '';
    } else blocks.push({ kind: 'paragraph', runs: clean, ...(quote ? { quote: true } : {}) });
  };
  const addText = (text: string) => {
    if (pre !== undefined) pre += text;
    else if (table) {
      if (table.inCaption) table.caption += text;
      else if (table.cell) table.cell.text += text;
    } else runs.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}), ...(link ? { link } : {}) });
  };

  for (const tok of tokenize(input)) {
    if (tok.type === 'text') {
      addText(tok.text);
      continue;
    }
    const { name } = tok;
    const open = tok.type === 'open';
    if (table && (name !== 'table' || table.nested > 0 || open)) {
      // A table inside a table: its cells become text of the outer cell.
      if (name === 'table') table.nested += open ? 1 : -1;
      else if (table.nested > 0) {
        if (!open && (name === 'td' || name === 'th' || name === 'tr')) addText(' ');
      } else if (name === 'tr') {
        if (open) table.row = [];
        else if (table.row) {
          if (table.row.length) table.rows.push(table.row);
          table.row = undefined;
        }
      } else if (name === 'td' || name === 'th') {
        if (open) {
          table.row ??= [];
          const span = Number(tok.attrs.colspan);
          table.cell = { text: '', header: name === 'th', colSpan: Number.isInteger(span) && span > 1 ? Math.min(span, 20) : 1 };
          table.row.push(table.cell);
        } else table.cell = undefined;
      } else if (name === 'caption') table.inCaption = open;
      else if (name === 'br' || (!open && BLOCK.has(name))) addText('\n');
      continue;
    }
    if (name === 'br') {
      // A line break that survives the collapsing of white space (U+2028, LINE SEPARATOR).
      addText(pre === undefined ? '\u2028' : '\n');
      continue;
    }
    if (name === 'img') {
      if (tok.attrs.alt) addText(` [${tok.attrs.alt}] `);
      continue;
    }
    if (pre !== undefined && name !== 'pre') continue;
    if (BLOCK.has(name) || name === 'table') flush();
    switch (name) {
      case 'strong':
      case 'b':
        bold = Math.max(0, bold + (open ? 1 : -1));
        break;
      case 'em':
      case 'i':
      case 'cite':
        italic = Math.max(0, italic + (open ? 1 : -1));
        break;
      case 'a':
        link = open ? safeLink(tok.attrs.href) : undefined;
        break;
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        heading = open ? Number(name[1]) : 0;
        break;
      case 'blockquote':
        quote = Math.max(0, quote + (open ? 1 : -1));
        break;
      case 'figcaption':
        italic = Math.max(0, italic + (open ? 1 : -1));
        break;
      case 'ul':
      case 'ol':
        if (open) {
          const start = Number(tok.attrs.start);
          lists.push({ ordered: name === 'ol', n: Number.isInteger(start) && start > 0 ? start - 1 : 0 });
        } else lists.pop();
        itemMarker = undefined;
        break;
      case 'li':
        if (open) {
          const list = lists.at(-1);
          if (list) list.n++;
          itemMarker = !list ? '•' : list.ordered ? `${list.n}.` : lists.length > 1 ? '◦' : '•';
        } else itemMarker = undefined;
        break;
      case 'dt':
        bold = Math.max(0, bold + (open ? 1 : -1));
        break;
      case 'pre':
        if (open) pre = '';
        else if (pre !== undefined) {
          const text = pre.replace(/^\n/, '').replace(/\s+$/, '');
          if (text) blocks.push({ kind: 'pre', text });
          pre = undefined;
        }
        break;
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
      case 'table':
        if (open) table = { caption: '', rows: [], row: undefined, cell: undefined, inCaption: false, nested: 0 };
        else if (table) {
          const rows = table.rows.map((r) => r.map((c) => ({ ...c, text: c.text.replace(/[ \t\r\n\f]+/g, ' ').trim() })));
          if (table.row?.length) rows.push(table.row);
          if (rows.length) blocks.push({ kind: 'table', caption: table.caption.replace(/\s+/g, ' ').trim(), rows });
          table = undefined;
        }
        break;
      default:
        break;
    }
  }
  flush();
  return blocks;
}
