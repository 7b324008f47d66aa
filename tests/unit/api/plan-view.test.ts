import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../src/api/api-error.ts";
import { type PlanFilters, parsePlanFilters } from "../../../src/api/plan-filters.ts";
import { buildPlanView } from "../../../src/api/plan-view.ts";
import type { Action } from "../../../src/domain/action.ts";
import type { Person } from "../../../src/domain/person.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { anUpdate, sampleActions } from "../xlsx/sample-rows.ts";

/** A manager who also leads actions: sees the whole plan, and "mine" means something. */
const JO: Person = {
  id: "jo@council.gov.uk",
  email: "jo@council.gov.uk",
  name: "Jo Bloggs",
  roles: ["lead", "manager"],
  leads: ["hos/service manager"],
};
/** Only an action lead: sees the actions they lead and nothing else. */
const LEE: Person = {
  ...JO,
  id: "lee@council.gov.uk",
  email: "lee@council.gov.uk",
  roles: ["lead"],
};

const view = (actions: Action[], query: string, today = "2022-09-01", viewer = JO) =>
  buildPlanView({
    plan: SAMPLE_PLAN,
    actions,
    updates: [anUpdate("CSC-04", "2022-Q2"), anUpdate("CSC-05", "2022-Q1", { state: "approved" })],
    today,
    viewer,
    filters: parsePlanFilters(new URLSearchParams(query)),
  });

describe("the dashboard's plan view", () => {
  let actions: Action[];
  beforeAll(async () => {
    actions = await sampleActions();
  });

  it("lists every action in Ref order when nothing is filtered", () => {
    const plan = view(actions, "");
    expect(plan.total).toBe(19);
    expect(plan.shown).toBe(19);
    expect(plan.actions.map((a) => a.ref).slice(0, 3)).toEqual(["CSC-01", "CSC-02", "CSC-03"]);
  });

  it("narrows to a priority, and the chart counts only what the table shows", () => {
    const plan = view(actions, "priority=1");
    expect(plan.actions.every((a) => a.priorities.includes(1))).toBe(true);
    expect(plan.shown).toBeLessThan(19);
    const counted = plan.byPriority.find((p) => p.priority === 1);
    expect(counted && counted.Red + counted.Amber + counted.Green + counted.notRated).toBe(
      plan.shown,
    );
    expect(plan.byPriority.find((p) => p.priority === 2)).toMatchObject({
      Red: 0,
      Amber: 0,
      Green: 0,
      notRated: 0,
    });
  });

  it("matches a lead ignoring case and spacing, as the bot does", () => {
    const plan = view(actions, "lead=HoS%20/%20Service%20Manager");
    expect(plan.shown).toBeGreaterThan(1);
    expect(new Set(plan.actions.map((a) => a.lead.replace(/\s/g, "").toLowerCase()))).toEqual(
      new Set(["hos/servicemanager"]),
    );
  });

  it("narrows to a RAG, or to the actions not yet rated", () => {
    const greens = view(actions, "rag=green").actions;
    expect(greens.length).toBeGreaterThan(0);
    expect(greens.every((a) => a.rag === "Green")).toBe(true);
    // The sample rates every action, so two are made unrated: an empty answer would prove nothing.
    const unrated = actions.map((a) =>
      a.ref === "CSC-02" || a.ref === "CSC-09" ? { ...a, rag: null } : a,
    );
    expect(view(unrated, "rag=none").actions.map((a) => a.ref)).toEqual(["CSC-02", "CSC-09"]);
  });

  it("shows only actions past their due date and not complete when asked for overdue ones", () => {
    const overdue = view(actions, "overdue=1", "2022-09-01").actions;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((a) => a.due !== null && a.due < "2022-09-01" && !a.complete)).toBe(true);
    expect(view(actions, "overdue=1", "2020-01-01").shown).toBe(0);
  });

  it("shows only updates still waiting for DMT when asked for those awaiting sign-off", () => {
    const plan = view(actions, "awaiting=1");
    expect(plan.actions.map((a) => a.ref)).toEqual(["CSC-04"]);
    expect(plan.actions[0]?.latestUpdate).toMatchObject({ quarter: "2022-Q2", state: "submitted" });
  });

  it("shows the viewer's own actions when asked", () => {
    const mine = view(actions, "mine=1").actions;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.ledByViewer)).toBe(true);
  });

  it("gives someone who is only a lead the actions they lead, and counts and offers only those", () => {
    const plan = view(actions, "", "2022-09-01", LEE);
    expect(plan.actions.map((a) => a.ref)).toEqual([
      "CSC-01",
      "CSC-02",
      "CSC-03",
      "CSC-07",
      "CSC-11",
    ]);
    expect(plan.total).toBe(5);
    expect(plan.reach).toBe("ownActions");
    expect(view(actions, "").reach).toBe("wholePlan");
    expect(new Set(plan.leads.map((l) => l.replace(/\s/g, "").toLowerCase()))).toEqual(
      new Set(["hos/servicemanager"]),
    );
    // CSC-04's update awaits sign-off, but CSC-04 is someone else's.
    expect(view(actions, "awaiting=1", "2022-09-01", LEE).actions).toEqual([]);
  });

  it("offers each lead once, as the plan writes it", () => {
    const plan = view(actions, "");
    expect(plan.leads).toEqual([...new Set(plan.leads)]);
    expect(plan.leads).toContain("HoS / Service Manager");
  });
});

describe("reading the filters from the address", () => {
  const parse = (query: string): PlanFilters => parsePlanFilters(new URLSearchParams(query));

  it("reads every filter", () => {
    expect(
      parse("priority=3&section=Early%20help&lead=IRO&rag=red&overdue=1&awaiting=true&mine=on"),
    ).toEqual({
      priority: 3,
      section: "Early help",
      lead: "IRO",
      rag: "Red",
      overdue: true,
      awaitingSignOff: true,
      mine: true,
    });
  });

  it("treats empty values as no filter", () => {
    expect(parse("priority=&lead=&rag=")).toMatchObject({
      priority: null,
      lead: null,
      rag: null,
      overdue: false,
    });
  });

  it("refuses a value that cannot be right, naming what would be", () => {
    expect(() => parse("priority=three")).toThrow(ApiError);
    expect(() => parse("priority=three")).toThrow(/priority must be a priority number/);
    expect(() => parse("rag=purple")).toThrow(/rag must be Red, Amber, Green or none/);
  });
});
