/** The home module's public pages, per language: the site map and the contact page (the footer of every page links them). */
import { definePublicPaths } from '../../platform/http/paths.ts';

export const homePaths = definePublicPaths({
  siteMap: { vi: '/so-do-cong', en: '/site-map' },
  contact: { vi: '/lien-he', en: '/contact' },
});
