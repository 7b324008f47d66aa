import { afterAll, beforeAll } from "vitest";
import {
  largePlanAction,
  leadEmail,
  type PlanSize,
  type SeededPerson,
  seedLargePlan,
} from "../../../bench/large-plan.ts";
import { ManualClock } from "../../../src/clock.ts";
import { type Delivered, StandInConnector } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { type DeliveryTally, firstRef, tallyDeliveries } from "./deliveries.ts";

/** Tuesday 1 December 2026, 10:00: before the 2026-Q3 review (31 December) opens. */
export const BEFORE_THE_REVIEW = new Date("2026-12-01T10:00:00Z");

/**
 * The opening round of a review as a fault case sees it: a large plan whose leads each get one
 * update form per action when DMT types `start review`, and the count of what reached Teams.
 */
export interface RoundPlan {
  leads: SeededPerson[];
  dmt: SeededPerson[];
  /** "ACT-00042 to lead2@council.gov.uk" for every form the round must deliver. */
  expected: Set<string>;
  /** Names a delivered form the same way, or null for anything else. */
  identify(d: Delivered): string | null;
  /** Forms that have reached the leads' chats so far (every copy), from delivery `from` on. */
  formsArrived(from?: number): number;
  /** What arrived from delivery `from` on (a later round reuses the Refs). */
  tally(from?: number): DeliveryTally & { copies: Map<string, number> };
}

export function roundPlan(
  connector: StandInConnector,
  size: PlanSize,
  people: { leads: SeededPerson[]; dmt: SeededPerson[] },
): RoundPlan {
  const leadOf = new Map<string, string>();
  for (const lead of people.leads) leadOf.set(connector.personalConversationOf(lead), lead.email);
  const expected = new Set(
    Array.from(
      { length: size.actions },
      (_, n) => `${largePlanAction(n, size.leads).ref} to ${leadEmail(n % size.leads)}`,
    ),
  );
  const identify = (d: Delivered) => {
    const lead = leadOf.get(d.conversationId);
    const ref = lead ? firstRef(d) : null;
    return lead && ref ? `${ref} to ${lead}` : null;
  };
  return {
    ...people,
    expected,
    identify,
    formsArrived: (from = 0) =>
      connector.delivered
        .slice(from)
        .filter((d) => d.kind === "send" && leadOf.has(d.conversationId)).length,
    tally: (from = 0) => tallyDeliveries(connector.delivered.slice(from), expected, identify),
  };
}

/** The app in this process with a large plan seeded, its clock before the review. */
export async function startRoundApp(
  connector: StandInConnector,
  size: PlanSize & { dmt?: number },
  env: Record<string, string> = {},
): Promise<{ t: TestApp; plan: RoundPlan; clock: ManualClock }> {
  const clock = new ManualClock(BEFORE_THE_REVIEW);
  const t = await startTestApp({ connector, clock, skipSamplePlan: true, env });
  const people = await seedLargePlan(t.store, connector, size);
  return { t, plan: roundPlan(connector, size, people), clock };
}

/** A stand-in Teams and a round's app, as the tests of one describe share them. */
interface RoundWorld {
  connector: StandInConnector;
  t: TestApp;
  plan: RoundPlan;
}

/**
 * A stand-in Teams and a round's app for the tests of the describe this is called in: started
 * before them and closed after. Its fields are set once the tests start, so read them inside one.
 */
export function roundWorldForTests(
  size: PlanSize & { dmt?: number },
  env: Record<string, string> = {},
): RoundWorld {
  const world = {} as RoundWorld;
  beforeAll(async () => {
    world.connector = await StandInConnector.start();
    const { t, plan } = await startRoundApp(world.connector, size, env);
    Object.assign(world, { t, plan });
  });
  afterAll(async () => {
    await world.t?.close();
    await world.connector?.close();
  });
  return world;
}
