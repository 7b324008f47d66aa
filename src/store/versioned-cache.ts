import type { ChangeVersions } from "./change-versions.ts";

/**
 * Remembers reads of one container for as long as its change version stays put, so a directory
 * look-up on every turn costs a store read only after someone changed the directory. Without
 * change versions (a real Cosmos account) it remembers nothing and every call reads.
 */
export class VersionedCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();

  constructor(
    private readonly versions: ChangeVersions | undefined,
    private readonly containerId: string,
  ) {}

  async get<V>(key: string, read: () => Promise<V>): Promise<V> {
    if (!this.versions) return read();
    // Taken before the read: a write that lands during it moves the version, so the next call reads.
    const version = this.versions.version(this.containerId);
    const known = this.entries.get(key);
    if (known && known.version === version) return structuredClone(known.value as V);
    const value = await read();
    if (this.entries.size > 5_000) this.entries.clear();
    this.entries.set(key, { version, value: structuredClone(value) });
    return value;
  }
}
