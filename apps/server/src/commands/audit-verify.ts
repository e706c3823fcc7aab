import { verifyAuditChain } from '../modules/audit/audit-verify.ts';
import { bootPlatform } from '../platform/bootstrap.ts';
import type { Config } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';

export async function runAuditVerify(config: Config): Promise<number> {
  const booted = await bootPlatform(config, { logger: createLogger('warn') });
  try {
    const result = await verifyAuditChain(booted.platform.db);
    if (result.ok) {
      process.stdout.write(
        `audit chain intact: ${result.rows} rows; head seq ${result.headSeq} hash ${result.headHash}\n`,
      );
      return 0;
    }
    process.stdout.write(
      `audit chain BROKEN at row ${result.brokenSeq}: ${result.reason} (${result.rows} rows before it are intact)\n`,
    );
    return 1;
  } finally {
    await booted.close();
  }
}
