import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { connectHarness, type HarnessStore } from "./harness-store.ts";

/** The data folder's store opened on its own (no server), as after a crash, for looking. */
export async function withStoreAlone<T>(
  dataDir: string,
  look: (h: HarnessStore) => Promise<T>,
): Promise<T> {
  const cosmos = await startEmbeddedCosmos({ dataDir, port: 0 });
  const harness = await connectHarness(cosmos.endpoint);
  try {
    return await look(harness);
  } finally {
    harness.close();
    await cosmos.stop();
  }
}
