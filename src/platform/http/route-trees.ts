/**
 * The three route trees every module plugs into (see platform/module.ts), each an encapsulated
 * Fastify scope with its own hooks, so what a route needs is decided by the tree it is in and
 * not by a regular expression over paths or by the order modules add hooks:
 *
 *   public  `/`, `/english`, `/s/:siteCode`, `/s/:siteCode/english` — the site of the request is
 *           resolved first (the `:siteCode` of the mount or the host name), then a cached page may
 *           answer, for the routes that declare `config: { cache: true }`
 *   admin   `/quan-tri`, `/english/admin` — the session is loaded and the sign-in gate sends people
 *           to the step they miss, unless the route declares `config: { signIn: true }`
 *   api     `/api/v1` — TypeBox-typed routes; JSON errors
 *
 * plus the root for the few addresses that belong to no site.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { LANGS, type Lang } from '../i18n/index.ts';
import type { ModuleManifest, Routes } from '../module.ts';

export interface PublicMount {
  prefix: string;
  lang: Lang;
  /** True when the site is named in the path (`/s/<code>/…`), read from the `siteCode` parameter. */
  byPath: boolean;
}

export const PUBLIC_MOUNTS: readonly PublicMount[] = [
  { prefix: '', lang: 'vi', byPath: false },
  { prefix: '/english', lang: 'en', byPath: false },
  { prefix: '/s/:siteCode', lang: 'vi', byPath: true },
  { prefix: '/s/:siteCode/english', lang: 'en', byPath: true },
];

/** Where the administration lives, per language. */
export const ADMIN_ROOT: Readonly<Record<Lang, string>> = { vi: '/quan-tri', en: '/english/admin' };

export const API_PREFIX = '/api/v1';

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
/** A public route's request: on the `/s/:siteCode` mounts its parameters hold the site's code. */
export type PublicRequest = FastifyRequest<{ Params: { siteCode?: string } }>;

export interface TreeHooks {
  /** Runs first on every public route: resolves the site for the mount, may answer from the cache. */
  public: (mount: PublicMount) => (request: PublicRequest, reply: FastifyReply) => Promise<unknown>;
  /** Runs first on every admin route: the session, then the sign-in gate. */
  admin: Hook;
}

function typed(scope: FastifyInstance): Routes {
  return scope.withTypeProvider<TypeBoxTypeProvider>();
}

/** Marks every route of a scope with its tree (the error page and the request logs read it). */
function markTree(scope: FastifyInstance, tree: 'public' | 'admin' | 'api' | 'root'): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), tree };
  });
}

export async function mountRouteTrees(app: FastifyInstance, manifests: readonly ModuleManifest[], hooks: TreeHooks): Promise<void> {
  for (const m of manifests) await m.setup?.(app);

  await app.register(async (root) => {
    markTree(root, 'root');
    for (const m of manifests) m.rootRoutes?.(typed(root));
  });

  for (const mount of PUBLIC_MOUNTS) {
    await app.register(
      async (scope) => {
        markTree(scope, 'public');
        scope.addHook('onRequest', hooks.public(mount));
        for (const m of manifests) m.publicRoutes?.(typed(scope), mount.lang);
      },
      { prefix: mount.prefix },
    );
  }

  for (const lang of LANGS) {
    await app.register(
      async (scope) => {
        markTree(scope, 'admin');
        scope.addHook('onRequest', hooks.admin);
        for (const m of manifests) m.adminRoutes?.(typed(scope), lang);
      },
      { prefix: ADMIN_ROOT[lang] },
    );
  }

  await app.register(
    async (scope) => {
      markTree(scope, 'api');
      for (const m of manifests) m.apiRoutes?.(typed(scope));
    },
    { prefix: API_PREFIX },
  );
}
