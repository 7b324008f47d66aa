import { setTimeout as sleep } from "node:timers/promises";
import { isDomainError } from "../domain/errors.ts";
import type { Logger } from "../logger.ts";
import type { TeamsMember } from "../store/conversations-repo.ts";
import type { Versioned } from "../store/document-repo.ts";
import { markedCardPut, markedSent, released } from "../store/outbox-items.ts";
import type { OutboxClaim, OutboxItem, OutboxRepo } from "../store/outbox-repo.ts";
import { ConnectorError } from "./connector-error.ts";
import { Permits } from "./permits.ts";
import { QueuedClaims } from "./queued-claims.ts";
import { decideRetry, type RetryPolicyOptions } from "./retry-policy.ts";
import type { SendRateLimiter, SendSlot } from "./send-rate-limiter.ts";
import { claimIsAbandoned, type SenderIdentity } from "./sender-identity.ts";
import { ADDRESS_MAX_AGE_MS, type TeamsAddresses, type TeamsCalls } from "./teams-calls.ts";

export interface OutboxDeliveryOptions {
  outbox: OutboxRepo;
  directory: TeamsAddresses;
  teams: TeamsCalls;
  limiter: SendRateLimiter;
  logger: Logger;
  identity: SenderIdentity;
  retry: RetryPolicyOptions;
  /** How long a claim holds; longer than one request can take, with room to spare. */
  claimTtlMs: number;
  /** Wall-clock milliseconds: claims and backoff are compared across processes. */
  nowMs: () => number;
  /** Business time, for the timestamps people read (queued, sent, failed). */
  now: () => Date;
}

type Held = Versioned<OutboxItem>;

/**
 * A 403/404 from a chat the person's record has since moved on from is tried at the new address at
 * once, this many times at most (each move is a failed attempt).
 */
const ADDRESS_RETRIES = 5;

/** Recording a delivery the store did not take is retried after 0.5 s, 1 s, … up to 5 s apart. */
const RECORD_RETRY_MS = 500;
const RECORD_RETRY_MAX_MS = 5_000;

/** Works one queued message: its first delivery, or putting a changed card over the delivered one. */
export class OutboxDelivery {
  /**
   * Claims queue here rather than at the store, so the write that records a delivery (the window
   * below) never waits behind a crowd of claims for other messages.
   */
  private readonly claims = new Permits(4);
  private readonly queued: QueuedClaims;

  constructor(private readonly o: OutboxDeliveryOptions) {
    this.queued = new QueuedClaims(o);
  }

  /**
   * Messages Teams has taken whose sent mark the store has not yet written. Their claims are never
   * handed back on stop: another instance would send them again.
   */
  private readonly unrecorded = new Set<string>();

  /**
   * Hands back, at once, every claim this sender still holds (call once it has stopped): another
   * instance then takes the messages at its next read, rather than when the claims run out, which
   * on another machine is a minute or more. Returns how many were handed back.
   */
  async releaseClaims(): Promise<number> {
    let released = 0;
    for (const held of await this.o.outbox.listClaimedBy(this.o.identity.owner)) {
      if (this.unrecorded.has(held.doc.id)) continue;
      if (await this.o.outbox.replace({ ...held.doc, claim: null }, held.etag)) released++;
    }
    return released;
  }

  /** See `QueuedClaims.give`: the claim a message this process queues is created with. */
  claimForQueueing(id: string, expectedAtMs: number): OutboxClaim {
    return this.queued.give(id, expectedAtMs);
  }

  /** The message was not queued after all (its key was taken, or the store failed). */
  dropQueuedClaim(id: string, claim: OutboxClaim): void {
    this.queued.drop(id, claim);
  }

  /** Forgets queued claims that have lapsed unused (another instance may have the message now). */
  forgetLapsedClaims(nowMs: number): void {
    this.queued.forgetLapsed(nowMs);
  }

  /** Starts reading, together, the Teams records of the people these items are for. */
  prepare(items: readonly Held[]): void {
    const to = items.filter((item) => item.doc.state === "pending").map((item) => item.doc.to);
    if (to.length > 0) this.o.directory.warm(to, ADDRESS_MAX_AGE_MS);
  }

