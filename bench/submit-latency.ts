/**
 * A lead's update submitted → stored → card replaced, with 10,000 actions in the store: leads
 * press Submit on their update forms (an `adaptiveCard/action` invoke through POST /api/messages)
 * and the invoke's answer (the read-only "submitted" card) is timed, alternating with a message to
 * the bare echo bot on the same stand-in connector. Then the store's round trips are counted for
 * a submit and for a question, one at a time with the sender stopped, so the deliveries of earlier
 * sign-off cards are not counted with them (a question's count may include the question index's
 * background refresh, hence the median). Run alone: `npx tsx bench/submit-latency.ts [--quick]`.
 */
import { pathToFileURL } from "node:url";
import { ManualClock } from "../src/clock.ts";
import {
  requestsBetween,
  type StoreRequestCount,
  StoreRequests,
} from "../tests/faults/support/store-requests.ts";
import { cardText, StandInConnector, type TeamsUser } from "../tests/support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../tests/support/start-test-app.ts";
import { startEchoBot } from "./echo-bot.ts";
import { actionRef, type PlanSize, type SeededPerson, seedLargePlan } from "./large-plan.ts";
import { mean, median, percentile, timedPost } from "./latency.ts";

/** Tuesday 15 December 2026, 10:00: the 2026-Q3 review is open. */
const DURING_THE_REVIEW = new Date("2026-12-15T10:00:00Z");
const QUARTER = "2026-Q3";

export interface SubmitLatencyResult {
  actions: number;
  samples: number;
  submitP50Ms: number;
  submitP95Ms: number;
  echoP50Ms: number;
  echoP95Ms: number;
  /** Submit p95 ÷ echo p95 (target ≤ 3). */
  p95Ratio: number;
  /** Store round trips while one submit is handled (median of `countSamples`; mean alongside). */
  storeRequestsPerSubmit: number;
  storeRequestsPerSubmitMean: number;
  submitRequestKinds: Record<string, number>;
  /** The same for a question typed by a manager. */
  storeRequestsPerQuestion: number;
  storeRequestsPerQuestionMean: number;
  questionRequestKinds: Record<string, number>;
  countSamples: number;
}

const QUESTIONS = ["what's red for priority 3", "amber for priority 1", "how many reds", "summary"];

