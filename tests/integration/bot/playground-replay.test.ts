import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Clock } from "../../../src/clock.ts";
import { loadDemoIfEmpty } from "../../../src/demo/load-demo.ts";
import { silentLogger } from "../../../src/logger.ts";
import { type CardJson, cardsOf, cardText } from "../../support/stand-in-connector.ts";
import { type PostResult, startTestApp, type TestApp } from "../../support/start-test-app.ts";

/**
 * Replays what the Microsoft 365 Agents Playground really posted during the demo walk (recorded by
 * scripts/record-playground.ts into tests/fixtures/playground) through the real /api/messages, with
 * the stand-in Bot Connector in the Playground's place. Hand-built activities only show the bot
 * understands what we think Teams sends; these show it understands what a Teams client did send.
 */

const FIXTURES = new URL("../../fixtures/playground/", import.meta.url);

const Recording = z.object({
  step: z.string(),
  exchanges: z.array(
    z.object({
      activity: z.record(z.string(), z.unknown()),
      response: z.object({ status: z.number(), body: z.unknown().optional() }),
    }),
  ),
});
type Recording = z.infer<typeof Recording>;

const recordings = new Map<string, Recording>(
  readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const recording = Recording.parse(JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")));
      return [recording.step, recording];
    }),
);

/** The same morning the walk was recorded on (2026-Q3, before its reminders start). */
function clockFrom(start: string): Clock {
  const offset = Date.parse(start) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** The Playground's current user (.m365agentsplayground.yml), as the stand-in's member look-up answers. */
const SAM = {
  id: "user-sam-patel",
  name: "Sam Patel",
  aadObjectId: "00000000-0000-4000-8000-000000000101",
  email: "sam.patel@council.example",
  userPrincipalName: "sam.patel@council.example",
  tenantId: "00000000-0000-4000-8000-00000000c0c1",
};

let t: TestApp;

/** Posts each recorded activity of a step, its serviceUrl and time made this run's; returns the answers. */
async function replay(step: string): Promise<PostResult[]> {
  const recording = recordings.get(step);
  if (!recording)
    throw new Error(`No recorded fixture for "${step}" in tests/fixtures/playground.`);
  const answers: PostResult[] = [];
  for (const { activity, response } of recording.exchanges) {
    const answer = await t.post({
      ...activity,
      type: String(activity.type),
      serviceUrl: t.connector.url,
      timestamp: new Date().toISOString(),
    });
    // The server answers as it did to the Playground.
    expect(answer.status, `${step}: ${String(activity.type)}`).toBe(response.status);
    answers.push(answer);
  }
  await t.idle();
  return answers;
}

/** Cards the bot sent (or updated) since `from` deliveries, as text. */
function cardsSince(from: number): Array<{ card: CardJson; text: string }> {
  return t.connector.delivered
    .slice(from)
    .flatMap(cardsOf)
    .map((card) => ({ card, text: cardText(card) }));
}

function buttonTitles(card: CardJson): string[] {
  return ((card.actions ?? []) as Array<{ title?: string }>).map((a) => a.title ?? "");
}

function invokeCard(answer: PostResult): CardJson {
  const body = answer.body as { type?: string; value?: CardJson };
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  return body.value;
}

describe("the Agents Playground's recorded activities, replayed through /api/messages", () => {
  beforeAll(async () => {
    const clock = clockFrom("2026-11-23T10:00:00Z");
    t = await startTestApp({ env: { DEMO_MODE: "1" }, clock, skipSamplePlan: true });
    await loadDemoIfEmpty(t.store, clock, silentLogger);
    t.connector.users.set(SAM.id, SAM);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it("has a fixture for each step of the walk the Playground posts to the bot", () => {
    expect([...recordings.keys()]).toEqual([
      "install",
      "help",
      "question",
      "start-review",
      "submit-filled",
      "approve",
    ]);
  });

  it("welcomes Sam Patel on install with what they lead and what to do next", async () => {
    const from = t.connector.delivered.length;
    await replay("install");
    const welcome = cardsSince(from).find((c) => c.text.includes("Hello Sam Patel"));
    expect(welcome, "a welcome card").toBeDefined();
    expect(welcome?.text).toContain("You lead 5 actions");
    expect(buttonTitles(welcome?.card)).toEqual(
      expect.arrayContaining(["My actions", "Start review"]),
    );
  });

  it("answers help in the chat it was asked in", async () => {
    const from = t.connector.delivered.length;
    await replay("help");
    const replies = t.connector.delivered.slice(from);
    expect(replies.map((d) => d.conversationId)).toContain("personal-chat-sam-patel");
    const text = cardsSince(from)
      .map((c) => c.text)
      .join("\n");
    expect(text).toMatch(/start review/i);
    expect(text).toMatch(/review status/i);
  });

  it("answers what's red for priority 3 with its three red actions only", async () => {
    const from = t.connector.delivered.length;
    await replay("question");
    const text = cardsSince(from)
      .map((c) => c.text)
      .join("\n");
    for (const ref of ["CSC-06", "CSC-11", "CSC-16"]) expect(text).toContain(ref);
    for (const ref of ["CSC-01", "CSC-03", "CSC-07"]) expect(text).not.toContain(ref);
  });

  it("brings the update form for CSC-11 after start review", async () => {
    const from = t.connector.delivered.length;
    await replay("start-review");
    const texts = cardsSince(from).map((c) => c.text);
    expect(texts.some((text) => /Update CSC-11 for/.test(text))).toBe(true);
  });

  it("turns the submitted form read-only and sends DMT the sign-off card", async () => {
    const from = t.connector.delivered.length;
    const [answer] = await replay("submit-filled");
    const card = invokeCard(answer as PostResult);
    expect(cardText(card)).toContain("Submitted, awaiting sign-off");
    expect(JSON.stringify(card)).not.toContain("Input.Text");
    const signOff = cardsSince(from).find((c) => c.text.includes("Sign-off: CSC-11"));
    expect(signOff, "a sign-off card for CSC-11").toBeDefined();
    expect(signOff?.text).toContain("two carers are being assessed");
    expect(buttonTitles(signOff?.card)).toContain("Approve");
  });

  it("shows who approved on the pressed sign-off card, with no buttons left to press", async () => {
    const [answer] = await replay("approve");
    const card = invokeCard(answer as PostResult);
    expect(cardText(card)).toMatch(/Approved by Sam Patel/);
    expect(buttonTitles(card)).not.toContain("Approve");
    const update = (await t.store.updates.forQuarter("2026-Q3")).find((u) => u.ref === "CSC-11");
    expect(update?.state).toBe("approved");
  });
});
