/**
 * The app-wide sending rate when Teams throttles the whole app (additive increase, multiplicative
 * decrease, as TCP finds a network's pace): each time Teams says the app as a whole is sending
 * too fast, the rate is cut by `decreaseFactor` (from what Teams actually took in the last second,
 * when that is lower); then, once Teams' Retry-After has passed, it climbs back by `increaseStep`
 * messages a second each `increaseEveryMs`, up to the configured cap. A Teams stricter than its
 * published limits is met, rather than hammered.
 */
export interface SendRateControllerOptions {
  /** The configured cap (`SEND_RATE_PER_SECOND`): the rate never goes above it. */
  maxPerSecond: number;
  /** The rate never goes below this, so sending never stops for good. */
  minPerSecond?: number;
  /** Each throttle of the whole app multiplies the rate by this (default 0.7). */
  decreaseFactor?: number;
  /** Messages a second added back each `increaseEveryMs` (default 1 and 1 s) without a throttle. */
  increaseStep?: number;
  increaseEveryMs?: number;
}

export class SendRateController {
  private readonly max: number;
  private readonly min: number;
  private readonly factor: number;
  private readonly step: number;
  private readonly every: number;
  /** The rate set by the last decrease, and from when it starts climbing again. */
  private lowered: number;
  private climbFrom = Number.NEGATIVE_INFINITY;
  /** When the last decrease happened: requests sent before it were sent too fast already. */
  private decreasedAt = Number.NEGATIVE_INFINITY;

  constructor(
    options: SendRateControllerOptions,
    private readonly now: () => number,
  ) {
    this.max = options.maxPerSecond;
    this.min = Math.min(this.max, options.minPerSecond ?? 1);
    this.factor = options.decreaseFactor ?? 0.7;
    this.step = options.increaseStep ?? 1;
    this.every = options.increaseEveryMs ?? 1_000;
    this.lowered = this.max;
  }

  /** Messages a second the app may send now. */
  perSecond(): number {
    return this.perSecondAt(this.now());
  }

  /**
   * Teams throttled the whole app, answering a request that went out at `sentAt`, and asked for
   * `pauseMs` of quiet. Requests sent before the last decrease were sent at the old rate, so their
   * 429s do not cut it again: one burst of refusals is one decrease. `takenPerSecond`, when known,
   * is how many requests Teams accepted in the last second: a rate far above Teams' pace is cut
   * from that pace, in one step rather than several.
   */
  throttled(sentAt: number, pauseMs: number, takenPerSecond = Number.POSITIVE_INFINITY): void {
    const now = this.now();
    const current = this.perSecondAt(now);
    const cut = sentAt >= this.decreasedAt;
    const from = Math.min(current, takenPerSecond);
    // Whether cut or not, the climb starts again only once Teams' pause is over.
    this.lowered = cut ? Math.max(this.min, from * this.factor) : current;
    this.climbFrom = Math.max(this.climbFrom, now + pauseMs);
    if (cut) this.decreasedAt = now;
  }

  private perSecondAt(now: number): number {
    const elapsed = now - this.climbFrom;
    if (elapsed <= 0) return this.lowered;
    return Math.min(this.max, this.lowered + this.step * Math.floor(elapsed / this.every));
  }
}
