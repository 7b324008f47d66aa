import { format } from "node:util";
import { isBotbuilderRepeat } from "../bot/already-logged.ts";
import type { Logger } from "../logger.ts";

type ConsoleMethod = "log" | "info" | "debug" | "warn" | "error" | "trace";
const LEVEL_OF: Record<ConsoleMethod, keyof Logger> = {
  log: "info",
  info: "info",
  debug: "debug",
  warn: "warn",
  error: "error",
  trace: "error",
};

/**
 * For `serve`: whatever botbuilder, its dependencies or Node itself would print to the console
 * (multi-line stacks, unredacted texts) goes through the JSON logger instead, so every line the
 * server writes is one redacted JSON object. Returns a function that puts everything back.
 */
export function routeProcessOutputTo(logger: Logger): () => void {
  const saved = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of Object.keys(LEVEL_OF) as ConsoleMethod[]) {
    saved.set(method, console[method]);
    console[method] = (...args: unknown[]) => consoleLine(logger, LEVEL_OF[method], args);
  }
  // Node prints its own warnings (deprecations, listener leaks) straight to stderr.
  const nodeWarningPrinters = process.listeners("warning");
  process.removeAllListeners("warning");
  const onWarning = (warning: Error) => logger.warn("Node.js warning", { warning });
  process.on("warning", onWarning);
  // Left to Node, a crash prints a raw multi-line stack; the process still stops, as before.
  const onCrash = (error: unknown) => {
    logger.error("Plan Tracker stopped on an unexpected error", { error });
    process.exit(1);
  };
  process.on("uncaughtException", onCrash);
  return () => {
    for (const [method, original] of saved) console[method] = original;
    process.off("warning", onWarning);
    for (const printer of nodeWarningPrinters) process.on("warning", printer);
    process.off("uncaughtException", onCrash);
  };
}

function consoleLine(logger: Logger, level: keyof Logger, args: unknown[]): void {
  if (isBotbuilderRepeat(args)) return;
  const errors = args.filter((arg): arg is Error => arg instanceof Error);
  const text = args.filter((arg) => !(arg instanceof Error));
  const message = text.length > 0 ? format(...text) : (errors[0]?.message ?? "");
  if (errors.length === 0) logger[level](message);
  else if (errors.length === 1) logger[level](message, { error: errors[0] });
  else logger[level](message, { errors });
}
