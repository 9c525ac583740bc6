/**
 * The organisation and contact directory (CONT-12): the units of each site as a tree, each with
 * its focal person for information supply, official e-mail and phone; the operator's screens; the
 * city-wide directory page on every site (/danh-ba, /english/directory) with CSV and JSON; the read
 * API; the units in the sites API and in the search; the checklist's gap of a site without a
 * focal person. Answering agencies (inquiries) and the units of role grants (accounts) are these
 * units: other modules reach them only through `provides`.
 */
import type { Platform } from '../../platform/platform.ts';
import { defineModule } from '../../platform/module.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { AccountsModule } from '../accounts/index.ts';
import type { SearchableType, SearchDocument, SearchModule } from '../search/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { SitesModule, SiteUnit } from '../sites/index.ts';
import { DirectoryService, type UnitRow } from './directory.service.ts';
import * as repo from './directory.repo.ts';
import { directoryAdmin } from './directory.admin.ts';
import { directoryApi } from './directory.api.ts';
import { directoryPublic } from './directory.public.ts';
import { treeOrder, unitName } from './directory.present.ts';
import { demoUnitRows } from './demo.seed.ts';
import { adminPaths, publicPaths } from './paths.ts';
import { t } from './messages.ts';

export type { UnitRow } from './directory.service.ts';
export { DirectoryService } from './directory.service.ts';
export { unitName } from './directory.present.ts';
export { publicPaths as directoryPaths } from './paths.ts';

const SEARCH_TYPE = 'directory_unit';

function searchDocument(u: UnitRow): SearchDocument {
  return {
    refId: u.id,
    siteId: u.site_id,
    lang: 'vi',
    publishedAt: u.created_at,
    path: `${publicPaths.path('vi', 'directory')}?q=${encodeURIComponent(u.name_vi)}`,
    title: u.name_vi,
    summary: [u.focal_name, u.focal_title].filter(Boolean).join(', '),
    fields: { nameEn: u.name_en, focal: `${u.focal_name} ${u.focal_title}`, contacts: `${u.email} ${u.address}` },
  };
}

/** What the operator's screens use from modules built after this one (the admin frame). */
export interface DirectoryLater {
  accounts: Pick<AccountsModule, 'admin'>;
}

export function directoryModule(platform: Platform, deps: { sites: SitesModule; shell: SiteShell; search: SearchModule }, later: () => DirectoryLater) {
  const { db } = platform;
  const search = deps.search.search;
  const directory = new DirectoryService(db, async (tx, unit) => {
    if (unit.retired) await search.remove(tx, SEARCH_TYPE, unit.id);
    else await search.index(tx, SEARCH_TYPE, searchDocument(unit));
  });
  const searchType: SearchableType = {
    type: SEARCH_TYPE,
    label: (lang) => t(lang, 'search.label'),
    fields: { nameEn: 'A', focal: 'B', contacts: 'D' },
    async *all(db) {
      for (let after = 0; ; ) {
        const rows = await repo.unitsAfter(db, after, 500);
        if (rows.length === 0) return;
        for (const row of rows) if (!row.retired) yield searchDocument(row);
        after = rows[rows.length - 1]!.id;
      }
    },
  };

  // The sites API lists each site's units in use, in tree order.
  deps.sites.provideUnits(async (siteIds, lang) => {
    const rows = await directory.list(siteIds);
    const out = new Map<number, SiteUnit[]>();
    for (const id of siteIds) {
      out.set(
        id,
        treeOrder(
          rows.filter((r) => r.site_id === id),
          lang,
        ).map(({ unit: u }) => ({
          id: u.id,
          parentId: u.parent_id,
          name: unitName(u, lang),
          kind: u.kind,
          focalPerson: { name: u.focal_name, title: u.focal_title },
          email: u.email,
          phone: u.phone,
          address: u.address,
        })),
      );
    }
    return out;
  });
  // The operator's checklist: the regulations want a focal person for information supply.
  deps.sites.addCheck(async (site, lang: Lang) =>
    (await directory.hasFocalPerson(site.id)) ? [] : [{ key: 'directory:focal', label: t(lang, 'gap.focal'), href: adminPaths.href(lang, 'units') }],
  );

  return defineModule({
    name: 'directory',
    needs: ['sites', 'site-shell', 'search'],
    publicRoutes: (routes, lang) => directoryPublic(routes, lang, { sites: deps.sites, shell: deps.shell, directory }),
    adminRoutes: (routes, lang) => directoryAdmin(routes, lang, { admin: later().accounts.admin, directory }),
    apiRoutes: (routes) => directoryApi(routes, { sites: deps.sites, directory }),
    apiTags: [{ name: 'directory', description: 'The organisation and contact directory: units of each site and their focal persons' }],
    adminNav: [{ label: (lang) => t(lang, 'nav.units'), href: (lang) => adminPaths.href(lang, 'units'), action: 'site.identity' }],
    searchTypes: [searchType],
    seed: async () => {
      const sites = await deps.sites.listSites();
      const added = await repo.seedUnits(
        db,
        demoUnitRows((code) => sites.find((s) => s.code === code)?.id),
      );
      if (added > 0) await search.rebuild(SEARCH_TYPE);
      return { directory: added };
    },
    provides: {
      directory,
      /** The units of a site in use, in tree order, for a choice (a grant's unit, an answering agency). */
      async choices(siteId: number, lang: Lang): Promise<{ value: string; label: string }[]> {
        return treeOrder(await directory.list([siteId]), lang).map((x) => ({
          value: String(x.unit.id),
          label: `${'— '.repeat(x.depth)}${unitName(x.unit, lang)}`,
        }));
      },
      /** One unit of a site in use, or undefined (a unit of another site, retired or unknown). */
      activeUnitOf: (siteId: number, id: number) => directory.activeUnitOf(siteId, id),
      byId: (id: number) => directory.byId(id),
      /** The units of these names on a site, created when missing (demo seeds, tests). */
      ensureUnits: (siteId: number, names: readonly string[]) => directory.ensureUnits(siteId, names),
    },
  });
}

export type DirectoryModule = ReturnType<typeof directoryModule>;
