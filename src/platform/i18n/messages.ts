/**
 * The one way to translate. Every module keeps its words in a typed catalogue next to its code
 * (`<module>/messages.ts`), Vietnamese first and English with exactly the same keys — the
 * compiler refuses a key missing from English or one English has alone — and gets back one
 * `t(lang, key, params)` that also knows the platform's shared words (shell, errors, forms).
 *
 *   export const { t } = defineMessages('calendar', {
 *     vi: { 'rules.title': 'Quy tắc thời hạn', 'rules.added': 'Đã thêm {n} quy tắc.' },
 *     en: { 'rules.title': 'Deadline rules', 'rules.added': '{n} rules added.' },
 *   });
 *
 * Adding a language (SITE-2 asks for ethnic-minority languages): add its code to `LANGS`; a
 * catalogue may then give it, and a key it lacks falls back to Vietnamese. Every catalogue is
 * registered, so a test checks them all (same keys, same placeholders, nothing empty).
 */
import { LANGS, type Lang } from './lang.ts';

export type Params = Readonly<Record<string, string | number>>;

/** A catalogue: Vietnamese, English with the same keys, other languages optional and partial. */
export type Catalogue<V extends Record<string, string>> = { readonly vi: V; readonly en: { readonly [K in keyof V]: string } } & {
  readonly [L in Exclude<Lang, 'vi' | 'en'>]?: { readonly [K in keyof V]?: string };
};

export type Translator<K extends string> = (lang: Lang, key: K, params?: Params) => string;

interface Registered {
  name: string;
  catalogue: Readonly<Record<string, Readonly<Record<string, string>> | undefined>>;
}

const registry: Registered[] = [];

/** Every catalogue defined so far (for the test that compares languages). */
export function registeredCatalogues(): readonly Registered[] {
  return registry;
}

const PLACEHOLDER = /\{(\w+)\}/g;

export function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholders of a message, sorted ("{n} of {total}" → ["n", "total"]). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}

/**
 * Registers a catalogue and returns its translator. `base` is a translator whose keys this one
 * also answers (modules pass nothing and get the platform's shared words).
 */
export function defineCatalogue<const V extends Record<string, string>, B extends string = never>(
  name: string,
  catalogue: Catalogue<V>,
  base?: Translator<B>,
): { t: Translator<(keyof V & string) | B>; keys: readonly (keyof V & string)[] } {
  if (registry.some((r) => r.name === name)) throw new Error(`Message catalogue "${name}" is defined twice.`);
  registry.push({ name, catalogue: catalogue as Registered['catalogue'] });
  const own: Record<string, Readonly<Record<string, string>>> = {};
  for (const lang of LANGS) {
    const messages = (catalogue as Registered['catalogue'])[lang];
    own[lang] = lang === 'vi' || !messages ? catalogue.vi : { ...catalogue.vi, ...messages };
  }
  const t = (lang: Lang, key: string, params?: Params): string => {
    const text = own[lang]?.[key];
    if (text !== undefined) return fill(text, params);
    if (base) return base(lang, key as B, params);
    throw new Error(`No message "${key}" in catalogue "${name}".`);
  };
  return { t: t as Translator<(keyof V & string) | B>, keys: Object.keys(catalogue.vi) as (keyof V & string)[] };
}