  /** Whether this sender may start work on the item now. */
  isDue(item: Pick<OutboxItem, "state" | "notBefore" | "claim">, nowMs: number): boolean {
    if (item.state === "failed") return false;
    if (item.notBefore > nowMs) return false;
    return !item.claim || claimIsAbandoned(item.claim, this.o.identity, nowMs);
  }

  /**
   * Works an item as listed (the listing's ETag makes the claim, so no second read). Returns when
   * the item is due again if it is to be retried, else null.
   */
  async process(current: Held): Promise<number | null> {
    if (!this.isDue(current.doc, this.o.nowMs())) return null;
    const queuedClaim = this.queued.take(current.doc);
    if (current.doc.state === "pending") return this.deliver(current, queuedClaim);
    if (current.doc.state === "sent" && current.doc.pendingCard) return this.putUpdate(current);
    return null;
  }

  /**
   * The claim to send under: the one written with the message while it holds as long as a new
   * one would and the store is keeping up with sent marks; otherwise a new one, written now.
   */
  private async holdFor(current: Held, queuedClaim: boolean): Promise<Held | null> {
    if (!queuedClaim || !this.queued.usable(current.doc)) return this.claim(current);
    await this.queued.spaced(this.o.limiter.sendsPerSecond());
    return current;
  }

  private async deliver(current: Held, queuedClaim: boolean): Promise<number | null> {
    const member = await this.o.directory.memberOf(current.doc.to, ADDRESS_MAX_AGE_MS);
    if (!member) {
      await this.giveUp(
        current,
        null,
        `${current.doc.to} has no Teams chat with Plan Tracker yet: they need to open Plan Tracker in Teams, or be in a team where it is installed.`,
      );
      return null;
    }
    let held: Held | null = null;
    let conversationId = member.personalConversationId;
    if (!conversationId) {
      const opened = await this.openPersonalChat(current, member, queuedClaim);
      if (typeof opened === "number" || opened === null) return opened;
      ({ held, conversationId } = opened);
    }
    const slot = await this.o.limiter.acquire(conversationId);
    const claimed = held;
    held = await this.givingBackOnFailure(slot, () =>
      claimed ? this.renewIfShort(claimed) : this.holdFor(current, queuedClaim),
    );
    if (!held) {
      slot.cancel();
      return null;
    }
    let activityId: string;
    try {
      ({ id: activityId } = await this.o.teams.sendCard(
        member.serviceUrl,
        conversationId,
        held.doc.card,
        held.doc.summary,
      ));
    } catch (error) {
      throttleOn(slot, error);
      slot.finished();
      const again = held.doc.attempts < ADDRESS_RETRIES;
      if (again && (await this.addressMovedOn(current.doc.to, member, conversationId, error))) {
        return this.retrySoon(held, "the person's Teams chat has changed");
      }
      return this.afterFailure(held, error);
    }
    slot.finished();
    this.unrecorded.add(held.doc.id);
    // The one window that cannot be closed: Teams has the message but the outbox does not yet
    // say so. If the process dies right here, its claim is taken over (at once on this machine,
    // at expiry elsewhere) and the message is sent again: Teams offers no way to ask whether it
    // arrived. Nothing else happens between the answer and this write, and claims for other
    // messages queue in `claims` rather than at the store, so the window is one store write long.
    // A store that stops answering here would stretch it: the write is retried while the claim
    // holds, so the message stays in this sender's hands rather than going out again.
    const sent = held;
    await this.whileClaimHolds(sent, () =>
      this.recordSent(sent, {
        serviceUrl: member.serviceUrl,
        conversationId,
        activityId,
        sentAt: this.o.now().toISOString(),
        cardVersion: sent.doc.cardVersion,
      }),
    );
    this.unrecorded.delete(sent.doc.id);
    return null;
  }

