/** The admin module's pages, per language (relative to `/quan-tri` | `/english/admin`): the dashboard is the root. */
import { defineAdminPaths } from '../../platform/http/paths.ts';

export const paths = defineAdminPaths({
  dashboard: { vi: '', en: '' },
  switchSite: { vi: '/chon-trang', en: '/switch-site' },
  audit: { vi: '/nhat-ky', en: '/audit' },
  auditCsv: { vi: '/nhat-ky.csv', en: '/audit.csv' },
});
