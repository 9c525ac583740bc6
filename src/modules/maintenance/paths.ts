/** The maintenance module's addresses, per language. */
import { defineAdminPaths, definePublicPaths } from '../../platform/http/paths.ts';

export const adminPaths = defineAdminPaths({
  maintenance: { vi: '/bao-tri', en: '/maintenance' },
});

export const publicPaths = definePublicPaths({
  maintenance: { vi: '/bao-tri', en: '/maintenance' },
});
