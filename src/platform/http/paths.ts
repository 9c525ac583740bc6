/**
 * Addresses, per language, owned by the module that serves them. A module declares its admin
 * pages with `defineAdminPaths({ name: { vi, en } })` (relative to the admin tree's root) and its
 * public pages with `definePublicPaths` (relative to a site); both give typed `href`s and register
 * the table, so the language switch of any page can find the same page in the other language
 * without a core list of every module's addresses.
 */
import type { Lang } from '../i18n/index.ts';
import { ADMIN_ROOT } from './route-trees.ts';

export type PathTable = Readonly<Record<string, Readonly<Record<Lang, string>>>>;

const adminTables: PathTable[] = [];
const publicTables: PathTable[] = [];

export interface AdminPaths<T extends PathTable> {
  readonly paths: T;
  /** "/quan-tri/tai-khoan" (+ a suffix such as "/12"). */
  href(lang: Lang, name: keyof T & string, suffix?: string): string;
}

export function defineAdminPaths<const T extends PathTable>(paths: T): AdminPaths<T> {
  for (const name of Object.keys(paths)) {
    if (adminTables.some((t) => name in t)) throw new Error(`Admin path "${name}" is defined twice.`);
  }
  adminTables.push(paths);
  return { paths, href: (lang, name, suffix = '') => `${ADMIN_ROOT[lang]}${paths[name]![lang]}${suffix}` || '/' };
}

/**
 * An admin page of another module by its registered name ("content", "inquiries"): for the few
 * links across modules (a deadline's subject on the compliance dashboard), without importing the
 * module that serves it. An unknown name is a programming error.
 */
export function adminHrefByName(lang: Lang, name: string, suffix = ''): string {
  const table = adminTables.find((t) => name in t);
  if (!table) throw new Error(`No admin path named "${name}".`);
  return `${ADMIN_ROOT[lang]}${table[name]![lang]}${suffix}` || '/';
}

export interface PublicPaths<T extends PathTable> {
  readonly paths: T;
  /** The path of a page inside a site ("/hoi-dap"), to give to `siteHref`. */
  path(lang: Lang, name: keyof T & string, suffix?: string): string;
}

export function definePublicPaths<const T extends PathTable>(paths: T): PublicPaths<T> {
  publicTables.push(paths);
  return { paths, path: (lang, name, suffix = '') => `${paths[name]![lang]}${suffix}` };
}

/** A public page registered under `name` by whichever module serves it (the shell's search box asks for 'search'). */
export function registeredPublicPath(name: string, lang: Lang): string | undefined {
  for (const table of publicTables) if (table[name]) return table[name][lang];
  return undefined;
}

/** The language of an admin URL. */
export function adminLang(url: string): Lang {
  return url.startsWith(ADMIN_ROOT.en) ? 'en' : 'vi';
}

/** The same admin page in the other language (path names mapped, query kept). */
export function adminAlternate(url: string): { lang: Lang; href: string } {
  const lang = adminLang(url);
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const [pathname, query] = url.split('?', 2) as [string, string | undefined];
  let rest = pathname.slice(ADMIN_ROOT[lang].length);
  const match = adminTables
    .flatMap((t) => Object.values(t))
    .filter((p) => p[lang] && (rest === p[lang] || rest.startsWith(`${p[lang]}/`)))
    .sort((a, b) => b[lang].length - a[lang].length)[0];
  if (match) rest = match[other] + rest.slice(match[lang].length);
  const keep = query && !/(^|&)(ma|_csrf)=/.test(query) ? `?${query}` : '';
  return { lang: other, href: `${ADMIN_ROOT[other]}${rest}${keep}` };
}
