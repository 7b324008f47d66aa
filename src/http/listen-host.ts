import type { Config } from "../config.ts";

/**
 * Development mode checks no tokens, so it listens on this machine only unless HOST says
 * otherwise; production listens where HOST says, by default on every interface.
 */
export function listenHost(config: Pick<Config, "HOST" | "developmentMode">): string | undefined {
  return config.HOST ?? (config.developmentMode ? "127.0.0.1" : undefined);
}
