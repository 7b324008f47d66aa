import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoIfEmpty } from "../../../src/demo/load-demo.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { Store } from "../../../src/store/store.ts";
import { fixedClock, openDemoStore } from "./demo-store.ts";

let store: Store;
let close: () => Promise<void>;
let loaded: Awaited<ReturnType<typeof loadDemoIfEmpty>>;

beforeAll(async () => {
  ({ store, close } = await openDemoStore(fixedClock()));
  loaded = await loadDemoIfEmpty(store, fixedClock(), silentLogger);
});
afterAll(() => close());

describe("the demo loaded into an empty store", () => {
  it("says what it loaded: the plan moved five years, six people, last quarter's review", () => {
    expect(loaded).toEqual({
      actions: 19,
      people: 6,
      years: 5,
      historyQuarter: "2026-Q2",
      updates: 19,
    });
  });

  it("holds the sample plan running from this quarter, with text and due date in agreement", async () => {
    const actions = await store.actions.list(DEFAULT_PLAN_ID);
    expect(actions).toHaveLength(19);
    const csc07 = actions.find((a) => a.ref === "CSC-07");
    expect(csc07?.completionDate).toMatchObject({ text: "August 2027", due: "2027-08-31" });
    expect(actions.every((a) => (a.completionDate.due ?? "") >= "2026-10-01")).toBe(true);
  });

  it("answers what's red for priority 3 from last quarter's approved updates", async () => {
    const red = (await store.actions.list(DEFAULT_PLAN_ID))
      .filter((a) => a.rag === "Red" && a.priorities.includes(3))
      .map((a) => a.ref)
      .sort();
    expect(red).toEqual(["CSC-06", "CSC-11", "CSC-16"]);
  });

  it("has the demo people with the Playground's emails, the current user able to walk the whole loop", async () => {
    const sam = (await store.people.get("sam.patel@council.example"))?.doc;
    expect(sam?.roles).toEqual(["lead", "manager", "dmt", "admin"]);
    expect(sam?.leads).toEqual(["HoS / Service Manager"]);
    const dmt = (await store.people.list())
      .filter((p) => p.roles.includes("dmt"))
      .map((p) => p.name);
    expect(dmt.sort()).toEqual(["Dana Okafor", "Sam Patel"]);
  });

  it("keeps last quarter's review open while one update awaits sign-off", async () => {
    const review = (await store.reviews.get("2026-Q2"))?.doc;
    expect(review).toMatchObject({
      state: "open",
      reviewDate: "2026-09-30",
      roundsSent: ["open", "chase", "final"],
    });
    const updates = (await store.updates.all()).filter((u) => u.quarter === "2026-Q2");
    const states: Record<string, number> = {};
    for (const u of updates) states[u.state] = (states[u.state] ?? 0) + 1;
    expect(states).toEqual({ approved: 17, returned: 1, submitted: 1 });
    expect(updates.find((u) => u.state === "returned")?.decision?.comment).not.toBe("");
  });

  it("tells the story in the audit log: sent by the lead, decided by DMT, RAG changed in DMT's name", async () => {
    // The clock stands still here, so entries are told apart by what they say, not by time.
    const update = (await store.audit.history("update:2026-Q2:CSC-11")).map(
      (e) => `${e.actor.name}: ${e.summary}`,
    );
    expect(update.sort()).toEqual([
      "Dana Okafor: CSC-11 2026-Q2: approved by Dana Okafor",
      "Sam Patel: CSC-11 2026-Q2: update submitted by Sam Patel, proposing Red",
    ]);
    const action = (await store.audit.history("action:CSC-11")).map(
      (e) => `${e.actor.name}: ${e.summary}`,
    );
    expect(action).toContain("Dana Okafor: CSC-11: RAG Amber → Red");
  });

  it("does nothing on a store that already has a plan", async () => {
    expect(await loadDemoIfEmpty(store, fixedClock(), silentLogger)).toBeNull();
    expect(await store.actions.count(DEFAULT_PLAN_ID)).toBe(19);
  });
});
