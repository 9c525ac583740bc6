/** Pages: the fixed pages of each site (introduction, functions, leaders, contacts). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { SiteShell } from '../site-shell/index.ts';
import { registerPagePages } from './pages.pages.ts';
import * as service from './pages.service.ts';

export type { PageInput } from './pages.service.ts';

export function pagesModule(platform: Platform, deps: { shell: SiteShell }) {
  return {
    name: 'pages',
    register: async (app: FastifyInstance) => registerPagePages(app, platform, deps.shell),
    savePage: (siteId: number, input: service.PageInput) => service.savePage(platform.db, siteId, input),
    listPages: (siteId: number, lang: string) => service.listPages(platform.db, siteId, lang),
    findPage: (siteId: number, lang: string, slug: string) => service.getPage(platform.db, siteId, lang, slug).catch(() => undefined),
  };
}

export type PagesModule = ReturnType<typeof pagesModule>;
