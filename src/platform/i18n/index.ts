/**
 * Messages and dates in the visitor's language. Vietnamese is the default; English is
 * served under /english. Dates are always shown in Asia/Ho_Chi_Minh, as dd/mm/yyyy.
 */
import { vi, type MessageKey } from './vi.ts';
import { en } from './en.ts';
import { defineCatalogue, type Catalogue, type Translator } from './messages.ts';
import type { Lang } from './lang.ts';

export { LANGS, LANGUAGE_NAMES, LANGUAGE_OPTIONS, type Lang } from './lang.ts';
export type { MessageKey };
export type { Translator } from './messages.ts';
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The platform's shared words: the page shell, error pages, forms. */
const platform = defineCatalogue('platform', { vi, en });

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export const t: Translator<MessageKey> = platform.t;

/**
 * A module's catalogue (see messages.ts): its own words in every language, checked by the
 * compiler, and a `t` that knows them and the platform's shared words.
 */
export function defineMessages<const V extends Record<string, string>>(
  name: string,
  catalogue: Catalogue<V>,
): { t: Translator<(keyof V & string) | MessageKey> } {
  return { t: defineCatalogue(name, catalogue, t).t };
}

export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

type VnParts = { year: string; month: string; day: string; hour: string; minute: string; weekday: number };
// Intl.formatToParts is slow and pages format the same few minutes many times: remember the last ones.
const partsCache = new Map<number, VnParts>();

/** The calendar fields of `date` as seen in Viet Nam. */
export function vnParts(date: Date): VnParts {
  const minute = Math.floor(date.getTime() / 60_000);
  const hit = partsCache.get(minute);
  if (hit) return hit;
  const parts = computeParts(date);
  if (partsCache.size >= 5000) partsCache.clear();
  partsCache.set(minute, parts);
  return parts;
}

function computeParts(date: Date): VnParts {
  const p = Object.fromEntries(partsFormatter.formatToParts(date).map((x) => [x.type, x.value]));
  return {
    year: p.year!,
    month: p.month!,
    day: p.day!,
    hour: p.hour!,
    minute: p.minute!,
    weekday: WEEKDAY_INDEX[p.weekday!]!,
  };
}

/** "23/02/2026" */
export function formatDate(date: Date): string {
  const p = vnParts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "Thứ Hai, 23/02/2026" (vi) or "Monday, 23/02/2026" (en). */
export function formatDateLong(date: Date, lang: Lang): string {
  const p = vnParts(date);
  return `${WEEKDAYS[lang][p.weekday]}, ${p.day}/${p.month}/${p.year}`;
}

/** "14:05 23/02/2026" */
export function formatDateTime(date: Date): string {
  const p = vnParts(date);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** ISO 8601 date in Viet Nam ("2026-02-23"), for machine-readable metadata. */
export function isoDate(date: Date): string {
  const p = vnParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

const collators: Record<Lang, Intl.Collator> = { vi: new Intl.Collator('vi'), en: new Intl.Collator('en') };

/** Sorts strings as a Vietnamese (or English) reader expects. */
export function compareText(lang: Lang, a: string, b: string): number {
  return collators[lang].compare(a, b);
}
