import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoHistory } from "../../../src/demo/demo-history.ts";
import { readDemoPlan } from "../../../src/demo/demo-plan.ts";
import type { Action } from "../../../src/domain/action.ts";
import type { Person } from "../../../src/domain/person.ts";
import type { Update } from "../../../src/domain/update.ts";

const person = (email: string, name: string, roles: Person["roles"], leads: string[]): Person => ({
  id: email,
  email,
  name,
  roles,
  leads,
});

const SAM = person(
  "sam.patel@council.example",
  "Sam Patel",
  ["lead", "manager", "dmt", "admin"],
  ["HoS / Service Manager"],
);
const CHRIS = person(
  "chris.evans@council.example",
  "Chris Evans",
  ["lead"],
  ["Service Manager/ Team Managers", "Service Manager /PSW"],
);
const JO = person("jo.morgan@council.example", "Jo Morgan", ["lead"], ["IRO"]);
const DANA = person("dana.okafor@council.example", "Dana Okafor", ["dmt"], []);
const NOW = new Date("2026-11-23T10:00:00Z");

let actions: Action[];
let history: Update[];
const byRef = (ref: string) => history.find((u) => u.ref === ref);

beforeAll(async () => {
  ({ actions } = await readDemoPlan("2026-11-23"));
  history = buildDemoHistory({
    actions,
    people: [SAM, CHRIS, JO, DANA],
    quarter: "2026-Q2",
    reviewDate: "2026-09-30",
    decider: DANA,
    now: NOW,
  });
});

describe("last quarter's story in the demo", () => {
  it("has an update from the lead of each action someone in the directory leads, and none for the rest", () => {
    expect(byRef("CSC-11")?.authorName).toBe("Sam Patel");
    expect(byRef("CSC-06")?.authorName).toBe("Chris Evans");
    expect(byRef("CSC-05")?.authorName).toBe("Jo Morgan");
    // Nobody in this directory leads "LADO/HoS".
    expect(byRef("CSC-19")).toBeUndefined();
    expect(history.every((u) => u.quarter === "2026-Q2" && u.id === `2026-Q2:${u.ref}`)).toBe(true);
  });

  it("has approved Red updates on priority 3 actions, decided by DMT", () => {
    const red = history.filter((u) => u.state === "approved" && u.proposedRag === "Red");
    expect(red.map((u) => u.ref)).toEqual(["CSC-06", "CSC-11"]);
    for (const update of red) {
      expect(actions.find((a) => a.ref === update.ref)?.priorities).toContain(3);
      expect(update.decision).toMatchObject({ outcome: "approved", byName: "Dana Okafor" });
    }
  });

  it("has one update returned with a comment that names what to add", () => {
    const returned = history.filter((u) => u.state === "returned");
    expect(returned.map((u) => u.ref)).toEqual(["CSC-08"]);
    expect(returned[0]?.decision?.comment).toMatch(/what the quality assurance audit found/);
  });

  it("has one update still awaiting sign-off, sent two days ago", () => {
    const waiting = history.filter((u) => u.state === "submitted");
    expect(waiting.map((u) => u.ref)).toEqual(["CSC-05"]);
    expect(waiting[0]?.decision).toBeNull();
    expect(waiting[0]?.submittedAt).toBe("2026-11-21T10:00:00.000Z");
  });

  it("records the RAG each action had when its update was sent, for previous → proposed", () => {
    expect(byRef("CSC-11")).toMatchObject({ previousRag: "Amber", proposedRag: "Red" });
    expect(byRef("CSC-01")).toMatchObject({ previousRag: "Green", proposedRag: "Green" });
  });

  it("dates everything in the past: sent before the review, decided after it", () => {
    for (const update of history) {
      expect(new Date(update.submittedAt) < NOW).toBe(true);
      if (update.decision) {
        expect(update.submittedAt < update.decision.at).toBe(true);
        expect(new Date(update.decision.at) < NOW).toBe(true);
      }
    }
  });

  it("still dates everything in the past on the first morning after the review", () => {
    const early = new Date("2026-10-01T08:00:00Z");
    const updates = buildDemoHistory({
      actions,
      people: [SAM, CHRIS, JO, DANA],
      quarter: "2026-Q2",
      reviewDate: "2026-09-30",
      decider: DANA,
      now: early,
    });
    for (const update of updates) {
      expect(new Date(update.submittedAt) < early).toBe(true);
      if (update.decision) expect(new Date(update.decision.at) < early).toBe(true);
    }
  });
});
