import { type Action, actionTitle } from "../domain/action.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import type { CardElement } from "./card-json.ts";
import { dueDateText } from "./due-date-text.ts";
import { column, columnSet, executeAction, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { ragBadge } from "./rag-badge.ts";
import { CARD_VERBS } from "./verbs.ts";

/**
 * One action as a row: Ref, title, lead and due date, RAG. Tapping the row asks for the action's
 * details (verb showAction), so a long list stays short to read.
 */
export function actionRow(action: Action, options: { tappable?: boolean } = {}): CardElement {
  const details = `Lead: ${escapeCardText(action.lead)} \u00b7 Due: ${escapeCardText(dueDateText(action.completionDate))}`;
  return columnSet(
    [
      column([textBlock(escapeCardText(action.ref), { weight: "bolder" })], "auto"),
      column(
        [
          textBlock(escapeCardText(actionTitle(action, 120)), { spacing: "none" }),
          textBlock(details, { isSubtle: true, size: "small", spacing: "none" }),
        ],
        "stretch",
      ),
      column([ragBadge(action.rag, { size: "small" })], "auto"),
    ],
    {
      separator: true,
      spacing: "small",
      ...(options.tappable === false
        ? {}
        : {
            // The plan goes in only for plans other than the first, as on every card.
            selectAction: executeAction(
              `Show ${action.ref}`,
              CARD_VERBS.showAction,
              action.planId === DEFAULT_PLAN_ID
                ? { ref: action.ref }
                : { ref: action.ref, planId: action.planId },
            ),
          }),
    },
  );
}
