import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { leadAndDirector, PLAN_CSV_HEADER } from "../../support/builders.ts";
import { runCliHere } from "../../support/run-cli.ts";
import { type CardJson, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { findObjects } from "../../support/validate-card.ts";
import { londonMorning } from "../review/review-store.ts";

const QUARTER = "2026-Q3";
/** Refs as councils write them with the characters a Cosmos DB id may not hold: / \ # ? */
const AWKWARD = [
  { ref: "1/2a#", title: "Refresh the early help offer" },
  { ref: "PA?3", title: "Publish the family hubs directory" },
  { ref: "A\\B", title: "Cut waiting times for assessments" },
];

/**
 * A plan whose Refs hold / \ # or ?, imported through the real command line into the real
 * embedded store, then found again by each way in: the tab's API, an update submitted and
 * approved through the bot endpoint, and a question.
 */
describe("Refs with / \\ # or ?", () => {
  const clock = new ManualClock(londonMorning("2026-12-10"));
  let t: TestApp;
  let jo: TestPerson;
  let dee: TestPerson;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock, skipSamplePlan: true });
    env = { DATA_DIR: t.dataDir, LOG_LEVEL: "silent" };
    const path = join(t.dataDir, "plan.csv");
    const rows = AWKWARD.map((a) => `"${a.ref}",1,${a.title},Head of Early Help,31/03/2027,Amber`);
    writeFileSync(path, `${[PLAN_CSV_HEADER, ...rows].join("\n")}\n`);
    const imported = await runCliHere(["import", path], env);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    ({ jo, dee } = await leadAndDirector(t, ["Head of Early Help"]));
  });
  afterAll(() => t?.close());

  const api = async (path: string) => {
    const url = new URL(path, `http://127.0.0.1:${t.app.port}`);
    url.searchParams.set("as", dee.person.email);
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("gives each action from the tab's API by its encoded Ref", async () => {
    for (const { ref, title } of AWKWARD) {
      const answer = await api(`/api/actions/${encodeURIComponent(ref)}`);
      expect(answer.status, ref).toBe(200);
      expect(JSON.stringify(answer.body), ref).toContain(title);
    }
  });

  it("takes a lead's update for each and applies DMT's approval to that action", async () => {
    for (const { ref } of AWKWARD) {
      const pressed = await t.press(jo, "submitUpdate", {
        ref,
        quarter: QUARTER,
        revision: 0,
        progress: `Progress on ${ref}.`,
        proposedRag: "Green",
      });
      expect(cardText(pressed.card as CardJson), ref).toContain("awaiting sign-off");
    }
    await t.idle();
    for (const { ref } of AWKWARD) {
      const signOff = t.cardsTo(dee).find((c) => cardText(c).includes(`Sign-off: ${ref}`));
      const approve = findObjects(signOff as CardJson, (o) => o.verb === "approveUpdate")[0]
        ?.data as Record<string, unknown> | undefined;
      expect(approve?.ref, ref).toBe(ref);
      await t.press(dee, "approveUpdate", { ...approve, comment: "" });
    }
    await t.idle();
    for (const { ref } of AWKWARD) {
      expect((await t.store.updates.get(QUARTER, ref, "default"))?.doc.state, ref).toBe("approved");
      expect((await t.store.actions.get(ref, "default"))?.doc.rag, ref).toBe("Green");
    }
  });

  it("answers a question about each by its Ref", async () => {
    // The plan came in through the command line: a minute on, the next question re-reads it.
    clock.set(new Date(clock.now().getTime() + 60_000));
    for (const { ref, title } of AWKWARD) {
      const before = t.cardsTo(dee).length;
      await t.say(dee, `tell me about ${ref}`);
      await t.idle();
      const answer = cardText(t.cardsTo(dee).slice(before).at(-1) as CardJson);
      expect(answer, ref).toContain(title);
    }
  });

  it("refuses a new Ref that would be stored under a stored Ref's key, naming both", async () => {
    const path = join(t.dataDir, "clash.csv");
    writeFileSync(
      path,
      `${PLAN_CSV_HEADER}\n"1~2F2a~23",1,Same key another way,Head of Early Help,31/03/2027,Red\n`,
    );
    const imported = await runCliHere(["import", path], env);
    expect(imported.stdout + imported.stderr).toMatch(/Row 2.*1~2F2a~23.*same key.*1\/2a#/is);
    expect((await t.store.actions.get("1/2a#", "default"))?.doc.developmentAction).toBe(
      AWKWARD[0]?.title,
    );
    expect((await t.store.actions.list("default")).map((a) => a.ref).sort()).toEqual(
      AWKWARD.map((a) => a.ref).sort(),
    );
  });
});
