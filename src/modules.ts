/**
 * The explicit, ordered list of modules (no autoloading). A module's factory receives the
 * platform and the modules it uses; `register` adds its routes and hooks.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from './platform/platform.ts';
import type { HtmlErrorRenderer } from './platform/http/error-handler.ts';
import { sitesModule } from './modules/sites/index.ts';
import { menusModule } from './modules/menus/index.ts';
import { siteShellModule } from './modules/site-shell/index.ts';
import { pagesModule } from './modules/pages/index.ts';
import { homeModule } from './modules/home/index.ts';
import { accountsModule } from './modules/accounts/index.ts';
import { adminModule } from './modules/admin/index.ts';
import { mediaModule } from './modules/media/index.ts';
import { contentModule } from './modules/content/index.ts';
import { searchModule } from './modules/search/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { inquiriesModule } from './modules/inquiries/index.ts';

/** Builds every module without HTTP: used by the server and by the CLI. */
export function createModules(platform: Platform) {
  const sites = sitesModule(platform);
  const menus = menusModule(platform);
  const shell = siteShellModule(platform, { sites, menus: menus.menus });
  const search = searchModule(platform, { sites, shell });
  const pages = pagesModule(platform, { shell, search });
  const accounts = accountsModule(platform, { sites });
  const admin = adminModule(platform, { accounts });
  const calendar = calendarModule(platform, { accounts });
  const media = mediaModule(platform, { accounts });
  const content = contentModule(platform, { accounts, sites, shell, pages, media, admin, menus: menus.menus, search, deadlines: calendar.deadlines });
  const inquiries = inquiriesModule(platform, { sites, shell, accounts, calendar, search });
  const home = homeModule(platform, { sites, menus: menus.menus, pages, shell, content });
  return {
    db: platform.db,
    sites,
    menus,
    shell,
    pages,
    home,
    accounts,
    admin,
    media,
    search,
    calendar,
    content,
    inquiries,
    ordered: [sites, menus, shell, pages, home, accounts, admin, media, search, calendar, content, inquiries],
  };
}

export type Modules = ReturnType<typeof createModules>;

export async function registerModules(app: FastifyInstance, modules: Modules): Promise<{ modules: Modules; renderErrorPage: HtmlErrorRenderer }> {
  for (const m of modules.ordered) await m.register(app);
  return { modules, renderErrorPage: modules.shell.renderErrorPage };
}
