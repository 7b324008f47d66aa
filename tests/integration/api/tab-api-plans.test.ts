import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../../src/app.ts";
import type { Person } from "../../../src/domain/person.ts";
import { runCliHere } from "../../support/run-cli.ts";
import { anUpdate } from "../../unit/xlsx/sample-rows.ts";

const PLYMOUTH = new URL("../../fixtures/plymouth-plan.csv", import.meta.url).pathname;

// A SEND plan numbered 1.1, 1.2 … as Plymouth's is, naming its priorities in the Priority column.
const SEND_CSV = `Ref,Priority,Development Action,Lead,Completion Date,RAG
1.1,Priority 1: Early identification of need,Publish the graduated approach for early years settings,SEND Service Manager,March 2026,Amber
1.2,Early identification of need,Train SENCOs on the new referral pathway,Educational Psychology Lead,June 2026,Green
1.3,2. Preparing for adulthood,Agree transition plans at Year 9 for every young person with an EHCP,SEND Service Manager,September 2026,Red
`;

// A plan with no priorities, grouped by theme (a Section synonym) as many councils group theirs.
const EARLY_HELP_CSV = `No.,Theme,Action,Owner,Deadline,BRAG
1.1,Front door,Review the early help assessment form,Early Help Manager,31.03.2026,Blue
1.2,Front door,Publish the early help offer,Early Help Manager,Ongoing,Green
2.1,Family hubs,Open the second family hub,Family Hubs Lead,30th June 2026,Red
`;

const SETUP = { id: "test", name: "Test setup" };
const person = (email: string, name: string, roles: Person["roles"], leads: string[] = []) => ({
  id: email,
  email,
  name,
  roles,
  leads,
});
const ANN = person("ann@council.gov.uk", "Ann Admin", ["admin", "dmt"]);
/** Leads actions in the SEND plan only. */
const SUE = person("sue@council.gov.uk", "Sue Send", ["lead"], ["SEND Service Manager"]);

/** The API's JSON answers, read field by field as the tab reads them. */
// biome-ignore lint/suspicious/noExplicitAny: the answers' shapes are what these tests check
type Json = { [key: string]: any };

/**
 * The tab's API over real HTTP on the real server and embedded store, holding three plans: the
 * sample plan (id `default`), Plymouth's and a SEND plan, the last two each with a Ref 1.1.
 */
