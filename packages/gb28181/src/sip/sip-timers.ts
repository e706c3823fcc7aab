/** RFC 3261 section 17.1.1.1 timer values in milliseconds. */
export interface SipTimers {
  t1: number;
  t2: number;
  t4: number;
}

export const DEFAULT_SIP_TIMERS: SipTimers = { t1: 500, t2: 4000, t4: 5000 };

/**
 * A retransmission schedule: fires `retransmit` after t1, 2*t1, 4*t1... (capped at `cap` when
 * given, as Timer E and G are capped at T2 and Timer A is not) and `timeout` after 64*T1.
 * Over a reliable transport only the timeout runs (section 17.1.1.2 / 17.1.2.2).
 */
export class RetransmitSchedule {
  private retransmitTimer: NodeJS.Timeout | undefined;
  private readonly timeoutTimer: NodeJS.Timeout;
  private interval: number;

  constructor(
    private readonly options: {
      timers: SipTimers;
      reliable: boolean;
      cap: number | null;
      retransmit: () => void;
      timeout: () => void;
    },
  ) {
    this.interval = options.timers.t1;
    this.timeoutTimer = setTimeout(() => {
      this.stop();
      options.timeout();
    }, 64 * options.timers.t1);
    if (!options.reliable) this.arm();
  }

  private arm(): void {
    this.retransmitTimer = setTimeout(() => {
      this.options.retransmit();
      const doubled = this.interval * 2;
      this.interval = this.options.cap === null ? doubled : Math.min(doubled, this.options.cap);
      this.arm();
    }, this.interval);
  }

  /** Section 17.1.2.2: in Proceeding, Timer E fires every T2. */
  slowDown(interval: number): void {
    if (this.options.reliable || this.retransmitTimer === undefined) return;
    clearTimeout(this.retransmitTimer);
    this.interval = interval;
    this.arm();
  }

  stopRetransmit(): void {
    clearTimeout(this.retransmitTimer);
    this.retransmitTimer = undefined;
  }

  stop(): void {
    this.stopRetransmit();
    clearTimeout(this.timeoutTimer);
  }
}
