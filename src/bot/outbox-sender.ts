import type { Logger } from "../logger.ts";
import type { Versioned } from "../store/document-repo.ts";
import type { OutboxItem, OutboxRepo } from "../store/outbox-repo.ts";
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
 * Drains the outbox: reads the oldest due messages, hands each to `OutboxDelivery`, and reads
 * again when told a message was queued, when capacity frees up, when a retry falls due, or every
 * poll interval (for messages queued by other processes and claims that lapse).
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
      try {
        const room = this.o.maxInFlight - this.inFlight.size;
        if (room > 0) {
          const limit = room + this.inFlight.size + MAX_IN_FLIGHT_PER_PERSON;
          this.launchDue(
            await this.o.outbox.listDue(Date.now(), this.o.identity.host, limit),
            limit,
          );
        }
      } catch (error) {
        this.o.logger.warn("couldn't read the message queue; will try again", {
          error: String(error),
        });
      }
      await this.sleepUntil(Math.min(Date.now() + poll, this.retryAt));
    }
  }

  /** The earliest retry that falls due (the listing only shows items due now). */
  private retryAt = Number.POSITIVE_INFINITY;

  /** Starts work on due items, oldest first, keeping to the in-flight limits. */
  private launchDue(due: Versioned<OutboxItem>[], limit: number): void {
    const now = Date.now();
    const perPerson = new Map<string, number>();
    for (const to of this.inFlight.values()) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
    // A full page means there may be more behind it.
    this.heldBack = due.length >= limit;
    if (this.retryAt <= now) this.retryAt = Number.POSITIVE_INFINITY;
    for (const item of due) {
      if (!this.running) break;
      if (this.inFlight.has(item.doc.id) || !this.o.delivery.isDue(item.doc, now)) continue;
      if (this.inFlight.size >= this.o.maxInFlight) {
        this.heldBack = true;
        break;
      }
      if ((perPerson.get(item.doc.to) ?? 0) >= MAX_IN_FLIGHT_PER_PERSON) {
        this.heldBack = true;
        continue;
      }
      perPerson.set(item.doc.to, (perPerson.get(item.doc.to) ?? 0) + 1);
      this.launch(item);
    }
  }

  private launch(item: Versioned<OutboxItem>): void {
    const { id, to } = item.doc;
    this.inFlight.set(id, to);
    const task = this.o.delivery
      .process(item)
      .then((retryAt) => {
        if (retryAt === null) return;
        this.retryAt = Math.min(this.retryAt, retryAt);
        this.wakeBy(retryAt);
      })
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

  private sleeping: { at: number; timer: NodeJS.Timeout; done: () => void } | null = null;

  private async sleepUntil(at: number): Promise<void> {
    if (this.wakeRequested || !this.running) {
      this.wakeRequested = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        if (this.sleeping) clearTimeout(this.sleeping.timer);
        this.sleeping = null;
        this.wakeLoop = null;
        resolve();
      };
      this.sleeping = { at, timer: setTimeout(done, Math.max(10, at - Date.now())), done };
      this.wakeLoop = done;
    });
    this.wakeRequested = false;
  }

  /** Brings the next read of the queue forward to `at` if the loop would sleep past it. */
  private wakeBy(at: number): void {
    const sleeping = this.sleeping;
    if (!sleeping || at >= sleeping.at) return;
    clearTimeout(sleeping.timer);
    sleeping.at = at;
    sleeping.timer = setTimeout(sleeping.done, Math.max(10, at - Date.now()));
  }
}
