import { MemoryBus, type Bus } from './bus.ts';
import type { Config } from './config.ts';
import type { Platform } from './context.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { Secrets, resolveSecretKey, type KeySource } from './secrets.ts';
import path from 'node:path';

export interface Booted {
  platform: Platform;
  database: DatabaseHandle;
  keySource: KeySource;
  close(): Promise<void>;
}

export interface BootOptions {
  logger?: Logger;
  /** Apply migrations (the default at start). */
  migrate?: boolean;
}

/** Opens the database (migrating it), the bus and the key: everything below the domains. */
export async function bootPlatform(config: Config, options: BootOptions = {}): Promise<Booted> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const keySource = resolveSecretKey(config.secretKeyHex, config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'db'),
  });
  if (options.migrate !== false) {
    const result = await migrate(database);
    if (result.applied.length > 0)
      logger.info({ applied: result.applied }, 'db.migrations.applied');
  }
  const bus: Bus = await openBus(config, logger);
  const platform: Platform = {
    config,
    db: database.db,
    dbKind: database.kind,
    logger,
    secrets: new Secrets(keySource.key),
    bus,
    metrics: createMetrics(),
    now: () => new Date(),
  };
  return {
    platform,
    database,
    keySource,
    close: async () => {
      await bus.close();
      await database.close();
    },
  };
}

async function openBus(config: Config, logger: Logger): Promise<Bus> {
  const onHandlerError = (error: unknown, message: { subject: string }) =>
    logger.error({ err: error, subject: message.subject }, 'bus.handler.failed');
  if (!config.natsUrl) return new MemoryBus({ onHandlerError });
  const { connectNatsBus } = await import('./nats-bus.ts');
  return connectNatsBus(config.natsUrl, { onHandlerError });
}
