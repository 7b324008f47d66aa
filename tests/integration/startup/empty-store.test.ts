import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/logger.ts";
import { listPlans } from "../../../src/plans/plan-list.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { TestJwks } from "../../support/test-jwks.ts";
import { lastCardIn } from "../query/answer-reading.ts";

const APP_ID = "0b6f4a52-4c1e-4d39-9a57-8d2f3e5c7a10";

/**
 * What a server does on an empty store: in development it loads the sample plan (so `npm start`
 * has something to show), in production never (a made-up council's plan must not pass for the
 * real one): it starts empty, logs how to import, and chat and the dashboard say the same.
 */
describe("a server starting on an empty store", () => {
  let jwks: TestJwks;
  beforeAll(async () => {
    jwks = await TestJwks.start();
  });
  afterAll(() => jwks?.close());

  it("in development loads the sample plan", async () => {
    const t = await startTestApp();
    try {
      const plans = await listPlans(t.store);
      expect(plans.map((p) => p.plan.name)).toHaveLength(1);
      expect(await t.store.actions.list(plans[0]?.plan.id ?? "")).toHaveLength(19);
    } finally {
      await t.close();
    }
  });

  it("in production stays empty and logs how to import the council's plan", async () => {
    const lines: string[] = [];
    const t = await startTestApp({
      env: { ...jwks.botSettings(APP_ID), NODE_ENV: "production" },
      logger: createLogger("info", (line) => lines.push(line)),
    });
    try {
      expect(await listPlans(t.store)).toEqual([]);
      const said = lines.join("\n");
      expect(said).toContain("no plan yet");
      expect(said).toContain("plan-tracker import");
      expect(said).not.toContain("loaded the sample plan");
    } finally {
      await t.close();
    }
  });

  describe("with no plan imported", () => {
    let t: TestApp;
    let manager: TestPerson;
    beforeAll(async () => {
      // The same empty store production starts with; development mode lets the test post freely.
      t = await startTestApp({ skipSamplePlan: true });
      manager = await t.addPerson({
        email: "mo.manager@council.gov.uk",
        name: "Mo Manager",
        roles: ["manager"],
      });
    });
    afterAll(() => t?.close());

    it("answers a question in chat by saying the plan is not imported yet and how to import it", async () => {
      expect((await t.say(manager, "what's red for priority 3")).status).toBe(200);
      const text = cardText(lastCardIn(t.connector, t.connector.personalConversationOf(manager)));
      expect(text).toContain("No plan has been imported yet");
      expect(text).toContain("npx plan-tracker import");
      expect(text).not.toContain("No actions match");
    });

    it("tells the dashboard the same", async () => {
      const answer = await fetch(
        `http://127.0.0.1:${t.app.port}/api/plan?as=${encodeURIComponent(manager.email)}`,
      );
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { notice?: string; actions: unknown[] };
      expect(body.actions).toEqual([]);
      expect(body.notice).toContain("No plan has been imported yet");
      expect(body.notice).toContain("npx plan-tracker import");
    });
  });
});
