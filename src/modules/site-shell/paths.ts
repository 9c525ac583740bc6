/**
 * Public paths shared by several modules, per language. A page's path in the other
 * language is found here, so the language switch lands on the same page.
 */
import type { Lang } from '../../platform/i18n/index.ts';

export const PATHS = {
  home: { vi: '/', en: '/' },
  siteMap: { vi: '/so-do-cong', en: '/site-map' },
  contact: { vi: '/lien-he', en: '/contact' },
  display: { vi: '/hien-thi', en: '/display' },
  page: { vi: '/trang', en: '/page' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PathName = keyof typeof PATHS;
