/**
 * The composition root: the explicit, ordered list of modules (no autoloading). Each module's
 * factory receives the platform and the modules it uses (their `provides`), and returns its
 * manifest (platform/module.ts). The server mounts the manifests' routes in the three trees
 * (platform/http/route-trees.ts), `main.ts` runs their jobs and the CLI and first start their
 * demo seeds. Adding a module is adding it here, and nothing else in core.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from './platform/platform.ts';
import type { Job, Module, ModuleManifest, SeedReport } from './platform/module.ts';
import { mountRouteTrees } from './platform/http/route-trees.ts';
import { sitesModule, type SitesModule } from './modules/sites/index.ts';
import { menusModule } from './modules/menus/index.ts';
import { siteShellModule, type SiteShell } from './modules/site-shell/index.ts';
import { pagesModule } from './modules/pages/index.ts';
import { homeModule } from './modules/home/index.ts';
import { demoModule } from './modules/demo/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { accountsModule } from './modules/accounts/index.ts';
import { adminModule } from './modules/admin/index.ts';
import { mediaModule } from './modules/media/index.ts';
import { contentModule } from './modules/content/index.ts';
import { searchModule, type SearchModule } from './modules/search/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { inquiriesModule } from './modules/inquiries/index.ts';
import { directoryModule } from './modules/directory/index.ts';
import { maintenanceModule } from './modules/maintenance/index.ts';
import { oversightModule } from './modules/oversight/index.ts';

/**
 * Builds every module without HTTP: used by the server and by the CLI. `extra` adds modules after
 * the product's own (a test's toy module; nothing in the product uses it).
 */
export function createModules(platform: Platform, extra: (built: { sites: SitesModule; shell: SiteShell; search: SearchModule }) => Module[] = () => []) {
  const audit = auditModule(platform);
  // The sites' admin screens use the admin frame and the media library, built later (accounts
  // needs the site directory): reached once every module exists.
  const sites = sitesModule(platform, () => ({ accounts, media }));
  const menus = menusModule(platform, { sites });
  const shell = siteShellModule(platform, { sites, menus: menus.menus });
  const search = searchModule(platform, { sites, shell });
  // The fixed pages show pictures and documents of the media library, built later.
  const pages = pagesModule(platform, { sites, shell, search }, () => ({ media }));
  const demo = demoModule(platform, { sites, menus, pages });
  // The directory's screens use the admin frame, built later (accounts' grants name its units).
  const directory = directoryModule(platform, { sites, shell, search }, () => ({ accounts }));
  const accounts = accountsModule(platform, { sites, directory });
  const admin = adminModule(platform, { accounts, audit });
  const calendar = calendarModule(platform, { accounts });
  const media = mediaModule(platform, { accounts });
  const content = contentModule(platform, {
    accounts,
    sites,
    shell,
    pages,
    media,
    menus: menus.menus,
    search,
    deadlines: calendar.deadlines,
  });
  const inquiries = inquiriesModule(platform, { sites, shell, accounts, calendar, search, directory });
  const oversight = oversightModule(platform, { sites, accounts, content, inquiries, calendar });
  const home = homeModule(platform, { sites, menus: menus.menus, pages, shell, content, sections: [inquiries.siteSections, search.siteSections] });
  const maintenance = maintenanceModule(platform, { sites, shell, accounts, calendar });
  const ordered: readonly Module[] = [
    audit,
    sites,
    menus,
    shell,
    search,
    pages,
    demo,
    directory,
    accounts,
    admin,
    calendar,
    media,
    content,
    inquiries,
    oversight,
    home,
    maintenance,
    ...extra({ sites, shell, search }),
  ];
  // What each module gives the search index, registered before anything is indexed.
  for (const m of manifestsOf({ ordered })) for (const type of m.searchTypes ?? []) search.search.registerType(type);
  return {
    db: platform.db,
    audit,
    sites,
    menus,
    shell,
    pages,
    home,
    directory,
    accounts,
    admin,
    media,
    search,
    calendar,
    content,
    inquiries,
    maintenance,
    oversight,
    ordered,
  };
}

export type Modules = ReturnType<typeof createModules>;

/**
 * Seeds the demo: each module's demo data, in the order of the list (the demo sites first, then
 * the accounts that work on them, then what those people publish and answer). Every seed skips
 * what exists, so it can run again. Returns what each module reported, merged.
 */
export async function seedDemo(modules: { ordered: readonly Module[] }): Promise<Record<string, SeedReport[string]>> {
  const report: Record<string, SeedReport[string]> = {};
  for (const m of manifestsOf(modules)) if (m.seed) Object.assign(report, await m.seed());
  return report;
}

/** The manifests in order; a module that needs one listed later is a mistake found at start. */
export function manifestsOf(modules: { ordered: readonly Module[] }): ModuleManifest[] {
  const manifests = modules.ordered.map((m) => m.manifest);
  const seen = new Set<string>();
  for (const m of manifests) {
    for (const need of m.needs) if (!seen.has(need)) throw new Error(`Module "${m.name}" needs "${need}", which is not listed before it in modules.ts.`);
    seen.add(m.name);
  }
  return manifests;
}

/** Mounts every module's routes in the three trees, with its navigation entries and dashboard cards. */
export async function registerModules(app: FastifyInstance, modules: Modules): Promise<void> {
  const manifests = manifestsOf(modules);
  for (const m of manifests) {
    for (const entry of m.adminNav ?? []) modules.accounts.admin.addNav(entry);
    for (const card of m.dashboardCards ?? []) modules.admin.addCard(card);
  }
  await mountRouteTrees(app, manifests, { public: modules.shell.publicRequestHook, admin: modules.accounts.adminRequestHook });
}

/** Every module's periodic jobs. */
export function jobsOf(modules: { ordered: readonly Module[] }): Job[] {
  return manifestsOf(modules).flatMap((m) => m.jobs ?? []);
}
