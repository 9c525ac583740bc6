/** The oversight module's pages in the administration, per language (relative to `/quan-tri` | `/english/admin`). */
import { defineAdminPaths } from '../../platform/http/paths.ts';

export const paths = defineAdminPaths({
  /** The table of every overseen site with its figures. */
  oversight: { vi: '/giam-sat', en: '/oversight' },
  /** Opens an overseen site (the site switcher), then its queues or compliance figures. */
  oversightOpen: { vi: '/giam-sat/mo', en: '/oversight/open' },
  /** An account's oversight grants (platform administrators). */
  oversightAccount: { vi: '/giam-sat/tai-khoan', en: '/oversight/account' },
});
