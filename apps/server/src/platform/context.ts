import type { Config } from './config.ts';
import type { Bus } from './bus.ts';
import type { Db } from './db/database.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { Secrets } from './secrets.ts';

/** What every module is given: infrastructure only, nothing of other domains. */
export interface Platform {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  logger: Logger;
  secrets: Secrets;
  bus: Bus;
  metrics: Metrics;
  /** The clock; tests replace it. */
  now: () => Date;
}
