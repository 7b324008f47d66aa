/**
 * The persistence side of one running store: loads the saved data, records each change into the
 * journal, counts what the journal holds and compacts it when it grows past the limit.
 */
import type { Change } from "./change.ts";
import type { ChangeSink } from "./change-capture.ts";
import { ChangeCounter } from "./change-counter.ts";
import { type CompactionStep, compactStore } from "./compaction.ts";
import { JournalWriter, type WrittenRecord } from "./journal-writer.ts";
import type { CosmosAccount } from "./library.ts";
import { loadStore } from "./load-store.ts";

export interface RuntimeOptions {
  compactAfterChanges: number;
  log: (message: string) => void;
  onCompactionStep?: (step: CompactionStep) => void;
}

export class StoreRuntime implements ChangeSink {
  /** Null while the saved data is being loaded: replayed changes are not journaled again. */
  private journal: JournalWriter | null = null;
  private journals = new Map<number, { records: number; changes: number }>();
  private compaction: Promise<void> | null = null;
  private replayMs = 0;
  /** What changed in each container since start, for readers in this process. */
  readonly changes = new ChangeCounter();

  constructor(
    private readonly dataDir: string,
    private readonly account: CosmosAccount,
    private readonly options: RuntimeOptions,
  ) {}

  async load(): Promise<void> {
    const started = performance.now();
    const loaded = await loadStore(this.dataDir, this.account, this.options.log);
    this.journals = loaded.journals;
    this.journal = new JournalWriter(this.dataDir, loaded.nextGeneration, (record) =>
      this.written(record),
    );
    this.replayMs = performance.now() - started;
    this.compactIfLarge();
  }

  get recording(): boolean {
    return this.journal !== null;
  }

  record(change: Change): void {
    this.changes.note(change);
    this.journal?.append(JSON.stringify(change));
  }

  whenDurable(): Promise<void> {
    return this.journal ? this.journal.whenDurable() : Promise.resolve();
  }

  stats(): { journalRecords: number; journalChanges: number; replayMs: number } {
    let journalRecords = 0;
    let journalChanges = 0;
    for (const counts of this.journals.values()) {
      journalRecords += counts.records;
      journalChanges += counts.changes;
    }
    return { journalRecords, journalChanges, replayMs: Math.round(this.replayMs) };
  }

  /** Compacts now; if a compaction is running, runs another after it so all changes are folded. */
  compact(): Promise<void> {
    const previous = this.compaction ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => this.compactOnce());
    const tracked: Promise<void> = run
      .finally(() => {
        if (this.compaction === tracked) this.compaction = null;
      })
      .catch(() => {});
    this.compaction = tracked;
    return run;
  }

  async close(): Promise<void> {
    await this.compaction?.catch(() => {});
    await this.journal?.close();
  }

  private async compactOnce(): Promise<void> {
    const journal = this.journal;
    if (!journal) return;
    const included = await compactStore(
      this.dataDir,
      this.account,
      journal,
      this.options.onCompactionStep,
    );
    for (const generation of this.journals.keys()) {
      if (generation <= included) this.journals.delete(generation);
    }
  }

  private written({ generation, changes }: WrittenRecord): void {
    const counts = this.journals.get(generation) ?? { records: 0, changes: 0 };
    counts.records += 1;
    counts.changes += changes;
    this.journals.set(generation, counts);
    this.compactIfLarge();
  }

  private compactIfLarge(): void {
    if (this.compaction || this.stats().journalChanges < this.options.compactAfterChanges) return;
    this.compact().catch((error: unknown) => {
      this.options.log(`The embedded store could not compact its journal: ${String(error)}`);
    });
  }
}
