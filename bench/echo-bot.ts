import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { echoBotListener } from "./echo-bot-process.mjs";

/**
 * The yardstick: a bare botbuilder echo bot on the same machine, the same adapter and the same
 * stand-in connector. Every Plan Tracker latency in the benchmark is reported as a ratio to it.
 */
export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(echoBotListener());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
