/**
 * The sites module's admin pages, per language (relative to the admin root). A site's own pages
 * are `sites` + `/<code>` + SITE_SEGMENTS (`/quan-tri/trang/phuonghoankiem/sua`): a code never
 * collides with `moi` or `nhap-csv`, which have no segment after them.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { defineAdminPaths } from '../../platform/http/paths.ts';

export const sitesPaths = defineAdminPaths({
  sites: { vi: '/trang', en: '/sites' },
  siteNew: { vi: '/trang/moi', en: '/sites/new' },
  siteImport: { vi: '/trang/nhap-csv', en: '/sites/import' },
  siteIdentity: { vi: '/thong-tin-trang', en: '/site-identity' },
});

/** After a site's path: its edit form and its status form. */
export const SITE_SEGMENTS: Readonly<Record<'edit' | 'status', Readonly<Record<Lang, string>>>> = {
  edit: { vi: '/sua', en: '/edit' },
  status: { vi: '/trang-thai', en: '/status' },
};

/** `/quan-tri/trang/<code>/sua`. */
export function siteAdminHref(lang: Lang, code: string, segment: keyof typeof SITE_SEGMENTS): string {
  return sitesPaths.href(lang, 'sites', `/${code}${SITE_SEGMENTS[segment][lang]}`);
}
