import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  Request as BotRequest,
  Response as BotResponse,
  CloudAdapter,
  TurnContext,
} from "botbuilder";
import { BodyTooLargeError, type HttpHandler, readBody, sendJson } from "../http/router.ts";
import { activityProblem } from "./inbound-shape.ts";

/** Teams activities are small; a card submit with a long progress note is well under this. */
const BODY_LIMIT_BYTES = 512 * 1024;

/**
 * `POST /api/messages` on node's own http server: botbuilder's CloudAdapter expects an
 * express-like request with a parsed body and a response with status/header/send/end, so this
 * reads and parses the body (refusing bad JSON with 400) and lends the adapter those four methods.
 */
export function botEndpoint(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
): HttpHandler {
  return async ({ req, res }) => {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, BODY_LIMIT_BYTES)).toString("utf8"));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: "too_large", message: error.message });
      } else {
        sendJson(res, 400, { error: "bad_json", message: "The request body is not valid JSON." });
      }
      return;
    }
    const problem = activityProblem(body);
    if (problem) {
      sendJson(res, 400, {
        error: "bad_activity",
        message: `The body is not a Bot Framework activity (${problem}).`,
      });
      return;
    }
    await adapter.process(
      botRequest(req, body as Record<string, unknown>),
      botResponse(res),
      logic,
    );
  };
}

function botRequest(req: IncomingMessage, body: Record<string, unknown>): BotRequest {
  return { body, headers: req.headers, method: req.method };
}

function botResponse(res: ServerResponse): BotResponse {
  let status = 200;
  const response: BotResponse = {
    socket: res.socket,
    status(code: unknown) {
      status = Number(code);
      return response;
    },
    header(name: unknown, value: unknown) {
      res.setHeader(String(name), String(value));
      return response;
    },
    send(body: unknown) {
      if (res.headersSent) return response;
      if (typeof body === "string" || Buffer.isBuffer(body)) {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
        res.write(body);
      } else if (body !== undefined) {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
        res.write(JSON.stringify(body));
      }
      return response;
    },
    end() {
      if (!res.headersSent) res.writeHead(status);
      res.end();
      return response;
    },
  };
  return response;
}
