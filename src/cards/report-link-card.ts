import { type AdaptiveCardJson, adaptiveCard } from "./card-json.ts";
import { heading, openUrlAction, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";

export interface ReportLinkInput {
  planName: string;
  quarter: string;
  /** The dashboard, opened at this plan with the report's quarter named (`?report=2026-Q3`). */
  url: string;
  /** Updates still awaiting DMT's decision, which the report lists as not yet agreed. */
  awaitingCount: number;
}

/** `board report` in chat: where to get the quarter's Word report, and what it will hold. */
export function buildReportLinkCard(input: ReportLinkInput): AdaptiveCardJson {
  const waiting =
    input.awaitingCount === 0
      ? "Every update sent so far has a decision."
      : `${input.awaitingCount} ${input.awaitingCount === 1 ? "update is" : "updates are"} still awaiting DMT's decision: the report lists ${input.awaitingCount === 1 ? "it" : "them"} as not yet agreed.`;
  return adaptiveCard(
    [
      heading(escapeCardText(`${input.planName}: the ${input.quarter} report`)),
      textBlock(
        escapeCardText(
          `The progress report for ${quarterMonthsLabel(input.quarter)}, as a Word document ready for the board. Progress in it is what DMT approved. ${waiting}`,
        ),
      ),
      textBlock(
        escapeCardText(
          "It is made afresh when you download it, so it always holds the latest decisions.",
        ),
        { isSubtle: true },
      ),
    ],
    { actions: [openUrlAction("Download the report (Word)", input.url)] },
  );
}
