import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import {
  countSummary,
  emptyQuery,
  evaluateQuery,
  type Query,
} from "../../../src/domain/question/index.ts";
import { compareRefs } from "../../../src/domain/ref-order.ts";
import type { Update } from "../../../src/domain/update.ts";
import { CURRENT_QUARTER, SYNTHETIC_ACTIONS, SYNTHETIC_UPDATES, TODAY } from "./synthetic-plan.ts";

const data = {
  actions: SYNTHETIC_ACTIONS,
  updates: SYNTHETIC_UPDATES,
  currentQuarter: CURRENT_QUARTER,
  today: TODAY,
  askerLeads: ["HoS"],
};
const refs = (query: Partial<Query>, overrides: Partial<typeof data> = {}) =>
  evaluateQuery({ ...emptyQuery(), ...query }, { ...data, ...overrides }).map(
    (action) => action.ref,
  );

describe("evaluating a query", () => {
  it("returns every action, Refs in reading order, when nothing is asked", () => {
    expect(refs({})).toEqual([
      "T-1",
      "T-2",
      "T-3",
      "T-4",
      "T-5",
      "T-6",
      "T-7",
      "T-8",
      "T-9",
      "T-10",
      "T-11",
      "T-12",
    ]);
    expect(["CSC-10", "CSC-2", "CSC-01"].sort(compareRefs)).toEqual(["CSC-01", "CSC-2", "CSC-10"]);
  });

  it("needs every kind of filter to hold, and any choice within one", () => {
    expect(refs({ rags: ["Red", "Amber"], priorities: [1] })).toEqual(["T-1", "T-2", "T-10"]);
    expect(
      refs({
        rags: ["Red"],
        leads: [{ match: "part", value: "HoS" }],
        dates: [{ kind: "overdue" }],
      }),
    ).toEqual(["T-1", "T-6"]);
  });

  it("counts an unrated action as “none”", () => {
    expect(refs({ rags: ["none"] })).toEqual(["T-9"]);
  });

  it("leaves complete actions out of overdue", () => {
    expect(refs({ dates: [{ kind: "overdue" }] })).toEqual(["T-1", "T-6", "T-8"]);
  });

  it("treats a due date equal to today as not yet overdue", () => {
    expect(refs({ dates: [{ kind: "overdue" }] }, { today: "2026-10-31" })).toEqual(["T-1", "T-8"]);
  });

  it("matches “my actions” to the asker's Lead values exactly", () => {
    expect(refs({ mine: true })).toEqual(["T-2", "T-6"]);
    expect(refs({ mine: true }, { askerLeads: ["hos/qa manager"] })).toEqual(["T-1", "T-10"]);
    expect(refs({ mine: true }, { askerLeads: [] })).toEqual([]);
  });

  it("reads review states from this quarter's updates only", () => {
    expect(refs({ review: [{ kind: "awaitingSignOff" }] })).toEqual(["T-1", "T-10"]);
    expect(refs({ review: [{ kind: "awaitingSignOff" }] }, { currentQuarter: "2026-Q2" })).toEqual(
      [],
    );
    expect(refs({ review: [{ kind: "returned" }] })).toEqual(["T-2"]);
  });

  it("counts an open action with no update this quarter as not updated, returned ones aside", () => {
    expect(refs({ review: [{ kind: "notUpdated" }] })).toEqual(["T-7", "T-9", "T-11"]);
  });

  it("compares this quarter's approved RAG with last quarter's, or with the rating it replaced", () => {
    expect(refs({ review: [{ kind: "changedRag" }] })).toEqual(["T-3", "T-6", "T-8"]);
  });

  it("finds updates made on or after a date", () => {
    expect(refs({ review: [{ kind: "updatedSince", date: "2026-11-15" }] })).toEqual([
      "T-1",
      "T-6",
      "T-10",
    ]);
  });

  it("searches free text across title, outcome and area, every word needed", () => {
    expect(refs({ text: ["foster carers"] })).toEqual(["T-6", "T-12"]);
    expect(refs({ text: ["school moves"] })).toEqual(["T-8"]);
    expect(refs({ text: ["school", "allegations"] })).toEqual([]);
  });

  it("matches sections and areas by name, whatever the case", () => {
    expect(refs({ sections: ["children in care"] })).toEqual(["T-5", "T-6", "T-12"]);
    expect(refs({ deliveryAreas: ["Audit", "Allegations"] })).toEqual([
      "T-1",
      "T-2",
      "T-9",
      "T-10",
    ]);
  });
});

describe("counting RAG ratings", () => {
  it("counts each rating and the unrated", () => {
    expect(countSummary(SYNTHETIC_ACTIONS)).toEqual({ Red: 4, Amber: 4, Green: 3, none: 1 });
    expect(countSummary([] as Action[])).toEqual({ Red: 0, Amber: 0, Green: 0, none: 0 });
  });
});

describe("changed RAG with no update last quarter", () => {
  it("falls back to the rating the update replaced", () => {
    const base = SYNTHETIC_UPDATES.find(
      (u) => u.ref === "T-5" && u.quarter === CURRENT_QUARTER,
    ) as Update;
    const same: Update = { ...base, previousRag: "Amber", proposedRag: "Amber" };
    const moved: Update = { ...base, previousRag: "Green", proposedRag: "Amber" };
    expect(refs({ refs: ["T-5"], review: [{ kind: "changedRag" }] }, { updates: [same] })).toEqual(
      [],
    );
    expect(refs({ refs: ["T-5"], review: [{ kind: "changedRag" }] }, { updates: [moved] })).toEqual(
      ["T-5"],
    );
  });
});
