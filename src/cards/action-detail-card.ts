import type { Action } from "../domain/action.ts";
import type { Plan } from "../domain/plan.ts";
import type { Update } from "../domain/update.ts";
import { labelledRag } from "./action-header.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE } from "./date-time-text.ts";
import { decisionLine } from "./decision-text.ts";
import { dueDateText } from "./due-date-text.ts";
import { factSet, heading, sectionTitle, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { linkOrText } from "./safe-link.ts";
import { paperAnswerBlocks } from "./update-details.ts";
import { updateHistory } from "./update-history.ts";

export type ActionDetailInput = {
  action: Action;
  /** For priority names; numbers alone are shown without it. */
  plan?: Plan;
  /**
   * The plan's name when the store holds several plans (two plans may each have a 1.1, so the
   * card says which); left out with one plan, so its card looks as it always did.
   */
  planName?: string;
  /** Every update on this action, any order. */
  updates: readonly Update[];
  historyUrl?: string;
  timeZone?: string;
};

function priorityText(action: Action, plan: Plan | undefined): string {
  if (action.priorities.length === 0) return "None given";
  return action.priorities
    .map((number) => {
      const name = plan?.priorities.find((p) => p.number === number)?.name;
      return name ? `${number} \u2014 ${escapeCardText(name)}` : String(number);
    })
    .join("; ");
}

function statusText(action: Action): string {
  if (action.signedOff) return "Complete, signed off by DMT";
  if (action.complete) return "Complete";
  return "Open";
}

/** A titled block of plan text, left out when the plan cell was empty. */
function planText(title: string, text: string): CardElement[] {
  return text.trim() ? [sectionTitle(title), textBlock(escapeCardText(text.trim()))] : [];
}

/** One action in full: the plan row, its latest update and its history. */
export function buildActionDetailCard(input: ActionDetailInput): AdaptiveCardJson {
  const { action } = input;
  const timeZone = input.timeZone ?? DEFAULT_CARD_TIME_ZONE;
  const written = action.completionDate.text.trim();
  const due = dueDateText(action.completionDate);
  const latest = [...input.updates].sort(
    (a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt),
  )[0];
  const body: CardElement[] = [
    heading(escapeCardText(action.ref), "large"),
    factSet([
      ...(input.planName ? [["Plan", escapeCardText(input.planName)] as const] : []),
      ["Priority", priorityText(action, input.plan)],
      ["Section", escapeCardText(action.section) || "None given"],
      ["Delivery area", escapeCardText(action.deliveryArea) || "None given"],
      ["Lead", escapeCardText(action.lead)],
      [
        "Due",
        escapeCardText(
          written && written !== due ? `${due} (plan says \u201c${written}\u201d)` : due,
        ),
      ],
      ["Status", statusText(action)],
      ...Object.entries(action.extra)
        .filter(([, value]) => value.trim())
        .map(([name, value]) => [escapeCardText(name), escapeCardText(value)] as const),
    ]),
    labelledRag("Official RAG", action.rag),
    ...planText("Development action", action.developmentAction),
    ...planText("Expected outcome", action.expectedOutcome),
    ...planText("Action we will take", action.actionWeWillTake),
    ...planText("How will we know", action.howWillWeKnow),
    ...planText("Progress update in the plan", action.progressUpdate),
  ];
  if (latest) {
    body.push(
      sectionTitle(`Latest update (${quarterMonthsLabel(latest.quarter)})`),
      textBlock(
        latest.decision ? decisionLine(latest.decision, timeZone) : "Awaiting sign-off by DMT",
        { isSubtle: true, size: "small", spacing: "none" },
      ),
      labelledRag("Proposed RAG", latest.proposedRag),
      textBlock(escapeCardText(latest.progress), { spacing: "small" }),
      ...paperAnswerBlocks(latest, "subtle"),
    );
  }
  body.push(sectionTitle("History"), ...updateHistory(input.updates, timeZone));
  if (input.historyUrl) {
    body.push(textBlock(linkOrText("Open in the Plan Tracker tab", input.historyUrl)));
  }
  return adaptiveCard(body);
}
