/**
 * Vietnamese text helpers: NFC normalisation of everything typed in, and slugs/codes
 * without diacritics (đ → d), as TCVN 6909 and the URL conventions of state sites expect.
 */

/** Normalises to NFC and trims; every text input goes through this before it is stored. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Removes Vietnamese diacritics: "Đường Láng" → "Duong Lang". */
export function stripDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** "Giới thiệu chung về Sở" → "gioi-thieu-chung-ve-so" (at most `max` characters). */
export function slugify(value: string, max = 80): string {
  const slug = stripDiacritics(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/g, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK_TAGS = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|thead|tbody|caption|blockquote|figure|figcaption|section|article|pre|hr|dt|dd|dl)\b[^>]*>/gi;

/**
 * The text of sanitised rich text (search indexing, e-mails): block elements become line
 * breaks, other tags go, entities are decoded. Only for HTML our sanitiser produced.
 */
export function htmlToText(value: string): string {
  return value
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(BLOCK_TAGS, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim()
    .normalize('NFC');
}
