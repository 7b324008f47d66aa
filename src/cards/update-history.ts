import type { Update } from "../domain/update.ts";
import type { CardElement } from "./card-json.ts";
import { formatDateTime } from "./date-time-text.ts";
import { decisionLine } from "./decision-text.ts";
import { column, columnSet, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { ragBadge } from "./rag-badge.ts";

/** How many history entries an action's card shows before "and N earlier". */
export const HISTORY_LIMIT = 6;

type HistoryEntry = { at: string; element: CardElement };

function entriesOf(update: Update, timeZone: string): HistoryEntry[] {
  const sent = `${formatDateTime(update.submittedAt, timeZone)}: ${escapeCardText(update.authorName)} sent the ${quarterMonthsLabel(update.quarter)} update, proposing`;
  const entries: HistoryEntry[] = [
    {
      at: update.submittedAt,
      element: columnSet(
        [
          column([textBlock(sent, { size: "small" })], "stretch"),
          column([ragBadge(update.proposedRag, { size: "small" })], "auto"),
        ],
        { spacing: "small" },
      ),
    },
  ];
  if (update.decision) {
    const comment = update.decision.comment.trim();
    const line = decisionLine(update.decision, timeZone);
    entries.push({
      at: update.decision.at,
      element: textBlock(comment ? `${line}: ${escapeCardText(comment)}` : line, {
        size: "small",
        spacing: "small",
      }),
    });
  }
  return entries;
}

/** Updates and decisions, newest first, capped so a long-running action's card stays small. */
export function updateHistory(updates: readonly Update[], timeZone: string): CardElement[] {
  const entries = updates
    .flatMap((update) => entriesOf(update, timeZone))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (entries.length === 0) return [textBlock("No updates yet.", { isSubtle: true })];
  const shown = entries.slice(0, HISTORY_LIMIT).map((entry) => entry.element);
  const earlier = entries.length - HISTORY_LIMIT;
  return earlier > 0
    ? [...shown, textBlock(`and ${earlier} earlier`, { isSubtle: true, size: "small" })]
    : shown;
}
