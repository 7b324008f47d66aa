import type { Logger } from "../logger.ts";
import type { OpenOutboxItem, OutboxRepo } from "../store/outbox-repo.ts";
import type { OutboxDelivery } from "./outbox-delivery.ts";
import { LimiterClosedError, type SendRateLimiter } from "./send-rate-limiter.ts";
import { markLive, type SenderIdentity } from "./sender-identity.ts";

export interface OutboxSenderOptions {
  outbox: OutboxRepo;
  delivery: OutboxDelivery;
  /** Closed on stop, so work still waiting for a slot gives up instead of sending. */
  limiter: SendRateLimiter;
  identity: SenderIdentity;
  logger: Logger;
  /** Messages worked at once; enough to keep the rate limiter busy. */
  maxInFlight: number;
  /** How often the queue is read when nothing wakes the sender (other instances, the CLI). */
  pollIntervalMs?: number;
}

/** Per person at once: no more than a conversation can take in Teams' shortest window. */
const MAX_IN_FLIGHT_PER_PERSON = 2;

/**
 * Drains the outbox: reads what is due, hands each message to `OutboxDelivery`, and reads again
 * when told a message was queued, when a retry falls due, or every poll interval.
 */
export class OutboxSender {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Map<string, string>();
  private readonly tasks = new Set<Promise<void>>();
  private wakeLoop: (() => void) | null = null;
  private wakeRequested = false;
  /** Due work was left for later (too much in flight): re-read the queue as capacity frees up. */
  private heldBack = false;
  private progress: Array<() => void> = [];

  constructor(private readonly o: OutboxSenderOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    markLive(this.o.identity, true);
    this.loop = this.run();
  }

  /** Stops taking work and waits for requests already on the wire to be answered and recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.o.limiter.close();
    await Promise.allSettled([...this.tasks]);
    markLive(this.o.identity, false);
  }

  /** Something was queued or changed: look at the queue now rather than at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeLoop?.();
  }

  /** Resolves when nothing in the outbox is waiting to be sent (by this or any instance). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.inFlight.size === 0 && (await this.o.outbox.countOpen()) === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.progress.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async run(): Promise<void> {
    const poll = this.o.pollIntervalMs ?? 1_000;
    while (this.running) {
      let nextAt = Date.now() + poll;
      try {
        nextAt = Math.min(nextAt, this.launchDue(await this.o.outbox.listOpen()));
      } catch (error) {
        this.o.logger.warn("couldn't read the message queue; will try again", { error: String(error) });
      }
      await this.sleepUntil(nextAt);
    }
  }

  /** Starts work on due items, oldest first; returns when the next not-yet-due item falls due. */
  private launchDue(open: OpenOutboxItem[]): number {
    const now = Date.now();
    let nextDue = Number.POSITIVE_INFINITY;
    const perPerson = new Map<string, number>();
    for (const to of this.inFlight.values()) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
    open.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.id.localeCompare(b.id));
    this.heldBack = false;
    for (const item of open) {
      if (!this.running) break;
      if (this.inFlight.has(item.id)) continue;
      if (!this.o.delivery.isDue(item, now)) {
        const at = Math.max(item.notBefore, item.claim?.until ?? 0);
        if (at > now) nextDue = Math.min(nextDue, at);
        continue;
      }
      if (this.inFlight.size >= this.o.maxInFlight) {
        this.heldBack = true;
        break;
      }
      if ((perPerson.get(item.to) ?? 0) >= MAX_IN_FLIGHT_PER_PERSON) {
        this.heldBack = true;
        continue;
      }
      perPerson.set(item.to, (perPerson.get(item.to) ?? 0) + 1);
      this.launch(item.id, item.to);
    }
    return nextDue;
  }

  private launch(id: string, to: string): void {
    this.inFlight.set(id, to);
    const task = this.o.delivery
      .process(id)
      .catch((error: unknown) => {
        if (error instanceof LimiterClosedError) return;
        this.o.logger.error("a queued message could not be worked; will try again", {
          id,
          error: String(error),
        });
      })
      .finally(() => {
        this.inFlight.delete(id);
        this.tasks.delete(task);
        for (const notify of this.progress.splice(0)) notify();
        // Refill in batches rather than re-reading the queue after every single message.
        if (this.heldBack && this.inFlight.size <= this.o.maxInFlight / 2) this.wake();
        else if (this.inFlight.size === 0) this.wake();
      });
    this.tasks.add(task);
  }

  private async sleepUntil(at: number): Promise<void> {
    if (this.wakeRequested || !this.running) {
      this.wakeRequested = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(10, at - Date.now()));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeLoop = done;
    });
    this.wakeLoop = null;
    this.wakeRequested = false;
  }
}
