import type { IncomingMessage, ServerResponse } from "node:http";

/** See echo-bot-process.mjs: the echo bot's HTTP listener. */
export function echoBotListener(): (req: IncomingMessage, res: ServerResponse) => void;
