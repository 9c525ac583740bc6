/**
 * The sites module's admin pages, per language (relative to the admin root). A site's own pages
 * end with its code (`/quan-tri/trang/sua/phuonghoankiem`), so the language switch maps the whole
 * path (`/english/admin/sites/edit/phuonghoankiem`) and no code collides with `moi` or `nhap-csv`.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { defineAdminPaths } from '../../platform/http/paths.ts';

export const sitesPaths = defineAdminPaths({
  sites: { vi: '/trang', en: '/sites' },
  siteNew: { vi: '/trang/moi', en: '/sites/new' },
  siteImport: { vi: '/trang/nhap-csv', en: '/sites/import' },
  siteEdit: { vi: '/trang/sua', en: '/sites/edit' },
  siteStatus: { vi: '/trang/trang-thai', en: '/sites/status' },
  siteIdentity: { vi: '/thong-tin-trang', en: '/site-identity' },
});

/** `/quan-tri/trang/sua/<code>` or `/quan-tri/trang/trang-thai/<code>`. */
export function siteAdminHref(lang: Lang, code: string, page: 'siteEdit' | 'siteStatus'): string {
  return sitesPaths.href(lang, page, `/${code}`);
}
