/**
 * The HTTPS server of the embedded store, with the library's self-signed certificate. It counts
 * the requests in flight so a stop can let them finish (and their changes reach the disk) before
 * the connections close.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { DomainError } from "../../domain/errors.ts";
import { libraryCertificatePaths } from "./library.ts";

export interface StoreServer {
  listen(port: number, host: string): Promise<number>;
  /** Stops taking connections, waits for requests in flight, then closes every connection. */
  shutDown(): Promise<void>;
  /**
   * Stops listening and cuts every connection at once, answered or not, as if the store's process
   * had stopped (the data stays in memory). Fault tests use it; `listen` again to come back.
   */
  cutOff(): Promise<void>;
}

export function createStoreServer(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): StoreServer {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const certificate = libraryCertificatePaths();
  const server = createServer(
    { cert: readFileSync(certificate.cert), key: readFileSync(certificate.key) },
    (req, res) => {
      inFlight += 1;
      res.on("close", () => {
        inFlight -= 1;
        if (inFlight === 0) drained?.();
      });
      listener(req, res);
    },
  );
  // Clients keep connections open between calls; a longer idle time means fewer new handshakes.
  server.keepAliveTimeout = 30_000;
  // Every socket, from the moment it is accepted: closeAllConnections() knows a connection only
  // once its TLS handshake is done, so a cut-off would leave one still shaking hands to be served.
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const refuse = (error: NodeJS.ErrnoException) => {
          if (error.code !== "EADDRINUSE") return reject(error);
          const message = `Port ${port} on ${host} is already in use, so the embedded store cannot start. Set EMBEDDED_COSMOS_PORT to a free port (0 picks one).`;
          reject(new DomainError("config", message, { port }));
        };
        server.once("error", refuse);
        server.listen(port, host, () => {
          server.off("error", refuse);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    async cutOff() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async shutDown() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      server.closeAllConnections();
      if (server.listening) await closed;
    },
  };
}
