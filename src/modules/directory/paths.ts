/**
 * The directory's addresses: the operator's screens of their site's units (relative to the admin
 * root) and the city-wide directory page with its exports (relative to a site: every site shows
 * the same city-wide directory).
 */
import { defineAdminPaths, definePublicPaths } from '../../platform/http/paths.ts';

export const adminPaths = defineAdminPaths({
  units: { vi: '/danh-ba', en: '/directory' },
  unitNew: { vi: '/danh-ba/moi', en: '/directory/new' },
  unitEdit: { vi: '/danh-ba/sua', en: '/directory/edit' },
  unitRetire: { vi: '/danh-ba/ngung', en: '/directory/retire' },
});

export const publicPaths = definePublicPaths({
  directory: { vi: '/danh-ba', en: '/directory' },
  directoryCsv: { vi: '/danh-ba.csv', en: '/directory.csv' },
  directoryJson: { vi: '/danh-ba.json', en: '/directory.json' },
});
