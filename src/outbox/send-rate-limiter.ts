import { perSecondRule, type RateLimits, type WindowRule } from "./rate-limits.ts";
import { SendRateController, type SendRateControllerOptions } from "./send-rate-controller.ts";

/**
 * One request to the Bot Connector. It counts against a window from the moment it is let go
 * until `windowMs` after its answer came back: Teams counts it at some moment in between, so
 * counting it over the whole span keeps every window Teams could measure within the limit, however
 * slow the network or busy the event loop.
 */
interface Use {
  startedAt: number;
  finishedAt: number | null;
}

interface Ledger {
  uses: Use[];
  pausedUntil: number;
}

interface Waiter {
  conversationId: string | null;
  resolve: (slot: SendSlot) => void;
  reject: (error: Error) => void;
}

export interface SendSlot {
  /**
   * Teams answered 429: nothing more goes to that conversation until its Retry-After (null: none
   * given) has passed; when 429s come from more than one chat at once, Teams is throttling the
   * whole app, so nothing goes anywhere until then and the app's rate is lowered. Call before
   * `finished`, so nothing slips in between.
   */
  throttled(retryAfterMs: number | null): void;
  /** The request was answered (or failed on the wire): its windows start closing now. */
  finished(): void;
  /** The request was never made: the slot is given back. */
  cancel(): void;
}

export class LimiterClosedError extends Error {
  constructor() {
    super("The sender is stopping.");
  }
}

/** The pause after a 429 that gave no Retry-After. */
const DEFAULT_THROTTLE_MS = 1_000;

/**
 * Teams is throttling the whole app, not one chat, when within this long 429s came from more than
 * one chat and were at least `APP_THROTTLE_SHARE` of its answers. A refusal here and there among
 * many messages accepted is a chat's own limit, and is waited out in that chat alone.
 */
const AT_ONCE_MS = 1_000;
const APP_THROTTLE_SHARE = 0.25;

/**
 * Lets requests go as fast as Teams' limits allow and no faster: callers wait in line (first come,
 * first served, except that a conversation at its own limit does not hold up the others). The
 * app-wide rate follows what Teams takes (see `SendRateController`), never above the global cap.
 */
