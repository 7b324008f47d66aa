import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsOf, cardText, TEAMS_CHAT_LIMITS } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";

/**
 * A manager asks faster than Teams lets a bot answer in one chat (7 in a second, 8 in two, 60 in
 * 30 s). Teams gives a bot about 15 s to answer an activity and then sends it again, so no inbound
 * request may wait for the chat's limits: each is answered at once, and the replies follow in
 * their turn, in order, each once, never beyond the limits (the stand-in refuses with 429 what
 * Teams would refuse). In `npm test` 24 questions (past the 8-in-2-s limit); under
 * `npm run test:faults` 80 (past the 60-in-30-s limit).
 */
const QUESTIONS = process.env.FAULTS_FULL ? 80 : 24;
const ASK_EVERY_MS = 150;

describe("a person asking faster than Teams lets a bot answer in one chat", () => {
  let t: TestApp;
  let asker: TestPerson;

  beforeAll(async () => {
    t = await startTestApp();
    t.connector.limitChats(TEAMS_CHAT_LIMITS);
    asker = await t.addPerson({
      email: "fast.asker@council.gov.uk",
      name: "Fast Asker",
      roles: ["manager"],
    });
  });
  afterAll(() => t?.close());

  it("has every question answered within a second and every reply delivered once, in order", async () => {
    // The sample plan's Refs, CSC-01 to CSC-19, round and round: each answer names its action.
    const refs = Array.from(
      { length: QUESTIONS },
      (_, i) => `CSC-${String((i % 19) + 1).padStart(2, "0")}`,
    );
    const chat = t.connector.personalConversationOf(asker);
    // A first question, answered before the rush, so that reading the plan and finding who the
    // person is (done once) does not slow one question behind the next.
    await t.say(asker, "CSC-01");
    await t.connector.waitFor(() => t.connector.messagesIn(chat).length === 1);
    const answeredInMs: number[] = [];
    const answers: Promise<number>[] = [];
    for (const ref of refs) {
      const started = performance.now();
      const answered = t.post(t.activity.message(asker, ref)).then((result) => {
        answeredInMs.push(performance.now() - started);
        return result.status;
      });
      answers.push(answered);
      // The next question follows its answer, or comes anyway after a moment (about 7 a second,
      // faster than Teams lets a bot answer in one chat): a person does not wait for the bot.
      await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS))]);
    }
    expect(new Set(await Promise.all(answers))).toEqual(new Set([200]));
    await t.connector.waitFor(
      () => t.connector.messagesIn(chat).length >= 1 + QUESTIONS,
      90_000,
      `${QUESTIONS} replies`,
    );
    // Stopping waits for replies still queued, so a late duplicate would show now.
    await t.app.close();

    expect(Math.max(...answeredInMs)).toBeLessThan(1_000);
    const replies = t.connector
      .messagesIn(chat)
      .slice(1)
      .map((d) => cardText(cardsOf(d)[0]));
    expect(replies).toHaveLength(QUESTIONS);
    const outOfPlace = refs
      .map((ref, i) => ({ ref, i, reply: replies[i] ?? "" }))
      .filter(({ ref, reply }) => !reply.includes(ref));
    expect(outOfPlace).toEqual([]);
    const refused = t.connector.requests.filter(
      (r) => r.conversationId === chat && r.status === 429,
    );
    expect(refused).toEqual([]);
  });
});
