import type { Db } from '../../platform/db/database.ts';

export interface ThrottlePolicy {
  windowMs: number;
  maxPerAccount: number;
  maxPerAddress: number;
}

/** 5 failures per account and 20 per address within 15 minutes, then a wait until the end. */
export const defaultThrottlePolicy: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerAddress: 20,
};

export interface ThrottleKeys {
  account: string;
  address: string;
}

/**
 * The account key is built from the name typed, whether or not such a user exists, so that a
 * lockout says nothing about which accounts exist.
 */
export const throttleKeys = (username: string, ip: string): ThrottleKeys => ({
  account: `account:${username.trim().toLowerCase()}`,
  address: `address:${ip}`,
});

/**
 * Failed sign-ins counted in fixed windows in the database, so that every server process sees
 * the same counts.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly policy: ThrottlePolicy = defaultThrottlePolicy,
  ) {}

  /** Seconds until a locked key opens again, or null when neither key is locked. */
  async retryAfterSeconds(keys: ThrottleKeys): Promise<number | null> {
    const now = this.now();
    const rows = await this.db
      .selectFrom('login_throttle')
      .select('locked_until')
      .where('key', 'in', [keys.account, keys.address])
      .where('locked_until', '>', now)
      .execute();
    const until = Math.max(0, ...rows.map((r) => r.locked_until?.getTime() ?? 0));
    if (until === 0) return null;
    return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    await this.bump(keys.account, this.policy.maxPerAccount);
    await this.bump(keys.address, this.policy.maxPerAddress);
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }

  private async bump(key: string, max: number): Promise<void> {
    const now = this.now();
    const windowStart = new Date(now.getTime() - this.policy.windowMs);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('login_throttle')
        .values({ key, failures: 0, window_started_at: now, locked_until: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await tx
        .selectFrom('login_throttle')
        .selectAll()
        .where('key', '=', key)
        .forUpdate()
        .executeTakeFirstOrThrow();

      const expired = row.window_started_at <= windowStart;
      const failures = expired ? 1 : row.failures + 1;
      const startedAt = expired ? now : row.window_started_at;
      const lockedUntil =
        failures >= max ? new Date(startedAt.getTime() + this.policy.windowMs) : null;
      await tx
        .updateTable('login_throttle')
        .set({ failures, window_started_at: startedAt, locked_until: lockedUntil })
        .where('key', '=', key)
        .execute();
    });
    await this.sweep(windowStart, now);
  }

  /** Forgets windows that ended long ago, so that guessed names do not pile up. */
  private async sweep(windowStart: Date, now: Date): Promise<void> {
    await this.db
      .deleteFrom('login_throttle')
      .where('window_started_at', '<', windowStart)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .execute();
  }
}
