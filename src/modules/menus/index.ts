/** Menus: each site's navigation tree per language. */
import type { Platform } from '../../platform/platform.ts';
import { MenuService } from './menus.service.ts';

export type { MenuNode, MenuInput } from './menus.service.ts';
export { MenuService };

export function menusModule(platform: Platform) {
  const menus = new MenuService(platform.db);
  return { name: 'menus', menus, register: async () => {} };
}
