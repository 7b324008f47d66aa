/**
 * One writer per data folder. `store.lock` is created exclusively and names the process holding
 * the store and where its server answers, so a CLI command can use a running `serve`'s store
 * instead of opening the files itself. A lock left by a process that no longer runs is taken over.
 */
import { link, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DomainError } from "../../domain/errors.ts";
import { FILE_MODE, isMissingFile, LOCK_FILE } from "./files.ts";

export interface LockContents {
  pid: number;
  owner: string;
  startedAt: string;
  port?: number;
  endpoint?: string;
  key?: string;
}

export interface StoreLock {
  /** Adds the server's address once it listens (so readers only see a usable store). */
  publish(server: { port: number; endpoint: string; key: string }): Promise<void>;
  release(): Promise<void>;
}

/** Folders locked by this process: a lock naming our own pid but not listed here is stale. */
const heldHere = new Set<string>();

export async function acquireStoreLock(dataDir: string, owner: string): Promise<StoreLock> {
  const path = join(dataDir, LOCK_FILE);
  const contents: LockContents = { pid: process.pid, owner, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createExclusively(path, contents)) {
      heldHere.add(resolve(dataDir));
      return heldLock(dataDir, path, contents);
    }
    const holder = await readLock(path);
    if (holder && isAlive(holder.pid, dataDir)) throw inUseError(dataDir, holder);
    await removeIfUnchanged(path, holder);
  }
  throw new DomainError(
    "store_unavailable",
    `The store in ${dataDir} is being opened by another process at the same time. Try again in a moment.`,
  );
}

/** The running embedded server for this folder, or null when no live process holds it. */
export async function readRunningStore(
  dataDir: string,
): Promise<{ endpoint: string; key: string; pid: number } | null> {
  const holder = await readLock(join(dataDir, LOCK_FILE));
  if (!holder?.endpoint || !holder.key || !isAlive(holder.pid, dataDir)) return null;
  return { endpoint: holder.endpoint, key: holder.key, pid: holder.pid };
}

function heldLock(dataDir: string, path: string, contents: LockContents): StoreLock {
  return {
    async publish(server) {
      // Write beside and rename over, so a reader never sees half a lock file.
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ ...contents, ...server }), { mode: FILE_MODE });
      await rename(temp, path);
    },
    async release() {
      heldHere.delete(resolve(dataDir));
      await rm(path, { force: true });
    },
  };
}

/** Writes the lock beside and links it into place: it appears whole, or not at all. */
async function createExclusively(path: string, contents: LockContents): Promise<boolean> {
  const temp = `${path}.${process.pid}.new`;
  await writeFile(temp, JSON.stringify(contents), { mode: FILE_MODE });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

async function readLock(path: string): Promise<LockContents | null> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<LockContents>;
    return typeof parsed.pid === "number" ? (parsed as LockContents) : null;
  } catch (error) {
    // Missing, or not a lock this program wrote: nobody usable holds the store.
    if (isMissingFile(error) || error instanceof SyntaxError) return null;
    throw error;
  }
}

function isAlive(pid: number, dataDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return heldHere.has(resolve(dataDir));
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** Removes a stale lock, unless another process replaced it since we read it. */
async function removeIfUnchanged(path: string, stale: LockContents | null): Promise<void> {
  const now = await readLock(path);
  if (JSON.stringify(now) === JSON.stringify(stale)) await rm(path, { force: true });
}

function inUseError(dataDir: string, holder: LockContents): DomainError {
  return new DomainError(
    "store_unavailable",
    `The store in ${dataDir} is in use by process ${holder.pid} (${holder.owner ?? "plan-tracker"}). Stop it, or run the command while it runs: it will use that store.`,
    { pid: holder.pid },
  );
}
