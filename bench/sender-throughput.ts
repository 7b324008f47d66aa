/**
 * The proactive sender's throughput at the app's default cap (50 messages a second, Teams' limit
 * per app per tenant): 1,000 messages to 100 people through the real app and its outbox, against
 * the stand-in Bot Connector, with no faults. The target is within 5% of the cap; the windows are
 * stretched 2% for safety and each request counts until a second after its answer, so a little
 * under the cap is expected. Run: `npx tsx bench/sender-throughput.ts`.
 */
import { pathToFileURL } from "node:url";
import { busiestWindow } from "../tests/integration/outbox/rate-windows.ts";
import { StandInConnector, type TeamsUser } from "../tests/support/stand-in-connector.ts";
import { startTestApp } from "../tests/support/start-test-app.ts";

const PEOPLE = 100;
const MESSAGES = 1_000;
const CAP = 50;

export interface SenderThroughputResult {
  messages: number;
  capPerSecond: number;
  /** Deliveries per second from the first to the last arrival at the stand-in. */
  messagesPerSecond: number;
  /** messagesPerSecond as a share of the cap. */
  ofCap: string;
  /** The most requests the stand-in saw in any one second (must not exceed the cap). */
  busiestSecond: number;
  seconds: number;
  duplicates: number;
}

export async function runSenderThroughputBench(): Promise<SenderThroughputResult> {
  const connector = await StandInConnector.start();
  const t = await startTestApp({
    connector,
    skipSamplePlan: true,
    env: { SEND_RATE_PER_SECOND: String(CAP) },
  });
  try {
    const people: TeamsUser[] = Array.from({ length: PEOPLE }, (_, i) =>
      connector.addUser({ email: `person${i}@council.gov.uk`, name: `Person ${i}` }),
    );
    // Everyone has opened Plan Tracker, so only messages are measured (no chats to open).
    for (const person of people) await t.install(person);
    await t.idle();
    const before = connector.requests.length;
    const sends: Array<Promise<unknown>> = [];
    for (let n = 0; n < MESSAGES; n++) {
      const person = people[n % PEOPLE] as TeamsUser;
      const card = {
        type: "AdaptiveCard",
        version: "1.5",
        body: [{ type: "TextBlock", text: `bench-${n}` }],
      };
      sends.push(
        t.messenger.send({ key: `bench:${n}`, to: person.email, card, summary: `Bench ${n}` }),
      );
    }
    await Promise.all(sends);
    await t.idle(300_000);

    const requests = connector.requests.slice(before);
    const sent = requests.filter((r) => r.kind === "send" && r.status === 201);
    const first = sent[0]?.at ?? 0;
    const last = sent.at(-1)?.at ?? 0;
    const seconds = (last - first) / 1000;
    const messagesPerSecond = (sent.length - 1) / seconds;
    const texts = connector.delivered.map((d) =>
      JSON.stringify(d.activity.attachments?.[0]?.content ?? {}),
    );
    const benchTexts = texts.filter((text) => text.includes("bench-"));
    return {
      messages: sent.length,
      capPerSecond: CAP,
      messagesPerSecond: Math.round(messagesPerSecond * 10) / 10,
      ofCap: `${((messagesPerSecond / CAP) * 100).toFixed(1)}%`,
      busiestSecond: busiestWindow(
        requests.map((r) => r.at),
        1_000,
      ),
      seconds: Math.round(seconds * 10) / 10,
      duplicates: benchTexts.length - new Set(benchTexts).size,
    };
  } finally {
    await t.close();
    await connector.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.table([await runSenderThroughputBench()]);
}
