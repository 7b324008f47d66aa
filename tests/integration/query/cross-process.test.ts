import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { runCli } from "../../support/run-cli.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { headingOf, lastCardIn, refsIn } from "./answer-reading.ts";

describe("answers after another process changes the plan", () => {
  let t: TestApp;
  let clock: ManualClock;
  let manager: TestPerson;

  beforeAll(async () => {
    clock = new ManualClock(new Date("2026-11-23T10:00:00Z"));
    t = await startTestApp({ clock });
    manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
  });
  afterAll(() => t?.close());

  const ask = async (text: string) => {
    await t.say(manager, text);
    return lastCardIn(t.connector, t.connector.personalConversationOf(manager));
  };

  it("includes actions that `plan-tracker import` added while the bot was running", async () => {
    expect(headingOf(await ask("what's red for priority 3"))).toContain("No actions match");

    const csv = join(t.dataDir, "new-actions.csv");
    await writeFile(
      csv,
      [
        "Ref,Priority,Development Action,Lead,Completion Date,RAG",
        "NEW-1,3,Set up a missing-children panel,Exploitation Lead,March 2027,Red",
        "NEW-2,3,Review return-home interviews,Exploitation Lead,March 2027,Amber",
      ].join("\n"),
    );
    const imported = await runCli(["import", csv], { DATA_DIR: t.dataDir });
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    clock.advance(60_000);

    const card = await ask("what's red for priority 3");
    expect(refsIn(card)).toEqual(["NEW-1"]);
    expect(refsIn(await ask("red or amber for exploitation lead"))).toEqual(["NEW-1", "NEW-2"]);
  });
});
