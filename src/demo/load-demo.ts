import type { Clock } from "../clock.ts";
import {
  defaultReviewDate,
  previousQuarter,
  quarterOf,
  reviewRoundDates,
  todayIn,
} from "../domain/calendar.ts";
import { approvedAction } from "../domain/decision-rules.ts";
import type { Person } from "../domain/person.ts";
import { DEFAULT_PLAN_ID, SAMPLE_PLAN } from "../domain/plan.ts";
import type { Update } from "../domain/update.ts";
import { updatePlanId } from "../domain/update.ts";
import { importPeopleFile } from "../import/import-people.ts";
import type { Logger } from "../logger.ts";
import { projectFile } from "../project-files.ts";
import { type Actor, SYSTEM_ACTOR } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { buildDemoHistory } from "./demo-history.ts";
import { readDemoPlan } from "./demo-plan.ts";

/** The demo directory: the same people as the Agents Playground's users (.m365agentsplayground.yml). */
export const SAMPLE_PEOPLE_PATH = projectFile("data/sample-people.csv");

const DEMO_ACTOR: Actor = { id: "demo", name: "Plan Tracker demo data" };

export interface LoadDemoOptions {
  /** Where "today" is worked out (REVIEW_TIMEZONE). */
  timeZone?: string;
  peoplePath?: string;
}

export interface LoadedDemo {
  actions: number;
  people: number;
  /** Whole years the sample's dates were moved forward. */
  years: number;
  /** The past quarter whose updates and sign-offs were written. */
  historyQuarter: string;
  updates: number;
}

/** The DMT member who decided last quarter: one who leads nothing, so the story has two people. */
function deciderOf(people: readonly Person[]): Actor {
  const dmt = people.filter((p) => p.roles.includes("dmt"));
  const chosen = dmt.find((p) => !p.roles.includes("lead")) ?? dmt[0];
  return chosen ? { id: chosen.id, name: chosen.name } : SYSTEM_ACTOR;
}

/**
 * On first start of an empty store in demo mode (`DEMO_MODE=1`, as `npm run playground` sets):
 * the sample plan moved forward to run from this quarter, the demo directory, and last quarter's
 * review (approved updates, some Red; one returned; one awaiting sign-off). Everything is written
 * through the repositories, so the audit log tells the same story. Returns null when the store
 * already holds a plan.
 */
export async function loadDemoIfEmpty(
  store: Store,
  clock: Clock,
  logger: Logger,
  o: LoadDemoOptions = {},
): Promise<LoadedDemo | null> {
  if ((await store.actions.count(DEFAULT_PLAN_ID)) > 0) return null;
  const now = clock.now();
  const today = todayIn(o.timeZone ?? "Europe/London", now);
  if (!(await store.plans.get(DEFAULT_PLAN_ID)))
    await store.plans.save(SAMPLE_PLAN, DEMO_ACTOR, null);

  const plan = await readDemoPlan(today);
  for (const action of plan.actions) await store.actions.save(action, DEMO_ACTOR, null);
  await importPeopleFile(store, o.peoplePath ?? SAMPLE_PEOPLE_PATH, {
    dryRun: false,
    actor: DEMO_ACTOR,
  });
  const people = await store.people.list();

  const quarter = previousQuarter(quarterOf(today));
  const reviewDate = defaultReviewDate(quarter);
  const decider = deciderOf(people);
  const updates = buildDemoHistory({
    actions: plan.actions,
    people,
    quarter,
    reviewDate,
    decider,
    now,
  });
  await writeHistory(store, updates, decider);
  await store.reviews.create(
    {
      id: quarter,
      quarter,
      reviewDate,
      dateOverridden: false,
      // Still open: one update awaits DMT's decision.
      state: "open",
      openedAt: new Date(`${reviewRoundDates(reviewDate).open}T09:00:00Z`).toISOString(),
      roundsSent: ["open", "chase", "final"],
    },
    DEMO_ACTOR,
  );
  const loaded = {
    actions: plan.actions.length,
    people: people.length,
    years: plan.years,
    historyQuarter: quarter,
    updates: updates.length,
  };
  logger.info(
    "loaded the demo: the sample plan moved forward, the demo people and last quarter's review",
    loaded,
  );
  return loaded;
}

/**
 * Each update as its lead sent it, then DMT's decision on it, then (for an approval) the RAG made
 * official: three writes, as the live flow makes them, so the audit log reads the same.
 */
async function writeHistory(
  store: Store,
  updates: readonly Update[],
  decider: Actor,
): Promise<void> {
  for (const update of updates) {
    const sent: Update = { ...update, state: "submitted", decision: null };
    const created = await store.updates.create(sent, {
      id: update.author,
      name: update.authorName,
    });
    if (!update.decision) continue;
    await store.updates.replace(update, created.etag, decider, sent);
    if (update.state !== "approved") continue;
    const found = await store.actions.get(update.ref, updatePlanId(update));
    if (!found) continue;
    await store.actions.replace(approvedAction(found.doc, update), found.etag, decider, found.doc);
  }
}
