import { describe, expect, it } from "vitest";
import { executeAction } from "../../../src/cards/elements.ts";
import { parseCardAction } from "../../../src/cards/verbs.ts";
import { emptyQuery } from "../../../src/domain/question/query.ts";

/**
 * `executeAction` is typed by each verb's schema: the type checker (`npm run lint`) fails if any
 * line marked `@ts-expect-error` below compiles, and at run time the same data is refused.
 */
describe("a button's data, typed by its verb", () => {
  it("cannot be built with data the verb's handler would refuse", () => {
    const refused = [
      // @ts-expect-error A More button carries the whole question, not just any object.
      executeAction("More", "moreResults", { query: { all: true }, page: 2 }),
      // @ts-expect-error An Approve button says which revision of the update it decides.
      executeAction("Approve", "approveUpdate", { ref: "CSC-07", quarter: "2026-Q3" }),
      // @ts-expect-error A question button carries words, not a number.
      executeAction("Ask", "askQuestion", { text: 3 }),
      // @ts-expect-error No feature answers this verb.
      executeAction("Delete", "deleteEverything", {}),
    ];
    for (const button of refused) expect(parseCardAction(button.verb, button.data).ok).toBe(false);
  });

  it("is built, and read back, when the data fits", () => {
    const accepted = [
      executeAction("More", "moreResults", { query: emptyQuery(), page: 2 }),
      executeAction("Approve", "approveUpdate", { ref: "CSC-07", quarter: "2026-Q3", revision: 1 }),
      executeAction("Ask", "askQuestion", { text: "what's red" }),
      executeAction("Help", "help", {}),
    ];
    for (const button of accepted) expect(parseCardAction(button.verb, button.data).ok).toBe(true);
  });
});
