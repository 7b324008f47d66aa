import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText } from "../../support/stand-in-connector.ts";
import type { TestPerson } from "../../support/start-test-app.ts";
import { type SignOffWorld, startSignOffWorld } from "../signoff/signoff-fixture.ts";

/**
 * The bot and the dashboard answer "may this person see CSC-07 and its update?" alike. Both are
 * driven for real over HTTP on one app: the bot through `/api/messages`, the tab's API as each
 * person (development mode's `?as=`). CSC-07 is led by "HoS/ Service Manager" (Hana's).
 */
describe("one access rule for the bot and the tab", () => {
  let w: SignOffWorld;
  let ira: TestPerson;
  let nobody: TestPerson;
  const PROGRESS = "Dip sample of 40 strategy discussions: 92% rated good or better.";
  const TITLE = "Regular review of CP cases";

  beforeAll(async () => {
    w = await startSignOffWorld();
    ira = await w.t.addPerson({
      email: "ira.roberts@council.gov.uk",
      name: "Ira Roberts",
      roles: ["lead"],
      leads: ["IRO"],
    });
    nobody = await w.t.addPerson({ email: "nat.new@council.gov.uk", name: "Nat New" });
    for (const person of [ira, nobody]) await w.t.install(person);
    await w.submit("CSC-07", { progress: PROGRESS });
  });
  afterAll(() => w?.close());

  const tab = async (path: string, who: TestPerson) => {
    const join = path.includes("?") ? "&" : "?";
    const url = `http://127.0.0.1:${w.t.app.port}${path}${join}as=${encodeURIComponent(who.person.email)}`;
    const response = await fetch(url);
    const type = response.headers.get("content-type") ?? "";
    const body = type.includes("json")
      ? await response.json()
      : Buffer.from(await response.arrayBuffer());
    return { status: response.status, body };
  };
  const refsInWorkbook = async (bytes: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const refs = new Set<string>();
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && /^CSC-\d\d$/.test(cell.value)) refs.add(cell.value);
        }),
      );
    return refs;
  };

  /** What each surface shows this person of CSC-07: the action, and its update's text. */
  const whatEachShows = async (who: TestPerson) => {
    const shown = cardText((await w.t.press(who, "showAction", { ref: "CSC-07" })).card);
    const refreshed = cardText(
      (await w.t.press(who, "refreshUpdate", { ref: "CSC-07", quarter: "2026-Q3" })).card,
    );
    const page = await tab("/api/actions/CSC-07", who);
    const plan = await tab("/api/plan", who);
    const line =
      plan.status === 200
        ? plan.body.actions.find((a: { ref: string }) => a.ref === "CSC-07")
        : undefined;
    const me = await tab("/api/me", who);
    return {
      bot: { action: shown.includes(TITLE), update: refreshed.includes(PROGRESS) },
      tab: {
        action: page.status === 200 && line !== undefined,
        update:
          page.status === 200 &&
          page.body.updates.some((u: { progress: string }) => u.progress === PROGRESS) &&
          line?.latestUpdate != null,
      },
      botAnswers: !shown.includes("can't answer questions for you"),
      canSeePlan: me.body.canSeePlan,
      page,
      refreshed,
    };
  };

  it.each([
    ["the action's lead", () => w.lead, true],
    ["a manager", () => w.manager, true],
    ["a DMT member", () => w.dee, true],
    ["the lead of another action", () => ira, false],
  ] as const)("%s: both surfaces agree", async (_, who, sees) => {
    const seen = await whatEachShows(who());
    expect(seen.bot).toEqual({ action: sees, update: sees });
    expect(seen.tab).toEqual({ action: sees, update: sees });
    expect(seen.canSeePlan).toBe(true);
  });

  it("tells a lead whose action it is instead of showing it, on the card and on the tab", async () => {
    const seen = await whatEachShows(ira);
    expect(seen.refreshed).toContain("someone else's update");
    expect(seen.refreshed).toContain("my actions");
    expect(seen.page.status).toBe(403);
    expect(seen.page.body.message).toContain("CSC-07 is led by HoS/ Service Manager");
    expect(seen.page.body.message).toContain("only the actions you lead");
  });

  it("gives a lead only their actions on the dashboard and in the board report", async () => {
    const plan = await tab("/api/plan", ira);
    const refs = plan.body.actions.map((a: { ref: string }) => a.ref);
    expect(refs).toEqual(["CSC-05"]);
    const report = await tab("/api/export.xlsx", ira);
    expect(report.status).toBe(200);
    expect([...(await refsInWorkbook(report.body))]).toEqual(["CSC-05"]);
    const whole = await tab("/api/export.xlsx", w.manager);
    expect((await refsInWorkbook(whole.body)).size).toBe(19);
  });

  it("refuses someone with no role on both surfaces, and /api/me says so", async () => {
    const seen = await whatEachShows(nobody);
    expect(seen.bot).toEqual({ action: false, update: false });
    expect(seen.tab).toEqual({ action: false, update: false });
    expect(seen.botAnswers).toBe(false);
    expect(seen.canSeePlan).toBe(false);
    expect((await tab("/api/plan", nobody)).status).toBe(403);
  });
});
