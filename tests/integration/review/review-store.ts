import type { Clock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Person } from "../../../src/domain/person.ts";
import type { FeatureDeps } from "../../../src/feature-deps.ts";
import { silentLogger } from "../../../src/logger.ts";
import { queueOnlyMessenger } from "../../../src/outbox/outbox-messenger.ts";
import type { Store } from "../../../src/store/store.ts";

export { openTempStore } from "../../support/temp-store.ts";

export const SETUP = { id: "test", name: "Test setup" };

/** What the features need below the HTTP layer: their messages queue into the store's real outbox. */
export function queueingDeps(store: Store, clock: Clock): FeatureDeps {
  return {
    config: loadConfig({ LOG_LEVEL: "silent" }),
    store,
    messenger: queueOnlyMessenger(store, clock),
    clock,
    logger: silentLogger,
  };
}

export async function addPeople(store: Store, people: Person[]): Promise<void> {
  for (const person of people) await store.people.save(person, SETUP, null);
}

/** 09:30 in London on a date (GMT in winter, BST in summer), as an instant. */
export function londonMorning(date: string, time = "09:30"): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const hourInLondon = Number(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(guess),
  );
  return new Date(guess.getTime() - (hourInLondon - guess.getUTCHours()) * 3_600_000);
}
