import type { Logger } from "../logger.ts";
import type { Versioned } from "../store/document-repo.ts";
import type { OutboxClaim, OutboxItem, OutboxRepo } from "../store/outbox-repo.ts";
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

type Held = Versioned<OutboxItem>;

/** Per person at once: no more than a conversation can take in Teams' shortest window. */
const MAX_IN_FLIGHT_PER_PERSON = 2;

/** A read of the queue fetches this many times `maxInFlight`, worked from memory until it runs low. */
const PAGE_FACTOR = 8;
const PAGE_MAX = 500;

/**
 * While a page in hand still holds plenty of work, the queue is read only this often (for
 * messages queued elsewhere, retries falling due and claims lapsing), not at every poll.
 */
const BUSY_READ_MS = 5_000;

/**
 * Claims given at queueing reach no further ahead than this. Later messages are queued unclaimed,
 * for any instance to take, so one instance never reserves hours of another's work.
 */
const MAX_CLAIM_AHEAD_MS = 10 * 60_000;

/**
 * Drains the outbox: reads a page of the oldest due messages, hands each to `OutboxDelivery` as
 * capacity allows, and reads again when the page runs low, when told a message was queued, when
 * a retry falls due, or every poll interval (for messages queued by other processes and claims
 * that lapse).
 */
export class OutboxSender {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Map<string, string>();
  private readonly tasks = new Set<Promise<void>>();
  private wakeLoop: (() => void) | null = null;
  private wakeRequested = false;
  private progress: Array<() => void> = [];
  /** Due items from the last read, oldest first, not yet started. */
  private ready: Held[] = [];
  /**
   * The last read returned a full page, mostly work for this sender: more may be waiting behind
   * it, to be read as soon as the page in hand runs low. (A page mostly of other senders' claims
   * is not chased; the next poll or wake reads again.)
   */
  private moreWaiting = false;
  /** Room was left after the last launch, but everything in hand was for people already busy. */
  private starved = false;
  private readAt = Number.NEGATIVE_INFINITY;
  /** Items finished while a read was on its way: its copies of them are out of date. */
  private finishedDuringRead: Set<string> | null = null;
  /** When the last message queued with this sender's claim is expected to go. */
  private expectedSendAt = 0;
  /** The earliest retry that falls due (a read only shows items due at that moment). */
  private retryAt = Number.POSITIVE_INFINITY;

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
    this.ready = [];
    this.o.limiter.close();
    await Promise.allSettled([...this.tasks]);
    markLive(this.o.identity, false);
  }

  /** Something was queued or changed: look at the queue now rather than at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeLoop?.();
  }

  /**
   * The claim to queue message `id` with, so that this sender sends it without first writing a
   * claim: expected to go once everything queued here before it has gone at the sending rate.
   * Null when this sender is not running (the message is then left for whichever sender runs).
   */
  claimForQueueing(id: string): OutboxClaim | null {
    if (!this.running) return null;
    const now = Date.now();
    const rate = this.o.limiter.sendsPerSecond();
    const gap = Number.isFinite(rate) && rate > 0 ? 1000 / rate : 0;
    const expected = Math.max(this.expectedSendAt, now) + gap;
    if (expected - now > MAX_CLAIM_AHEAD_MS) return null;
    this.expectedSendAt = expected;
    return this.o.delivery.claimForQueueing(id, expected);
  }

  /** The message given `claim` was not queued after all. */
  dropQueuedClaim(id: string, claim: OutboxClaim): void {
    this.o.delivery.dropQueuedClaim(id, claim);
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
        if (this.shouldRead()) await this.read();
      } catch (error) {
        this.o.logger.warn("couldn't read the message queue; will try again", {
          error: String(error),
        });
      }
      this.launchDue();
      await this.sleepUntil(Math.min(Date.now() + poll, this.retryAt));
    }
  }

  /** Low on work that could start, a retry due, or the busy interval passed. */
  private shouldRead(): boolean {
    const now = Date.now();
    if (this.ready.length < this.o.maxInFlight || this.starved || this.retryAt <= now) return true;
    return now - this.readAt >= BUSY_READ_MS;
  }

  private pageSize(): number {
    return Math.min(
      PAGE_MAX,
      Math.max(this.o.maxInFlight * PAGE_FACTOR, 2 * MAX_IN_FLIGHT_PER_PERSON),
    );
  }

  /** Replaces the work in hand with the oldest due items now in the queue. */
  private async read(): Promise<void> {
    const now = Date.now();
    const limit = this.pageSize();
    this.readAt = now;
    if (this.retryAt <= now) this.retryAt = Number.POSITIVE_INFINITY;
    const finished = new Set<string>();
    this.finishedDuringRead = finished;
    let page: Held[];
    try {
      page = await this.o.outbox.listDue(now, this.o.identity.host, limit);
      if (page.length >= limit && !page.some((item) => this.o.delivery.isDue(item.doc, now))) {
        // A page full of messages that other senders on this machine are working: look past them.
        page = await this.o.outbox.listDue(now, this.o.identity.host, limit, this.o.identity.owner);
      }
    } finally {
      this.finishedDuringRead = null;
    }
    this.ready = page.filter(
      (item) =>
        !this.inFlight.has(item.doc.id) &&
        !finished.has(item.doc.id) &&
        this.o.delivery.isDue(item.doc, now),
    );
    this.moreWaiting = page.length >= limit && this.ready.length >= this.o.maxInFlight;
    this.o.delivery.forgetLapsedClaims(now);
    this.o.delivery.prepare(this.ready);
  }

  /** Starts work on due items in hand, oldest first, keeping to the in-flight limits. */
  private launchDue(): void {
    if (!this.running) return;
    if (this.inFlight.size >= this.o.maxInFlight) {
      // Nothing could start; a finishing task calls again.
      this.starved = false;
      return;
    }
    const now = Date.now();
    const perPerson = new Map<string, number>();
    for (const to of this.inFlight.values()) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
    const kept: Held[] = [];
    for (const item of this.ready) {
      // Items being worked, or no longer this sender's to work, are dropped; the next read shows
      // them again if they still need anything.
      if (this.inFlight.has(item.doc.id) || !this.o.delivery.isDue(item.doc, now)) continue;
      const busy = perPerson.get(item.doc.to) ?? 0;
      if (this.inFlight.size >= this.o.maxInFlight || busy >= MAX_IN_FLIGHT_PER_PERSON) {
        kept.push(item);
        continue;
      }
      perPerson.set(item.doc.to, busy + 1);
      this.launch(item);
    }
    this.ready = kept;
    this.starved = this.inFlight.size < this.o.maxInFlight && kept.length > 0;
    if (this.ready.length < this.o.maxInFlight && this.moreWaiting) this.wake();
  }

  private launch(item: Held): void {
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
        this.finishedDuringRead?.add(id);
        for (const notify of this.progress.splice(0)) notify();
        this.launchDue();
        // Everything in hand is done: look for more now rather than at the next poll.
        if (this.inFlight.size === 0 && this.ready.length === 0) this.wake();
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
