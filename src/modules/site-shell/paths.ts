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
  // Content (src/modules/content/content.pages.ts).
  item: { vi: '/tin', en: '/news' },
  /** Suffix of an item's print view: /tin/<slug>/in. */
  print: { vi: '/in', en: '/print' },
  /** Suffix of an item's PDF download: /tin/<slug>/pdf. */
  pdf: { vi: '/pdf', en: '/pdf' },
  category: { vi: '/chuyen-muc', en: '/category' },
  latestList: { vi: '/tin-moi', en: '/latest' },
  newsList: { vi: '/tin-tuc', en: '/news' },
  announcements: { vi: '/thong-bao', en: '/announcements' },
  featured: { vi: '/noi-bat', en: '/featured' },
  /** The items of one content type: /loai-tin/<code>. */
  typeList: { vi: '/loai-tin', en: '/type' },
  /** The leaders' work calendar, a week at a time (?tuan=YYYY-MM-DD, the Monday). */
  calendar: { vi: '/lich-lam-viec', en: '/work-calendar' },
  rss: { vi: '/rss.xml', en: '/rss.xml' },
  atom: { vi: '/atom.xml', en: '/atom.xml' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PathName = keyof typeof PATHS;
