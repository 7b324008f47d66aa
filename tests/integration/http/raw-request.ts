import { request } from "node:http";
import { connect } from "node:net";

/** What a request got: the status, or why there was none. */
export type Answer = { status: number } | { failed: string };

export interface PlainRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** No answer within this is a hung request: the server should answer everything at once. */
const ANSWER_TIMEOUT_MS = 5_000;

/**
 * Sends one request with node's own client, which (unlike fetch) lets a GET carry a body and
 * sends any method token and path bytes it is given.
 */
export function send(port: number, r: PlainRequest): Promise<Answer> {
  // Without a length node's client sends a GET's body unframed, and the server reads it as the
  // next request; the length makes it a body.
  const length =
    r.body === undefined ? {} : { "content-length": String(Buffer.byteLength(r.body)) };
  const headers = { ...r.headers, ...length };
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, method: r.method, path: r.path, headers, agent: false },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        res.on("error", (error) => resolve({ failed: String(error) }));
      },
    );
    req.setTimeout(ANSWER_TIMEOUT_MS, () => req.destroy(new Error("no answer")));
    req.on("error", (error) => resolve({ failed: String(error) }));
    req.end(r.body);
  });
}

/**
 * Writes bytes straight to a socket, for request lines no HTTP client would send, and reads the
 * status line of whatever comes back.
 */
export function sendRaw(port: number, bytes: string): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const finish = () => {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1];
      resolve(status ? { status: Number(status) } : { failed: "the connection closed unanswered" });
    };
    socket.setTimeout(ANSWER_TIMEOUT_MS, () => socket.destroy());
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (/\r\n\r\n/.test(received)) socket.end();
    });
    socket.on("close", finish);
    socket.on("error", () => undefined);
    socket.write(bytes, "latin1");
  });
}

/**
 * Sends a request with a body of `bodyBytes` a piece at a time, as a slow uplink does, and reads
 * nothing back until the whole body is sent, as a busy client does; returns the status and
 * whether the answer came whole.
 */
export function sendThenRead(
  port: number,
  head: string,
  bodyBytes: number,
): Promise<{ status: number; complete: boolean } | { failed: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.pause();
    const chunks: Buffer[] = [];
    let failure = "";
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error) => {
      failure = String(error);
    });
    socket.on("close", () => {
      const received = Buffer.concat(chunks).toString("latin1");
      const end = received.indexOf("\r\n\r\n");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      if (!status || end < 0) return resolve({ failed: failure || "no answer" });
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(received.slice(0, end))?.[1]);
      resolve({ status: Number(status), complete: received.length - end - 4 === length });
    });
    const write = async () => {
      socket.write(`${head}Content-Length: ${bodyBytes}\r\nConnection: close\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, "x");
      for (let sent = 0; sent < bodyBytes && !socket.destroyed; sent += chunk.length) {
        const part = chunk.subarray(0, Math.min(chunk.length, bodyBytes - sent));
        if (!socket.write(part)) await new Promise((r) => socket.once("drain", r));
        // The pace of a slow uplink: the server has time to answer while the body still arrives.
        await new Promise((r) => setTimeout(r, 5));
      }
      socket.resume();
    };
    void write();
  });
}
