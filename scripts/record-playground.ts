/**
 * `npx tsx scripts/record-playground.ts`: records what the Microsoft 365 Agents Playground really
 * posts to the bot, as fixtures for tests/integration/bot/playground-replay.test.ts.
 *
 * Starts the app in demo mode (its own temp data, the clock at 10:00 on Monday 23 November 2026 as
 * in tests/browser/playground.test.ts), puts a recording proxy between the Playground and the
 * bot's /api/messages, and walks the demo in headless Chromium: install (the welcome), `help`, a
 * question, `start review`, the update form submitted empty and then filled, and Approve on the
 * sign-off card. Every activity the Playground posts, with the bot's HTTP answer, is written to
 * tests/fixtures/playground/<nn>-<step>.json with what changes from run to run normalised: activity
 * ids and timestamps, the Playground's serviceUrl (its port) and replyToId. Needs Chromium (see
 * scripts/chromium.ts). The proxy lives only in this script: production code paths are untouched.
 *
 * The update form submitted empty never reaches the bot: the Playground's card renderer checks the
 * required progress box itself and shows the card's own error message, so that step records
 * nothing and has no fixture (the server's own answer to an empty submit is tested elsewhere).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import type { RunningApp } from "../src/app.ts";
import { type RunningPlayground, startAgentsPlayground } from "../src/demo/agents-playground.ts";
import { type LaunchedChromium, launchChromium } from "./chromium.ts";
import { startDemoApp } from "./demo-app.ts";

const OUT = fileURLToPath(new URL("../tests/fixtures/playground/", import.meta.url));
const START = "2026-11-23T10:00:00Z";
/** Every recorded activity's timestamp becomes this; the replay gives each its own time again. */
const RECORDED_AT = "2026-11-23T10:00:00.000Z";
/** The Playground's own Bot Connector address, replaced by the stand-in's on replay. */
const SERVICE_URL = "{{serviceUrl}}";

interface Exchange {
  activity: Record<string, unknown>;
  response: { status: number; body: unknown };
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Forwards everything to the bot and keeps each /api/messages post with its answer. */
async function startRecorder(
  target: string,
  onExchange: (e: Exchange) => void,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && !["host", "content-length", "connection"].includes(name))
        headers[name] = value;
    }
    const answer = await fetch(`${target}${req.url ?? ""}`, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    const text = await answer.text();
    if (req.method === "POST" && req.url?.startsWith("/api/messages")) {
      // An empty answer (a message's 200) is kept as null so the fixture says so.
      let parsed: unknown = text || null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // The bot answered in plain text.
      }
      onExchange({ activity: JSON.parse(body), response: { status: answer.status, body: parsed } });
    }
    res.writeHead(answer.status, {
      "content-type": answer.headers.get("content-type") ?? "text/plain",
    });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Replaces what differs between runs so the fixtures are stable and replayable anywhere. */
function normalise(activity: Record<string, unknown>, index: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...activity };
  if ("id" in out) out.id = `recorded-${index}`;
  if ("timestamp" in out) out.timestamp = RECORDED_AT;
  if ("localTimestamp" in out) out.localTimestamp = RECORDED_AT;
  if ("serviceUrl" in out) out.serviceUrl = SERVICE_URL;
  if ("replyToId" in out) out.replyToId = "recorded-reply-to";
  return out;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "plan-tracker-record-"));
  let app: RunningApp | undefined;
  let recorder: Server | undefined;
  let playground: RunningPlayground | undefined;
  let chromium: LaunchedChromium | undefined;
  const steps: Array<{ name: string; exchanges: Exchange[] }> = [];
  let current = { name: "install", exchanges: [] as Exchange[] };
  steps.push(current);
  const begin = (name: string) => {
    current = { name, exchanges: [] };
    steps.push(current);
  };
  try {
    app = await startDemoApp(work, START);
    const proxy = await startRecorder(`http://127.0.0.1:${app.port}`, (e) =>
      current.exchanges.push(e),
    );
    recorder = proxy.server;
    playground = await startAgentsPlayground({
      appEndpoint: `${proxy.url}/api/messages`,
      logFile: join(work, "agents-playground.log"),
    });
    chromium = await launchChromium();
    const page: Page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    const cards = () => page.locator(".ac-adaptiveCard");
    const cardWith = (text: string | RegExp): Locator => cards().filter({ hasText: text }).last();
    const type = async (text: string) => {
      await page.locator("[data-lexical-editor=true]").click();
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    };
    /** Lets the bot finish answering (and the proxy finish recording) before the next step. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

    await page.goto(playground.url);
    await cardWith("Hello Sam Patel").waitFor({ timeout: 30_000 });
    await settle();

    /** Says `text` and waits for the first card the bot sends after it. */
    const ask = async (text: string) => {
      const before = await cards().count();
      await type(text);
      await cards().nth(before).waitFor();
      await settle();
    };

    begin("help");
    await ask("help");

    begin("question");
    await ask("what's red for priority 3");

    begin("start-review");
    await type("start review");
    const form = cardWith("Update CSC-11 for");
    const opener = page.getByRole("button", { name: "Update CSC-11" });
    await form.or(opener).first().waitFor();
    await settle();
    if ((await form.count()) === 0) {
      begin("open-update-form");
      await opener.last().click();
    }
    await form.getByRole("button", { name: "Submit update" }).waitFor();
    await settle();

    begin("submit-empty");
    await form
      .getByRole("textbox", { name: /Evidence link/ })
      .fill("https://intranet.council.example/fostering/early-permanence");
    await form.getByRole("button", { name: "Submit update" }).click();
    await form.getByText("Please write what has happened this quarter").first().waitFor();
    await settle();

    begin("submit-filled");
    await form
      .locator("textarea")
      .first()
      .fill(
        "The regional training is rebooked for January and two carers are being assessed for early permanence.",
      );
    await form.getByRole("combobox", { name: /Proposed RAG/ }).click();
    await page.getByRole("option", { name: "Amber" }).click();
    await form.getByRole("button", { name: "Submit update" }).click();
    const signOff = cardWith("Sign-off: CSC-11");
    await signOff.getByRole("button", { name: "Approve" }).waitFor();
    await settle();

    begin("approve");
    await signOff.getByRole("button", { name: "Approve" }).click();
    await cards()
      .filter({ hasText: "Sign-off: CSC-11" })
      .filter({ hasText: /Approved by Sam Patel/ })
      .waitFor();
    await settle();

    await rm(OUT, { recursive: true, force: true });
    await mkdir(OUT, { recursive: true });
    let index = 0;
    let written = 0;
    for (const step of steps) {
      if (step.exchanges.length === 0) {
        say(`${step.name}: the Playground posted nothing to the bot (no fixture)`);
        continue;
      }
      const recorded = step.exchanges.map((e) => ({
        activity: normalise(e.activity, ++index),
        response: e.response,
      }));
      const file = join(OUT, `${String(++written).padStart(2, "0")}-${step.name}.json`);
      await writeFile(
        file,
        `${JSON.stringify({ step: step.name, recordedFrom: "Microsoft 365 Agents Playground", exchanges: recorded }, null, 2)}\n`,
      );
      say(`${file}: ${recorded.length} activities`);
    }
  } catch (error) {
    await chromium?.browser
      .contexts()[0]
      ?.pages()[0]
      ?.screenshot({ path: join(tmpdir(), "record-playground-failure.png") });
    throw error;
  } finally {
    await chromium?.close();
    await playground?.stop();
    if (recorder) await new Promise((resolve) => recorder?.close(resolve));
    await app?.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
