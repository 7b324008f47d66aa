/**
 * Appends changes to the journal with group commit: changes recorded while one write+fsync is in
 * flight wait and go together in the next record, so a thousand concurrent requests share a few
 * fsyncs. A record is written only after the synchronous run that produced its changes has ended,
 * so the changes of one request (a replace is a removal then a save) never straddle two records.
 *
 * Writing is strictly serial, also across journal generations: a generation is complete and
 * closed before the next one receives its first byte, so only the newest journal can have a
 * half-written tail.
 */
import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import { FILE_MODE, journalPath, syncDirectory } from "./files.ts";
import { encodeRecord } from "./record-format.ts";

interface Segment {
  generation: number;
  changes: string[];
  closed?: () => void;
}

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface WrittenRecord {
  generation: number;
  changes: number;
}

export class JournalWriter {
  private readonly segments: Segment[];
  private readonly waiters: Waiter[] = [];
  private recorded = 0;
  private durable = 0;
  private sequence = 0;
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;
  private file: { generation: number; handle: FileHandle } | null = null;

  constructor(
    private readonly dataDir: string,
    generation: number,
    private readonly onWritten: (record: WrittenRecord) => void = () => {},
  ) {
    this.segments = [{ generation, changes: [] }];
  }

  get generation(): number {
    return this.lastSegment().generation;
  }

  /** Takes a change in apply order; it reaches the disk with the next record. */
  append(serialisedChange: string): void {
    this.lastSegment().changes.push(serialisedChange);
    this.recorded += 1;
    this.scheduleFlush();
  }

  /** Resolves once every change recorded so far is on disk (fsynced). */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durable >= this.recorded) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: this.recorded, resolve, reject });
    });
  }

  /**
   * Starts a new generation now: changes recorded from here on go to the next journal. The
   * returned promise settles when the old generation is completely on disk and closed.
   */
  rotate(): { closedGeneration: number; closed: Promise<void> } {
    const current = this.lastSegment();
    const closed = new Promise<void>((resolve) => {
      current.closed = resolve;
    });
    this.segments.push({ generation: current.generation + 1, changes: [] });
    this.scheduleFlush();
    return { closedGeneration: current.generation, closed: this.settleFailure(closed) };
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    await this.whenDurable().catch(() => {});
    while (this.flushing) await this.flushing;
    await this.file?.handle.close();
    this.file = null;
  }

  private lastSegment(): Segment {
    return this.segments[this.segments.length - 1] as Segment;
  }

  private scheduleFlush(): void {
    if (this.flushing || this.failure) return;
    // Starts after the current synchronous run, so all of its changes share one record.
    this.flushing = Promise.resolve().then(() => this.runFlush());
  }

  private async runFlush(): Promise<void> {
    try {
      await this.flushLoop();
    } catch (error) {
      this.fail(error);
    }
    this.flushing = null;
    // Changes recorded while the loop was finishing would otherwise wait for the next append.
    const pending = this.segments.length > 1 || (this.segments[0]?.changes.length ?? 0) > 0;
    if (pending) this.scheduleFlush();
  }

  private async flushLoop(): Promise<void> {
    for (;;) {
      const segment = this.segments[0] as Segment;
      if (segment.changes.length > 0) {
        const changes = segment.changes;
        segment.changes = [];
        await this.writeRecord(segment.generation, changes);
        this.durable += changes.length;
        this.onWritten({ generation: segment.generation, changes: changes.length });
        this.releaseWaiters();
      } else if (this.segments.length > 1) {
        if (this.file?.generation === segment.generation) {
          await this.file.handle.close();
          this.file = null;
        }
        this.segments.shift();
        segment.closed?.();
      } else {
        return;
      }
    }
  }

  private async writeRecord(generation: number, changes: string[]): Promise<void> {
    this.sequence += 1;
    const record = encodeRecord(`{"s":${this.sequence},"c":[${changes.join(",")}]}`);
    const handle = await this.handleFor(generation);
    let offset = 0;
    while (offset < record.length) {
      const { bytesWritten } = await handle.write(record, offset);
      offset += bytesWritten;
    }
    await handle.datasync();
  }

  private async handleFor(generation: number): Promise<FileHandle> {
    if (this.file?.generation === generation) return this.file.handle;
    const handle = await open(journalPath(this.dataDir, generation), "a", FILE_MODE);
    // The new file's name must be on disk before anything written to it is acknowledged.
    await syncDirectory(this.dataDir);
    this.file = { generation, handle };
    return handle;
  }

  private releaseWaiters(): void {
    while (this.waiters.length > 0 && (this.waiters[0] as Waiter).upTo <= this.durable) {
      this.waiters.shift()?.resolve();
    }
  }

  private fail(error: unknown): void {
    this.failure = error instanceof Error ? error : new Error(String(error));
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    for (const segment of this.segments) segment.closed?.();
  }

  private settleFailure(closed: Promise<void>): Promise<void> {
    return closed.then(() => {
      if (this.failure) throw this.failure;
    });
  }
}