export class SendRateLimiter {
  private readonly global: Ledger = { uses: [], pausedUntil: 0 };
  private readonly rate: SendRateController;
  private readonly cap: number;
  /**
   * This instance's part of the app-wide cap (1 alone; 1/N beside N-1 others on one store, see
   * `SharedSendBudget`): Teams counts the app's requests across every instance together.
   */
  private share = 1;
  /** Recent 429s: where (a conversation, or "" outside one) and when. */
  private throttles: Array<{ source: string; at: number }> = [];
  /** When recent requests Teams did not throttle were answered, oldest first (the last second's). */
  private taken: number[] = [];
  private readonly conversations = new Map<string, Ledger>();
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private closed = false;
  private lastSweep = 0;
  private readonly longestConversationWindow: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
    pacing: Omit<SendRateControllerOptions, "maxPerSecond"> = {},
  ) {
    this.longestConversationWindow = Math.max(0, ...limits.perConversation.map((r) => r.windowMs));
    this.cap = Math.min(...limits.global.map((rule) => (rule.limit * 1000) / rule.windowMs));
    const maxPerSecond = Number.isFinite(this.cap) ? this.cap : Number.MAX_SAFE_INTEGER;
    this.rate = new SendRateController(
      // Climbing back from half the cap takes about 10 s whatever the cap.
      { increaseStep: Math.max(1, Math.min(maxPerSecond, 1e6) / 20), ...pacing, maxPerSecond },
      now,
    );
  }

  /** Waits for a slot; `conversationId` null for requests outside a conversation (roster, create). */
  acquire(conversationId: string | null): Promise<SendSlot> {
    if (this.closed) return Promise.reject(new LimiterClosedError());
    return new Promise<SendSlot>((resolve, reject) => {
      this.waiters.push({ conversationId, resolve, reject });
      this.drain();
    });
  }

  /**
   * Whether a request to this conversation would be let go at once: nobody waiting for it, and
   * every window, the chat's and the app's, open now.
   */
  canGoNow(conversationId: string | null): boolean {
    if (this.closed) return true;
    const now = this.now();
    if (this.waiters.some((waiter) => waiter.conversationId === conversationId)) return false;
    if (readyAt(this.global, this.globalRules(), now) > now) return false;
    const ledger = conversationId === null ? undefined : this.conversations.get(conversationId);
    return !ledger || conversationReadyAt(ledger, this.limits.perConversation, now) <= now;
  }

  /** Teams answered 429: nothing more goes to that conversation (or anywhere, for null) until then. */
  pause(conversationId: string | null, ms: number): void {
    const ledger = conversationId === null ? this.global : this.ledgerFor(conversationId);
    ledger.pausedUntil = Math.max(ledger.pausedUntil, this.now() + ms);
    this.drain();
  }

  /** Refuses everyone still waiting; used when the sender stops. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new LimiterClosedError());
  }

  /** The most requests a second the global limits let through now, kept up over time. */
  sendsPerSecond(): number {
    return Math.min(this.cap * this.share, this.rate.perSecond());
  }

  /** Sets this instance's part (0 to 1] of the app-wide cap; waiting requests follow at once. */
  setShare(share: number): void {
    const next = Math.min(1, Math.max(Number.MIN_VALUE, share));
    if (next === this.share) return;
    this.share = next;
    this.drain();
  }

  /**
   * The global rules now: the configured cap, and a lower rate while Teams holds the app back or
   * other instances take their part of the cap.
   */
  private globalRules(): readonly WindowRule[] {
    const rate = this.sendsPerSecond();
    return rate < this.cap ? [...this.limits.global, perSecondRule(rate)] : this.limits.global;
  }

  private takenInLastSecond(now: number): number {
    while (this.taken.length > 0 && (this.taken[0] as number) <= now - AT_ONCE_MS)
      this.taken.shift();
    return this.taken.length;
  }

  private onThrottled(use: Use, conversationId: string | null, retryAfterMs: number | null): void {
    const now = this.now();
    const pauseMs = retryAfterMs ?? DEFAULT_THROTTLE_MS;
    if (conversationId !== null) {
      const ledger = this.ledgerFor(conversationId);
      ledger.pausedUntil = Math.max(ledger.pausedUntil, now + pauseMs);
    }
    this.throttles = this.throttles.filter((t) => t.at > now - AT_ONCE_MS);
    this.throttles.push({ source: conversationId ?? "", at: now });
    const taken = this.takenInLastSecond(now);
    const chats = new Set(this.throttles.map((t) => t.source)).size;
    const share = this.throttles.length / (this.throttles.length + taken);
    if (chats >= 2 && share >= APP_THROTTLE_SHARE) {
      this.global.pausedUntil = Math.max(this.global.pausedUntil, now + pauseMs);
      this.rate.throttled(use.startedAt, pauseMs, taken);
    }
    this.drain();
  }

  get waiting(): number {
    return this.waiters.length;
  }

  private drain(): void {
    if (this.closed) return;
    const now = this.now();
    let wakeAt = Number.POSITIVE_INFINITY;
    const globalRules = this.globalRules();
    let globalReady = readyAt(this.global, globalRules, now);
    let i = 0;
    while (i < this.waiters.length) {
      if (globalReady > now) {
        wakeAt = Math.min(wakeAt, globalReady);
        break;
      }
      const waiter = this.waiters[i] as Waiter;
      const ledger = waiter.conversationId === null ? null : this.ledgerFor(waiter.conversationId);
      const conversationReady = ledger
        ? conversationReadyAt(ledger, this.limits.perConversation, now)
        : now;
      if (conversationReady > now) {
        wakeAt = Math.min(wakeAt, conversationReady);
        i++;
        continue;
      }
      this.waiters.splice(i, 1);
      const use: Use = { startedAt: now, finishedAt: null };
      this.global.uses.push(use);
      ledger?.uses.push(use);
      waiter.resolve(this.slotFor(use, ledger, waiter.conversationId));
      globalReady = readyAt(this.global, globalRules, now);
    }
    this.wakeAt(wakeAt, now);
    this.sweep(now);
  }

  private slotFor(use: Use, ledger: Ledger | null, conversationId: string | null): SendSlot {
    let settled = false;
    let throttled = false;
    return {
      throttled: (retryAfterMs) => {
        if (settled) return;
        throttled = true;
        this.onThrottled(use, conversationId, retryAfterMs);
      },
      finished: () => {
        if (settled) return;
        settled = true;
        use.finishedAt = this.now();
        if (!throttled) {
          this.taken.push(use.finishedAt);
          this.takenInLastSecond(use.finishedAt);
        }
        this.drain();
      },
      cancel: () => {
        if (settled) return;
        settled = true;
        remove(this.global.uses, use);
        if (ledger) remove(ledger.uses, use);
        this.drain();
      },
    };
  }

  private ledgerFor(conversationId: string): Ledger {
    let ledger = this.conversations.get(conversationId);
    if (!ledger) {
      ledger = { uses: [], pausedUntil: 0 };
      this.conversations.set(conversationId, ledger);
    }
    return ledger;
  }

  private wakeAt(at: number, now: number): void {
    if (!Number.isFinite(at) || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.drain();
      },
      Math.max(0, Math.ceil(at - now)) + 1,
    );
  }

  /** Forgets conversations with nothing left in any window, so memory follows current traffic. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 10_000) return;
    this.lastSweep = now;
    const waitingFor = new Set(this.waiters.map((w) => w.conversationId));
    for (const [id, ledger] of this.conversations) {
      ledger.uses = ledger.uses.filter((u) => stillCounts(u, this.longestConversationWindow, now));
      if (ledger.uses.length === 0 && ledger.pausedUntil <= now && !waitingFor.has(id)) {
        this.conversations.delete(id);
      }
    }
  }
}

function stillCounts(use: Use, windowMs: number, now: number): boolean {
  return use.finishedAt === null || use.finishedAt + windowMs > now;
}

/**
 * As `readyAt`, and one request at a time: Teams asks bots not to send to one conversation in
 * parallel, and waiting for each answer keeps the messages in order and lets a 429 stop the next.
 */
