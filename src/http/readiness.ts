/**
 * Whether this instance should be sent traffic: the platform's health check (App Service's, a load
 * balancer's) asks `/readyz`. `/healthz` says only that the store answers; readiness also waits
 * for start-up to finish (the sender and the daily schedule running) and turns away as soon as
 * shutdown begins, so the platform stops routing chats to an instance that is handing its work back.
 */
export interface Readiness {
  /** Start-up has finished: the bot, the sender and the schedule are running. */
  started(): void;
  /** Shutdown has begun. */
  stopping(): void;
  /** Why the instance is not ready, in plain words; null once it has started and until it stops. */
  notReadyReason(): string | null;
}

export const STARTING = "Plan Tracker is still starting up; try again in a few seconds.";
export const STOPPING = "Plan Tracker is shutting down; another instance will answer.";

export function startupReadiness(): Readiness {
  let state: "starting" | "ready" | "stopping" = "starting";
  return {
    started() {
      if (state === "starting") state = "ready";
    },
    stopping() {
      state = "stopping";
    },
    notReadyReason: () => (state === "ready" ? null : state === "starting" ? STARTING : STOPPING),
  };
}
