import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { stripSystemFields } from "./audit-log.ts";
import { cosmosStatus, translateStoreError } from "./store-errors.ts";

/**
 * A lease elects one instance to do a piece of scheduled work (e.g. `daily:2026-11-23`). The
 * document is created if absent, so a 409 means another instance holds it. Cosmos TTL would tidy
 * old leases, but the embedded store never enforces TTL, so each lease carries its own `expiresAt`
 * and an expired one (its holder died mid-run) is taken over with an ETag-conditional replace.
 * A finished run is marked `done`, so no instance (nor a restart) does it again.
 */
export const LeaseSchema = z.object({
  id: z.string(),
  owner: z.string(),
  acquiredAt: z.string(),
  expiresAt: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});
export type Lease = z.infer<typeof LeaseSchema>;

export type AcquireResult =
  | { acquired: true; lease: Lease; etag: string }
  | { acquired: false; reason: "done" | "held"; lease: Lease | null };

/** Keeps finished leases for a while (real Cosmos applies it; harmless elsewhere). */
const KEEP_FINISHED_SECONDS = 60 * 60 * 24 * 35;

export class LeasesRepo {
  constructor(private readonly container: Container) {}

  async read(id: string): Promise<{ lease: Lease; etag: string } | null> {
    try {
      const { resource, etag } = await this.container.item(id, id).read();
      return resource ? { lease: LeaseSchema.parse(stripSystemFields(resource)), etag } : null;
    } catch (error) {
      if (cosmosStatus(error) === 404) return null;
      return translateStoreError(error, `reading lease ${id}`);
    }
  }

  /** Takes the lease for `ttlMs` unless it is done, or held by someone else and not yet expired. */
  async acquire(id: string, owner: string, now: Date, ttlMs: number): Promise<AcquireResult> {
    const fresh: Lease = {
      id,
      owner,
      acquiredAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      done: false,
      doneAt: null,
    };
    try {
      const { etag } = await this.container.items.create({ ...fresh, ttl: KEEP_FINISHED_SECONDS });
      return { acquired: true, lease: fresh, etag };
    } catch (error) {
      if (cosmosStatus(error) !== 409) return translateStoreError(error, `taking lease ${id}`);
    }
    const current = await this.read(id);
    if (!current) return this.acquire(id, owner, now, ttlMs);
    if (current.lease.done) return { acquired: false, reason: "done", lease: current.lease };
    // Held until it expires, even by this owner: one process never runs the same work twice at once.
    if (Date.parse(current.lease.expiresAt) > now.getTime()) {
      return { acquired: false, reason: "held", lease: current.lease };
    }
    const etag = await this.write(fresh, current.etag);
    return etag
      ? { acquired: true, lease: fresh, etag }
      : { acquired: false, reason: "held", lease: current.lease };
  }

  /** Records that the work is finished; false if the lease was taken over meanwhile. */
  async markDone(lease: Lease, etag: string, now: Date): Promise<boolean> {
    return (await this.write({ ...lease, done: true, doneAt: now.toISOString() }, etag)) !== null;
  }

  /** Gives the lease up without finishing, so the next run (here or elsewhere) may retry at once. */
  async release(lease: Lease, etag: string, now: Date): Promise<boolean> {
    return (await this.write({ ...lease, expiresAt: now.toISOString() }, etag)) !== null;
  }

  /** Conditional replace; null when someone else changed the lease since `etag`. */
  private async write(lease: Lease, etag: string): Promise<string | null> {
    try {
      const { etag: next } = await this.container
        .item(lease.id, lease.id)
        .replace(
          { ...lease, ttl: KEEP_FINISHED_SECONDS },
          { accessCondition: { type: "IfMatch", condition: etag } },
        );
      return next;
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) return null;
      return translateStoreError(error, `updating lease ${lease.id}`);
    }
  }
}
