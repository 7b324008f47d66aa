/**
 * How long the opening (T-14) round of a review takes for a large council: 10,000 actions across
 * 1,000 leads (ten each), through the real app and its proactive sender, against the stand-in Bot
 * Connector with the app's send cap at Teams' 50 messages a second. One message per lead, so the
 * floor is 1,000 / 50 = 20 s. A DMT member types `start review`; the clock runs from that message
 * to the last reminder reaching Teams. Run: `npx tsx bench/review-round.ts`.
 */
import { pathToFileURL } from "node:url";
import { ManualClock } from "../src/clock.ts";
import type { Action } from "../src/domain/action.ts";
import type { Person } from "../src/domain/person.ts";
import { memberDocId, type TeamsMember } from "../src/store/conversations-repo.ts";
import type { Store } from "../src/store/store.ts";
import { forEachLimited } from "../src/review/run-limited.ts";
import { StandInConnector, type TeamsUser } from "../tests/support/stand-in-connector.ts";
import { startTestApp } from "../tests/support/start-test-app.ts";

const ACTIONS = 10_000;
const LEADS = 1_000;
const RATE = 50;

export interface ReviewRoundResult {
  actions: number;
  leads: number;
  ratePerSecond: number;
  /** From `start review` until every reminder was queued (the chat reply). */
  queuedSeconds: number;
  /** From `start review` until the last reminder reached the stand-in. */
  deliveredSeconds: number;
  /** From `start review` until the first reminder reached the stand-in. */
  firstDeliverySeconds: number;
  /** Reminders delivered per second once the first arrived. */
  deliveryRate: number;
  /** messages / rate: the best any sender could do under the cap. */
  idealSeconds: number;
  messages: number;
}

const leadName = (n: number) => `Locality Team ${String(n).padStart(4, "0")}`;

function action(n: number): Action {
  const ref = `ACT-${String(n).padStart(5, "0")}`;
  return {
    ref,
    planId: "default",
    priorities: [(n % 5) + 1],
    section: "Children in need of help and protection",
    deliveryArea: "Practice",
    developmentAction: `Strengthen multi-agency practice, strand ${n}: information sharing at the front door.`,
    expectedOutcome: "Decisions are timely and informed by all agencies.",
    lead: leadName(n % LEADS),
    completionDate: {
      text: "March 2027",
      due: "2027-03-31",
      tbc: false,
      milestones: ["2027-03-31"],
    },
    rag: (["Red", "Amber", "Green"] as const)[n % 3] ?? null,
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
  };
}

/** Writes straight to the containers: setting up is not what is measured. */
async function seed(store: Store, connector: StandInConnector): Promise<void> {
  const actions = Array.from({ length: ACTIONS }, (_, n) => action(n));
  for (let i = 0; i < actions.length; i += 100) {
    const batch = actions
      .slice(i, i + 100)
      .map((a) => ({ operationType: "Create" as const, resourceBody: { ...a, id: a.ref } }));
    await store.containers.actions.items.batch(batch, "default");
  }
  const leads = Array.from({ length: LEADS }, (_, n) => n);
  await forEachLimited(leads, 32, async (n) => {
    const email = `lead${n}@council.gov.uk`;
    const person: Person = {
      id: email,
      email,
      name: `Lead ${n}`,
      roles: ["lead"],
      leads: [leadName(n)],
    };
    await store.containers.people.items.upsert(person);
    const user: TeamsUser = connector.addUser({ email, name: person.name });
    // Leads have the app (org-wide install), so each 1:1 chat is known.
    const member: TeamsMember = {
      id: memberDocId(user.id),
      kind: "member",
      teamsUserId: user.id,
      aadObjectId: user.aadObjectId,
      tenantId: user.tenantId,
      serviceUrl: connector.url,
      email,
      userPrincipalName: email,
      name: person.name,
      botId: "28:plan-tracker-dev",
      personalConversationId: connector.personalConversationOf(user),
      personalInstalled: true,
      teamIds: [],
      updatedAt: new Date().toISOString(),
    };
    await store.containers.conversations.items.upsert(member);
  });
}

export async function runReviewRoundBench(): Promise<ReviewRoundResult> {
  const connector = await StandInConnector.start();
  // Early December 2026, before the 2026-Q3 review's first round: `start review` opens it.
  const clock = new ManualClock(new Date("2026-12-01T10:00:00Z"));
  const t = await startTestApp({
    connector,
    clock,
    skipSamplePlan: true,
    env: { SEND_RATE_PER_SECOND: String(RATE) },
  });
  try {
    await seed(t.store, connector);
    const dmt = await t.addPerson({
      email: "dmt@council.gov.uk",
      name: "Dee Director",
      roles: ["dmt"],
    });
    const reminders = () =>
      connector.delivered.filter(
        (d) => d.kind === "send" && d.conversationId !== connector.personalConversationOf(dmt),
      ).length;
    const started = performance.now();
    const said = await t.say(dmt, "start review");
    const queuedSeconds = (performance.now() - started) / 1000;
    if (said.status >= 300) throw new Error(`start review answered ${said.status}`);
    await connector
      .waitFor(() => reminders() >= LEADS, 600_000, "every reminder")
      .catch((error) => {
        throw new Error(
          `${error.message} ${reminders()} of ${LEADS} arrived; ${JSON.stringify(said.body)}`,
        );
      });
    const deliveredSeconds = (performance.now() - started) / 1000;
    const sent = connector.delivered.filter((d) => d.kind === "send" && d.at >= started);
    const first = ((sent[0]?.at ?? started) - started) / 1000;

    return {
      actions: ACTIONS,
      leads: LEADS,
      ratePerSecond: RATE,
      queuedSeconds: Math.round(queuedSeconds * 10) / 10,
      deliveredSeconds: Math.round(deliveredSeconds * 10) / 10,
      firstDeliverySeconds: Math.round(first * 10) / 10,
      deliveryRate: Math.round(sent.length / (deliveredSeconds - first)),
      idealSeconds: LEADS / RATE,
      messages: reminders(),
    };
  } finally {
    await t.close();
    await connector.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await runReviewRoundBench();
  console.table([result]);
}
