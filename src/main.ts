/**
 * Starts the server: settings, database (migrated), demo seed on an empty database,
 * then listen. On SIGINT/SIGTERM it stops taking new connections, finishes the requests
 * in flight, and closes the database.
 */
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './platform/config.ts';
import { buildApp } from './app.ts';
import { openPlatformData } from './boot.ts';
import { createModules } from './modules.ts';
import { seedDemo } from './modules/demo/index.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const booted = await openPlatformData(config, { seedNewDatabase: config.seedDemo });
  const modules = createModules({ config, db: booted.database.db, engine: booted.database.engine, ping: booted.database.ping });
  const app = await buildApp({ config, database: booted.database, modules });

  if (config.seedDemo) {
    if ((await modules.sites.countSites()) === 0) {
      const report = await seedDemo(modules);
      app.log.info({ sites: report.created }, 'demo portal seeded');
    }
  }

  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await booted.close();
  });

  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { address, database: booted.database.engine, dataDir: config.databaseUrl ? undefined : config.dataDir },
    `Cổng is serving on http://localhost:${config.port}`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`Cấu hình không hợp lệ / Configuration error: ${err.message}`);
  } else {
    console.error('Cổng could not start:', err);
  }
  process.exit(1);
});
