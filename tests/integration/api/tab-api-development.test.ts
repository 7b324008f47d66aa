import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../../src/app.ts";
import { SAMPLE_CARDS } from "../../../src/cards/gallery.ts";

/** `npm start` on a developer's machine: no app id, so no sign-in, and the card gallery is there. */
describe("the tab's API in development mode", () => {
  let app: RunningApp;
  let dataDir: string;
  let base: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-tab-dev-"));
    app = await startApp({
      env: { PORT: "0", DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" },
    });
    base = `http://127.0.0.1:${app.port}`;
    const setup = { id: "test", name: "Test setup" };
    await app.store.people.save(
      {
        id: "lee@council.gov.uk",
        email: "lee@council.gov.uk",
        name: "Lee Lead",
        roles: ["lead"],
        leads: ["IRO"],
      },
      setup,
      null,
    );
    await app.store.people.save(
      {
        id: "ann@council.gov.uk",
        email: "ann@council.gov.uk",
        name: "Ann Admin",
        roles: ["admin"],
        leads: [],
      },
      setup,
      null,
    );
  });

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("acts as the directory's first admin without a token, and says so", async () => {
    const response = await fetch(`${base}/api/me`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-plan-tracker-development-user")).toBe("ann@council.gov.uk");
    expect(await response.json()).toMatchObject({ email: "ann@council.gov.uk", development: true });
  });

  it("acts as someone else with ?as=, and refuses someone not in the directory", async () => {
    const lee = await (await fetch(`${base}/api/me?as=LEE@council.gov.uk`)).json();
    expect(lee).toMatchObject({
      name: "Lee Lead",
      roles: ["lead"],
      development: true,
      canSeeSignOffQueue: false,
    });
    const stranger = await fetch(`${base}/api/plan?as=nobody@council.gov.uk`);
    expect(stranger.status).toBe(403);
    expect((await stranger.json()).message).toContain("Ann Admin (ann@council.gov.uk)");
  });

  it("serves the card gallery at /playground and /cards with every card the bot sends", async () => {
    for (const path of ["/playground", "/cards"]) {
      const page = await fetch(`${base}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("/tab/vendor/adaptivecards.js");
    }
    const cards = await (await fetch(`${base}/playground/cards.json`)).json();
    expect(cards.map((c: { name: string }) => c.name)).toEqual(SAMPLE_CARDS.map((c) => c.name));
    expect((await fetch(`${base}/tab/vendor/adaptivecards.js`)).status).toBe(200);
  });
});
