/** Menus: each site's navigation tree per language; a new site starts with the standard menu. */
import type { Platform } from '../../platform/platform.ts';
import { LANGS } from '../../platform/i18n/index.ts';
import { defineModule } from '../../platform/module.ts';
import type { SitesModule } from '../sites/index.ts';
import { MenuService } from './menus.service.ts';
import { standardMenu } from './standard-menu.ts';

export type { MenuNode, MenuInput } from './menus.service.ts';
export { MenuService };
export { standardMenu, PUBLIC_SERVICES_URL } from './standard-menu.ts';

export function menusModule(platform: Platform, deps: { sites: Pick<SitesModule, 'onSiteCreated'> }) {
  const menus = new MenuService(platform.db);
  // Every language gets its menu, offered or not yet: switching a language on finds it ready.
  deps.sites.onSiteCreated(async (tx, site) => {
    for (const lang of LANGS) await menus.writeFirst(tx, site.id, lang, standardMenu(lang));
  });
  return defineModule({ name: 'menus', needs: ['sites'], provides: { menus } });
}

export type MenusModule = ReturnType<typeof menusModule>;
