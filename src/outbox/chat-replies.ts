import type { Logger } from "../logger.ts";
import type { SendRateLimiter } from "./send-rate-limiter.ts";

/**
 * The longest a turn waits for a reply that could go at once. Teams gives a bot about 15 s to
 * answer an activity, then sends it again; answering within a second leaves it no reason to.
 */
const TURN_WAIT_MS = 500;

/** How long stopping waits for replies still waiting their turn. */
const DRAIN_MS = 5_000;

/**
 * Replies sent during turns, in order per chat. A reply that can go at once is sent while the
 * turn waits (briefly), so a quick failure is the turn's as before. A reply that would wait on the
 * chat's limits (a person asking faster than Teams lets a bot answer: 7 a second, 60 in 30 s) or
 * behind an earlier reply waits here instead, and the turn is answered at once; it goes out in its
 * turn, and if it then fails it is logged.
 */
export class ChatReplies {
  /** Per chat, the last reply queued: each reply starts once the one before it has finished. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly o: { limiter: Pick<SendRateLimiter, "canGoNow">; logger: Logger }) {}

  async send(conversationId: string, reply: () => Promise<unknown>): Promise<void> {
    const earlier = this.tails.get(conversationId);
    let turnWaits = !earlier && this.o.limiter.canGoNow(conversationId);
    const sent = (earlier ?? Promise.resolve()).then(reply);
    const tail = sent.then(
      () => undefined,
      (error: unknown) => {
        if (turnWaits) return;
        this.o.logger.warn("a reply could not be sent", { error: String(error) });
      },
    );
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    if (!turnWaits) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, TURN_WAIT_MS);
    });
    try {
      await Promise.race([sent, late]);
    } finally {
      clearTimeout(timer);
      // From here on a failure is no longer the turn's to report.
      turnWaits = false;
    }
  }

  /** Resolves when every queued reply has gone (or failed), or after a few seconds at most. */
  async drain(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, DRAIN_MS);
    });
    while (this.tails.size > 0) {
      const pending = Promise.all(this.tails.values()).then(() => "done" as const);
      if ((await Promise.race([pending, late.then(() => "late" as const)])) === "late") break;
    }
    clearTimeout(timer);
  }
}
