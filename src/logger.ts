/**
 * The one logger: a JSON line per event on stderr (stdout stays free for CLI output), through
 * pino, with secrets removed from the message and from every field before anything is written.
 * Fields are redacted by name at any depth (see redact.ts) rather than with pino's `redact`,
 * whose fixed paths would miss a secret nested somewhere unforeseen.
 */
import { pino } from "pino";
import { redactFields, scrubSecrets } from "./redact.ts";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type Logger = Record<
  Exclude<LogLevel, "silent">,
  (message: string, fields?: object) => void
>;

const LEVELS: readonly Exclude<LogLevel, "silent">[] = ["debug", "info", "warn", "error"];

/**
 * `write` receives each line without its newline (tests collect them); by default lines go to
 * stderr synchronously, so the last lines before an exit are not lost and stay in order with the
 * CLI's own messages.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write
    ? { write: (line: string) => write(line.endsWith("\n") ? line.slice(0, -1) : line) }
    : pino.destination({ fd: 2, sync: true });
  const log = pino(
    {
      level,
      messageKey: "message",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const at =
    (lvl: Exclude<LogLevel, "silent">) =>
    (message: string, fields: object = {}): void => {
      if (!log.isLevelEnabled(lvl)) return;
      log[lvl](redactFields(fields) as object, scrubSecrets(String(message)));
    };
  return Object.fromEntries(LEVELS.map((lvl) => [lvl, at(lvl)])) as Logger;
}

export const silentLogger: Logger = createLogger("silent");
