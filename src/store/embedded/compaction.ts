/**
 * Folds the journal into a new snapshot. The picture of the store and the switch to a new journal
 * generation happen in the same synchronous step, so the snapshot holds exactly the journals up to
 * the old generation and every later change is in the new one. A crash at any step leaves a
 * loadable folder: before the rename the old snapshot and all journals are still there; after it,
 * the journals the new snapshot includes are skipped and removed at the next start.
 */
import { rm } from "node:fs/promises";
import { journalPath, listJournalGenerations } from "./files.ts";
import type { JournalWriter } from "./journal-writer.ts";
import type { CosmosAccount } from "./library.ts";
import { captureAccount } from "./snapshot-capture.ts";
import { writeSnapshot } from "./snapshot-file.ts";

export type CompactionStep =
  | "journal-rotated"
  | "snapshot-partly-written"
  | "snapshot-written"
  | "snapshot-renamed"
  | "old-journals-removed";

/** Returns the journal generation the new snapshot includes. */
export async function compactStore(
  dataDir: string,
  account: CosmosAccount,
  journal: JournalWriter,
  onStep: (step: CompactionStep) => void = () => {},
): Promise<number> {
  const changes = captureAccount(account);
  const { closedGeneration, closed } = journal.rotate();
  await closed;
  onStep("journal-rotated");
  await writeSnapshot(dataDir, closedGeneration, changes, {
    partlyWritten: () => onStep("snapshot-partly-written"),
    written: () => onStep("snapshot-written"),
  });
  onStep("snapshot-renamed");
  for (const generation of await listJournalGenerations(dataDir)) {
    if (generation <= closedGeneration) await rm(journalPath(dataDir, generation), { force: true });
  }
  onStep("old-journals-removed");
  return closedGeneration;
}
