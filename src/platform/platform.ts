/** What every module receives: the settings and the database, nothing else. */
import type { Config } from './config.ts';
import type { DatabaseHandle, Db, Engine } from './db/create-db.ts';

export interface Platform {
  readonly config: Config;
  readonly db: Db;
  readonly engine: Engine;
  /** True when the database answers. */
  readonly ping: () => Promise<boolean>;
  /** NOTIFY listener across processes (see DatabaseHandle.listen). */
  readonly listen?: DatabaseHandle['listen'];
}
