/**
 * Starts the server: settings, database (migrated), demo seed on an empty database,
 * then listen. On SIGINT/SIGTERM it stops taking new connections, finishes the requests
 * in flight, and closes the database.
 */
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './platform/config.ts';
import { buildApp } from './app.ts';
import { openPlatformData } from './boot.ts';
import { createModules, jobsOf, seedDemo } from './modules.ts';
import { createMailDelivery } from './platform/mail/index.ts';
import { startScheduler } from './platform/jobs/scheduler.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const booted = await openPlatformData(config, { seedNewDatabase: config.seedDemo });
  const modules = createModules({ config, db: booted.database.db, engine: booted.database.engine, ping: booted.database.ping, listen: booted.database.listen });
  const app = await buildApp({ config, database: booted.database, modules });

  if (config.seedDemo) {
    if ((await modules.sites.countSites()) === 0) {
      const report = await seedDemo(modules);
      app.log.info({ sites: report.created }, 'demo portal seeded');
    }
  }

  // A database from before the search platform (or restored without its index) gets it built now.
  const built = await modules.search.search.ensureBuilt();
  if (built && Object.values(built).some((n) => n > 0)) app.log.info({ documents: built }, 'search index built');
  // The embedded database has no autovacuum: give the planner the index's statistics now.
  else if (booted.database.engine === 'pglite') await modules.search.search.refreshStatistics(true);

  const mail = createMailDelivery(booted.database.db, config);
  const scheduler = startScheduler([{ name: 'mail.deliver', everyMs: 15_000, run: () => mail.deliverPending() }, ...jobsOf(modules)], app.log);

  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await scheduler.stop();
    await mail.close();
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
