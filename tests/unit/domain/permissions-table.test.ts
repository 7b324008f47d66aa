import { describe, expect, it } from "vitest";
import { parsePlanFilters } from "../../../src/api/plan-filters.ts";
import { buildPlanView } from "../../../src/api/plan-view.ts";
import {
  actionsForExport,
  requireActionAccess,
  requireSignOffQueueAccess,
  tabAccess,
} from "../../../src/api/tab-access.ts";
import { can } from "../../../src/domain/permissions.ts";
import type { Person, Role } from "../../../src/domain/person.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { askerReach, mayView } from "../../../src/query/asker.ts";
import { anAction } from "../../support/builders.ts";
import { anUpdate } from "../xlsx/sample-rows.ts";

/**
 * One access rule, two surfaces: for every kind of person and everything they might try, the bot
 * and the tab answer as this table says. An operation a surface does not offer is left out for it.
 */

const THIS_LEAD = "HoS / Service Manager";
const ACTION = anAction({
  planId: SAMPLE_PLAN.id,
  section: "",
  deliveryArea: "",
  developmentAction: "Improve the quality of strategy discussions.",
  lead: "HoS/ Service Manager",
  completionDate: { text: "TBC", due: null, tbc: true, milestones: [] },
});

const someone = (name: string, roles: Role[], leads: string[] = []): Person => ({
  id: `${name}@council.gov.uk`,
  email: `${name}@council.gov.uk`,
  name,
  roles,
  leads,
});

const PEOPLE = {
  leadOfThis: someone("hana", ["lead"], [THIS_LEAD.toLowerCase()]),
  leadOfAnother: someone("ira", ["lead"], ["IRO"]),
  manager: someone("ali", ["manager"]),
  dmt: someone("dee", ["dmt"]),
  admin: someone("ann", ["admin"]),
  nobody: someone("nat", []),
} as const;
type Who = keyof typeof PEOPLE;

const OPERATIONS = [
  "see the action",
  "see its updates",
  "submit or edit its update",
  "decide its sign-off",
  "start a review",
  "view review status",
  "ask questions",
  "see the sign-off queue",
  "download the board report with it",
] as const;
type Operation = (typeof OPERATIONS)[number];

/** The rule, written out: Y = allowed. Columns in the order of PEOPLE. */
// biome-ignore format: a table reads best aligned
const TABLE: Record<Operation, string> = {
  //                                    this  other  manager  dmt  admin  nobody
  "see the action":                    "Y     -      Y        Y    Y      -",
  "see its updates":                   "Y     -      Y        Y    Y      -",
  "submit or edit its update":         "Y     -      -        -    -      -",
  "decide its sign-off":               "-     -      -        Y    -      -",
  "start a review":                    "-     -      -        Y    Y      -",
  "view review status":                "-     -      Y        Y    Y      -",
  "ask questions":                     "Y     Y      Y        Y    Y      -",
  "see the sign-off queue":            "-     -      -        Y    -      -",
  "download the board report with it": "Y     -      Y        Y    Y      -",
};

const expected = (operation: Operation, who: Who): boolean => {
  const column = Object.keys(PEOPLE).indexOf(who);
  return TABLE[operation].split(/\s+/)[column] === "Y";
};

const allowed = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

type Surface = Partial<Record<Operation, (person: Person) => boolean | string>>;

/** One answer from every route of a surface that decides the same thing, or a failure saying they differ. */
const agreed = (answers: Record<string, boolean>): boolean | string => {
  const values = new Set(Object.values(answers));
  return values.size === 1
    ? [...values][0] === true
    : `routes disagree: ${JSON.stringify(answers)}`;
};

/** The checks the bot's handlers make (show-action, refreshUpdate, the forms, sign-off, commands). */
const BOT: Surface = {
  "see the action": (p) => mayView(p, askerReach(p), ACTION.lead),
  "see its updates": (p) => can(p, "seeUpdates", ACTION),
  "submit or edit its update": (p) => can(p, "submitUpdate", ACTION),
  "decide its sign-off": (p) => can(p, "decideSignOff"),
  "start a review": (p) => can(p, "startReview"),
  "view review status": (p) => can(p, "viewReviewStatus"),
  "ask questions": (p) => askerReach(p) !== "nothing",
  // The bot's queue is the sign-off cards: sent to, and refreshed for, those who decide.
  "see the sign-off queue": (p) => can(p, "decideSignOff"),
};

const planLine = (p: Person) =>
  buildPlanView({
    plan: SAMPLE_PLAN,
    actions: [ACTION],
    updates: [anUpdate(ACTION.ref, "2026-Q3")],
    today: "2026-12-15",
    viewer: p,
    filters: parsePlanFilters(new URLSearchParams()),
  }).actions[0];

/** What the tab's API does for each route: the action page, the plan, the queue, the report. */
const TAB: Surface = {
  "see the action": (p) =>
    agreed({
      actionPage: allowed(() => requireActionAccess(p, ACTION)),
      planLine: planLine(p)?.ref === ACTION.ref,
    }),
  "see its updates": (p) =>
    agreed({
      actionPage: allowed(() => requireActionAccess(p, ACTION)),
      planLine: planLine(p)?.latestUpdate != null,
    }),
  "see the sign-off queue": (p) =>
    agreed({
      me: tabAccess(p).canSeeSignOffQueue,
      queue: allowed(() => requireSignOffQueueAccess(p)),
    }),
  "download the board report with it": (p) => {
    try {
      return actionsForExport(p, [ACTION]).length === 1;
    } catch {
      return false;
    }
  },
};

const rows = OPERATIONS.flatMap((operation) =>
  (Object.keys(PEOPLE) as Who[]).map((who) => [operation, who] as const),
);

describe("who may see and do what, on the bot and on the tab", () => {
  it.each(rows)("%s: %s", (operation, who) => {
    const person = PEOPLE[who];
    const want = expected(operation, who);
    const answers = { bot: BOT[operation]?.(person), tab: TAB[operation]?.(person) };
    const offered = Object.entries(answers).filter(([, answer]) => answer !== undefined);
    expect(offered.length).toBeGreaterThan(0);
    for (const [surface, answer] of offered)
      expect({ surface, answer }).toEqual({ surface, answer: want });
  });

  it("tells the tab it may show the plan to anyone with a role, as the bot answers them", () => {
    for (const who of Object.keys(PEOPLE) as Who[]) {
      const person = PEOPLE[who];
      expect(tabAccess(person).canSeePlan).toBe(askerReach(person) !== "nothing");
    }
  });
});
