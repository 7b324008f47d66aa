import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { queueOnlyMessenger } from "../../../src/outbox/outbox-messenger.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";

/**
 * The command line queues through the same messenger as the server, by the same rules: the key
 * and the recipient are read the same way, so a message the CLI queued and the server queues
 * again under the same key goes once.
 */
describe("one messenger for the server and the command line", () => {
  let t: TestApp;
  let jo: TestPerson;
  const card = (text: string) => ({
    type: "AdaptiveCard",
    version: "1.5",
    body: [{ type: "TextBlock", text }],
  });

  beforeAll(async () => {
    t = await startTestApp({ skipSamplePlan: true });
    jo = await t.addPerson({ email: "jo.morgan@council.gov.uk", name: "Jo Morgan" });
    await t.install(jo);
    await t.idle();
  });
  afterAll(() => t?.close());

  it("sends once a message the CLI and the server both queue under one key", async () => {
    const cli = queueOnlyMessenger(t.store, systemClock);
    const first = await cli.send({
      key: " notice:jo ",
      to: " Jo.Morgan@Council.gov.uk ",
      card: card("Queued from the command line"),
      summary: "notice",
    });
    const again = await t.messenger.send({
      key: "notice:jo",
      to: "jo.morgan@council.gov.uk",
      card: card("Queued by the server"),
      summary: "notice",
    });
    await t.idle();

    expect([first, again]).toEqual([{ queued: true }, { queued: false }]);
    const notices = t.cardsTo(jo).filter((c) => cardText(c).startsWith("Queued"));
    expect(notices.map((c) => cardText(c))).toEqual(["Queued from the command line"]);
  });

  it("refuses from the CLI, as from the server, a message without a key or a recipient", async () => {
    const cli = queueOnlyMessenger(t.store, systemClock);
    const blank = { key: " ", to: "jo.morgan@council.gov.uk", card: card("x"), summary: "x" };
    await expect(cli.send(blank)).rejects.toThrow("A message needs a key and a recipient.");
    await expect(t.messenger.send(blank)).rejects.toThrow("A message needs a key and a recipient.");
  });
});
