/**
 * buildTestApp: the real application over the file's own test database, with the demo
 * seeded unless asked not to. Requests go through `app.inject`; nothing listens.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { createModules, seedDemo, type Modules } from '../src/modules.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  modules: Modules;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', ...env });
}

export async function buildTestApp(
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    extraRoutes?: (app: FastifyInstance) => void;
    /** Modules added after the product's own (a test's toy module). */
    extraModules?: Parameters<typeof createModules>[1];
    /** Told of every route as it is registered. */
    onRoute?: (route: RouteOptions) => void;
    /** Kysely plugins on the database the modules use (a test's query recorder). */
    plugins?: readonly KyselyPlugin[];
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(options.env);
  const modulesDb = (options.plugins ?? []).reduce((d, plugin) => d.withPlugin(plugin), db.db);
  const modules = createModules({ config, db: modulesDb, engine: db.engine, ping: db.ping, listen: db.listen }, options.extraModules);
  if (options.seed !== false) await seedDemo(modules);
  const app = await buildApp({
    config,
    database: db,
    modules,
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    modules,
    config,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
