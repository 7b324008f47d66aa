/**
 * The opening (T-14) round of a review for a large council, through the whole server in a process
 * of its own (app and embedded store, as `plan-tracker serve` runs them) and the stand-in Bot
 * Connector, with the app's send cap at Teams' 50 messages a second. The round sends each lead one
 * update form per action, so the floor is actions / 50 seconds. A DMT member types `start review`;
 * the clock runs from that message to the last form reaching Teams. Also measured: duplicates and
 * losses counted at the stand-in, the busiest second it saw, the store round trips per message,
 * and the server's resident memory once the round is over.
 * Run alone: `npx tsx bench/review-round.ts [--actions 10000] [--leads 1000] [--rate 50] [--quick]`
 * (`--quick`: 1,000 actions across 100 leads). Called as `runReviewRoundBench()` it measures the
 * full size, 10,000 actions across 1,000 leads at 50 messages a second (ideal 200 s); pass
 * `{ actions, leads, ratePerSecond }` for another size.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startAppProcess } from "../tests/faults/support/app-process.ts";
import { firstRef, tallyDeliveries } from "../tests/faults/support/deliveries.ts";
import { connectHarness } from "../tests/faults/support/harness-store.ts";
import { requestsBetween } from "../tests/faults/support/store-requests.ts";
import { busiestWindow } from "../tests/integration/outbox/rate-windows.ts";
import { StandInConnector } from "../tests/support/stand-in-connector.ts";
import { activityFactory, waitUntil } from "../tests/support/start-test-app.ts";
import { largePlanAction, leadEmail, type PlanSize, seedLargePlan } from "./large-plan.ts";

/** Tuesday 1 December 2026, 10:00: the 2026-Q3 review (31 December) is not yet open. */
const BEFORE_THE_REVIEW = new Date("2026-12-01T10:00:00Z");

export interface ReviewRoundResult {
  actions: number;
  leads: number;
  ratePerSecond: number;
  messages: number;
  /** From `start review` until every form was queued (the chat reply). */
  queuedSeconds: number;
  /** From `start review` until the first form reached the stand-in. */
  firstDeliverySeconds: number;
  /** From `start review` until the last form reached the stand-in. */
  deliveredSeconds: number;
  /** messages / rate: the best any sender could do under the cap. */
  idealSeconds: number;
  /** deliveredSeconds / idealSeconds (target ≤ 1.05). */
  ofIdeal: number;
  /** The most sends the stand-in saw in any one second (must not exceed the cap). */
  busiestSecond: number;
  duplicates: number;
  lost: number;
  /** Store requests made by the server during the round, per message delivered. */
  storeRequestsPerMessage: number;
  storeRequestKinds: Record<string, number>;
  /** The server process's VmRSS once the round is over, in MB. */
  residentMb: number;
  /** The same after a full garbage collection, and the heap then, in MB. */
  residentAfterGcMb: number;
  heapUsedMb: number;
  externalMb: number;
}

/** The size the issue asks about: 10,000 actions across 1,000 leads. */
export const FULL_SIZE: PlanSize = { actions: 10_000, leads: 1_000 };

