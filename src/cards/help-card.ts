import { hasRole, type Person } from "../domain/person.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { actionSet, executeAction, heading, sectionTitle, textBlock } from "./elements.ts";
import { CARD_VERBS } from "./verbs.ts";

export type HelpInput = { person: Pick<Person, "roles"> };

const ask = (text: string) => executeAction(text, CARD_VERBS.askQuestion, { text });

/** What this person can do, grouped by role, each with buttons that do it. */
export function buildHelpCard(input: HelpInput): AdaptiveCardJson {
  const { person } = input;
  const body: CardElement[] = [
    heading("What you can do"),
    textBlock("Type a message to me, or press a button. In a channel, @mention me first."),
  ];
  if (person.roles.length === 0) {
    body.push(textBlock("You have no role in Plan Tracker yet. An admin can give you one."));
  }
  if (hasRole(person, "lead")) {
    body.push(
      sectionTitle("Updating your actions"),
      textBlock("\u201cmy actions\u201d: each of your actions with its update form."),
      actionSet([executeAction("My actions", CARD_VERBS.myActions, {})]),
    );
  }
  if (hasRole(person, "manager", "dmt", "admin")) {
    body.push(
      sectionTitle("Asking about the plan"),
      textBlock(
        "Ask in plain English by Ref, RAG, priority, lead or date, for example \u201cwhat's red for priority 3\u201d.",
      ),
      // Two to a row: four long questions side by side would be cut off in Teams.
      actionSet([ask("what's red for priority 3"), ask("show overdue actions for HoS")]),
      actionSet([ask("summary"), ask("CSC-07")]),
      textBlock(
        "\u201creview status\u201d or \u201cwho hasn't updated\u201d: where this quarter's review stands.",
      ),
      actionSet([ask("review status"), ask("who hasn't updated")]),
      textBlock(
        "\u201cboard report\u201d: the quarter's progress report for the board, as a Word document to download.",
      ),
    );
  }
  if (hasRole(person, "dmt", "admin")) {
    body.push(
      sectionTitle("Running the review"),
      textBlock(
        "\u201cstart review\u201d opens this quarter's review now and sends every lead their reminder. DMT members get a sign-off card for each update to approve or return.",
      ),
      actionSet([executeAction("Start review", CARD_VERBS.startReview, {})]),
    );
  }
  if (hasRole(person, "admin")) {
    body.push(
      sectionTitle("Looking after Plan Tracker"),
      textBlock(
        "People, plan imports and review dates are managed with the plan-tracker command, for example: people add jo.bloggs@council.gov.uk --role lead --leads \u201cHoS / Service Manager\u201d, or review set-date 2026-Q3 2027-01-15.",
      ),
    );
  }
  return adaptiveCard(body);
}