describe("the tab's API with several plans", () => {
  let app: RunningApp;
  let dataDir: string;
  let base: string;
  let plymouthId: string;

  const get = async (path: string, as = ANN.email) => {
    const url = new URL(path, base);
    url.searchParams.set("as", as);
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-tab-plans-"));
    app = await startApp({
      env: { PORT: "0", DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" },
    });
    base = `http://127.0.0.1:${app.port}`;
    for (const p of [ANN, SUE]) await app.store.people.save(p, SETUP, null);
    // The command line, as an admin would run it beside the server (it uses the server's store).
    const env = { DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0" };
    const send = join(dataDir, "send-plan.csv");
    await writeFile(send, SEND_CSV);
    const earlyHelp = join(dataDir, "early-help.csv");
    await writeFile(earlyHelp, EARLY_HELP_CSV);
    for (const [file, name] of [
      [PLYMOUTH, "Plymouth Improvement Plan"],
      [send, "SEND plan"],
      [earlyHelp, "Early help plan"],
    ] as const) {
      const imported = await runCliHere(["import", file, "--plan", name], env);
      expect(imported.stderr).toBe("");
      expect(imported.code).toBe(0);
    }
    const plans = JSON.parse((await runCliHere(["plans", "--json"], env)).stdout) as Json[];
    plymouthId = plans.find((p) => p.name === "Plymouth Improvement Plan")?.id;
    // Each plan's 1.1 has an update awaiting sign-off, in the same quarter.
    await app.store.updates.create(
      anUpdate("1.1", "2026-Q3", {
        id: "2026-Q3~send-plan:1.1",
        planId: "send-plan",
        progress: "SEND: graduated approach drafted.",
      }),
      SETUP,
    );
    await app.store.updates.create(
      anUpdate("1.1", "2026-Q3", {
        id: `2026-Q3~${plymouthId}:1.1`,
        planId: plymouthId,
        progress: "Plymouth: caseload analysis done.",
      }),
      SETUP,
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("lists the plans with their actions, the first plan first", async () => {
    const { status, body } = await get("/api/plans");
    expect(status).toBe(200);
    expect(body.plans).toEqual([
      {
        id: "default",
        name: "Rutland Children and Young People Development Plan 2022-23",
        actions: 19,
      },
      { id: "early-help-plan", name: "Early help plan", actions: 3 },
      { id: plymouthId, name: "Plymouth Improvement Plan", actions: 8 },
      { id: "send-plan", name: "SEND plan", actions: 3 },
    ]);
  });

  it("shows the first plan when the address names none, as it did with one plan", async () => {
    const { body } = await get("/api/plan");
    expect(body.plan.id).toBe("default");
    expect(body.total).toBe(19);
    expect(body.chartBy).toBe("priority");
    expect(body.byPriority.map((p: Json) => p.priority)).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives each plan its own 1.1, its own latest update and its own chart", async () => {
    const send = (await get("/api/plan?plan=send-plan")).body;
    const plymouth = (await get(`/api/plan?plan=${plymouthId}`)).body;
    expect(send.plan).toMatchObject({ id: "send-plan", name: "SEND plan" });
    expect(send.actions.map((a: Json) => a.ref)).toEqual(["1.1", "1.2", "1.3"]);
    const send11 = send.actions[0];
    const plymouth11 = plymouth.actions.find((a: Json) => a.ref === "1.1");
    expect(send11.lead).toBe("SEND Service Manager");
    expect(plymouth11.lead).not.toBe("SEND Service Manager");
    expect(send11.title).not.toBe(plymouth11.title);
    expect(send11.awaitingSignOff).toBe(true);
    expect(plymouth11.awaitingSignOff).toBe(true);
    // The sample plan has no 1.1: nothing of the other plans' updates leaks into it.
    expect((await get("/api/plan?awaiting=1")).body.shown).toBe(0);

    // The chart uses the plan's own priorities, and a plan without any is charted by section.
    expect(send.chartBy).toBe("priority");
    expect(send.byPriority).toEqual([
      {
        priority: 1,
        name: "Early identification of need",
        Red: 0,
        Amber: 1,
        Green: 1,
        notRated: 0,
      },
      { priority: 2, name: "Preparing for adulthood", Red: 1, Amber: 0, Green: 0, notRated: 0 },
    ]);
    const earlyHelp = (await get("/api/plan?plan=early-help-plan")).body;
    expect(earlyHelp.plan.priorities).toEqual([]);
    expect(earlyHelp.chartBy).toBe("section");
    expect(earlyHelp.byPriority).toEqual([]);
    expect(earlyHelp.bySection).toEqual([
      { section: "Front door", name: "Front door", Red: 0, Amber: 0, Green: 2, notRated: 0 },
      { section: "Family hubs", name: "Family hubs", Red: 1, Amber: 0, Green: 0, notRated: 0 },
    ]);
    // A section bar narrows the table to that section (spelt in any case), and keeps every bar.
    const narrowed = (await get("/api/plan?plan=early-help-plan&section=family%20HUBS")).body;
    expect(narrowed.actions.map((a: Json) => a.ref)).toEqual(["2.1"]);
    expect(narrowed.bySection.map((s: Json) => [s.section, s.Red + s.Green])).toEqual([
      ["Front door", 0],
      ["Family hubs", 1],
    ]);
  });

  it("opens each plan's 1.1 as its own action page, with only its own updates and history", async () => {
    const send = await get("/api/actions/1.1?plan=send-plan");
    const plymouth = await get(`/api/actions/1.1?plan=${plymouthId}`);
    expect(send.status).toBe(200);
    expect(send.body.plan).toEqual({ id: "send-plan", name: "SEND plan" });
    expect(send.body.action.title).toContain("graduated approach");
    expect(send.body.updates.map((u: Json) => u.progress)).toEqual([
      "SEND: graduated approach drafted.",
    ]);
    expect(plymouth.body.updates.map((u: Json) => u.progress)).toEqual([
      "Plymouth: caseload analysis done.",
    ]);
    // Each was imported once: its history has its own "added" entry and not the other plan's.
    const added = (view: Json) =>
      view.history.filter((h: Json) => h.summary === "Action 1.1 added").length;
    expect(added(send.body)).toBe(1);
    expect(added(plymouth.body)).toBe(1);
  });

  it("answers an unknown plan, or a Ref the chosen plan lacks, with a 404 that says what to do", async () => {
    const unknown = await get("/api/plan?plan=no-such-plan");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe("plan_not_found");
    expect(unknown.body.message).toContain('There is no plan "no-such-plan"');
    expect(unknown.body.message).toContain('"SEND plan"');
    for (const path of ["/api/actions/1.1?plan=no-such-plan", "/api/export.xlsx?plan=nope"]) {
      expect((await get(path)).status).toBe(404);
    }
    // Without a plan the first plan is meant, and it has no 1.1.
    const missing = await get("/api/actions/1.1");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain("Rutland Children and Young People Development Plan");
  });

  it("puts that plan's actions in its board report", async () => {
    const url = new URL("/api/export.xlsx?plan=send-plan", base);
    url.searchParams.set("as", ANN.email);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="plan-tracker-send-plan-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(book.title).toBe("SEND plan");
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Summary",
      "P1 Early identification of need",
      "P2 Preparing for adulthood",
    ]);
    const refs = book.worksheets
      .slice(1)
      // Row 1 is the sheet's title and row 2 its headers: the Refs start on row 3.
      .flatMap((s) => s.getColumn(1).values.slice(3))
      .map(String);
    expect(refs.sort()).toEqual(["1.1", "1.2", "1.3"]);
    // Without a plan, the first plan's report, named as it always was.
    const first = await fetch(new URL(`/api/export.xlsx?as=${ANN.email}`, base));
    expect(first.headers.get("content-disposition")).toMatch(
      /filename="plan-tracker-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
  });

  it("lists every plan's updates in the sign-off queue, each under its plan and action", async () => {
    const { body } = await get("/api/signoff-queue");
    const items = body.items.map((i: Json) => [i.planName, i.ref, i.title.slice(0, 30)]);
    expect(items).toHaveLength(2);
    expect(items).toContainEqual(["SEND plan", "1.1", expect.stringContaining("graduated")]);
    expect(items).toContainEqual([
      "Plymouth Improvement Plan",
      "1.1",
      expect.not.stringContaining("graduated"),
    ]);
  });

  it("keeps the one access rule: a lead sees the plans and actions they lead, and no other", async () => {
    const plans = (await get("/api/plans", SUE.email)).body.plans;
    expect(plans).toEqual([{ id: "send-plan", name: "SEND plan", actions: 2 }]);
    // Their first plan is the one they lead actions in.
    const view = (await get("/api/plan", SUE.email)).body;
    expect(view.plan.id).toBe("send-plan");
    expect(view.actions.map((a: Json) => a.ref)).toEqual(["1.1", "1.3"]);
    expect((await get("/api/actions/1.1?plan=send-plan", SUE.email)).status).toBe(200);
    const other = await get(`/api/actions/1.1?plan=${plymouthId}`, SUE.email);
    expect(other.status).toBe(403);
    expect(other.body.message).toContain("you can see only the actions you lead");
  });
});
