import { setTimeout as sleep } from "node:timers/promises";
import type { OutboxClaim, OutboxItem } from "../store/outbox-repo.ts";
import type { SenderIdentity } from "./sender-identity.ts";

/**
 * A sent mark the store refused, or still unwritten after this long, means the store is not
 * keeping up: messages queued with this sender's claim are then no longer sent on that claim
 * alone, but only after a claim is written, which an unanswering store does not take. So sending
 * stops in an outage, as it did when every send needed a claim written first, rather than piling
 * up messages Teams has that the outbox cannot yet say were sent.
 */
const STORE_BEHIND_MS = 1_000;

/** A sent mark being written: since when, and whether the store has refused it already. */
export interface SentMark {
  since: number;
  failed: boolean;
}

/**
 * The claims this sender gave messages as they were queued, so that their first send needs no
 * write to claim them (the claim was written with the message), and what makes using one safe.
 *
 * Each is used once, by the first attempt. Any later attempt (a copy of the item read before the
 * first attempt finished, a retry) claims with an ETag as usual, so no message is ever sent twice
 * on the strength of one claim.
 */
export class QueuedClaims {
  private readonly unused = new Map<string, OutboxClaim>();
  private readonly marking = new Set<SentMark>();
  private nextSpacedAt = 0;

  constructor(
    private readonly o: { identity: SenderIdentity; claimTtlMs: number; nowMs: () => number },
  ) {}

  /**
   * A claim for a message this process is about to queue and expects its own sender to send at
   * `expectedAtMs`. Other instances leave the message alone while this one works through its
   * queue, and take it over (with an ETag, as any lapsed claim) if this one stops: on this
   * machine at once, elsewhere about two claim lengths after it would have gone. Two, so that
   * when it is sent, the claim still holds at least as long as one written then would.
   */
  give(id: string, expectedAtMs: number): OutboxClaim {
    const { owner, host, pid } = this.o.identity;
    const claim = { owner, host, pid, until: expectedAtMs + 2 * this.o.claimTtlMs };
    this.unused.set(id, claim);
    return claim;
  }

  /** The message was not queued after all (its key was taken, or the store failed). */
  drop(id: string, claim: OutboxClaim): void {
    if (this.unused.get(id) === claim) this.unused.delete(id);
  }

  /** Forgets claims that lapsed unused (another instance may have the message now). */
  forgetLapsed(nowMs: number): void {
    for (const [id, claim] of this.unused) {
      if (claim.until <= nowMs) this.unused.delete(id);
    }
  }

  /**
   * Whether the item carries, unused, the claim this sender gave it when it was queued. Taken
   * before anything is awaited, so only one attempt can ever rely on it.
   */
  take(doc: OutboxItem): boolean {
    const queued = this.unused.get(doc.id);
    if (!queued) return false;
    this.unused.delete(doc.id);
    return (
      doc.state === "pending" &&
      doc.claim?.owner === queued.owner &&
      doc.claim.until === queued.until
    );
  }

  /** Whether a taken claim may be sent on: it holds as long as a new one would, and the store keeps up. */
  usable(doc: OutboxItem): boolean {
    const now = this.o.nowMs();
    if ((doc.claim?.until ?? 0) - now < this.o.claimTtlMs) return false;
    for (const mark of this.marking) {
      if (mark.failed || now - mark.since > STORE_BEHIND_MS) return false;
    }
    return true;
  }

  /**
   * Spaces sends made on queued claims at least half the sending rate's interval apart. The rate
   * limiter lets a whole window's sends go at once; without a claim written before each (which
   * spread them out), they would all be in Teams and awaiting their sent marks at the same
   * moment, the moment a process might die.
   */
  async spaced(sendsPerSecond: number): Promise<void> {
    const gap = Number.isFinite(sendsPerSecond) && sendsPerSecond > 0 ? 500 / sendsPerSecond : 0;
    const now = this.o.nowMs();
    const at = Math.max(now, this.nextSpacedAt);
    this.nextSpacedAt = at + gap;
    if (at > now) await sleep(at - now);
  }

  /** Counts a sent mark as being written until `write` settles (see `STORE_BEHIND_MS`). */
  async whileMarking<T>(write: (mark: SentMark) => Promise<T>): Promise<T> {
    const mark = { since: this.o.nowMs(), failed: false };
    this.marking.add(mark);
    try {
      return await write(mark);
    } finally {
      this.marking.delete(mark);
    }
  }
}
