import { describe, expect, it } from "vitest";
import { ActivityRouter } from "../../../src/bot/activity-router.ts";
import type { IdentityResolver } from "../../../src/bot/identity.ts";
import type { InstallEvents } from "../../../src/bot/install-events.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import type { Person } from "../../../src/domain/person.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { Card, Feature } from "../../../src/messaging.ts";
import type { PeopleRepo } from "../../../src/store/people-repo.ts";
import { cardText } from "../../support/stand-in-connector.ts";

/**
 * The router on its own (unit level): features plugged in as the app plugs them, the sender's
 * identity given, replies collected. The HTTP path is covered by the other tests in this folder.
 */
const lead: Person = {
  id: "jo@council.gov.uk",
  email: "jo@council.gov.uk",
  name: "Jo",
  roles: ["lead"],
  leads: [],
};

function routerWith(
  features: Feature[],
  resolve: () => Promise<unknown> = async () => ({ member: {}, person: lead }),
) {
  const replies: Card[] = [];
  const router = new ActivityRouter({
    features,
    builtIns: [],
    identity: { resolve } as unknown as IdentityResolver,
    installs: {} as InstallEvents,
    people: { list: async () => [] } as unknown as PeopleRepo,
    replyTo: () => async (card) => {
      replies.push(card);
    },
    logger: silentLogger,
  });
  return { router, replies };
}

const message = (text: string) => ({
  type: "message",
  text,
  from: { id: "29:jo", name: "Jo" },
  recipient: { id: "28:bot", name: "Plan Tracker" },
  conversation: { id: "a:jo", name: "", isGroup: false, conversationType: "personal" },
  serviceUrl: "http://localhost/",
});

describe("the activity router", () => {
  it("gives a message to the first command that matches, then to fallbacks, then says it didn't understand", async () => {
    const heard: string[] = [];
    const { router, replies } = routerWith([
      {
        name: "a",
        commands: [
          {
            name: "ping",
            matches: (t) => t === "ping",
            handle: async () => void heard.push("ping"),
          },
        ],
      },
      {
        name: "b",
        fallback: async (turn) => {
          if (turn.text !== "question") return false;
          heard.push("fallback");
          return true;
        },
      },
    ]);
    await router.message(message("ping"));
    await router.message(message("question"));
    await router.message(message("gibberish"));
    expect(heard).toEqual(["ping", "fallback"]);
    expect(cardText(replies.at(-1))).toContain("didn't understand");
  });

  it("turns a person's mistake (DomainError) into a card that says what to fix", async () => {
    const { router } = routerWith([
      {
        name: "a",
        cardActions: {
          myActions: async () => {
            throw new DomainError("invalid_input", "Please write some progress before you submit.");
          },
        },
      },
    ]);
    const card = await router.cardAction(message(""), {
      verb: "myActions",
      data: {},
      trigger: "manual",
    });
    expect(cardText(card)).toContain("Please write some progress before you submit.");
  });

  it("answers an unexpected failure with 'nothing was changed' rather than an error", async () => {
    const { router, replies } = routerWith([
      {
        name: "a",
        commands: [
          {
            name: "boom",
            matches: () => true,
            handle: async () => Promise.reject(new Error("disk on fire")),
          },
        ],
        cardActions: { startReview: async () => Promise.reject(new Error("disk on fire")) },
      },
    ]);
    const card = await router.cardAction(message(""), {
      verb: "startReview",
      data: {},
      trigger: "manual",
    });
    expect(cardText(card)).toContain("nothing was changed");
    expect(cardText(card)).not.toContain("disk on fire");
    await router.message(message("anything"));
    expect(cardText(replies.at(-1))).toContain("nothing was changed");
  });

  it("passes the button's data and trigger to the feature's handler", async () => {
    const { router } = routerWith([
      {
        name: "a",
        cardActions: {
          showAction: async (turn) => ({
            type: "AdaptiveCard",
            body: [
              { type: "TextBlock", text: `${turn.data.ref} ${turn.trigger} ${turn.person.name}` },
            ],
          }),
        },
      },
    ]);
    const card = await router.cardAction(message(""), {
      verb: "showAction",
      data: { ref: "CSC-07" },
      trigger: "automatic",
    });
    expect(cardText(card)).toBe("CSC-07 automatic Jo");
  });

  it("answers a button from the card alone while the store is down, with the data already read", async () => {
    const seen: unknown[] = [];
    const { router } = routerWith(
      [
        {
          name: "a",
          cardActions: { submitUpdate: async () => ({ type: "AdaptiveCard", body: [] }) },
          whileStoreDown: {
            submitUpdate: async (data) => {
              seen.push(data);
              return {
                type: "AdaptiveCard",
                body: [
                  { type: "TextBlock", text: `Kept: ${data.form.ok && data.form.values.progress}` },
                ],
              };
            },
          },
        },
      ],
      async () => {
        throw new DomainError("store_unavailable", "The plan store is not answering.");
      },
    );
    const form = { ref: "CSC-07", quarter: "2026-Q3", revision: 1, progress: " Audit done " };
    const card = await router.cardAction(message(""), {
      verb: "submitUpdate",
      data: form,
      trigger: "manual",
    });
    expect(cardText(card)).toBe("Kept: Audit done");
    expect(seen).toMatchObject([{ ref: "CSC-07", planId: "default", revision: 1 }]);
    // A form too old to name its action is out of date even then, and nothing looks it up.
    const stale = await router.cardAction(message(""), {
      verb: "submitUpdate",
      data: { ...form, ref: undefined },
      trigger: "manual",
    });
    expect(cardText(stale)).toContain("This button is out of date");
    expect(seen).toHaveLength(1);
  });

  it("gives a verb nobody answers and data its schema refuses the same out-of-date card, calling no handler", async () => {
    const pressed: string[] = [];
    const { router } = routerWith([
      {
        name: "a",
        cardActions: {
          showAction: async (turn) => {
            pressed.push(turn.data.ref);
            return { type: "AdaptiveCard", body: [] };
          },
        },
      },
    ]);
    const press = (verb: string, data: unknown) =>
      router.cardAction(message(""), { verb, data, trigger: "manual" });
    const unknownVerb = await press("someRetiredVerb", { ref: "CSC-07" });
    const badData = await press("showAction", { ref: 7 });
    const unanswered = await press("help", {});
    expect(cardText(unknownVerb)).toContain("This button is out of date");
    expect(badData).toEqual(unknownVerb);
    expect(unanswered).toEqual(unknownVerb);
    expect(pressed).toEqual([]);
  });

  it("refuses to start with two features answering the same verb", () => {
    const help: Feature = { name: "help", cardActions: { help: async () => ({}) } };
    expect(() => routerWith([help, { ...help, name: "help again" }])).toThrow(
      /more than one feature/,
    );
  });
});