export async function runSubmitLatencyBench(
  o: PlanSize & { samples: number; countSamples?: number },
): Promise<SubmitLatencyResult> {
  const countSamples = o.countSamples ?? 30;
  const connector = await StandInConnector.start();
  const echo = await startEchoBot();
  // The embedded store runs in the app's process, as `plan-tracker serve` runs it; every request
  // it answers is counted.
  const requests = new StoreRequests();
  let t: TestApp | null = null;
  try {
    t = await startTestApp({
      connector,
      clock: new ManualClock(DURING_THE_REVIEW),
      skipSamplePlan: true,
      env: { SEND_RATE_PER_SECOND: "50" },
      onStoreRequest: requests.record,
    });
    const { leads } = await seedLargePlan(t.store, connector, { ...o, dmt: 2 });
    const manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
    const app = t;
    const appUrl = `http://127.0.0.1:${app.app.port}/api/messages`;
    let next = 0;
    /** A first submit on the next action, by its lead. */
    const submit = async () => {
      const n = next++;
      const lead = leads[n % o.leads] as SeededPerson;
      const data = {
        ref: actionRef(n),
        quarter: QUARTER,
        revision: 0,
        progress: `Strand ${n}: audits done in every team; findings shared at the practice forum.`,
        proposedRag: "Amber",
        revisedDate: "",
        revisedDateReason: "",
        evidenceUrl: "",
        ragJustification: "",
        proposeCompletion: "false",
      };
      const answer = await timedPost(appUrl, app.activity.cardAction(lead, "submitUpdate", data));
      const text = JSON.stringify(answer.body);
      if (answer.status !== 200 || !text.includes("Submitted, awaiting sign-off")) {
        throw new Error(`submit ${actionRef(n)} answered ${answer.status}: ${text.slice(0, 300)}`);
      }
      return answer.ms;
    };
    const say = (person: TeamsUser, text: string) =>
      timedPost(echo.url, app.activity.message(person, text));

    const counted = async (work: () => Promise<unknown>): Promise<StoreRequestCount> => {
      const before = requests.snapshot();
      await work();
      return requestsBetween(before, requests.snapshot());
    };
    /** A question typed by the manager; its answer must be an answer, not a refusal. */
    const ask = async (text: string) => {
      const before = connector.cardsTo(manager).length;
      await timedPost(appUrl, app.activity.message(manager, text));
      // A reply may follow the request's answer (a chat's replies go out in order, at Teams' pace).
      await connector.waitFor(
        () => connector.cardsTo(manager).length > before,
        20_000,
        "the answer",
      );
      const answer = cardText(connector.cardsTo(manager)[before]);
      if (!answer || /doesn't know you|Sorry|didn't work/i.test(answer)) {
        throw new Error(`"${text}" was not answered: ${answer.slice(0, 200)}`);
      }
    };
    // Questions are counted first, while the outbox is empty and the sender has nothing to do.
    await ask(QUESTIONS[0] as string); // the first question reads the whole plan into memory
    const questions: StoreRequestCount[] = [];
    for (let i = 0; i < countSamples; i++)
      questions.push(await counted(() => ask(QUESTIONS[i % QUESTIONS.length] as string)));

    // Each echo goes to a different lead's chat, as each submit comes from a different lead: the
    // two are then timed on the same kind of traffic (hundreds of messages to one chat in a few
    // seconds is not what Teams allows, and made the echo the slower of the two).
    let echoed = 0;
    const echo1 = () => say(leads[echoed++ % o.leads] as SeededPerson, "hello");
    // The sender is stopped from here on. The row times a submit until the lead's card is replaced
    // (DMT's cards queued, not delivered); delivering those in the same process would otherwise
    // land on whichever request came next (the echo, timed just after each submit, took 20-40 ms
    // instead of 4), and counted, with whatever comes next. Stopped, the sender also refuses turn
    // replies, so nothing after this may answer in the chat.
    await app.app.messenger.stop();
    // Warm up both (first requests open connections and compile code paths).
    for (let i = 0; i < 10; i++) {
      await submit();
      await echo1();
    }
    const submitTimes: number[] = [];
    const echoTimes: number[] = [];
    for (let i = 0; i < o.samples; i++) {
      submitTimes.push(await submit());
      echoTimes.push((await echo1()).ms);
    }

    // Counted on leads who have submitted before (a lead owes several updates a quarter): their
    // directory entry and Teams record are then known. A lead's first submit reads both as well.
    next = Math.max(next, o.leads);
    const submits: StoreRequestCount[] = [];
    for (let i = 0; i < countSamples; i++) submits.push(await counted(submit));

    const submitP95Ms = percentile(submitTimes, 95);
    const echoP95Ms = percentile(echoTimes, 95);
    const totals = (counts: StoreRequestCount[]) => counts.map((c) => c.total);
    return {
      actions: o.actions,
      samples: o.samples,
      submitP50Ms: percentile(submitTimes, 50),
      submitP95Ms,
      echoP50Ms: percentile(echoTimes, 50),
      echoP95Ms,
      p95Ratio: Math.round((submitP95Ms / echoP95Ms) * 100) / 100,
      storeRequestsPerSubmit: median(totals(submits)),
      storeRequestsPerSubmitMean: Math.round(mean(totals(submits)) * 100) / 100,
      submitRequestKinds: typical(submits),
      storeRequestsPerQuestion: median(totals(questions)),
      storeRequestsPerQuestionMean: Math.round(mean(totals(questions)) * 100) / 100,
      questionRequestKinds: typical(questions),
      countSamples,
    };
  } finally {
    await t?.close();
    await echo.close();
    await connector.close();
  }
}

/** The breakdown of the sample whose total is the median: what one typical request costs. */
function typical(counts: StoreRequestCount[]): Record<string, number> {
  const sorted = [...counts].sort((a, b) => a.total - b.total);
  return sorted[Math.floor((sorted.length - 1) / 2)]?.byKind ?? {};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const quick = process.argv.includes("--quick");
  const result = await runSubmitLatencyBench(
    quick
      ? { actions: 1_000, leads: 100, samples: 100 }
      : { actions: 10_000, leads: 1_000, samples: 300 },
  );
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