function conversationReadyAt(ledger: Ledger, rules: readonly WindowRule[], now: number): number {
  if (ledger.uses.some((u) => u.finishedAt === null)) return Number.POSITIVE_INFINITY;
  return readyAt(ledger, rules, now);
}

/** The earliest moment a new request fits every rule (Infinity: only an answer can free a slot). */
function readyAt(ledger: Ledger, rules: readonly WindowRule[], now: number): number {
  let ready = Math.max(now, ledger.pausedUntil);
  // Uses older than the longest window no longer count; drop them before they pile up.
  if (ledger.uses.length > 2 * Math.max(...rules.map((r) => r.limit))) {
    const longest = Math.max(...rules.map((r) => r.windowMs));
    ledger.uses = ledger.uses.filter((u) => stillCounts(u, longest, now));
  }
  for (const rule of rules) {
    const inWindow = ledger.uses.filter((u) => stillCounts(u, rule.windowMs, now));
    if (inWindow.length < rule.limit) continue;
    const freedAt = inWindow
      .map((u) => (u.finishedAt === null ? Number.POSITIVE_INFINITY : u.finishedAt + rule.windowMs))
      .sort((a, b) => a - b);
    ready = Math.max(ready, freedAt[inWindow.length - rule.limit] ?? Number.POSITIVE_INFINITY);
  }
  return ready;
}

function remove<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}
