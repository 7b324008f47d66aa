/**
 * Starts the embedded Cosmos-compatible store: an HTTPS server answering with
 * @vercel/cosmosdb-server's handlers, over an in-memory Account rebuilt from the data folder, with
 * every change journaled and fsynced before its response is sent.
 */
import type { IncomingMessage } from "node:http";
import type { ChangeVersions } from "../change-versions.ts";
import { watchAccount } from "./change-capture.ts";
import type { CompactionStep } from "./compaction.ts";
import { preparePrivateFolder } from "./files.ts";
import { createStoreServer } from "./https-server.ts";
import { type CosmosAccount, newAccount } from "./library.ts";
import { installLinearQueries } from "./linear-queries.ts";
import { acquireStoreLock } from "./lock.ts";
import { createRequestListener } from "./request-handler.ts";
import { StoreRuntime } from "./store-runtime.ts";
import { throttleRateFromEnv, throttler } from "./throttle.ts";

/** The Cosmos DB emulator's published key; the embedded store accepts any key, clients need one. */
export const EMBEDDED_COSMOS_KEY =
  "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

export interface EmbeddedCosmosOptions {
  dataDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Address to listen on; 127.0.0.1 unless given. */
  host?: string;
  log?: (message: string) => void;
  /** Who holds the store, shown to a second process that finds it in use ("plan-tracker serve"). */
  owner?: string;
  /** Journal changes after which the journal is folded into a snapshot (default 5,000). */
  compactAfterChanges?: number;
  /** Called at each step of a compaction; fault tests use it to stop the process there. */
  onCompactionStep?: (step: CompactionStep) => void;
  /** Called as each request arrives; the benchmark counts the app's round trips with it. */
  onRequest?: (req: IncomingMessage) => void;
  /** Share of document requests answered 429 (tests only); EMBEDDED_STORE_THROTTLE_RATE unless given. */
  throttleRate?: number;
}

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  port: number;
  /** Finishes requests in flight, writes a snapshot, closes the files and releases the lock. */
  stop(): Promise<void>;
  compact(): Promise<void>;
  stats(): { journalRecords: number; journalChanges: number; replayMs: number };
  /** Moves on every write, whoever made it: lets readers in this process skip a read. */
  changes: ChangeVersions;
  /**
   * Stops answering as a stopped store would (connection refused, open connections cut) while
   * keeping the data in memory; `resume` listens again on the same port. For fault tests.
   */
  suspend(): Promise<void>;
  resume(): Promise<void>;
}

export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions): Promise<EmbeddedCosmos> {
  installLinearQueries();
  const log = options.log ?? (() => {});
  const host = options.host ?? "127.0.0.1";
  await preparePrivateFolder(options.dataDir);
  const lock = await acquireStoreLock(options.dataDir, options.owner ?? ownerFromCommandLine());
  let stopping = false;
  let runtime: StoreRuntime | null = null;
  let markReady: (account: CosmosAccount) => void = () => {};
  let markFailed: (error: unknown) => void = () => {};
  // Requests that arrive while the saved data loads wait for it.
  const ready = new Promise<CosmosAccount>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {});
  const listener = createRequestListener({
    ready,
    whenDurable: () => runtime?.whenDurable() ?? Promise.resolve(),
    isStopping: () => stopping,
    log,
    throttle: throttler(options.throttleRate ?? throttleRateFromEnv()),
  });
  const { onRequest } = options;
  const server = createStoreServer(
    onRequest
      ? (req, res) => {
          onRequest(req);
          listener(req, res);
        }
      : listener,
  );

  try {
    const port = await server.listen(options.port, host);
    const advertised = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    const hostPart = advertised.includes(":") ? `[${advertised}]` : advertised;
    const endpoint = `https://${hostPart}:${port}/`;
    const account = newAccount(hostPart, port);
    const loaded = new StoreRuntime(options.dataDir, account, {
      compactAfterChanges: options.compactAfterChanges ?? 5_000,
      log,
      onCompactionStep: options.onCompactionStep,
    });
    runtime = loaded;
    watchAccount(account, loaded);
    await loaded.load();
    markReady(account);
    await lock.publish({ port, endpoint, key: EMBEDDED_COSMOS_KEY });
    log(`Embedded Cosmos store for ${options.dataDir} is listening at ${endpoint}`);

    let stopped: Promise<void> | null = null;
    const stop = async () => {
      stopping = true;
      await server.shutDown();
      try {
        await loaded.compact();
      } catch (error) {
        log(`The embedded store could not write its snapshot while stopping: ${String(error)}`);
      } finally {
        await loaded.close();
        await lock.release();
      }
    };
    return {
      endpoint,
      key: EMBEDDED_COSMOS_KEY,
      port,
      compact: () => loaded.compact(),
      stats: () => loaded.stats(),
      changes: loaded.changes,
      suspend: () => server.cutOff(),
      resume: async () => {
        await server.listen(port, host);
      },
      stop: () => {
        stopped ??= stop();
        return stopped;
      },
    };
  } catch (error) {
    markFailed(error);
    await server.shutDown();
    await runtime?.close().catch(() => {});
    await lock.release();
    throw error;
  }
}

/** "plan-tracker serve" when run as `plan-tracker serve` (bin/plan-tracker.js serve), and so on. */
function ownerFromCommandLine(): string {
  const [, script = "", command = ""] = process.argv;
  const isCli = /plan-tracker(\.js)?$|cli\.ts$/.test(script);
  return isCli && /^[a-z-]+$/.test(command) ? `plan-tracker ${command}` : "plan-tracker";
}
