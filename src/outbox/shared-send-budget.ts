import type { Logger } from "../logger.ts";
import type { SenderPresenceRepo } from "../store/sender-presence.ts";
import type { SendRateLimiter } from "./send-rate-limiter.ts";
import { claimIsAbandoned, type SenderIdentity } from "./sender-identity.ts";

/**
 * One send budget for the whole app. Teams allows an app 50 messages a second per tenant, counted
 * across every instance, so with N instances on one store each sends at SEND_RATE_PER_SECOND / N.
 * Each instance notes itself in the store every heartbeat and reads how many are live.
 *
 * Why a split budget rather than one lease-held sender that alone talks to Teams:
 * - Replies within a turn go from whichever instance Teams reached; a lease-held sender would still
 *   leave those outside its budget. A split budget counts every request the instance makes.
 * - After a kill -9, a lease-held sender stops all proactive sending until its lease expires; here
 *   the others keep sending at their part and take the dead instance's part once its note lapses
 *   (three heartbeats). Its claimed messages come back at their claims' expiry either way.
 * - Throughput: one instance sends at the whole rate; three send a third each over the one shared
 *   queue, the same in total. One lease holder would cap the app at one process's pace.
 * - Cost: a heartbeat is one upsert and one small query (about 10 RU together) every 5 s per
 *   instance, about 6 RU/s for three: a few per cent of the smallest provisioned Cosmos account.
 *   A lease renewal costs much the same, so neither choice is cheaper.
 * - Per-chat limits stay per instance: two instances may each send to one chat within its limits.
 *   Each message has one sender (claims), each instance works at most two messages per person at
 *   a time, and a chat's 429 is waited out by the instance that got it, so this costs a retry at
 *   worst, never a lost or repeated message.
 *
 * Joining never overshoots: an instance that finds others live waits one heartbeat (so each has
 * read its note and lowered its part) before it takes its own, and start-up is not finished, so
 * the platform sends it no traffic, until then. Leaving deletes the note, so the others take the
 * freed part at their next heartbeat; a dead instance's part is taken only once its note lapses.
 */
export interface SharedSendBudgetOptions {
  presence: Pick<SenderPresenceRepo, "beat" | "live" | "leave">;
  limiter: Pick<SendRateLimiter, "setShare">;
  /** This sender, as on its claims. */
  identity: SenderIdentity;
  logger: Logger;
  heartbeatMs: number;
  /** Wall-clock milliseconds: notes are compared across machines. */
  nowMs?: () => number;
}

/** A note counts this many heartbeats, so one slow or failed write does not drop an instance. */
const HEARTBEATS_PER_NOTE = 3;
/** Allowance for a heartbeat's own write and read when waiting for the others to see a new note. */
const JOIN_MARGIN_MS = 250;
/** Teams counts the app's messages per second; our windows are stretched a little (rate-limits.ts). */
const LAST_WINDOW_MS = 1_100;

/** Waits on the global timer, the one a test's clock can move. */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SharedSendBudget {
  private timer: NodeJS.Timeout | null = null;
  private instances = 1;
  /** Fewer instances were seen at the last heartbeat than are counted: not yet believed. */
  private fewerSeen: number | null = null;
  private beating = false;
  private readonly nowMs: () => number;

  constructor(private readonly o: SharedSendBudgetOptions) {
    this.nowMs = o.nowMs ?? (() => Date.now());
  }

  /** How many instances share the budget, as last read. */
  get sharedBy(): number {
    return this.instances;
  }

  /** Notes this instance and takes its part; resolves once the others have made room for it. */
  async join(): Promise<void> {
    await this.beat();
    if (this.instances > 1) {
      await sleep(this.o.heartbeatMs + JOIN_MARGIN_MS);
      await this.beat();
    }
    this.timer = setInterval(() => {
      // One heartbeat at a time: a slow store must not pile them up.
      if (this.beating) return;
      this.beating = true;
      this.beat()
        .finally(() => {
          this.beating = false;
        })
        .catch((error: unknown) => {
          this.o.logger.warn("couldn't note this instance in the store; keeping its send rate", {
            error: String(error),
          });
        });
    }, this.o.heartbeatMs);
    this.timer.unref();
  }

  /**
   * Removes this instance's note so the others take its part at their next heartbeat. Call once
   * sending has stopped: with others live, it first waits out the window its last requests still
   * count in at Teams, so the others' larger parts never meet them there.
   */
  async leave(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.instances > 1) await sleep(LAST_WINDOW_MS);
    try {
      await this.o.presence.leave(this.o.identity.owner);
    } catch (error) {
      this.o.logger.warn("couldn't remove this instance's note; the others see it lapse soon", {
        error: String(error),
      });
    }
  }

  private async beat(): Promise<void> {
    const now = this.nowMs();
    const me = this.o.identity;
    await this.o.presence.beat(me, now, HEARTBEATS_PER_NOTE * this.o.heartbeatMs);
    // A note left on this machine by a process that is gone (a crash, a restart) is not counted,
    // just as its claims are taken over at once: a restart gets the whole budget straight away.
    const others = (await this.o.presence.live(now)).filter(
      (note) => note.owner !== me.owner && !claimIsAbandoned(note, me, now),
    );
    const seen = others.length + 1;
    if (seen >= this.instances || this.fewerSeen !== null) {
      // More instances: a smaller part at once. Fewer: a larger part only when two heartbeats in a
      // row agree, so one late heartbeat elsewhere (a busy process, a slow store) never lets the
      // rest overshoot while that instance is still sending.
      this.instances = seen >= this.instances ? seen : Math.max(seen, this.fewerSeen ?? seen);
      this.fewerSeen = null;
    } else {
      this.fewerSeen = seen;
    }
    this.o.limiter.setShare(1 / this.instances);
  }
}
