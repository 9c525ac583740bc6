/**
 * The city-wide directory (/danh-ba, /english/directory) on every site: a search by a person's or
 * a unit's name (a GET form, diacritics and case ignored), the units grouped by site in the city's
 * tree order, and the same result as CSV (UTF-8 with BOM) and JSON. Not cached: an operator's
 * change shows at once.
 */
import type { FastifyRequest } from 'fastify';
import type { Routes } from '../../platform/module.ts';
import { queryForm } from '../../platform/http/forms.ts';
import { t as shared, type Lang } from '../../platform/i18n/index.ts';
import { requireSite, siteHref, siteName, type SitesModule } from '../sites/index.ts';
import type { SiteShell } from '../site-shell/index.ts';
import type { DirectoryService } from './directory.service.ts';
import { directoryCsv, presentUnit, searchDirectory, sitesInTreeOrder, type DirectoryGroup } from './directory.present.ts';
import { DirectoryQuery } from './directory.schema.ts';
import { publicPaths } from './paths.ts';
import { directoryMain } from './views/directory.view.ts';
import { t } from './messages.ts';

export interface DirectoryPublicDeps {
  sites: SitesModule;
  shell: SiteShell;
  directory: DirectoryService;
}

/** The city's directory as asked: every open site's units in use, filtered. */
export async function findInDirectory(deps: Pick<DirectoryPublicDeps, 'sites' | 'directory'>, lang: Lang, q: string, site: string): Promise<DirectoryGroup[]> {
  const sites = await deps.sites.directory.liveSites();
  const units = await deps.directory.list(sites.map((s) => s.id));
  return searchDirectory(sites, units, lang, q, site);
}

export function directoryPublic(routes: Routes, lang: Lang, deps: DirectoryPublicDeps): void {
  const query = (request: FastifyRequest, q: string, site: string, name: 'directory' | 'directoryCsv' | 'directoryJson') => {
    const ctx = requireSite(request);
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (site) params.set('trang', site);
    const s = params.toString();
    return siteHref(ctx, `${publicPaths.path(lang, name)}${s ? `?${s}` : ''}`);
  };

  routes.get(publicPaths.paths.directory[lang], queryForm(DirectoryQuery), async (request, reply) => {
    const ctx = requireSite(request);
    const q = request.query.q ?? '';
    const site = request.query.trang ?? '';
    const sites = await deps.sites.directory.liveSites();
    const groups = await findInDirectory(deps, lang, q, site);
    const title = t(lang, 'public.title');
    const other: Lang = lang === 'vi' ? 'en' : 'vi';
    return deps.shell.sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: shared(lang, 'shell.home'), href: siteHref(ctx, '/') }, { label: title }],
      alternate: { lang: other, href: siteHref(ctx, publicPaths.path(other, 'directory'), other) },
      main: directoryMain(lang, {
        action: siteHref(ctx, publicPaths.path(lang, 'directory')),
        q,
        site,
        siteChoices: sitesInTreeOrder(sites, lang).map((s) => ({ value: s.code, label: siteName(s, lang) })),
        groups: groups.map((g) => ({
          name: siteName(g.site, lang),
          code: g.site.code,
          href: siteHref({ basePath: `/s/${g.site.code}`, lang }, '/'),
          units: g.units,
        })),
        count: groups.reduce((n, g) => n + g.units.length, 0),
        csvHref: query(request, q, site, 'directoryCsv'),
        jsonHref: query(request, q, site, 'directoryJson'),
      }),
    });
  });

  routes.get(publicPaths.paths.directoryCsv[lang], queryForm(DirectoryQuery), async (request, reply) => {
    requireSite(request);
    const groups = await findInDirectory(deps, lang, request.query.q ?? '', request.query.trang ?? '');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${lang === 'en' ? 'directory' : 'danh-ba'}.csv"`)
      .send(directoryCsv(groups, lang));
  });

  routes.get(publicPaths.paths.directoryJson[lang], queryForm(DirectoryQuery), async (request, reply) => {
    requireSite(request);
    const groups = await findInDirectory(deps, lang, request.query.q ?? '', request.query.trang ?? '');
    const body = {
      sites: groups.map((g) => ({ code: g.site.code, name: siteName(g.site, lang), units: g.units.map((x) => presentUnit(x, g.site, lang)) })),
    };
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}
