/**
 * The menu a new site starts with (issue #14): Trang chủ, Giới thiệu (with the fixed pages the
 * pages module creates), Tin tức, Văn bản, Dịch vụ công trực tuyến, Hỏi đáp, Sơ đồ cổng, Liên hệ.
 * The addresses are the public paths of the modules that serve them, as a visitor types them: a
 * site's operator changes the menu afterwards like any other.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { MenuInput } from './menus.service.ts';
import { t } from './messages.ts';

/** The national public-services portal (Cổng Dịch vụ công quốc gia). */
export const PUBLIC_SERVICES_URL = 'https://dichvucong.gov.vn';

type Entry = { key: Parameters<typeof t>[1]; href: Readonly<Record<Lang, string>>; children?: readonly Entry[] };

const page = (slug: string) => ({ vi: `/trang/${slug}`, en: `/page/${slug}` });

const STANDARD: readonly Entry[] = [
  { key: 'standard.home', href: { vi: '/', en: '/' } },
  {
    key: 'standard.about',
    href: page('gioi-thieu'),
    children: [
      { key: 'standard.functions', href: page('chuc-nang-nhiem-vu') },
      { key: 'standard.organisation', href: page('co-cau-to-chuc') },
      { key: 'standard.leaders', href: page('lanh-dao') },
      { key: 'standard.history', href: page('lich-su') },
      { key: 'standard.map', href: page('ban-do-hanh-chinh') },
    ],
  },
  { key: 'standard.news', href: { vi: '/tin-tuc', en: '/news' } },
  // The documents the site issues: the content type "directive" (chỉ đạo điều hành).
  { key: 'standard.documents', href: { vi: '/loai-tin/directive', en: '/type/directive' } },
  { key: 'standard.publicServices', href: { vi: PUBLIC_SERVICES_URL, en: PUBLIC_SERVICES_URL } },
  { key: 'standard.questions', href: { vi: '/hoi-dap', en: '/questions' } },
  { key: 'standard.siteMap', href: { vi: '/so-do-cong', en: '/site-map' } },
  { key: 'standard.contact', href: { vi: '/lien-he', en: '/contact' } },
];

/** The standard menu in `lang`. */
export function standardMenu(lang: Lang): MenuInput[] {
  const build = (entries: readonly Entry[]): MenuInput[] =>
    entries.map((e) => ({ label: t(lang, e.key), href: e.href[lang], ...(e.children ? { children: build(e.children) } : {}) }));
  return build(STANDARD);
}
