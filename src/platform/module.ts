/**
 * The shape every module has. A module is a folder under `src/modules/` whose `index.ts` exports a
 * factory: it receives the platform and the modules it uses, and returns `defineModule({...})` —
 * its manifest (what it plugs into the server) plus `provides`, the few functions other modules
 * may call. `src/modules.ts` composes the manifests; nothing else in core names a module's URL,
 * job or seed. Adding a module touches `modules.ts` only.
 *
 * Routes come in three trees, each with its own hooks (see route-trees.ts):
 *   publicRoutes(routes, lang)  pages of a site, mounted at `/`, `/english`, `/s/<code>` and
 *                               `/s/<code>/english`; the site is resolved before the handler runs
 *                               (`requireSite`); `config: { cache: true }` lets a page be cached
 *   adminRoutes(routes, lang)   the administration under `/quan-tri` and `/english/admin`, behind
 *                               the sign-in gate unless `config: { signIn: true }`
 *   apiRoutes(routes)           the JSON API under `/api/v1`, typed by its TypeBox schemas
 *   rootRoutes(routes)          the rare address that belongs to no site (`/.well-known/…`, files)
 *
 * Contributions owned by other modules (admin navigation, dashboard cards, search types) are typed
 * by those modules through `ModuleExtensions`, so the platform stays free of module imports.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Lang } from './i18n/index.ts';

/** A Fastify scope whose handlers are typed from their TypeBox schemas (no casts of `request.*`). */
export type Routes = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * Kinds of contribution whose type belongs to a module: `accounts` adds `navEntry`, `admin`
 * adds `dashboardCard`, `search` adds `searchType` (with `declare module`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the owning modules.
export interface ModuleExtensions {}

type Extension<K extends string> = ModuleExtensions extends Record<K, infer T> ? T : never;
export type NavEntryOf = Extension<'navEntry'>;
export type DashboardCardOf = Extension<'dashboardCard'>;
export type SearchTypeOf = Extension<'searchType'>;

/** Periodic work, run by every process (so it must be safe to run twice: row locks or idempotence). */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** What a module's demo seed reports (counts or names, shown by `npm start` and `cli seed-demo`). */
export type SeedReport = Readonly<Record<string, number | readonly string[]>>;

/** Route-level settings the trees read (declared per route in `config`). */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public pages: an anonymous visitor's GET may be answered from the page cache. */
    cache?: boolean;
    /** Admin pages anyone may open (signing in, recovering access): no sign-in gate. */
    signIn?: boolean;
    /** The URL may be up to 16 KB (a pasted paragraph as a search query), not the usual 2 KB. */
    longUrl?: boolean;
    /** Which tree the route is in (set by the tree, not by the route). */
    tree?: 'public' | 'admin' | 'api' | 'root';
  }
}

export interface ModuleManifest {
  /** The module's folder name. */
  readonly name: string;
  /** Modules this one uses (their names); `modules.ts` checks each comes earlier in the list. */
  readonly needs: readonly string[];
  /** Root-level set-up the trees cannot express: request decorations, database listeners. Rare. */
  readonly setup?: (app: FastifyInstance) => Promise<void> | void;
  readonly publicRoutes?: (routes: Routes, lang: Lang) => void;
  readonly adminRoutes?: (routes: Routes, lang: Lang) => void;
  readonly apiRoutes?: (routes: Routes) => void;
  readonly rootRoutes?: (routes: Routes) => void;
  /** OpenAPI tags of this module's API routes. */
  readonly apiTags?: readonly { name: string; description: string }[];
  readonly jobs?: readonly Job[];
  readonly adminNav?: readonly NavEntryOf[];
  readonly dashboardCards?: readonly DashboardCardOf[];
  readonly searchTypes?: readonly SearchTypeOf[];
  /** Demo data, seeded on the first start of an empty database (in the order of `modules.ts`). */
  readonly seed?: () => Promise<SeedReport>;
}

export type Module<P extends object = object> = P & { readonly manifest: ModuleManifest };

/**
 * A module's manifest and what it provides to others. The result is the `provides` object itself
 * (so dependents write `deps.sites.directory`) with the manifest attached.
 */
export function defineModule<const P extends object>(manifest: ModuleManifest & { provides: P }): Module<P> {
  const { provides, ...rest } = manifest;
  return Object.assign(Object.create(null) as object, provides, { manifest: rest }) as Module<P>;
}
