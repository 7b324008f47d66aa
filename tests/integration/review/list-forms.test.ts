import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { Person } from "../../../src/domain/person.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { importPlanFile } from "../../../src/import/import-plan.ts";
import { SAMPLE_PLAN_PATH } from "../../../src/import/load-sample.ts";
import type { Card, Feature } from "../../../src/messaging.ts";
import { createReviewFeature } from "../../../src/review/review-feature.ts";
import { createSignOffFeature } from "../../../src/signoff/signoff-feature.ts";
import type { OutboxItem } from "../../../src/store/outbox-repo.ts";
import type { Store } from "../../../src/store/store.ts";
import { buttonPresser } from "../../support/press-button.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { findObjects } from "../../support/validate-card.ts";
import { dmtPerson, LEADS, leadPerson } from "./quarter-fixture.ts";
import { addPeople, londonMorning, openTempStore, queueingDeps, SETUP } from "./review-store.ts";

/**
 * A reminder list's "Update CSC-04" button: the form arrives as a message of its own, the list
 * stays (redrawn with the action marked), a double press sends one form, and once the update is
 * sent the list says so instead.
 */
describe("the Update button on a lead's list", () => {
  const clock = new ManualClock(londonMorning("2026-12-10"));
  let store: Store;
  let close: () => Promise<void>;
  const features: Feature[] = [];
  const [ira, tom] = [leadPerson(LEADS.ira), leadPerson(LEADS.tom)];

  beforeAll(async () => {
    ({ store, close } = await openTempStore(clock));
    await importPlanFile(store, SAMPLE_PLAN, SAMPLE_PLAN_PATH, { dryRun: false, actor: SETUP });
    await addPeople(store, [ira, tom, dmtPerson]);
    const deps = queueingDeps(store, clock);
    const signOff = createSignOffFeature(deps);
    features.push(signOff.feature, createReviewFeature(deps, signOff.hooks).feature);
  });
  afterAll(() => close?.());

  const press = buttonPresser(features);
  /** The data of the card's button titled `title`, as Teams would send it back. */
  const buttonData = (card: Card, title: string) => {
    const button = findObjects(card, (o) => o.title === title)[0];
    if (!button) throw new Error(`no "${title}" button in: ${cardText(card)}`);
    return button.data as Record<string, unknown>;
  };
  const hasButton = (card: Card, title: string) =>
    findObjects(card, (o) => o.title === title).length > 0;
  async function formsTo(person: Person): Promise<OutboxItem[]> {
    const { resources } = await store.outbox.container.items
      .query<OutboxItem>("SELECT * FROM c")
      .fetchAll();
    return resources
      .filter((i) => i.to === person.id && i.key.startsWith("form:"))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
  const submitData = (card: Card) =>
    findObjects(card, (o) => o.verb === "submitUpdate")[0]?.data as Record<string, unknown>;

  let list: Card;

  it("sends that action's form as a new message, and answers with the list, the action marked", async () => {
    list = await press(ira, "myActions", {});
    expect(hasButton(list, "Update CSC-04")).toBe(true);
    const answer = await press(ira, "editUpdate", buttonData(list, "Update CSC-04"));
    const text = cardText(answer);
    expect(text).toContain("please update your 2 actions");
    expect(text).toContain("CSC-04");
    expect(text).toContain("Form sent below");
    expect(hasButton(answer, "Update CSC-04")).toBe(false);
    expect(hasButton(answer, "Update CSC-05")).toBe(true);
    const sent = await formsTo(ira);
    expect(sent.map((i) => i.key)).toEqual([`form:2026-Q3:CSC-04:${ira.id}:0`]);
    expect(submitData(sent[0]?.card as Card)).toMatchObject({
      ref: "CSC-04",
      quarter: "2026-Q3",
      revision: 0,
    });
    expect(cardText(sent[0]?.card)).toContain("Update CSC-04");
  });

  it("sends one form when the button is pressed twice, and keeps earlier marks", async () => {
    const data = buttonData(list, "Update CSC-05");
    const answers = await Promise.all([
      press(ira, "editUpdate", data),
      press(ira, "editUpdate", data),
    ]);
    expect((await formsTo(ira)).map((i) => i.key)).toEqual([
      `form:2026-Q3:CSC-04:${ira.id}:0`,
      `form:2026-Q3:CSC-05:${ira.id}:0`,
    ]);
    const texts = answers.map((card) => cardText(card));
    expect(texts.filter((t) => t.includes("Form sent below"))).toHaveLength(1);
    // The other press is told where the form already went; CSC-04's form is remembered too.
    const other = texts.find((t) => !t.includes("Form sent below")) ?? "";
    expect(
      other.match(/Form sent to your chat with Plan Tracker on 10 December 2026/g),
    ).toHaveLength(2);
    for (const card of answers) {
      expect(hasButton(card, "Update CSC-04")).toBe(false);
      expect(hasButton(card, "Update CSC-05")).toBe(false);
    }
  });

  it("says the update is in, and sends nothing, once the form was submitted", async () => {
    const form = (await formsTo(ira))[0]?.card as Card;
    const sent = await press(ira, "submitUpdate", {
      ...submitData(form),
      progress: "Timeliness audit finished.",
      proposedRag: "Amber",
    });
    expect(cardText(sent)).toContain("Submitted, awaiting sign-off");
    const answer = await press(ira, "editUpdate", buttonData(list, "Update CSC-04"));
    const text = cardText(answer);
    expect(text).toContain(
      "Update sent by Ira Roberts on 10 December 2026 at 09:30, awaiting sign-off",
    );
    expect(text).toContain("please update your 1 action by");
    expect(await formsTo(ira)).toHaveLength(2);
  });

  it("after DMT returns the update, sends a fresh form filled with what was sent", async () => {
    clock.set(londonMorning("2026-12-11"));
    const returned = await press(dmtPerson, "returnUpdate", {
      ref: "CSC-04",
      quarter: "2026-Q3",
      revision: 1,
      comment: "Please add the audit's figures.",
    });
    expect(cardText(returned)).toContain("Returned");
    const answer = await press(ira, "editUpdate", buttonData(list, "Update CSC-04"));
    expect(cardText(answer)).toContain("Form sent below");
    const fresh = (await formsTo(ira)).find((i) => i.key === `form:2026-Q3:CSC-04:${ira.id}:1`);
    const text = cardText(fresh?.card);
    expect(text).toContain("Timeliness audit finished.");
    expect(text).toContain("Please add the audit's figures.");
    expect(submitData(fresh?.card as Card)).toMatchObject({ ref: "CSC-04", revision: 1 });
  });

  it("says where the form went when the list was pressed outside the lead's own chat", async () => {
    const tomsList = await press(tom, "myActions", {}, "channel");
    const answer = await press(tom, "editUpdate", buttonData(tomsList, "Update CSC-09"), "channel");
    expect(cardText(answer)).toContain("Form sent to your chat with Plan Tracker");
    expect((await formsTo(tom)).map((i) => i.key)).toEqual([`form:2026-Q3:CSC-09:${tom.id}:0`]);
  });

  it("refuses someone who doesn't lead the action, and sends nothing", async () => {
    const answer = await press(tom, "editUpdate", buttonData(list, "Update CSC-05"));
    expect(cardText(answer)).toContain("Only the lead for CSC-05");
    expect((await formsTo(tom)).map((i) => i.key)).toEqual([`form:2026-Q3:CSC-09:${tom.id}:0`]);
  });
});
