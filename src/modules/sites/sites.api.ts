/**
 * Read-only JSON API of sites (/api/v1/sites), public (no sign-in, no token). Closed sites are
 * listed with the status `closed`, so a client can tell a closed site from one that never was.
 * Thin: parse, call, present.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Routes } from '../../platform/module.ts';
import { NotFound } from '../../platform/http/errors.ts';
import { ErrorBody } from '../../platform/http/error-handler.ts';
import type { SiteDirectory } from './site-directory.ts';
import { presentSite, type Origin } from './sites.present.ts';
import { PublicSite, SiteCode, type SiteUnit } from './sites.schema.ts';

/** The units of sites, by site id, in a language (registered by the directory module). */
export type SiteUnitsLoader = (siteIds: readonly number[], lang: 'vi' | 'en') => Promise<ReadonlyMap<number, readonly SiteUnit[]>>;

const LangQuery = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { default: 'vi', description: 'Language of the names.' })),
});

export function sitesApi(routes: Routes, directory: SiteDirectory, baseDomain: string, unitsLoader: () => SiteUnitsLoader | undefined): void {
  const origin = (req: FastifyRequest): Origin => ({ protocol: req.protocol, port: req.port ?? undefined, baseDomain });

  routes.get(
    '/sites',
    {
      schema: {
        tags: ['sites'],
        summary: 'Danh sách trang / List the portal and its component sites',
        querystring: LangQuery,
        response: { 200: Type.Object({ items: Type.Array(PublicSite) }) },
      },
    },
    async (req) => {
      const { lang = 'vi' } = req.query;
      const sites = await directory.allSites();
      const units =
        (await unitsLoader()?.(
          sites.map((s) => s.id),
          lang,
        )) ?? new Map();
      return { items: sites.map((s) => ({ ...presentSite(s, lang, sites, origin(req)), units: [...(units.get(s.id) ?? [])] })) };
    },
  );

  routes.get(
    '/sites/:code',
    {
      schema: {
        tags: ['sites'],
        summary: 'Một trang / One site by its code',
        params: Type.Object({ code: SiteCode }),
        querystring: LangQuery,
        response: { 200: PublicSite, 404: ErrorBody },
      },
    },
    async (req) => {
      const { code } = req.params;
      const { lang = 'vi' } = req.query;
      const sites = await directory.allSites();
      const site = sites.find((s) => s.code === code);
      if (!site) throw new NotFound('site.not_found', `No site with code "${code}"`);
      const units = (await unitsLoader()?.([site.id], lang)) ?? new Map();
      return { ...presentSite(site, lang, sites, origin(req)), units: [...(units.get(site.id) ?? [])] };
    },
  );
}
