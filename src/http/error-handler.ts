import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logger.ts";
import { sendJson } from "./send-json.ts";

/** The answer to anything that failed inside: what to do, and nothing about how it failed. */
export const INTERNAL_ERROR = {
  error: "internal",
  message:
    "Something went wrong on Plan Tracker's side. Try again in a minute; if it keeps happening, tell whoever runs Plan Tracker.",
};

/** After every route: nothing here. */
export const notFound: RequestHandler = (req, res) => {
  sendJson(res, 404, { error: "not_found", message: `Nothing at ${req.path}.` });
};

interface HttpError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  limit?: unknown;
}

/**
 * The one error handler: a request the client got wrong (a bad percent-encoding, a body that is
 * not JSON or too large) is answered with its 4xx and a message saying how to fix it; anything
 * else is a 500 without internals, logged once here.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = clientStatus(error);
    if (status === undefined) {
      logger.error("request failed", {
        method: req.method,
        path: req.path,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    if (res.headersSent) {
      // Part of the answer is already on its way: cutting the connection is the only honest end.
      res.destroy();
      return;
    }
    if (status === undefined) sendJson(res, 500, INTERNAL_ERROR);
    else sendJson(res, status, clientRefusal(status, error, req.path));
  };
}

/** The 4xx that express or its body reader set on the error, if the client caused it. */
function clientStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, statusCode } = error as HttpError;
  const code = Number(status ?? statusCode);
  return Number.isInteger(code) && code >= 400 && code < 500 ? code : undefined;
}

function clientRefusal(
  status: number,
  error: unknown,
  path: string,
): { error: string; message: string } {
  const { type, limit } = error as HttpError;
  if (error instanceof URIError) {
    return {
      error: "bad_url",
      message:
        "The address is not valid: a % must be followed by two hexadecimal digits of a UTF-8 character. Check the link.",
    };
  }
  if (status === 404) return { error: "not_found", message: `Nothing at ${path}.` };
  if (type === "entity.parse.failed")
    return { error: "bad_json", message: "The request body is not valid JSON." };
  if (status === 413) {
    return {
      error: "too_large",
      message:
        typeof limit === "number"
          ? `The request body is larger than ${Math.round(limit / 1024)} KB: send a smaller one.`
          : "The request body is too large: send a smaller one.",
    };
  }
  if (status === 415) {
    return {
      error: "unsupported_body",
      message: "The request body's encoding or character set is not supported: send UTF-8 JSON.",
    };
  }
  return { error: "bad_request", message: "The request could not be read: check how it is made." };
}
