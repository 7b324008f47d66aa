/**
 * A counter per container that moves whenever a document in it is written or removed, known only
 * when the store runs inside this process (the embedded store sees every write as it applies it,
 * whoever sent it: this server, a CLI command, another instance). With it, a copy of documents in
 * memory can tell at no cost that nothing changed since it last read, instead of asking the store.
 * A real Cosmos account gives no such signal; then `Store.changeVersions` is absent and readers ask.
 */
export interface ChangeVersions {
  /** Moves (never back) on every change to a document in the container with this id. */
  version(containerId: string): number;
}
