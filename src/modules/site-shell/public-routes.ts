/**
 * Registers a module's public pages for every way a site is reached: by host name and by
 * `/s/<code>/`, each in Vietnamese and under `/english`. The callback gets the language
 * so it can use that language's path names.
 */
import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../platform/i18n/index.ts';

const MOUNTS: readonly { prefix: string; lang: Lang }[] = [
  { prefix: '', lang: 'vi' },
  { prefix: '/english', lang: 'en' },
  { prefix: '/s/:siteCode', lang: 'vi' },
  { prefix: '/s/:siteCode/english', lang: 'en' },
];

export function publicRoutes(app: FastifyInstance, routes: (scope: FastifyInstance, lang: Lang) => void): void {
  for (const { prefix, lang } of MOUNTS) {
    void app.register(async (scope) => routes(scope, lang), { prefix });
  }
}
