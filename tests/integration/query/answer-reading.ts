import type { Action } from "../../../src/domain/action.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import { type CardJson, cardsOf, type StandInConnector } from "../../support/stand-in-connector.ts";
import type { TestApp, TestPerson } from "../../support/start-test-app.ts";
import { cardProblems, findObjects } from "../../support/validate-card.ts";

/** What a person reads off an answer card: its heading, its rows' Refs, its buttons. */

export function headingOf(card: CardJson): string {
  return String(card?.body?.[0]?.text ?? "");
}

/** The Refs of the card's tappable action rows, in the order shown. */
export function refsIn(card: CardJson): string[] {
  return findObjects(
    card,
    (o) => (o.selectAction as { verb?: string } | undefined)?.verb === "showAction",
  ).map((row) => String((row.selectAction as { data: { ref: string } }).data.ref));
}

export function buttonsOf(
  card: CardJson,
): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  return findObjects(card, (o) => o.type === "Action.Execute" && o.verb !== "showAction").map(
    (o) => ({
      title: String(o.title),
      verb: String(o.verb),
      data: o.data as Record<string, unknown>,
    }),
  );
}

/** The card of the newest message in a conversation. */
export function lastCardIn(connector: StandInConnector, conversationId: string): CardJson {
  const last = connector.messagesIn(conversationId).at(-1);
  if (!last) throw new Error(`Nothing was sent to ${conversationId}.`);
  return cardsOf(last)[0];
}

/** Asks a question in the person's chat; the valid answer card they were sent. */
export async function askFor(t: TestApp, person: TestPerson, text: string): Promise<CardJson> {
  const said = await t.say(person, text);
  if (said.status !== 200) throw new Error(`"${text}" was answered ${said.status}`);
  const card = lastCardIn(t.connector, t.connector.personalConversationOf(person));
  const problems = cardProblems(card);
  if (problems.length > 0)
    throw new Error(`The answer to "${text}" is not a valid card: ${problems.join("; ")}`);
  return card;
}

export function planAction(
  ref: string,
  priorities: number[],
  rag: Rag | null,
  lead: string,
): Action {
  return {
    ref,
    planId: "default",
    priorities,
    section: "Early Help",
    deliveryArea: "Family hubs",
    developmentAction: `Open family hub number ${ref.replace(/\D/g, "")}`,
    expectedOutcome: "Families get help early.",
    lead,
    completionDate: {
      text: "March 2027",
      due: "2027-03-31",
      tbc: false,
      milestones: ["2027-03-31"],
    },
    rag,
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
  };
}
