/** The search page's address on every site; the shell's search box finds it by the name `search`. */
import { definePublicPaths } from '../../platform/http/paths.ts';

export const searchPaths = definePublicPaths({
  /** `?q=…` and the filters. */
  search: { vi: '/tim-kiem', en: '/search' },
});
