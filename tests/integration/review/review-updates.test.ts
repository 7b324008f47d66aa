import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { Person } from "../../../src/domain/person.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { importPlanFile } from "../../../src/import/import-plan.ts";
import { SAMPLE_PLAN_PATH } from "../../../src/import/load-sample.ts";
import type { Card, Feature, MessageTurn } from "../../../src/messaging.ts";
import { createReviewFeature } from "../../../src/review/review-feature.ts";
import type { Store } from "../../../src/store/store.ts";
import { buttonPresser } from "../../support/press-button.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { findObjects } from "../../support/validate-card.ts";
import { dmtPerson, LEADS, leadPerson } from "./quarter-fixture.ts";
import { addPeople, londonMorning, openTempStore, queueingDeps, SETUP } from "./review-store.ts";

/** Editing, refreshing and resubmitting an update; `my actions`; the store going away mid-submit. */
describe("a lead's update, after the first submit", () => {
  const clock = new ManualClock(londonMorning("2026-12-10"));
  let store: Store;
  let close: () => Promise<void>;
  let feature: Feature;
  const hana = leadPerson(LEADS.hana);

  beforeAll(async () => {
    ({ store, close } = await openTempStore(clock));
    await importPlanFile(store, SAMPLE_PLAN, SAMPLE_PLAN_PATH, { dryRun: false, actor: SETUP });
    await addPeople(store, [hana, dmtPerson]);
    const deps = queueingDeps(store, clock);
    feature = createReviewFeature(deps, { onSubmitted: async () => {} }).feature;
  });
  afterAll(() => close?.());

  const press = (person: Person, verb: string, data: Record<string, unknown>): Promise<Card> =>
    buttonPresser([feature])(person, verb, data);

  const form = (ref: string, revision: number, fields: Record<string, unknown> = {}) => ({
    ref,
    quarter: "2026-Q3",
    revision,
    progress: "Audit of 20 strategy discussions done.",
    proposedRag: "Amber",
    ...fields,
  });
  /** The `revision` an update form's Submit button carries. */
  const revisionOf = (card: Card) =>
    findObjects(card, (o) => o.verb === "submitUpdate").map(
      (o) => (o.data as { revision: number }).revision,
    )[0];
  const inputValue = (card: Card, id: string) => findObjects(card, (o) => o.id === id)[0]?.value;

  it("opens the form filled with what was sent, and saves an edit as the next revision", async () => {
    await press(hana, "submitUpdate", form("CSC-02", 0));
    const edit = await press(hana, "editUpdate", { ref: "CSC-02", quarter: "2026-Q3" });
    expect(inputValue(edit, "progress")).toBe("Audit of 20 strategy discussions done.");
    expect(revisionOf(edit)).toBe(1);
    const saved = await press(
      hana,
      "submitUpdate",
      form("CSC-02", 1, { progress: "Audit done; findings to DMT in January." }),
    );
    expect(cardText(saved)).toContain("findings to DMT in January");
    expect((await store.updates.get("2026-Q3", "CSC-02", "default"))?.doc).toMatchObject({
      revision: 2,
      state: "submitted",
    });
  });

  it("doesn't overwrite an edit made elsewhere: shows what was saved and keeps the typed text", async () => {
    const stale = await press(
      hana,
      "submitUpdate",
      form("CSC-02", 1, { progress: "Typed on my phone earlier." }),
    );
    const text = cardText(stale);
    expect(text).toContain("changed elsewhere");
    expect(text).toContain("findings to DMT in January");
    expect(inputValue(stale, "progress")).toBe("Typed on my phone earlier.");
    expect(revisionOf(stale)).toBe(2);
    expect((await store.updates.get("2026-Q3", "CSC-02", "default"))?.doc.progress).toBe(
      "Audit done; findings to DMT in January.",
    );
    // Pressing Submit again on that form replaces the saved version, knowingly.
    await press(
      hana,
      "submitUpdate",
      form("CSC-02", 2, { progress: "Typed on my phone earlier." }),
    );
    expect((await store.updates.get("2026-Q3", "CSC-02", "default"))?.doc).toMatchObject({
      revision: 3,
      progress: "Typed on my phone earlier.",
    });
  });

  it("refreshes a card to where the update stands: the form, or the sent update", async () => {
    const blank = await press(hana, "refreshUpdate", { ref: "CSC-03", quarter: "2026-Q3" });
    expect(revisionOf(blank)).toBe(0);
    expect(cardText(blank)).toContain("CSC-03");
    const sent = await press(hana, "refreshUpdate", { ref: "CSC-02", quarter: "2026-Q3" });
    expect(cardText(sent)).toContain("Submitted, awaiting sign-off");
  });

  it("politely refuses to edit an approved update", async () => {
    const found = await store.updates.get("2026-Q3", "CSC-02", "default");
    if (!found) throw new Error("CSC-02 has no update");
    const decision = {
      outcome: "approved" as const,
      by: dmtPerson.id,
      byName: dmtPerson.name,
      at: clock.now().toISOString(),
      comment: "",
    };
    await store.updates.replace(
      { ...found.doc, state: "approved", decision },
      found.etag,
      SETUP,
      found.doc,
    );
    const edit = await press(hana, "editUpdate", { ref: "CSC-02", quarter: "2026-Q3" });
    expect(cardText(edit)).toContain("can't be edited");
    const late = await press(
      hana,
      "submitUpdate",
      form("CSC-02", 3, { progress: "One more thing." }),
    );
    expect(cardText(late)).toContain("can't be changed now");
    expect(cardText(late)).toContain("One more thing.");
    expect((await store.updates.get("2026-Q3", "CSC-02", "default"))?.doc.progress).toBe(
      "Typed on my phone earlier.",
    );
  });

  it("asks for a reason when Green contradicts the plan's key, keeping everything typed", async () => {
    const card = await press(
      hana,
      "submitUpdate",
      form("CSC-03", 0, {
        proposedRag: "Green",
        evidenceUrl: "https://council.sharepoint.com/audit",
      }),
    );
    expect(cardText(card)).toContain("say in one line why Green".replace("say", "Say"));
    expect(inputValue(card, "evidenceUrl")).toBe("https://council.sharepoint.com/audit");
    expect(inputValue(card, "proposedRag")).toBe("Green");
  });

  it("answers `my actions` with a card per open action: a form, or the sent update", async () => {
    const replies: Card[] = [];
    const turn: MessageTurn = {
      person: hana,
      text: "my actions",
      scope: "personal",
      reply: async (card) => void replies.push(card),
    };
    const command = feature.commands?.find((c) => c.matches("My actions"));
    await command?.handle(turn);
    expect(replies.map((card) => cardText(card).match(/CSC-\d{2}/)?.[0])).toEqual(LEADS.hana.refs);
    expect(cardText(replies[1])).toContain("Approved by Dee Director");
    expect(revisionOf(replies[0] as Card)).toBe(0);
  });

  it("keeps the text and asks to press Submit again when the store stops answering", async () => {
    await press(hana, "editUpdate", { ref: "CSC-07", quarter: "2026-Q3" });
    await close();
    const card = await press(
      hana,
      "submitUpdate",
      form("CSC-07", 0, { progress: "Written just before the outage." }),
    );
    expect(cardText(card)).toContain("please press Submit again");
    expect(inputValue(card, "progress")).toBe("Written just before the outage.");
  });
});
