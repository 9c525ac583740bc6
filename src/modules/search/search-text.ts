/**
 * Text on its way into and out of the index: folding (no diacritics, đ → d), the words of a
 * text, the adjacent-syllable pairs that make phrase search cheap, and the reading of what a
 * citizen typed into a query that can never be a syntax error.
 */

/** Longest query we read (longer input is cut, not refused). */
export const MAX_QUERY_CHARS = 256;
/** Most words a query keeps (Vietnamese words are syllables: 32 is a long sentence). */
export const MAX_QUERY_WORDS = 32;
/** Pairs are built from at most this many syllables of a document. */
const MAX_PAIR_SYLLABLES = 30_000;

const WORD_RE = /[\p{L}\p{N}]+/gu;
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** Lower case, diacritics removed, đ → d (the same folding as `cong_fold` in the database). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** True when the text has a letter with a diacritic (the citizen typed Vietnamese marks). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase().normalize('NFC');
}

/**
 * Text as it goes into the index: NFC, no control characters, and the separators inside
 * document numbers ("90/2006/QĐ-UBND", "e-mail") turned into spaces so that each part is a
 * word — PostgreSQL's parser would otherwise read "90/2006/q" as a file path.
 */
export function indexText(text: string, maxChars: number): string {
  const clean = text.normalize('NFC').replace(CONTROL_RE, ' ');
  const cut = clean.length > maxChars ? clean.slice(0, maxChars) : clean;
  return cut
    .replace(/([\p{L}\p{N}])[/\\_.\-–—]+(?=[\p{L}\p{N}])/gu, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text (letters and digits), in order, as typed. */
export function words(text: string): string[] {
  return text.normalize('NFC').match(WORD_RE) ?? [];
}

/** A pair token: two folded syllables written together ("duong" + "day" → "duongday"). */
function pairToken(a: string, b: string): string | undefined {
  const token = `${a}${b}`;
  // Letters outside Latin (a mixed-script word) are left to the ordinary vectors.
  return /^[a-z0-9]+$/.test(token) ? token : undefined;
}

/**
 * The pairs of adjacent syllables of a text, folded, as one string for `to_tsvector('simple')`.
 * A quoted phrase "đường dây nóng" then needs only the lexemes "duongday" and "daynong" —
 * an exact GIN lookup — instead of a positional check of every document with the three words.
 * Sentence punctuation breaks a pair.
 */
export function pairsText(...texts: string[]): string {
  const out = new Set<string>();
  let budget = MAX_PAIR_SYLLABLES;
  for (const text of texts) {
    for (const sentence of text.split(/[.,;:!?()[\]{}"“”«»\n]+/)) {
      const ws = (fold(sentence).match(WORD_RE) ?? []).slice(0, budget);
      budget -= ws.length;
      for (let i = 1; i < ws.length; i++) {
        const token = pairToken(ws[i - 1]!, ws[i]!);
        if (token) out.add(token);
      }
      if (budget <= 0) return [...out].join(' ');
    }
  }
  return [...out].join(' ');
}

/** One part of a query: a word or a quoted phrase, wanted or excluded. */
export interface QueryTerm {
  words: string[];
  phrase: boolean;
  exclude: boolean;
}

export interface ParsedQuery {
  /** The query as we understood it, normalised (shown back to the citizen). */
  text: string;
  terms: QueryTerm[];
  /** For websearch_to_tsquery: only words, quotes and minus signs — never an operator it could trip on. */
  websearch: string;
  /** The same with wanted phrases as plain words (no positional check: stage 1 of a search). */
  loose: string;
  /** The unquoted wanted words alone, no phrases or exclusions ('' when none). */
  plain: string;
  /** The unquoted wanted words as one phrase ('' for fewer than two): documents where they stand together rank higher. */
  adjacent: string;
  /** For to_tsquery('simple') on the pairs vector: the pairs every wanted phrase needs, or '' when none. */
  pairs: string;
  /** The citizen typed diacritics: exact matches rank first. */
  accented: boolean;
  /** Something to look for (at least one wanted word). */
  hasWanted: boolean;
  /** The input was cut to MAX_QUERY_CHARS / MAX_QUERY_WORDS. */
  truncated: boolean;
}

/**
 * Reads what was typed: words, "quoted phrases" (straight or curly quotes; an unclosed quote
 * runs to the end), and -exclusions. Everything else (operators, punctuation, SQL) is a word
 * separator. Never throws.
 */
export function parseQuery(raw: unknown): ParsedQuery {
  let input = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  input = input
    .normalize('NFC')
    .replace(CONTROL_RE, ' ')
    .replace(/[“”„‟«»]/g, '"');
  let truncated = false;
  if (input.length > MAX_QUERY_CHARS) {
    input = input.slice(0, MAX_QUERY_CHARS);
    truncated = true;
  }
  const terms: QueryTerm[] = [];
  let budget = MAX_QUERY_WORDS;
  const re = /(-?)"([^"]*)("|$)|(-?)([^\s"]+)/g;
  for (const m of input.matchAll(re)) {
    const quoted = m[2] !== undefined;
    const exclude = (quoted ? m[1] : m[4]) === '-';
    const ws = words(quoted ? m[2]! : m[5]!).map((w) => w.toLowerCase());
    if (ws.length === 0) continue;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const kept = ws.slice(0, budget);
    if (kept.length < ws.length) truncated = true;
    budget -= kept.length;
    // Unquoted punctuation inside a token ("QĐ-UBND", "90/2006") reads as a phrase of its parts.
    terms.push({ words: kept, phrase: kept.length > 1, exclude });
  }
  const hasWanted = terms.some((t) => !t.exclude);
  const websearch = terms.map((t) => `${t.exclude ? '-' : ''}${t.phrase ? `"${t.words.join(' ')}"` : t.words[0]}`).join(' ');
  const loose = terms.map((t) => (t.exclude ? `-${t.phrase ? `"${t.words.join(' ')}"` : t.words[0]}` : t.words.join(' '))).join(' ');
  const pairs = new Set<string>();
  for (const t of terms) {
    if (t.exclude || !t.phrase) continue;
    const f = t.words.map(fold);
    for (let i = 1; i < f.length; i++) {
      const token = pairToken(f[i - 1]!, f[i]!);
      if (token) pairs.add(token);
    }
  }
  const text = terms.map((t) => `${t.exclude ? '-' : ''}${t.phrase ? `"${t.words.join(' ')}"` : t.words[0]}`).join(' ');
  return {
    text,
    terms,
    websearch,
    loose,
    plain: terms
      .filter((t) => !t.exclude && !t.phrase)
      .map((t) => t.words[0]!)
      .join(' '),
    adjacent: (() => {
      const plain = terms.filter((t) => !t.exclude && !t.phrase).map((t) => t.words[0]!);
      return plain.length >= 2 ? `"${plain.join(' ')}"` : '';
    })(),
    pairs: [...pairs].map((p) => `'${p}'`).join(' & '),
    accented: terms.some((t) => !t.exclude && t.words.some(hasDiacritics)),
    hasWanted,
    truncated,
  };
}

/** The wanted words of a query, each folded (for suggestions). */
export function wantedWords(q: ParsedQuery): string[] {
  return q.terms.filter((t) => !t.exclude).flatMap((t) => t.words);
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
