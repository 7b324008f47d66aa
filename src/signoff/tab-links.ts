import type { Config } from "../config.ts";

/** Where the Plan Tracker tab is served: the public URL when set, else this machine. */
export function tabBaseUrl(config: Pick<Config, "PUBLIC_URL" | "PORT">): string {
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return `${base.replace(/\/+$/, "")}/tab`;
}

/** One action's page (its history of updates and decisions) in the tab. */
export function actionTabUrl(config: Pick<Config, "PUBLIC_URL" | "PORT">, ref: string): string {
  return `${tabBaseUrl(config)}/actions/${encodeURIComponent(ref)}`;
}
