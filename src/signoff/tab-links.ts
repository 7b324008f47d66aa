import type { Config } from "../config.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";

/** Where the Plan Tracker tab is served: the public URL when set, else this machine. */
export function tabBaseUrl(config: Pick<Config, "PUBLIC_URL" | "PORT">): string {
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return `${base.replace(/\/+$/, "")}/tab`;
}

/**
 * `?plan=<id>` for a plan other than the first, which the tab opens; the first plan's links stay
 * as they always were.
 */
function planQuery(planId: string | undefined): string {
  return planId === undefined || planId === DEFAULT_PLAN_ID
    ? ""
    : `?plan=${encodeURIComponent(planId)}`;
}

/** The dashboard showing one plan. */
export function planTabUrl(config: Pick<Config, "PUBLIC_URL" | "PORT">, planId?: string): string {
  return `${tabBaseUrl(config)}${planQuery(planId)}`;
}

/** One action's page (its history of updates and decisions) in the tab. */
export function actionTabUrl(
  config: Pick<Config, "PUBLIC_URL" | "PORT">,
  ref: string,
  planId?: string,
): string {
  return `${tabBaseUrl(config)}/actions/${encodeURIComponent(ref)}${planQuery(planId)}`;
}
