import type { IncomingMessage } from "node:http";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { readRunningStore, startEmbeddedCosmos } from "./embedded/index.ts";
import { type ConnectOptions, connectStore, type Store } from "./store.ts";
import { type StoreSignIn, signInProblem, storeCredential, storeSignIn } from "./store-sign-in.ts";

export interface OpenStoreOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  /**
   * `serve` owns the embedded store; CLI commands first look for a running `serve` and use its
   * store, so two processes never write the same files.
   */
  role: "server" | "cli";
  /** For measuring: sees every request the embedded store answers (when it runs in this process). */
  onStoreRequest?: (request: IncomingMessage) => void;
}

/**
 * Opens the configured store: a real account when COSMOS_ENDPOINT is set (with COSMOS_KEY, or else
 * the managed identity), else the embedded one.
 */
export async function openStore({
  config,
  clock,
  logger,
  role,
  onStoreRequest,
}: OpenStoreOptions): Promise<Store> {
  const databaseId = config.COSMOS_DATABASE;
  if (config.COSMOS_ENDPOINT) {
    return connectAccount(config.COSMOS_ENDPOINT, storeSignIn(config), role, {
      databaseId,
      clock,
      logger,
    });
  }
  if (role === "cli") {
    const running = await readRunningStore(config.DATA_DIR);
    if (running) {
      logger.debug("using the store of the running server", { pid: running.pid });
      return connectStore({
        target: { endpoint: running.endpoint, key: running.key, selfSigned: true },
        databaseId,
        clock,
        logger,
      });
    }
  }
  const embedded = await startEmbeddedCosmos({
    dataDir: config.DATA_DIR,
    // A CLI run on its own takes any free port, so it never collides with a server starting up.
    port: role === "server" ? config.EMBEDDED_COSMOS_PORT : 0,
    log: (message) => logger.info(message),
    onRequest: onStoreRequest,
  });
  try {
    return await connectStore({
      target: { endpoint: embedded.endpoint, key: embedded.key, selfSigned: true },
      databaseId,
      clock,
      logger,
      changeVersions: embedded.changes,
      onClose: () => embedded.stop(),
    });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** A real account or the emulator: with its key, or signed in with Entra (see storeCredential). */
async function connectAccount(
  endpoint: string,
  signIn: StoreSignIn,
  role: "server" | "cli",
  o: Pick<ConnectOptions, "databaseId" | "clock" | "logger">,
): Promise<Store> {
  const selfSigned = /^https:\/\/(localhost|127\.0\.0\.1)[:/]/.test(endpoint);
  if (signIn.kind === "key") {
    return connectStore({ ...o, target: { endpoint, key: signIn.key, selfSigned } });
  }
  const identity = await storeCredential(role, signIn.clientId);
  o.logger.info(
    role === "server"
      ? "signing in to Cosmos DB with the managed identity"
      : "signing in to Cosmos DB as you",
    { endpoint, clientId: signIn.clientId ?? "none" },
  );
  try {
    return await connectStore({
      ...o,
      target: { endpoint, credential: identity.credential, selfSigned },
    });
  } catch (error) {
    throw (
      signInProblem(error, identity.failure(), endpoint, { role, clientId: signIn.clientId }) ??
      error
    );
  }
}
