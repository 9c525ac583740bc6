/** The fixed pages' address per language: /trang/<slug>, /english/page/<slug>. */
import { definePublicPaths } from '../../platform/http/paths.ts';

export const pagesPaths = definePublicPaths({
  page: { vi: '/trang', en: '/page' },
});
