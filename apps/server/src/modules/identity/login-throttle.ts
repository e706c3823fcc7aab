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
 * Sign-in attempts counted in fixed windows in the database, so that every server process sees
 * the same counts. An attempt is counted before its password is checked and given back when it
 * succeeds: a burst of parallel guesses cannot run past the limit while the checks are running.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly policy: ThrottlePolicy = defaultThrottlePolicy,
  ) {}

  /** Counts an attempt on both keys; seconds to wait when either is spent, else null. */
  async begin(keys: ThrottleKeys): Promise<number | null> {
    const account = await this.take(keys.account, this.policy.maxPerAccount);
    if (account !== null) return account;
    const address = await this.take(keys.address, this.policy.maxPerAddress);
    if (address !== null) await this.giveBack(keys.account);
    return address;
  }

  /** After a success: the account starts afresh, the address gets its attempt back. */
  async succeeded(keys: ThrottleKeys): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', keys.account).execute();
    await this.giveBack(keys.address);
  }

  private async take(key: string, max: number): Promise<number | null> {
    const now = this.now();
    const windowStart = new Date(now.getTime() - this.policy.windowMs);
    const wait = await this.db.transaction().execute(async (tx) => {
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
      const used = expired ? 0 : row.failures;
      const startedAt = expired ? now : row.window_started_at;
      const endsAt = startedAt.getTime() + this.policy.windowMs;
      if (used >= max) return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));

      await tx
        .updateTable('login_throttle')
        .set({
          failures: used + 1,
          window_started_at: startedAt,
          locked_until: used + 1 >= max ? new Date(endsAt) : null,
        })
        .where('key', '=', key)
        .execute();
      return null;
    });
    await this.sweep(windowStart, now);
    return wait;
  }

  private async giveBack(key: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('login_throttle')
        .select('failures')
        .where('key', '=', key)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return;
      await tx
        .updateTable('login_throttle')
        .set({ failures: Math.max(0, row.failures - 1), locked_until: null })
        .where('key', '=', key)
        .execute();
    });
  }

  /** Forgets windows that ended, so that guessed names do not pile up. */
  private async sweep(windowStart: Date, now: Date): Promise<void> {
    await this.db
      .deleteFrom('login_throttle')
      .where('window_started_at', '<', windowStart)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .execute();
  }
}
