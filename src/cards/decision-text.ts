import type { Decision } from "../domain/update.ts";
import type { CardElement } from "./card-json.ts";
import { formatDateTime } from "./date-time-text.ts";
import { container, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";

/** "Approved by Sam Patel on 3 December 2026 at 10:42" (escaped: the name is typed by an admin). */
export function decisionLine(decision: Decision, timeZone: string): string {
  const outcome = decision.outcome === "approved" ? "Approved" : "Returned";
  return `${outcome} by ${escapeCardText(decision.byName)} on ${formatDateTime(decision.at, timeZone)}`;
}

/** The decision in a coloured box: green when approved, red when returned, with the comment. */
export function decisionBox(decision: Decision, timeZone: string): CardElement {
  const approved = decision.outcome === "approved";
  const comment = decision.comment.trim();
  return container(
    [
      textBlock(decisionLine(decision, timeZone), {
        weight: "bolder",
        color: approved ? "good" : "attention",
      }),
      ...(comment ? [textBlock(`Comment: ${escapeCardText(comment)}`, { spacing: "small" })] : []),
    ],
    { style: approved ? "good" : "attention" },
  );
}
