/** The directory's read API (/api/v1/directory): public, like the page, with the same search. */
import { Type } from 'typebox';
import type { Routes } from '../../platform/module.ts';
import type { SitesModule } from '../sites/index.ts';
import type { DirectoryService } from './directory.service.ts';
import { presentUnit } from './directory.present.ts';
import { findInDirectory } from './directory.public.ts';
import { PublicUnit } from './directory.schema.ts';

const Query = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'A person’s or a unit’s name (diacritics and case ignored).' })),
  site: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,50}$', description: 'Only this site’s units (its code).' })),
  lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { default: 'vi' })),
});

export function directoryApi(routes: Routes, deps: { sites: SitesModule; directory: DirectoryService }): void {
  routes.get(
    '/directory',
    {
      schema: {
        tags: ['directory'],
        summary: 'Danh bạ đơn vị / The city-wide directory of units and their focal persons',
        querystring: Query,
        response: { 200: Type.Object({ items: Type.Array(PublicUnit) }) },
      },
    },
    async (req) => {
      const { q = '', site = '', lang = 'vi' } = req.query;
      const groups = await findInDirectory(deps, lang, q.normalize('NFC'), site);
      return { items: groups.flatMap((g) => g.units.map((x) => presentUnit(x, g.site, lang))) };
    },
  );
}