  /**
   * A claim written while a send slot is held: if the store fails, the slot is given back, or it
   * would count against Teams' limits for ever and, once enough had leaked, stop all sending.
   */
  private async givingBackOnFailure<T>(slot: SendSlot, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      slot.cancel();
      throw error;
    }
  }

  /**
   * Retries a sent mark that the store did not answer, for as long as this sender's claim holds;
   * meanwhile it counts as a mark being written (see `QueuedClaims`).
   */
  private async whileClaimHolds(held: Held, write: () => Promise<void>): Promise<void> {
    await this.queued.whileMarking(async (mark) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await write();
        } catch (error) {
          mark.failed = true;
          const wait = Math.min(RECORD_RETRY_MAX_MS, RECORD_RETRY_MS * attempt);
          const claimLeft = (held.doc.claim?.until ?? 0) - this.o.nowMs();
          if (!isDomainError(error) || error.code !== "store_unavailable" || claimLeft < 2 * wait)
            throw error;
          if (attempt === 1) {
            this.o.logger.warn("a message was delivered but the store is not answering; retrying", {
              key: held.doc.key,
            });
          }
          await sleep(wait);
        }
      }
    });
  }

  /**
   * Opens the person's 1:1 chat (the item is claimed first, so only one instance does it).
   * Returns the chat, or what `process` returns when it could not be opened.
   */
  private async openPersonalChat(
    current: Held,
    member: TeamsMember,
    queuedClaim: boolean,
  ): Promise<{ held: Held; conversationId: string } | number | null> {
    const slot = await this.o.limiter.acquire(null);
    const held = await this.givingBackOnFailure(slot, () => this.holdFor(current, queuedClaim));
    if (!held) {
      slot.cancel();
      return null;
    }
    let conversationId: string;
    try {
      ({ id: conversationId } = await this.o.teams.openPersonalChat(member.serviceUrl, {
        userId: member.teamsUserId,
        tenantId: member.tenantId,
        botId: member.botId,
      }));
    } catch (error) {
      throttleOn(slot, error);
      slot.finished();
      return this.afterFailure(held, error);
    }
    slot.finished();
    await this.o.directory.save(member.teamsUserId, (existing, nowIso) =>
      existing ? { ...existing, personalConversationId: conversationId, updatedAt: nowIso } : null,
    );
    return { held, conversationId };
  }

  private async putUpdate(current: Held): Promise<number | null> {
    const delivery = current.doc.delivery;
    if (!delivery) return null;
    const slot = await this.o.limiter.acquire(delivery.conversationId);
    const held = await this.givingBackOnFailure(slot, () => this.claim(current));
    if (!held?.doc.pendingCard) {
      slot.cancel();
      return null;
    }
    const version = held.doc.cardVersion;
    try {
      await this.o.teams.replaceCard(
        delivery.serviceUrl,
        delivery.conversationId,
        delivery.activityId,
        held.doc.pendingCard,
        held.doc.summary,
      );
    } catch (error) {
      throttleOn(slot, error);
      slot.finished();
      return this.afterFailure(held, error);
    }
    slot.finished();
    await this.settle(held, (doc) => markedCardPut(doc, version));
    return null;
  }

  private async recordSent(
    held: Held,
    delivery: NonNullable<OutboxItem["delivery"]>,
  ): Promise<void> {
    await this.settle(held, (doc) => {
      if (doc.delivery) {
        this.o.logger.warn("a message was delivered twice", { key: doc.key, to: doc.to });
        return null;
      }
      return markedSent(doc, delivery);
    });
  }

  /**
   * Teams refused the message for good (403/404), but the record it was addressed from may be
   * minutes old (see `ADDRESS_MAX_AGE_MS`): if the person's record now names another chat or
   * service URL, the message is tried again there rather than given up.
   */
  private async addressMovedOn(
    to: string,
    used: TeamsMember,
    conversationId: string,
    error: unknown,
  ): Promise<boolean> {
    if (!(error instanceof ConnectorError) || (error.status !== 403 && error.status !== 404)) {
      return false;
    }
    const now = await this.o.directory.memberOf(to, 0).catch(() => null);
    if (!now) return false;
    const chat = now.personalConversationId;
    return now.serviceUrl !== used.serviceUrl || (chat !== null && chat !== conversationId);
  }

  /** Records another attempt, due at once. */
  private async retrySoon(held: Held, reason: string): Promise<number> {
    this.o.logger.debug("will retry a message", { key: held.doc.key, reason });
    const notBefore = this.o.nowMs();
    await this.settle(
      held,
      this.ifStillMine((doc) => ({ ...doc, claim: null, attempts: doc.attempts + 1, notBefore })),
    );
    return notBefore;
  }

  /**
   * Records a retry (returning when it falls due) or, when there is no point, a failure. A 429 is
   * not a failed attempt: the message waits as Teams asked and keeps its attempts as they were.
   */
  private async afterFailure(held: Held, error: unknown): Promise<number | null> {
    const doc = held.doc;
    const throttled = error instanceof ConnectorError && error.status === 429;
    const now = this.o.now();
    const failingSince = doc.failingSince ?? now.toISOString();
    // A first delivery's deadline runs from when it was queued, a card update's from its first failure.
    const since = doc.state === "pending" ? doc.queuedAt : failingSince;
    const count = {
      attempt: throttled ? doc.attempts : doc.attempts + 1,
      throttles: throttled ? doc.throttles + 1 : 0,
      ageMs: Math.max(0, now.getTime() - Date.parse(since)),
    };
    const decision = decideRetry(error, count, this.o.retry);
    if (decision.retry) {
      this.o.logger.debug("will retry a message", {
        key: doc.key,
        attempt: count.attempt,
        reason: decision.reason,
      });
      const notBefore = this.o.nowMs() + decision.delayMs;
      const { attempt: attempts, throttles } = count;
      await this.settle(
        held,
        this.ifStillMine((latest) => ({
          ...latest,
          claim: null,
          attempts,
          throttles,
          failingSince,
          notBefore,
        })),
      );
      return notBefore;
    }
    await this.giveUp(held, decision.status, decision.reason);
    return null;
  }

  /** Final: a failed delivery is kept (state "failed") for DMT to see; a failed update is noted. */
  private async giveUp(held: Held, status: number | null, reason: string): Promise<void> {
    const failure = { status, reason, at: this.o.now().toISOString() };
    this.o.logger.warn("a message could not be delivered", {
      key: held.doc.key,
      to: held.doc.to,
      queuedAt: held.doc.queuedAt,
      status,
      reason,
    });
    await this.settle(
      held,
      this.ifStillMine((doc) =>
        doc.state === "sent"
          ? { ...doc, ...released(), pendingCard: null, updateFailure: failure }
          : { ...doc, ...released(), state: "failed", failure },
      ),
    );
  }

  private claim(current: Held): Promise<Held | null> {
    const { owner, host, pid } = this.o.identity;
    return this.claims.run(() =>
      this.o.outbox.replace(
        { ...current.doc, claim: { owner, host, pid, until: this.o.nowMs() + this.o.claimTtlMs } },
        current.etag,
      ),
    );
  }

  /** A claim that has aged while waiting for a slot is extended before the request goes out. */
  private async renewIfShort(held: Held): Promise<Held | null> {
    const left = (held.doc.claim?.until ?? 0) - this.o.nowMs();
    return left > this.o.claimTtlMs / 2 ? held : this.claim(held);
  }

  /** A retry or a failure is only recorded while no other sender has taken the item over. */
  private ifStillMine(
    change: (doc: OutboxItem) => OutboxItem,
  ): (doc: OutboxItem) => OutboxItem | null {
    return (doc) => (doc.claim && doc.claim.owner !== this.o.identity.owner ? null : change(doc));
  }

  /** Writes the outcome: at the held version if nobody changed it, else merged into the latest. */
  private async settle(held: Held, change: (doc: OutboxItem) => OutboxItem | null): Promise<void> {
    const next = change(structuredClone(held.doc));
    if (!next) return;
    if (await this.o.outbox.replace(next, held.etag)) return;
    await this.o.outbox.mutate(held.doc.id, change);
  }
}

/** A 429 tells the rate limiter, before the slot is given back, so nothing slips in between. */
function throttleOn(slot: SendSlot, error: unknown): void {
  if (error instanceof ConnectorError && error.status === 429) slot.throttled(error.retryAfterMs);
}
