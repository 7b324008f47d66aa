import type { AdaptiveCardJson } from "../../../src/cards/card-json.ts";
import { ManualClock } from "../../../src/clock.ts";
import { todayIn } from "../../../src/domain/calendar.ts";
import type { Update } from "../../../src/domain/update.ts";
import type { FeatureDeps } from "../../../src/feature-deps.ts";
import { silentLogger } from "../../../src/logger.ts";
import { quarterlySummary } from "../../../src/signoff/quarterly-summary.ts";
import { createSignOffFeature } from "../../../src/signoff/signoff-feature.ts";
import type { SummaryFigures } from "../../../src/signoff/summary-figures.ts";
import { cardsOf, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";

export const QUARTER = "2026-Q3";
export const PUBLIC_URL = "https://plan-tracker.council.gov.uk";

/**
 * The real app on the sample plan, at 10:00 on Tuesday 15 December 2026 (the 2026-Q3 review is
 * open), with a lead, two DMT members and a manager who have all installed Plan Tracker.
 */
export interface SignOffWorld {
  t: TestApp;
  clock: ManualClock;
  lead: TestPerson;
  dee: TestPerson;
  sam: TestPerson;
  manager: TestPerson;
  /** What the features are given: the app's own store and messenger, the test's clock. */
  deps: FeatureDeps;
  /** The sign-off feature over those: its hook and daily job. */
  signOff: ReturnType<typeof createSignOffFeature>;
  /** The quarter's summary figures as of the clock's date. */
  figures(): Promise<SummaryFigures>;
  submit(ref: string, fields?: Partial<Update>): Promise<Update>;
  signOffCardsTo(person: TestPerson, ref: string): AdaptiveCardJson[];
  /** Card updates (edits of cards already sent) that reached this person's chat, as text. */
  updatesTo(person: TestPerson): string[];
  textsTo(person: TestPerson): string[];
  close(): Promise<void>;
}

export async function startSignOffWorld(): Promise<SignOffWorld> {
  const clock = new ManualClock(new Date("2026-12-15T10:00:00Z"));
  const t = await startTestApp({ clock, env: { PUBLIC_URL } });
  // The start-up catch-up finishes before anyone is in the directory, so it sends no round: the
  // only forms the lead gets are the ones a test asks for (else how soon it read the directory
  // would decide whether an opening form arrived).
  await t.idle();
  const lead = await t.addPerson({
    email: "hana.osei@council.gov.uk",
    name: "Hana Osei",
    roles: ["lead"],
    leads: [
      "HoS / Service Manager",
      "HoS / Service Manager/ Through Care Team Manager",
      "HoS / Service Manager / Team Manager",
      "HoS / Service Manager / Team Manager/ Supervising Social Worker",
    ],
  });
  const dee = await t.addPerson({
    email: "dee.director@council.gov.uk",
    name: "Dee Director",
    roles: ["dmt"],
  });
  const sam = await t.addPerson({
    email: "sam.patel@council.gov.uk",
    name: "Sam Patel",
    roles: ["dmt", "admin"],
  });
  const manager = await t.addPerson({
    email: "ali.manager@council.gov.uk",
    name: "Ali Manager",
    roles: ["manager"],
  });
  for (const person of [lead, dee, sam, manager]) await t.install(person);
  await t.idle();
  const deps: FeatureDeps = {
    config: t.app.config,
    store: t.store,
    messenger: t.messenger,
    clock,
    logger: silentLogger,
  };
  const signOff = createSignOffFeature(deps);
  const chat = (person: TestPerson) => t.connector.personalConversationOf(person);
  return {
    t,
    clock,
    lead,
    dee,
    sam,
    manager,
    deps,
    signOff,
    figures: async () =>
      (await quarterlySummary(deps, QUARTER, todayIn("Europe/London", clock.now()))).figures,
    /** The lead fills in the update form and presses Submit (a first submit, an edit or a revision). */
    async submit(ref, fields = {}) {
      clock.advance(60_000);
      const existing = await t.store.updates.get(QUARTER, ref, "default");
      const form = {
        ref,
        quarter: QUARTER,
        revision: existing?.doc.revision ?? 0,
        progress:
          fields.progress ?? "Dip sample of 40 strategy discussions: 92% rated good or better.",
        proposedRag: fields.proposedRag ?? "Amber",
        ragJustification: fields.ragJustification ?? "",
        revisedDate: fields.revisedDate ?? "",
        revisedDateReason: fields.revisedDateReason ?? "",
        evidenceUrl: fields.evidenceUrl ?? "",
        proposeCompletion: String(fields.proposeCompletion ?? false),
      };
      const pressed = await t.press(lead, "submitUpdate", form);
      await t.idle();
      const saved = await t.store.updates.get(QUARTER, ref, "default");
      if (!saved || saved.doc.revision === existing?.doc.revision) {
        throw new Error(`the update on ${ref} was not saved: ${cardText(pressed.card)}`);
      }
      return saved.doc;
    },
    signOffCardsTo: (person, ref) =>
      t.cardsTo(person).filter((card) => cardText(card).includes(`Sign-off: ${ref}`)),
    updatesTo: (person) =>
      t.connector.delivered
        .filter((d) => d.kind === "update" && d.conversationId === chat(person))
        .flatMap((d) => cardsOf(d).map(cardText)),
    textsTo: (person) => t.cardsTo(person).map(cardText),
    close: () => t.close(),
  };
}

/** The data an Approve or Return button on a sign-off card carries, plus the typed comment. */
export function decisionData(update: Pick<Update, "ref" | "quarter" | "revision">, comment = "") {
  return { ref: update.ref, quarter: update.quarter, revision: update.revision, comment };
}
