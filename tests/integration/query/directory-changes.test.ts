import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { runCli } from "../../support/run-cli.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { lastCardIn } from "./answer-reading.ts";

/**
 * The bot remembers who is who between turns (the store runs in its process and says when the
 * directory changed): a role given or taken away must still apply to the very next message, made
 * from this process or from a CLI command in another, with the clock standing still.
 */
describe("directory changes apply to the next message", () => {
  let t: TestApp;
  let manager: TestPerson;
  const ask = async (text: string) => {
    expect((await t.say(manager, text)).status).toBe(200);
    return cardText(lastCardIn(t.connector, t.connector.personalConversationOf(manager)));
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date("2026-11-23T10:00:00Z")) });
    manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
  });
  afterAll(() => t?.close());

  it("stops answering a manager whose role was taken away, and answers again once it is back", async () => {
    expect(await ask("how many actions are amber")).toMatch(/13 actions/);
    expect(await ask("how many actions are amber")).toMatch(/13 actions/);

    await t.store.people.save(
      { ...manager.person, roles: [] },
      { id: "test", name: "Test" },
      manager.person,
    );
    expect(await ask("how many actions are amber")).toContain("I can't answer questions for you");

    const given = await runCli(
      ["people", "add", "mo.manager@council.gov.uk", "--role", "manager"],
      { DATA_DIR: t.dataDir },
    );
    expect(given).toMatchObject({ code: 0 });
    expect(await ask("how many actions are amber")).toMatch(/13 actions/);

    const removed = await runCli(["people", "remove", "mo.manager@council.gov.uk"], {
      DATA_DIR: t.dataDir,
    });
    expect(removed).toMatchObject({ code: 0 });
    expect(await ask("how many actions are amber")).toMatch(/doesn't know you|don't know you/i);
  });
});
