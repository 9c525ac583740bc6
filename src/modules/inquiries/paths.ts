/** The addresses of citizens' requests, per language: the administration's and the sites' pages. */
import type { Lang } from '../../platform/i18n/index.ts';
import { defineAdminPaths, definePublicPaths } from '../../platform/http/paths.ts';

export const adminPaths = defineAdminPaths({
  inquiries: { vi: '/hoi-dap', en: '/inquiries' },
  hotline: { vi: '/duong-day-nong', en: '/hotline' },
  inquiryAgencies: { vi: '/hoi-dap-co-quan', en: '/inquiry-agencies' },
});

/** Sub-pages of a request in the administration (after `/quan-tri/hoi-dap/<id>`). */
export const REQUEST_SUBPAGES = {
  file: { vi: '/tep', en: '/file' },
  answerFiles: { vi: '/tep-tra-loi', en: '/answer-files' },
  publicFiles: { vi: '/ban-cong-khai', en: '/public-copy' },
  publish: { vi: '/cong-bo', en: '/publish' },
} as const satisfies Record<string, Record<Lang, string>>;

export const publicPaths = definePublicPaths({
  /** The request form (QA-1). */
  ask: { vi: '/gui-cau-hoi', en: '/ask' },
  /** The status page; `/bo-sung` adds information asked for, `/tep/<id>` downloads a file of the answer. */
  inquiryStatus: { vi: '/tra-cuu-cau-hoi', en: '/track' },
  /** The published Q&A; `/<slug>` an entry, `/tep/<id>` a document published with one. */
  qa: { vi: '/hoi-dap', en: '/questions' },
});

/** Sub-addresses of the public pages, the same in both languages. */
export const PUBLIC_SUFFIX = { info: '/bo-sung', file: '/tep' } as const;

/** Where a site's pages in a language start, before the page's own path. */
export const LANG_PREFIX: Readonly<Record<Lang, string>> = { vi: '', en: '/english' };

/** The path of a published answer on its site, in the language it was asked in. */
export const qaEntryPath = (lang: Lang, slug: string): string => `${LANG_PREFIX[lang]}${publicPaths.path(lang, 'qa', `/${slug}`)}`;
