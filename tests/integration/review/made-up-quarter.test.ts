import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import { blankReview } from "../../../src/review/review-records.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { anUpdate } from "../../unit/xlsx/sample-rows.ts";
import { decisionData, type SignOffWorld, startSignOffWorld } from "../signoff/signoff-fixture.ts";

/**
 * A card names its own quarter, so a forged or altered one can name a quarter no review exists for.
 * Through the real endpoint, on 15 December 2026 (the 2026-Q3 review is on): a submit, edit or
 * decision for 2099-Q4 is refused politely, stores nothing and sends DMT nothing.
 */
describe("a quarter with no review", () => {
  let w: SignOffWorld;
  beforeAll(async () => {
    w = await startSignOffWorld();
  });
  afterAll(() => w?.close());

  const count = async (container: "updates" | "outbox" | "audit") => {
    const { resources } = await w.t.store.containers[container].items
      .query<number>("SELECT VALUE COUNT(1) FROM c")
      .fetchAll();
    return resources[0] ?? 0;
  };
  const everything = async () => ({
    updates: await count("updates"),
    outbox: await count("outbox"),
    audit: await count("audit"),
    delivered: w.t.connector.delivered.length,
  });
  const form = (quarter: string) => ({
    ref: "CSC-07",
    quarter,
    revision: 0,
    progress: "Dip sample of 40 strategy discussions done.",
    proposedRag: "Green",
    ragJustification: "Dip sample shows it is embedded.",
  });

  it("refuses a submit naming 2099-Q4, saying what to do, and stores and sends nothing", async () => {
    const before = await everything();
    const pressed = await w.t.press(w.lead, "submitUpdate", form("2099-Q4"));
    await w.t.idle();
    expect(pressed.status).toBe(200);
    const text = cardText(pressed.card);
    expect(text).toContain("There is no 2099-Q4 review");
    expect(text).toContain("my actions");
    expect(text).toContain("ask DMT to start");
    expect(await w.t.store.updates.get("2099-Q4", "CSC-07", "default")).toBeNull();
    expect(await everything()).toEqual(before);
    expect(w.signOffCardsTo(w.dee, "CSC-07")).toHaveLength(0);
  });

  it("refuses to open a 2099-Q4 form, from a card or from a reminder list", async () => {
    const before = await everything();
    for (const data of [
      { ref: "CSC-07", quarter: "2099-Q4" },
      { ref: "CSC-07", quarter: "2099-Q4", from: "list", round: "open" },
    ]) {
      const pressed = await w.t.press(w.lead, "editUpdate", data);
      expect(cardText(pressed.card)).toContain("There is no 2099-Q4 review");
    }
    await w.t.idle();
    expect(await everything()).toEqual(before);
  });

  it("refuses a forged approve for 2099-Q4, even of an update stored under it", async () => {
    // As a submit before this check would have left it.
    const stored = anUpdate("CSC-01", "2099-Q4", { previousRag: "Amber", proposedRag: "Green" });
    await w.t.store.updates.create(stored, { id: w.lead.person.id, name: w.lead.person.name });
    const ragBefore = (await w.t.store.actions.get("CSC-01", DEFAULT_PLAN_ID))?.doc.rag;
    const before = await everything();
    for (const verb of ["approveUpdate", "returnUpdate"]) {
      const pressed = await w.t.press(w.dee, verb, decisionData(stored, "Forged"));
      const text = cardText(pressed.card);
      expect(text).toContain("There is no 2099-Q4 review");
      expect(text).toContain("nothing was decided");
    }
    await w.t.idle();
    expect(await everything()).toEqual(before);
    expect((await w.t.store.updates.get("2099-Q4", "CSC-01", "default"))?.doc).toMatchObject({
      state: "submitted",
      decision: null,
    });
    expect((await w.t.store.actions.get("CSC-01", DEFAULT_PLAN_ID))?.doc.rag).toBe(ragBefore);
  });

  it("takes this quarter's and next quarter's updates, and any quarter whose review is stored", async () => {
    const now = await w.t.press(w.lead, "submitUpdate", form("2026-Q3"));
    expect(cardText(now.card)).toContain("awaiting sign-off");
    const next = await w.t.press(w.lead, "submitUpdate", form("2026-Q4"));
    expect(cardText(next.card)).toContain("awaiting sign-off");
    // An older quarter is taken once its review is in the store (opened, or dated by an admin).
    expect(cardText((await w.t.press(w.lead, "submitUpdate", form("2025-Q2"))).card)).toContain(
      "There is no 2025-Q2 review",
    );
    await w.t.store.reviews.create(blankReview("2025-Q2"), { id: "test", name: "Test setup" });
    const old = await w.t.press(w.lead, "submitUpdate", form("2025-Q2"));
    expect(cardText(old.card)).toContain("awaiting sign-off");
    expect(await w.t.store.updates.get("2025-Q2", "CSC-07", "default")).not.toBeNull();
  });
});
