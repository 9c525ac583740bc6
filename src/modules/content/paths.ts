/**
 * The content module's addresses per language: its admin pages (relative to /quan-tri and
 * /english/admin) and its public pages (relative to a site). Other modules link to an item's
 * admin page by the registered name `content` (`adminHrefByName`).
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { defineAdminPaths, definePublicPaths } from '../../platform/http/paths.ts';

export const adminPaths = defineAdminPaths({
  /** The list of a site's items; an item's page is `/<id>`. */
  content: { vi: '/noi-dung', en: '/content' },
  contentNew: { vi: '/noi-dung/moi', en: '/content/new' },
  contentEdit: { vi: '/noi-dung/sua', en: '/content/edit' },
  contentRevisions: { vi: '/noi-dung/phien-ban', en: '/content/revisions' },
  /** The library's images as JSON, for the editor's image button. */
  contentImages: { vi: '/noi-dung/anh', en: '/content/images' },
  queues: { vi: '/hang-cho', en: '/queues' },
  notifications: { vi: '/thong-bao', en: '/notifications' },
  workflowSettings: { vi: '/quy-trinh-duyet', en: '/workflow' },
  structure: { vi: '/cau-truc', en: '/structure' },
  structureCategories: { vi: '/cau-truc/chuyen-muc', en: '/structure/categories' },
  structureMenus: { vi: '/cau-truc/menu', en: '/structure/menus' },
  structureHome: { vi: '/cau-truc/trang-chu', en: '/structure/home-page' },
  /** A category's page (`/<id>`): rename, move, retire. */
  structureCategory: { vi: '/cau-truc/chuyen-muc', en: '/structure/categories' },
  structureTopics: { vi: '/cau-truc/chu-de', en: '/structure/topics' },
  /** How this site receives cross-posted items, per sending site. */
  crossPostConsent: { vi: '/nhan-dang-cheo', en: '/cross-posting' },
});

export const publicPaths = definePublicPaths({
  /** An item: /tin/<slug>. */
  item: { vi: '/tin', en: '/news' },
  /** Suffix of an item's print view: /tin/<slug>/in. */
  print: { vi: '/in', en: '/print' },
  /** Suffix of an item's PDF download: /tin/<slug>/pdf. */
  pdf: { vi: '/pdf', en: '/pdf' },
  category: { vi: '/chuyen-muc', en: '/category' },
  /** The items of one topic: /chu-de/<slug>. */
  topic: { vi: '/chu-de', en: '/topic' },
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
});

/** A public page's path by name, in `lang` ("/tin-moi"). */
export const PUBLIC = publicPaths.paths;

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
export const itemPath = (lang: Lang, slug: string) => `${PUBLIC.item[lang]}/${slug}`;
export const printPath = (lang: Lang, slug: string) => `${PUBLIC.item[lang]}/${slug}${PUBLIC.print[lang]}`;
export const pdfPath = (lang: Lang, slug: string) => `${PUBLIC.item[lang]}/${slug}${PUBLIC.pdf[lang]}`;
export const categoryPath = (lang: Lang, slug: string) => `${PUBLIC.category[lang]}/${slug}`;
export const topicPath = (lang: Lang, slug: string) => `${PUBLIC.topic[lang]}/${slug}`;
export const typePath = (lang: Lang, code: string) => `${PUBLIC.typeList[lang]}/${code}`;

/** An item's page in the administration ("/quan-tri/noi-dung/12"). */
export const adminItemHref = (lang: Lang, id: number) => adminPaths.href(lang, 'content', `/${id}`);
