/**
 * The shell's own public paths, per language: the home page and the display-preferences link.
 * The footer's site map and contact pages belong to the home module, which registers them
 * (`definePublicPaths`); the shell finds them by name.
 */
import type { Lang } from '../../platform/i18n/index.ts';

export const PATHS = {
  home: { vi: '/', en: '/' },
  display: { vi: '/hien-thi', en: '/display' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PathName = keyof typeof PATHS;
