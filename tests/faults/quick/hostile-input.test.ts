import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionRef, type SeededPerson, seedLargePlan } from "../../../bench/large-plan.ts";
import { ManualClock } from "../../../src/clock.ts";
import { createLogger } from "../../../src/logger.ts";
import type { ContainerName } from "../../../src/store/containers.ts";
import { StandInConnector, type TeamsUser } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { cardText } from "../../support/validate-card.ts";
import { type Cast, hostileActivity } from "./hostile-activities.ts";

/**
 * Malformed and hostile input through POST /api/messages, generated with fast-check: wrong types
 * and missing fields, huge texts, unknown invoke names and verbs, card payloads naming someone
 * else's action or a made-up Ref. Each gets a 4xx or a polite card; the server keeps answering;
 * nothing stored changes; nothing is logged as an unexpected failure.
 */
const SIZE = { actions: 30, leads: 3, dmt: 1 };
const RUNS = Number(process.env.FAULTS_FUZZ_RUNS ?? 600);
/** Fixed so a failure can be repeated; set FAULTS_FUZZ_SEED to explore further. */
const SEED = Number(process.env.FAULTS_FUZZ_SEED ?? 20261215);
/** Business records: what a hostile request must never change. */
const WATCHED: ContainerName[] = ["actions", "updates", "people", "reviews", "plans", "audit"];

describe("malformed and hostile input through /api/messages", () => {
  let connector: StandInConnector;
  let t: TestApp;
  let cast: Cast;
  const failures: string[] = [];
  const logger = createLogger("error", (line) => failures.push(line));

  beforeAll(async () => {
    connector = await StandInConnector.start();
    t = await startTestApp({
      connector,
      clock: new ManualClock(new Date("2026-12-15T10:00:00Z")),
      skipSamplePlan: true,
      logger,
    });
    const { leads, dmt } = await seedLargePlan(t.store, connector, SIZE);
    const manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
    const stranger = t.addTeamsUser({ email: "stranger@elsewhere.example", name: "Stranger" });
    const unknownToTeams: TeamsUser = { ...stranger, id: "29:not-a-member", email: "" };
    cast = { leads, dmt: dmt[0] as SeededPerson, manager, stranger, unknownToTeams, actions: SIZE };
    // The start-up catch-up opens the review and queues its forms in the background: let it finish
    // (idle waits for it), so the snapshot below sees only what hostile requests might change.
    await t.idle();
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });

  const snapshot = async () => {
    const all: Record<string, unknown[]> = {};
    for (const name of WATCHED) {
      const { resources } = await t.store.containers[name].items
        .query<Record<string, unknown>>("SELECT * FROM c")
        .fetchAll();
      // The ETag changes with every write, even one that writes the same content.
      all[name] = resources
        .map(({ _ts, _rid, _self, _attachments, ...doc }) => doc)
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    return all;
  };

  it("answers each with a 4xx or a polite card and changes nothing stored", {
    timeout: 120_000,
  }, async ({ task }) => {
    const before = await snapshot();
    const url = `http://127.0.0.1:${t.app.port}/api/messages`;
    let requests = 0;
    let slowest = { ms: 0, what: "" };
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        hostileActivity(() => cast, connector),
        async (body) => {
          requests += 1;
          failures.length = 0;
          const started = performance.now();
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: typeof body === "string" ? body : JSON.stringify(body),
            signal: AbortSignal.timeout(20_000),
          });
          const text = await response.text();
          const ms = performance.now() - started;
          if (ms > slowest.ms) slowest = { ms, what: summarise(body) };
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          // An invoke the bot does not handle gets the Bot Framework's own answer, 501 Not Implemented.
          const allowed = isUnhandledInvoke(body) ? [501] : [];
          if (!allowed.includes(response.status)) {
            expect(response.status, text.slice(0, 500)).toBeLessThan(500);
          }
          if (response.status < 300 && isInvoke(body)) {
            const answer = JSON.parse(text) as { type?: string; value?: unknown };
            expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
            expect(cardText(answer.value).join(" ")).not.toMatch(/something went wrong/i);
          }
          expect(failures, failures.join("\n")).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect((await fetch(`http://127.0.0.1:${t.app.port}/healthz`)).status).toBe(200);
    const after = await snapshot();
    const changed = WATCHED.filter(
      (name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]),
    );
    task.meta.fault = {
      messages: requests,
      duplicates: 0,
      lost: changed.length,
      note: `requests, answered ${[...statuses].map(([s, n]) => `${n}×${s}`).join(" ")}; slowest ${Math.round(slowest.ms)} ms (${slowest.what})`,
    };
    expect(changed).toEqual([]);
  });

  it("shows HTML and Markdown in progress text as typed on every card and in the tab's JSON", async () => {
    const typed =
      '<script>alert("x")</script> **bold** _it_ [link](javascript:alert(1)) <img src=x onerror=alert(1)>\n# Heading\n- item\n1. first';
    const lead = cast.leads[0] as SeededPerson;
    const pressed = await t.press(lead, "submitUpdate", {
      ref: actionRef(0),
      quarter: "2026-Q3",
      revision: 0,
      progress: typed,
      proposedRag: "Amber",
    });
    await t.idle();
    const signOff = t.cardsTo(cast.dmt).at(-1);
    for (const card of [pressed.card, signOff]) {
      const shown = cardText(card);
      // Markdown would act on these characters; each is escaped, so it is shown as typed.
      const progress = shown.filter((line) => line.includes("alert"));
      expect(progress.length).toBeGreaterThan(0);
      for (const line of progress) {
        expect(line).not.toMatch(/(^|[^\\])[<>*[\]()#_`]/);
        expect(line).not.toMatch(/(^|\n)\s*([-+]|\d+\.)\s/);
      }
      const readable = shown.map((line) => line.replace(/\n\n/g, "\n").replace(/\\(.)/g, "$1"));
      expect(readable.some((line) => line.includes(typed))).toBe(true);
    }
    const api = await fetch(
      `http://127.0.0.1:${t.app.port}/api/actions/${actionRef(0)}?as=${cast.dmt.email}`,
    );
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain(JSON.stringify(typed).slice(1, -1));
  });
});

/** "message, 250,000 characters", "invoke adaptiveCard/action", "a broken body". */
function summarise(body: unknown): string {
  if (typeof body !== "object" || body === null) return "a broken body";
  const { type, name, text } = body as { type?: unknown; name?: unknown; text?: unknown };
  const length =
    typeof text === "string" ? `, ${text.length.toLocaleString("en-GB")} characters` : "";
  return `${String(type)}${typeof name === "string" ? ` ${name}` : ""}${length}`;
}

function isUnhandledInvoke(body: unknown): boolean {
  return (
    typeof body === "object" &&
    body !== null &&
    (body as { type?: unknown }).type === "invoke" &&
    (body as { name?: unknown }).name !== "adaptiveCard/action"
  );
}

function isInvoke(body: unknown): boolean {
  return (
    typeof body === "object" &&
    body !== null &&
    (body as { type?: unknown }).type === "invoke" &&
    (body as { name?: unknown }).name === "adaptiveCard/action"
  );
}
