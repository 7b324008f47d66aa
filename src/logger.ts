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

/** Where each line written also goes, already redacted: telemetry, when it is switched on. */
export type LogCopy = (
  level: Exclude<LogLevel, "silent">,
  message: string,
  fields: Record<string, unknown>,
) => void;

// One per process, like the telemetry pipeline it feeds; every logger copies to it, so lines from
// the store, the bot and the routed console output all arrive, at each logger's own level.
let copyTo: LogCopy | undefined;

/** Copies every line any logger writes from now on to `copy` (undefined: stop copying). */
export function copyLogLinesTo(copy: LogCopy | undefined): void {
  copyTo = copy;
}

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
      const safeFields = redactFields(fields) as Record<string, unknown>;
      const safeMessage = scrubSecrets(String(message));
      log[lvl](safeFields, safeMessage);
      if (!copyTo) return;
      try {
        copyTo(lvl, safeMessage, safeFields);
      } catch {
        // Telemetry is a copy: a failure there must never cost the line or the caller.
      }
    };
  return Object.fromEntries(LEVELS.map((lvl) => [lvl, at(lvl)])) as Logger;
}

export const silentLogger: Logger = createLogger("silent");
