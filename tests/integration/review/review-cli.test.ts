import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { quarterOf, todayIn } from "../../../src/domain/calendar.ts";
import { formatLongDate } from "../../../src/domain/iso-date.ts";
import { addWorkingDays } from "../../../src/domain/working-days.ts";
import { silentLogger } from "../../../src/logger.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { OutboxItem } from "../../../src/store/outbox-repo.ts";
import { runCliHere, tempDataDir } from "../../support/run-cli.ts";
import { findObjects } from "../../support/validate-card.ts";
import { LEADS } from "./quarter-fixture.ts";

const SAMPLE = new URL("../../../data/sample-plan.csv", import.meta.url).pathname;

/** The Ref an update form is for, as its Submit button says. */
const formRef = (card: unknown) =>
  (findObjects(card, (o) => o.verb === "submitUpdate")[0]?.data as { ref: string } | undefined)
    ?.ref;

/**
 * `plan-tracker review …` on its own (no server running): it queues reminders in the store's
 * outbox for the server to deliver. The command line runs on the real clock, so the review date is
 * set relative to today.
 */
describe("plan-tracker review", () => {
  const env = { DATA_DIR: tempDataDir(), EMBEDDED_COSMOS_PORT: "0" };
  const today = todayIn("Europe/London", new Date());
  const quarter = quarterOf(today);
  const reviewDate = addWorkingDays(today, 10);

  beforeAll(async () => {
    expect((await runCliHere(["import", SAMPLE], env)).code).toBe(0);
    for (const lead of [LEADS.hana, LEADS.ira]) {
      const leads = lead.leads.flatMap((l) => ["--leads", l]);
      expect(
        (
          await runCliHere(
            ["people", "add", lead.email, "--role", "lead", "--name", lead.name, ...leads],
            env,
          )
        ).code,
      ).toBe(0);
    }
  });

  async function queued(): Promise<OutboxItem[]> {
    const config = loadConfig({ ...env, LOG_LEVEL: "silent" });
    const store = await openStore({
      config,
      clock: new ManualClock(new Date()),
      logger: silentLogger,
      role: "cli",
    });
    try {
      const { resources } = await store.outbox.container.items
        .query<OutboxItem>("SELECT * FROM c")
        .fetchAll();
      return resources;
    } finally {
      await store.close();
    }
  }

  it("moves a review date, and says when the reminders will go", async () => {
    const out = await runCliHere(["review", "set-date", quarter, reviewDate], env);
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain(`review is now on ${formatLongDate(reviewDate)}`);
    expect(out.code).toBe(0);
  });

  it("refuses a date it can't read, naming the fix", async () => {
    const out = await runCliHere(["review", "set-date", quarter, "next Tuesday"], env);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("write the review date like 15/01/2027");
    const badQuarter = await runCliHere(["review", "set-date", "2026-Q5", "15/01/2027"], env);
    expect(badQuarter.stderr).toContain("write it like 2026-Q3");
  });

  /** What the opening round owes: one update form per action, to the lead of each. */
  const openingForms = () =>
    [LEADS.hana, LEADS.ira]
      .flatMap((lead) => lead.refs.map((ref) => `review:${quarter}:open:${ref}:${lead.email}`))
      .sort();

  it("starts the next review, queueing one update form per action to its lead", async () => {
    const out = await runCliHere(["review", "start"], env);
    expect(out.stderr).toBe("");
    expect(out.stdout).toContain("review is open");
    expect(out.stdout).toContain(
      "Update forms are on their way to 2 leads, one for each of 7 actions",
    );
    expect(out.code).toBe(0);
    const items = await queued();
    expect(items.map((i) => i.key).sort()).toEqual(openingForms());
    for (const lead of [LEADS.hana, LEADS.ira]) {
      const theirs = items.filter((i) => i.to === lead.email);
      expect(theirs.map((i) => formRef(i.card)).sort()).toEqual(lead.refs);
    }
  });

  it("sends nothing twice when started again", async () => {
    const out = await runCliHere(["review", "start", "--quarter", quarter], env);
    expect(out.stdout).toContain("already open");
    expect(out.code).toBe(0);
    expect((await queued()).map((i) => i.key).sort()).toEqual(openingForms());
  });

  it("shows who still owes what, including actions nobody in the directory leads", async () => {
    const out = await runCliHere(["review", "status", "--json"], env);
    expect(out.code).toBe(0);
    const status = JSON.parse(out.stdout);
    expect(status).toMatchObject({
      quarter,
      reviewDate,
      state: "open",
      roundsSent: ["open"],
      awaitingSignOff: [],
    });
    expect(status.owing).toEqual([
      { person: LEADS.hana.email, name: LEADS.hana.name, refs: LEADS.hana.refs },
      { person: LEADS.ira.email, name: LEADS.ira.name, refs: LEADS.ira.refs },
    ]);
    expect(status.noLeadInDirectory).toContainEqual({ lead: "LADO/HoS", refs: ["CSC-19"] });
    const text = await runCliHere(["review", "status"], env);
    expect(text.stdout).toContain(
      `Hana Osei <${LEADS.hana.email}>: CSC-01, CSC-02, CSC-03, CSC-07, CSC-11`,
    );
  });
});
