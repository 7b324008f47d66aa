import { buildNoticeCard } from "../cards/notice-card.ts";
import { todayIn } from "../domain/calendar.ts";
import { can, requireCapability } from "../domain/permissions.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { MessageCommand } from "../messaging.ts";
import { planSummaryText, summariesForToday } from "./quarterly-summary.ts";

/** The plain requests for the whole summary; "summary for priority 1" is a question, answered elsewhere. */
const SUMMARY_REQUESTS = new Set([
  "summary",
  "quarterly summary",
  "the summary",
  "plan summary",
  "dmt summary",
  "show summary",
  "show the summary",
  "show me the summary",
  "summary please",
  "quarterly summary please",
]);

export function isSummaryRequest(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return SUMMARY_REQUESTS.has(words);
}

/** `summary` / `quarterly summary` in chat: DMT, managers and admins get the quarter's summary card. */
export function summaryCommand(deps: FeatureDeps): MessageCommand {
  return {
    name: "summary",
    matches: isSummaryRequest,
    async handle(turn) {
      if (!can(turn.person, "viewReviewStatus")) {
        let message = "";
        try {
          requireCapability(turn.person, "viewReviewStatus");
        } catch (error) {
          message = error instanceof Error ? error.message : String(error);
        }
        const card = buildNoticeCard({
          title: "The summary is for DMT and managers",
          tone: "attention",
          lines: [message],
        });
        await turn.reply(card, message);
        return;
      }
      const today = todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now());
      // One card per plan: each plan's figures are its own.
      const summaries = await summariesForToday(deps, today);
      for (const summary of summaries)
        await turn.reply(summary.card, planSummaryText(summaries, summary));
    },
  };
}
