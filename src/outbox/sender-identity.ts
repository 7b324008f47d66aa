import { randomUUID } from "node:crypto";
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";
import type { OutboxClaim } from "../store/outbox-repo.ts";

/** Who holds a claim on a queued message: this sender, in this process, on this machine. */
export interface SenderIdentity {
  owner: string;
  host: string;
  pid: number;
}

/** Senders running in this process; a claim by one that is not here was left by a stopped sender. */
const liveOwners = new Set<string>();

export function newSenderIdentity(): SenderIdentity {
  return { owner: randomUUID(), host: machineId(), pid: process.pid };
}

export function markLive(identity: SenderIdentity, live: boolean): void {
  if (live) liveOwners.add(identity.owner);
  else liveOwners.delete(identity.owner);
}

/**
 * Whether another sender's claim can be taken over now. A claim lapses at its expiry; before
 * that, a claim made on this machine by a process that no longer exists (a crash, a kill, a
 * restarted container) is taken over at once, so a restart resumes without waiting out the claim.
 * A claim from another machine is only trusted to lapse.
 */
export function claimIsAbandoned(claim: OutboxClaim, me: SenderIdentity, nowMs: number): boolean {
  if (claim.until <= nowMs) return true;
  // Our own claims are only ever held by work in progress, which the caller tracks itself.
  if (claim.owner === me.owner) return true;
  if (claim.host !== me.host) return false;
  if (claim.pid === me.pid) return !liveOwners.has(claim.owner);
  return !processExists(claim.pid);
}

/** The host name plus the process namespace, so two containers sharing a host name differ. */
function machineId(): string {
  let namespace = "";
  try {
    namespace = readlinkSync("/proc/self/ns/pid");
  } catch {
    // Not Linux: the host name alone.
  }
  return namespace ? `${hostname()}|${namespace}` : hostname();
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
