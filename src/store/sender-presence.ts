import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { cosmosStatus, translateStoreError } from "./store-errors.ts";

/**
 * Each running sender's "I am here" note, kept in the leases container beside the daily-run leases
 * (point writes by id, one small query for the live ones). A note names its sender and until when
 * it counts; a sender that stops deletes its own, and one that dies is ignored once `until` passes.
 */
const KIND = "senderPresence";
const ID_PREFIX = "sender-presence-";

export const SenderPresenceSchema = z.object({
  id: z.string(),
  kind: z.literal(KIND),
  owner: z.string(),
  /** Machine and process, so a restart on the same machine can see its predecessor is gone. */
  host: z.string(),
  pid: z.number().int(),
  /** Epoch milliseconds of the last heartbeat. */
  seenAt: z.number(),
  /** Epoch milliseconds after which the sender is taken to be gone. */
  until: z.number(),
});
export type SenderPresence = z.infer<typeof SenderPresenceSchema>;

/** Ids may not hold `/ \ # ?` on Azure; a sender's owner is a UUID, so this stays within them. */
const presenceId = (owner: string) => `${ID_PREFIX}${owner}`;

export class SenderPresenceRepo {
  constructor(private readonly container: Container) {}

  /** Writes (or refreshes) this sender's note, counting until `nowMs + ttlMs`. */
  async beat(
    who: { owner: string; host: string; pid: number },
    nowMs: number,
    ttlMs: number,
  ): Promise<void> {
    const note: SenderPresence = SenderPresenceSchema.parse({
      id: presenceId(who.owner),
      kind: KIND,
      ...who,
      seenAt: nowMs,
      until: nowMs + ttlMs,
    });
    try {
      // Cosmos TTL tidies notes of senders that died (a minute after they stop counting).
      await this.container.items.upsert({ ...note, ttl: Math.ceil(ttlMs / 1000) + 60 });
    } catch (error) {
      return translateStoreError(error, "noting this instance as running");
    }
  }

  /** The notes that still count at `nowMs`. */
  async live(nowMs: number): Promise<SenderPresence[]> {
    try {
      const { resources } = await this.container.items
        .query<unknown>({
          query:
            "SELECT c.id, c.kind, c.owner, c.host, c.pid, c.seenAt, c.until FROM c WHERE c.kind = @kind AND c.until > @now",
          parameters: [
            { name: "@kind", value: KIND },
            { name: "@now", value: nowMs },
          ],
        })
        .fetchAll();
      return resources.map((row) => SenderPresenceSchema.parse(row));
    } catch (error) {
      return translateStoreError(error, "reading which instances are running");
    }
  }

  /** Deletes this sender's note, so the others take its share at their next heartbeat. */
  async leave(owner: string): Promise<void> {
    const id = presenceId(owner);
    try {
      await this.container.item(id, id).delete();
    } catch (error) {
      if (cosmosStatus(error) === 404) return;
      return translateStoreError(error, "noting this instance as stopped");
    }
  }
}
