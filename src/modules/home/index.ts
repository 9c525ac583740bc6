/** Home, site map and contact pages of every site. */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { SitesModule } from '../sites/index.ts';
import type { MenuService } from '../menus/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { ContentModule } from '../content/index.ts';
import { homePages, type SectionSource } from './home.public.ts';

export function homeModule(
  platform: Platform,
  deps: {
    sites: SitesModule;
    menus: MenuService;
    pages: PagesModule;
    shell: SiteShell;
    content: Pick<ContentModule, 'homeBlocks' | 'siteSections'>;
    /** Other modules' public sections for the site map (their entry points' `siteSections`). */
    sections?: readonly SectionSource[];
  },
) {
  return defineModule({
    name: 'home',
    needs: ['sites', 'menus', 'pages', 'site-shell', 'content'],
    publicRoutes: (routes, lang) => homePages(routes, lang, platform, deps),
    provides: {},
  });
}
