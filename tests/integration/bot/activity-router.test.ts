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

function routerWith(features: Feature[]) {
  const replies: Card[] = [];
  const router = new ActivityRouter({
    features,
    builtIns: [],
    identity: {
      resolve: async () => ({ member: {}, person: lead }),
    } as unknown as IdentityResolver,
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
});
