/**
 * The embedded store alone in a process of its own, standing in for Azure Cosmos DB in
 * bench/startup-to-healthy.ts, so the server's memory and the store's can be told apart.
 * Argument: <dataDir>. Prints `ready <endpoint>` and runs until SIGTERM.
 */
import { startEmbeddedCosmos } from "../src/store/embedded/index.ts";

const store = await startEmbeddedCosmos({ dataDir: process.argv[2] ?? "", port: 0 });
console.log(`ready ${store.endpoint}`);
process.once("SIGTERM", () => {
  void store.stop().then(() => process.exit(0));
});
