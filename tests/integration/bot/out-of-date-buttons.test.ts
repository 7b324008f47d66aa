import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyQuery } from "../../../src/domain/question/query.ts";
import type { CardJson } from "../../support/stand-in-connector.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import {
  decisionData,
  QUARTER,
  type SignOffWorld,
  startSignOffWorld,
} from "../signoff/signoff-fixture.ts";

/**
 * Buttons from older or hand-edited cards, pressed through the real endpoint: each gets the same
 * "out of date" card, with a next step, and nothing is saved or sent.
 */
describe("a button from an out-of-date card", () => {
  let w: SignOffWorld;
  beforeAll(async () => {
    w = await startSignOffWorld();
  });
  afterAll(() => w?.close());

  /** Everything a press could change: the stored updates and what was sent to anyone. */
  const snapshot = async () => {
    await w.t.idle();
    const updates = await Promise.all(
      ["CSC-01", "CSC-02"].map((ref) => w.t.store.updates.get(QUARTER, ref, "default")),
    );
    return { updates: updates.map((u) => u?.etag ?? null), sent: w.t.connector.delivered.length };
  };

  it("gets one card, the same for a stale verb and for data its verb refuses, and changes nothing", async () => {
    const submitted = await w.submit("CSC-01");
    const before = await snapshot();
    const typed = { progress: "Written on an old form.", proposedRag: "Green" };
    const presses: [string, ReturnType<typeof w.t.press>][] = [
      ["a verb no feature answers", w.t.press(w.lead, "someRetiredVerb", { ref: "CSC-02" })],
      [
        "a Submit whose revision is not a number",
        w.t.press(w.lead, "submitUpdate", {
          ref: "CSC-02",
          quarter: QUARTER,
          revision: "0",
          ...typed,
        }),
      ],
      [
        "a Submit that lost its Ref",
        w.t.press(w.lead, "submitUpdate", { quarter: QUARTER, revision: 0, ...typed }),
      ],
      [
        "an Approve without the revision it was sent for",
        w.t.press(w.dee, "approveUpdate", { ref: "CSC-01", quarter: QUARTER }),
      ],
      [
        "a Return naming a quarter that isn't one",
        w.t.press(w.dee, "returnUpdate", {
          ...decisionData(submitted, "Add figures"),
          quarter: "Q3",
        }),
      ],
      [
        "a More button whose question was changed",
        w.t.press(w.manager, "moreResults", { query: { ...emptyQuery(), rags: "all" }, page: 2 }),
      ],
      [
        "a refresh of a form without its quarter",
        w.t.press(w.lead, "refreshUpdate", { ref: "CSC-01" }),
      ],
    ];
    const cards: [string, CardJson | undefined][] = [];
    for (const [what, press] of presses) {
      const pressed = await press;
      expect(pressed.status, what).toBe(200);
      cards.push([what, pressed.card]);
    }
    const [first] = cards;
    expect(cardText(first?.[1])).toContain("This button is out of date");
    expect(cardText(first?.[1])).toMatch(/nothing was changed/);
    expect(cardText(first?.[1])).toMatch(/Type \u201chelp\u201d/);
    for (const [what, card] of cards) expect({ what, card }).toEqual({ what, card: first?.[1] });
    expect(await snapshot()).toEqual(before);
    expect((await w.t.store.updates.get(QUARTER, "CSC-01", "default"))?.doc.state).toBe(
      "submitted",
    );
  });
});
