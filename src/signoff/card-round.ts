import type { Update } from "../domain/update.ts";
import type { AuditEntry } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";

/** The parts of an update's recorded versions that tell where a round of DMT cards began. */
type Version = Pick<Update, "revision" | "state" | "decision">;

const asVersion = (value: unknown): Version | null =>
  value !== null && typeof value === "object" && "revision" in value ? (value as Version) : null;

/**
 * The revision at which the current round of DMT sign-off cards began. A round starts with the
 * first submission and again with each resubmission after a Return, so edits before a decision
 * redraw the cards DMT already has, while a resubmitted update arrives as a fresh card they notice.
 * Read from the update's recorded history (oldest first); without one, the current revision.
 */
export function cardRoundRevision(
  history: readonly Pick<AuditEntry, "before" | "after">[],
  current: Update,
): number {
  let round: number | null = null;
  for (const entry of history) {
    const before = asVersion(entry.before);
    const after = asVersion(entry.after);
    if (!after || after.decision) continue;
    const wasReturned = before?.state === "returned" || before?.decision?.outcome === "returned";
    if (!before || wasReturned) round = after.revision;
  }
  return round !== null && round <= current.revision ? round : current.revision;
}

/** The round's revision for an update in the store, from its audit history. */
export async function loadCardRoundRevision(store: Store, update: Update): Promise<number> {
  // A first submission starts the first round; only later revisions need the history read.
  if (update.revision <= 1) return update.revision;
  const history = await store.audit.history(`update:${update.id}`);
  return cardRoundRevision(history, update);
}
