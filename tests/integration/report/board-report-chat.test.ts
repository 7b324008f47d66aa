import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { cardsOf, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { cardProblems, findObjects } from "../../support/validate-card.ts";

/** `board report` in chat, through the real endpoint: a card linking to the report in the tab. */
describe("board report in chat", () => {
  let t: TestApp;
  let dee: TestPerson;
  let ola: TestPerson;
  const lastCard = (person: TestPerson) =>
    cardsOf(t.connector.messagesIn(t.connector.personalConversationOf(person)).at(-1) as never)[0];

  beforeAll(async () => {
    // 15 December 2026: the 2026-Q3 review (October to December) opened a fortnight before its date.
    t = await startTestApp({ clock: new ManualClock(new Date("2026-12-15T10:00:00Z")) });
    dee = await t.addPerson({ email: "dee@council.gov.uk", name: "Dee Director", roles: ["dmt"] });
    ola = await t.addPerson({
      email: "ola@council.gov.uk",
      name: "Ola Ade",
      roles: ["lead"],
      leads: ["HoS / Service Manager"],
    });
  });
  afterAll(() => t?.close());

  it("gives DMT a card whose link opens the dashboard at the quarter's report, which downloads", async () => {
    await t.say(dee, "board report");
    const card = lastCard(dee);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain("the 2026-Q3 report");
    expect(cardText(card)).toContain("October to December 2026");
    const [link] = findObjects(card, (o) => o.type === "Action.OpenUrl") as Array<{ url: string }>;
    expect(link?.url).toBe(`http://localhost:${t.app.config.PORT}/tab?report=2026-Q3`);

    // The tab's button fetches the report the link names (development mode: as Dee).
    const response = await fetch(
      `http://127.0.0.1:${t.app.port}/api/report.docx?quarter=2026-Q3&as=dee@council.gov.uk`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
  });

  it("tells someone who is only an action lead who the report is for", async () => {
    await t.say(ola, "board report");
    const text = cardText(lastCard(ola));
    expect(text).toContain("The quarter's report is for DMT and managers");
    expect(text).toContain(
      "Only DMT members, managers and admins can get the quarter's Word report",
    );
  });
});
