import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { readRunningStore, startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { removeDir, tempDataDir } from "./store-files.ts";
import { killLeftoverStoreProcesses, spawnStoreProcess } from "./store-process-runner.ts";

const running: EmbeddedCosmos[] = [];
const dirs: string[] = [];

afterEach(async () => {
  killLeftoverStoreProcesses();
  for (const store of running.splice(0)) await store.stop();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function freshDir() {
  const dir = await tempDataDir();
  dirs.push(dir);
  return dir;
}

const inUse = (dataDir: string, pid: number | undefined, owner: string) =>
  `The store in ${dataDir} is in use by process ${pid} (${owner}). Stop it, or run the command while it runs: it will use that store.`;

/** The id of a process that has just ended, as a crashed holder of the lock would leave it. */
function pidOfEndedProcess(): number {
  const ended = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], {
    encoding: "utf8",
  });
  return Number(ended.stdout.trim());
}

describe("one store per data folder", () => {
  it("lets a command use the store of a running serve, and refuses to open the folder twice", async () => {
    const dataDir = await freshDir();
    const serve = spawnStoreProcess(dataDir, 3);
    const endpoint = await serve.ready;
    await serve.untilAcked(3);
    try {
      const found = await readRunningStore(dataDir);
      expect(found).toMatchObject({ endpoint, pid: serve.child.pid });
      const client = embeddedClient(found?.endpoint ?? "", found?.key ?? "");
      const { resources } = await (await actionsContainer(client)).items.readAll().fetchAll();
      expect(resources).toHaveLength(3);

      await expect(startEmbeddedCosmos({ dataDir, port: 0 })).rejects.toThrow(
        inUse(dataDir, serve.child.pid, "plan-tracker serve"),
      );
    } finally {
      serve.child.kill("SIGKILL");
      await serve.exited;
    }
  }, 120_000);

  it("refuses a second store on the same folder in the same process", async () => {
    const dataDir = await freshDir();
    running.push(await startEmbeddedCosmos({ dataDir, port: 0, owner: "plan-tracker serve" }));
    await expect(startEmbeddedCosmos({ dataDir, port: 0 })).rejects.toThrow(
      inUse(dataDir, process.pid, "plan-tracker serve"),
    );
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dataDir = await freshDir();
    const stale = {
      pid: pidOfEndedProcess(),
      owner: "plan-tracker serve",
      startedAt: "2026-01-05",
    };
    await writeFile(join(dataDir, "store.lock"), JSON.stringify(stale));
    expect(await readRunningStore(dataDir)).toBeNull();

    const store = await startEmbeddedCosmos({ dataDir, port: 0 });
    const lock = JSON.parse(await readFile(join(dataDir, "store.lock"), "utf8"));
    expect(lock).toMatchObject({ pid: process.pid, endpoint: store.endpoint });
    expect(await readRunningStore(dataDir)).toEqual({
      endpoint: store.endpoint,
      key: store.key,
      pid: process.pid,
    });
    await store.stop();
    expect(await readRunningStore(dataDir)).toBeNull();
  });

  it("takes over a lock naming this process's id when this process does not hold it", async () => {
    // A container restarted after a crash often gets the same process id as before.
    const dataDir = await freshDir();
    const leftOver = { pid: process.pid, owner: "plan-tracker serve", startedAt: "2026-01-05" };
    await writeFile(join(dataDir, "store.lock"), JSON.stringify(leftOver));
    running.push(await startEmbeddedCosmos({ dataDir, port: 0 }));
    expect(await readRunningStore(dataDir)).toMatchObject({ endpoint: running[0]?.endpoint });
  });

  it("names the setting to change when the port is already taken", async () => {
    const first = await startEmbeddedCosmos({ dataDir: await freshDir(), port: 0 });
    running.push(first);
    const second = startEmbeddedCosmos({ dataDir: await freshDir(), port: first.port });
    await expect(second).rejects.toThrow(
      `Port ${first.port} on 127.0.0.1 is already in use, so the embedded store cannot start. Set EMBEDDED_COSMOS_PORT to a free port (0 picks one).`,
    );
  });
});
