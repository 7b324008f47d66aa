import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Person } from "../../../src/domain/person.ts";
import { silentLogger } from "../../../src/logger.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";

/** A real embedded store in a temp folder, for use cases tested below the HTTP layer. */
export async function openTempStore(
  clock: Clock,
): Promise<{ store: Store; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-review-"));
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" });
  const store = await openStore({ config, clock, logger: silentLogger, role: "server" });
  return {
    store,
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const SETUP = { id: "test", name: "Test setup" };

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
