/** The words of the fixed pages module, in Vietnamese and English (same keys: the compiler checks). */
import { defineMessages } from '../../platform/i18n/index.ts';

export const { t } = defineMessages('pages', {
  vi: { 'pages.searchLabel': 'Trang thông tin' },
  en: { 'pages.searchLabel': 'Information pages' },
});
