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
