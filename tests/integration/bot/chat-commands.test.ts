import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsOf, cardText } from "../../support/stand-in-connector.ts";
import {
  startTestApp,
  type TestApp,
  type TestPerson,
  type TestTeam,
} from "../../support/start-test-app.ts";

describe("typing to Plan Tracker", () => {
  let t: TestApp;
  let manager: TestPerson;
  const team: TestTeam = { id: "19:children-services@thread.tacv2", name: "Children's Services" };

  beforeAll(async () => {
    t = await startTestApp({ skipSamplePlan: true });
    manager = await t.addPerson({
      email: "ali.manager@council.gov.uk",
      name: "Ali Manager",
      roles: ["manager"],
    });
    await t.addPerson({ email: "pat.admin@council.gov.uk", name: "Pat Admin", roles: ["admin"] });
    await t.addPerson({
      email: "chris.admin@council.gov.uk",
      name: "Chris Admin",
      roles: ["admin", "dmt"],
    });
  });
  afterAll(() => t?.close());

  const lastReplyIn = (conversationId: string) => {
    const replies = t.connector.messagesIn(conversationId);
    const last = replies.at(-1);
    return last ? cardText(cardsOf(last)[0]) : undefined;
  };

  it("answers `help` in a personal chat with what this person's roles allow", async () => {
    await t.say(manager, "help");
    const text = lastReplyIn(t.connector.personalConversationOf(manager));
    expect(text).toContain("What you can do");
    expect(text).toContain("Asking about the plan");
    expect(text).not.toContain("Running the review");
  });

  it("answers `help` with the bot's @mention in a personal chat too", async () => {
    const before = t.connector.messagesIn(t.connector.personalConversationOf(manager)).length;
    const mentioned = t.activity.message(manager, "help", { mention: true });
    expect(mentioned.text).toBe("<at>Plan Tracker</at> help");
    await t.post(mentioned);
    const replies = t.connector.messagesIn(t.connector.personalConversationOf(manager));
    expect(replies.length).toBe(before + 1);
    expect(cardText(cardsOf(replies.at(-1) as never)[0])).toContain("What you can do");
  });

  it("in a channel answers only when @mentioned, in the message's thread", async () => {
    const unmentioned = t.activity.message(manager, "help", {
      scope: "channel",
      team,
      mention: false,
    });
    expect((await t.post(unmentioned)).status).toBe(200);
    expect(
      t.connector.delivered.filter((d) => d.conversationId === unmentioned.conversation.id),
    ).toHaveLength(0);

    const mentioned = t.activity.message(manager, "help", {
      scope: "channel",
      team,
      mention: true,
    });
    await t.post(mentioned);
    const replies = t.connector.delivered.filter(
      (d) => d.conversationId === mentioned.conversation.id,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.kind).toBe("reply");
    expect(replies[0]?.replyToId).toBe(mentioned.id);
    expect(cardText(cardsOf(replies[0] as never)[0])).toContain("What you can do");
  });

  it("answers someone not in the directory politely, naming the admins who can add them", async () => {
    const stranger = t.addTeamsUser({ email: "new.starter@council.gov.uk", name: "New Starter" });
    await t.say(stranger, "help");
    const text = lastReplyIn(t.connector.personalConversationOf(stranger));
    expect(text).toContain("I don't know you yet");
    expect(text).toContain("Pat Admin (pat.admin@council.gov.uk)");
    expect(text).toContain("Chris Admin (chris.admin@council.gov.uk)");
  });

  it("refuses a stranger's button press with the same card, and changes nothing", async () => {
    const stranger = t.addTeamsUser({ email: "visitor@council.gov.uk", name: "Visitor" });
    const pressed = await t.press(stranger, "help");
    expect(pressed.status).toBe(200);
    expect(cardText(pressed.card)).toContain("I don't know you yet");
  });

  it("answers a press of the Help button with the help card", async () => {
    const pressed = await t.press(manager, "help");
    expect(pressed.status).toBe(200);
    expect(pressed.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(pressed.card)).toContain("What you can do");
  });

  it("tells the person a button from an old card is out of date", async () => {
    const pressed = await t.press(manager, "someRetiredVerb", { ref: "CSC-01" });
    expect(pressed.status).toBe(200);
    expect(cardText(pressed.card)).toContain("This button is out of date");
  });

  it("looks a person up once and then remembers who they are", async () => {
    const lookups = () =>
      t.connector.requests.filter(
        (r) => r.kind === "getMember" && r.path.includes(encodeURIComponent(manager.id)),
      ).length;
    const before = lookups();
    await t.say(manager, "help");
    await t.press(manager, "help");
    expect(lookups()).toBe(before);
    expect(before).toBe(1);
  });

  it("refuses a body that isn't JSON with 400", async () => {
    const response = await fetch(`http://127.0.0.1:${t.app.port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });
});
