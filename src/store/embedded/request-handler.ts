/**
 * The HTTP side of the embedded store: the library's own routes and handlers answer each request,
 * but the response is held back until every change made so far is on disk, so an acknowledged
 * write survives a crash and no reader is shown a change that could still be lost.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeBatch } from "./atomic-batch.ts";
import { checkAzureLimits, isDocumentRequest } from "./azure-limits.ts";
import { withBatchPartitionKeys } from "./batch-partition-key.ts";
import type { CosmosAccount } from "./library.ts";
import { routeRequest } from "./library.ts";
import { THROTTLED } from "./throttle.ts";

export interface StoreGate {
  /** Settles when the saved data has been loaded; requests wait for it. */
  ready: Promise<CosmosAccount>;
  whenDurable(): Promise<void>;
  isStopping(): boolean;
  log(message: string): void;
  /** True when this document request is to be answered 429, as Azure does when out of units. */
  throttle?(): boolean;
}

const QUERY_METRICS =
  "totalExecutionTimeInMs=0.00;queryCompileTimeInMs=0.00;queryLogicalPlanBuildTimeInMs=0.00;queryPhysicalPlanBuildTimeInMs=0.00;queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=0.00;indexLookupTimeInMs=0.00;documentLoadTimeInMs=0.00;systemFunctionExecuteTimeInMs=0.00;userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=0;retrievedDocumentSize=0;outputDocumentCount=1;outputDocumentSize=0;writeOutputTimeInMs=0.00;indexUtilizationRatio=0.00";

export function createRequestListener(gate: StoreGate) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    respond(gate, req, res).catch((error: unknown) => {
      gate.log(`The embedded store failed to answer ${req.method} ${req.url}: ${String(error)}`);
      if (res.headersSent) res.destroy();
      else {
        res.statusCode = 500;
        res.end();
      }
    });
  };
}

async function respond(gate: StoreGate, req: IncomingMessage, res: ServerResponse) {
  const account = await gate.ready;
  if (gate.isStopping()) {
    res.statusCode = 503;
    res.setHeader("connection", "close");
    send(req, res, { code: "ServiceUnavailable", message: "The embedded store is stopping." });
    return;
  }
  if (gate.throttle && isDocumentRequest(req) && gate.throttle()) {
    req.resume();
    res.statusCode = THROTTLED.status;
    for (const [name, value] of Object.entries(THROTTLED.headers)) res.setHeader(name, value);
    send(req, res, { code: THROTTLED.code, message: THROTTLED.message });
    return;
  }
  // What Azure would refuse is refused here too, before the library (which would accept it) sees it.
  const checked = await checkAzureLimits(account, req);
  if ("refusal" in checked) {
    res.statusCode = checked.refusal.status;
    send(req, res, { code: checked.refusal.code, message: checked.refusal.message });
    return;
  }
  const undo = checked.batch ? beforeBatch(account, checked.batch) : null;
  let body = await runHandler(gate, account, await withBatchPartitionKeys(checked.req), res);
  if (undo) body = undo.settle(body, res);
  try {
    await gate.whenDurable();
  } catch (error) {
    res.statusCode = 503;
    body = {
      code: "ServiceUnavailable",
      message: `The embedded store could not save to disk (${(error as Error).message}). Restart plan-tracker once the disk is writable.`,
    };
  }
  send(req, res, body);
}

async function runHandler(
  gate: StoreGate,
  account: CosmosAccount,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<unknown> {
  const route = routeRequest(req);
  if (!route) {
    res.statusCode = 400;
    return { message: "no route" };
  }
  const [params, handler] = route;
  try {
    return await handler(account, req, res, params);
  } catch (error) {
    gate.log(`The embedded store could not handle ${req.method} ${req.url}: ${String(error)}`);
    res.statusCode = 500;
    return { message: (error as Error).message };
  }
}

/** Sets the headers the Cosmos SDK expects from the gateway, as the library's server does. */
function send(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const resource =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>) : null;
  if (res.statusCode > 399 && resource && !resource.message) resource.message = "";
  if (typeof resource?._etag === "string") res.setHeader("etag", resource._etag);
  res.setHeader("content-type", "application/json");
  res.setHeader("content-location", `https://${req.headers.host}${req.url}`);
  if (!res.hasHeader("connection")) res.setHeader("connection", "keep-alive");
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  if (req.headers["x-ms-documentdb-populatequerymetrics"]) {
    res.setHeader("x-ms-documentdb-query-metrics", QUERY_METRICS);
  }
  if (req.headers["a-im"] && res.statusCode === 200) {
    if (req.headers["if-none-match"]) res.statusCode = 304;
    res.setHeader("etag", "1");
  }
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