export async function runReviewRoundBench(
  o: PlanSize & {
    connector?: StandInConnector;
    ratePerSecond?: number;
    nodeArgs?: string[];
  } = FULL_SIZE,
): Promise<ReviewRoundResult> {
  const rate = o.ratePerSecond ?? 50;
  const connector = o.connector ?? (await StandInConnector.start());
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-round-"));
  const server = await startAppProcess({
    dataDir,
    env: { SEND_RATE_PER_SECOND: String(rate) },
    clockOffsetMs: BEFORE_THE_REVIEW.getTime() - Date.now(),
    nodeArgs: ["--expose-gc", ...(o.nodeArgs ?? [])],
  });
  const harness = await connectHarness(server.storeEndpoint);
  try {
    const { dmt } = await seedLargePlan(harness, connector, o);
    const director = dmt[0];
    if (!director) throw new Error("no DMT member");
    const leadOf = new Map<string, string>();
    for (let n = 0; n < o.leads; n++) {
      const user = [...connector.users.values()].find((u) => u.email === leadEmail(n));
      if (user) leadOf.set(connector.personalConversationOf(user), leadEmail(n));
    }
    const expected = new Set(
      Array.from({ length: o.actions }, (_, n) => {
        const action = largePlanAction(n, o.leads);
        return `${action.ref} to ${leadEmail(n % o.leads)}`;
      }),
    );
    const identify = (d: (typeof connector.delivered)[number]) => {
      const lead = leadOf.get(d.conversationId);
      const ref = lead ? firstRef(d) : null;
      return lead && ref ? `${ref} to ${lead}` : null;
    };
    const formsArrived = () =>
      connector.delivered.filter((d) => d.kind === "send" && leadOf.has(d.conversationId)).length;

    const before = await server.storeRequests();
    const deliveredBefore = connector.delivered.length;
    const requestsBefore = connector.requests.length;
    const say = activityFactory(connector, "28:plan-tracker-dev").message(director, "start review");
    const started = performance.now();
    const answer = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(say),
    });
    const queuedSeconds = (performance.now() - started) / 1000;
    if (answer.status >= 300) throw new Error(`start review answered ${answer.status}`);
    await connector
      .waitFor(() => formsArrived() >= o.actions, 3_600_000, "every update form")
      .catch((error: Error) => {
        throw new Error(`${error.message} ${formsArrived()} of ${o.actions} arrived.`);
      });
    const deliveredSeconds = (performance.now() - started) / 1000;
    await waitUntil(async () => (await harness.outbox.countOpen()) === 0, 60_000, "the outbox");
    const after = await server.storeRequests();
    const residentBytes = await server.residentBytes();
    const memory = await server.memoryUsage();
    const residentAfterGcBytes = await server.residentBytes();

    const round = connector.delivered.slice(deliveredBefore);
    const forms = round.filter((d) => d.kind === "send" && leadOf.has(d.conversationId));
    const tally = tallyDeliveries(round, expected, identify);
    const sendTimes = connector.requests
      .slice(requestsBefore)
      .filter((r) => r.kind === "send")
      .map((r) => r.at);
    const spent = requestsBetween(before, after);
    const idealSeconds = o.actions / rate;
    const round1 = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;
    return {
      actions: o.actions,
      leads: o.leads,
      ratePerSecond: rate,
      messages: forms.length,
      queuedSeconds: round1(queuedSeconds),
      firstDeliverySeconds: round1(((forms[0]?.at ?? started) - started) / 1000, 2),
      deliveredSeconds: round1(deliveredSeconds),
      idealSeconds,
      ofIdeal: round1(deliveredSeconds / idealSeconds, 3),
      busiestSecond: busiestWindow(sendTimes, 1_000),
      duplicates: tally.duplicates,
      lost: tally.lost + tally.unexpected,
      storeRequestsPerMessage: round1(spent.total / Math.max(1, forms.length), 2),
      storeRequestKinds: spent.byKind,
      residentMb: round1(residentBytes / 1024 / 1024),
      residentAfterGcMb: round1(residentAfterGcBytes / 1024 / 1024),
      heapUsedMb: round1(memory.heapUsed / 1024 / 1024),
      externalMb: round1(memory.external / 1024 / 1024),
    };
  } finally {
    harness.close();
    await server.stop();
    if (!o.connector) await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `--actions 3000` → 3000; `fallback` when the flag is absent. */
function numberFlag(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} needs a whole number above 0, for example --${name} 1000`);
  return value;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const size = args.includes("--quick") ? { actions: 1_000, leads: 100 } : FULL_SIZE;
  const result = await runReviewRoundBench({
    actions: numberFlag(args, "actions", size.actions),
    leads: numberFlag(args, "leads", size.leads),
    ratePerSecond: numberFlag(args, "rate", 50),
  });
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
