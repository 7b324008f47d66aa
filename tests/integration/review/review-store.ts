import type { Person } from "../../../src/domain/person.ts";
import type { Store } from "../../../src/store/store.ts";

export { openTempStore } from "../../support/temp-store.ts";

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
