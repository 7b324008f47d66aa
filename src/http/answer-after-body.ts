import type { IncomingMessage, ServerResponse } from "node:http";

/** How much of an unread body is taken in (and dropped) so that its sender gets the answer. */
const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;
/** A sender that stops sending does not hold its answer back for longer than this. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Holds the end of each answer back until the request's body has arrived. A route that answers
 * without reading the body (a 404, a file for a GET that carries one) would otherwise close the
 * connection with unread data in it; TCP then resets the connection, and the reset throws away
 * whatever of the answer the client has not read yet. A body far past the limit is cut off all
 * the same.
 */
export function answerAfterBody(req: IncomingMessage, res: ServerResponse): void {
  if (!hasBody(req)) return;
  const end = res.end;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const finish = () => end.apply(this, args as Parameters<typeof end>);
    if (req.complete || req.destroyed) return finish();
    void drain(req).then(finish);
    return this;
  } as typeof res.end;
}

function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0
  );
}

/** Reads what is left of the body and drops it; resolves at its end, the limit or the timeout. */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const timer = setTimeout(() => done(), DRAIN_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT_BYTES) done();
    };
    const done = () => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", done);
      req.off("close", done);
      req.off("error", done);
      resolve();
    };
    req.on("data", onData);
    req.on("end", done);
    req.on("close", done);
    req.on("error", done);
    req.resume();
  });
}
