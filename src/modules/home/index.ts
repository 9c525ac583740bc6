/** Home, site map and contact pages of every site. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { SitesModule } from '../sites/index.ts';
import type { MenuService } from '../menus/index.ts';
import type { PagesModule } from '../pages/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { ContentModule } from '../content/index.ts';
import { registerHomePages } from './home.pages.ts';

export function homeModule(
  platform: Platform,
  deps: { sites: SitesModule; menus: MenuService; pages: PagesModule; shell: SiteShell; content: Pick<ContentModule, 'homeBlocks'> },
) {
  return { name: 'home', register: async (app: FastifyInstance) => registerHomePages(app, platform, deps) };
}
