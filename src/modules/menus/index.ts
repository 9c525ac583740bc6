/** Menus: each site's navigation tree per language. */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import { MenuService } from './menus.service.ts';

export type { MenuNode, MenuInput } from './menus.service.ts';
export { MenuService };

export function menusModule(platform: Platform) {
  return defineModule({ name: 'menus', needs: [], provides: { menus: new MenuService(platform.db) } });
}

export type MenusModule = ReturnType<typeof menusModule>;
