import type { ChangeVersions } from "../change-versions.ts";
import type { Change } from "./change.ts";

/**
 * Counts the changes applied to each container's documents. It is bumped from the same hook that
 * journals them, synchronously as the library applies the write and so before the writer hears
 * back: a reader that checks the version after a write was acknowledged always sees it move.
 */
export class ChangeCounter implements ChangeVersions {
  private readonly counts = new Map<string, number>();
  private generation = 0;

  note(change: Change): void {
    if (change.kind === "doc" && change.coll) {
      this.counts.set(change.coll, (this.counts.get(change.coll) ?? 0) + 1);
    } else if (change.kind === "coll" || change.kind === "db") {
      // A container created or removed: everything under it may differ, so every reader reads.
      this.generation += 1;
    }
  }

  version(containerId: string): number {
    return (this.counts.get(containerId) ?? 0) + this.generation;
  }
}
