/**
 * TRANSITIONAL — the admin pages of modules not yet in the admin tree, per language. Each module's
 * entries move to its own `paths.ts` (`defineAdminPaths`) as it moves into the tree, and this file
 * goes with the last of them. The accounts module's own pages are in `paths.ts`.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { ADMIN_ROOT } from '../../platform/http/route-trees.ts';
import { adminAlternate as alternate, adminHrefByName, adminLang as langOf, defineAdminPaths } from '../../platform/http/paths.ts';

export { ADMIN_ROOT };

export const ADMIN_PATHS = {} as const satisfies Record<string, Record<Lang, string>>;

export type AdminPath = keyof typeof ADMIN_PATHS;

defineAdminPaths(ADMIN_PATHS);

/**
 * "/quan-tri/tai-khoan" (+ suffix such as "/12"), for any module's registered admin page, by its
 * registered name. TRANSITIONAL — for modules that still name their pages this way.
 */
export function adminHref(lang: Lang, name: AdminPath | (string & {}), suffix = ''): string {
  return adminHrefByName(lang, name, suffix);
}

export const adminLang = langOf;
export const adminAlternate = alternate;
