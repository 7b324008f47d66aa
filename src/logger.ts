/** A small structured logger: one JSON line per event on stderr, so stdout stays free for CLI output. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type Logger = Record<
  Exclude<LogLevel, "silent">,
  (message: string, fields?: object) => void
>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const at =
    (lvl: Exclude<LogLevel, "silent">) =>
    (message: string, fields: object = {}): void => {
      if (ORDER[lvl] < ORDER[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...fields }));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export const silentLogger: Logger = createLogger("silent");
