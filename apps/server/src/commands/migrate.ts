import { bootPlatform } from '../platform/bootstrap.ts';
import type { Config } from '../platform/config.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createLogger } from '../platform/logger.ts';

export async function runMigrate(config: Config): Promise<number> {
  const booted = await bootPlatform(config, { logger: createLogger('warn'), migrate: false });
  try {
    const result = await migrate(booted.database);
    process.stdout.write(
      `migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied\n`,
    );
    for (const name of result.applied) process.stdout.write(`  applied ${name}\n`);
    return 0;
  } finally {
    await booted.close();
  }
}
