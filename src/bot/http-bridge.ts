import type { Response as BotResponse, CloudAdapter, TurnContext } from "botbuilder";
import express, { type RequestHandler, type Response } from "express";
import { INTERNAL_ERROR } from "../http/error-handler.ts";
import { sendJson } from "../http/send-json.ts";
import type { Logger } from "../logger.ts";
import { activityProblem } from "./inbound-shape.ts";

/** Teams activities are small; a card submit with a long progress note is well under this. */
const BODY_LIMIT_BYTES = 512 * 1024;

/** All a caller with a bad token needs to know; the reason goes to the log. */
const UNAUTHORIZED = {
  error: "unauthorized",
  message: "The request's token was missing or not valid.",
};

/**
 * `POST /api/messages`: the body is read as JSON whatever its content type says (over 512 KB is
 * 413, not JSON is 400, both from the one error handler), checked for the shape the bot reads,
 * then handed to botbuilder's CloudAdapter with the express request and a response whose 401 and
 * 500 answers carry no internal text.
 */
export function botEndpoint(
  adapter: CloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  logger: Logger,
): RequestHandler[] {
  const readJson = express.json({ limit: BODY_LIMIT_BYTES, strict: false, type: () => true });
  const process: RequestHandler = async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) {
      sendJson(res, 400, {
        error: "bad_activity",
        message: `The body is not a Bot Framework activity (${problem}).`,
      });
      return;
    }
    const turn = { failed: false };
    await adapter.process(req, plainAnswers(res, logger, turn), async (context) => {
      try {
        await logic(context);
      } catch (error) {
        // The adapter's turn-error handler logs it; the answer need not log it again.
        turn.failed = true;
        throw error;
      }
    });
  };
  return [readJson, process];
}

/**
 * The response botbuilder writes to. It answers a refused token with the error's own text and a
 * failure with its message; those are kept for the log, and the caller gets a fixed answer.
 */
function plainAnswers(res: Response, logger: Logger, turn: { failed: boolean }): BotResponse {
  let body: unknown;
  const response: BotResponse = {
    socket: res.socket,
    status(code: unknown) {
      res.status(Number(code));
      return response;
    },
    header(name: unknown, value: unknown) {
      res.setHeader(String(name), String(value));
      return response;
    },
    send(value: unknown) {
      body = value;
      return response;
    },
    end() {
      if (res.headersSent) return response;
      const status = res.statusCode;
      if (status === 401) {
        logger.warn("an inbound request's token was refused", { reason: String(body) });
        sendJson(res, 401, UNAUTHORIZED);
      } else if (status >= 500 && status !== 501) {
        if (!turn.failed)
          logger.error("the bot could not take a request", { reason: String(body) });
        sendJson(res, status, INTERNAL_ERROR);
      } else if (body === undefined || body === null) {
        res.end();
      } else if (typeof body === "string" || Buffer.isBuffer(body)) {
        res.type("text/plain").send(body);
      } else {
        sendJson(res, status, body);
      }
      return response;
    },
  };
  return response;
}
