import { buildNoticeCard } from "../cards/notice-card.ts";
import { buildReportLinkCard } from "../cards/report-link-card.ts";
import { todayIn } from "../domain/calendar.ts";
import { isDomainError } from "../domain/errors.ts";
import { requireCapability } from "../domain/permissions.ts";
import { updatePlanId } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { currentPlan } from "../import/current-plan.ts";
import type { MessageCommand } from "../messaging.ts";
import { listPlans } from "../plans/plan-list.ts";
import { planTabUrl } from "../signoff/tab-links.ts";
import { reportQuarterOf } from "./report-quarter.ts";

/** The plain ways of asking for the quarter's Word report. */
const REPORT_REQUESTS = new Set([
  "board report",
  "the board report",
  "board report please",
  "quarterly report",
  "the quarterly report",
  "quarter report",
  "word report",
  "progress report",
  "the progress report",
  "report",
]);

export function isBoardReportRequest(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return REPORT_REQUESTS.has(words);
}

/** The dashboard at one plan, naming the report's quarter so its button fetches that report. */
function reportUrl(deps: FeatureDeps, planId: string, quarter: string): string {
  const url = planTabUrl(deps.config, planId);
  return `${url}${url.includes("?") ? "&" : "?"}report=${encodeURIComponent(quarter)}`;
}

/**
 * `board report` in chat: DMT, managers and admins get a card per plan linking to the quarter's
 * Word report in the dashboard, where their Teams sign-in lets them download it.
 */
export function boardReportCommand(deps: FeatureDeps): MessageCommand {
  return {
    name: "board report",
    matches: isBoardReportRequest,
    async handle(turn) {
      try {
        requireCapability(turn.person, "downloadReport");
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const card = buildNoticeCard({
          title: "The quarter's report is for DMT and managers",
          tone: "attention",
          lines: [error.message],
        });
        await turn.reply(card, error.message);
        return;
      }
      const today = todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now());
      const quarter = await reportQuarterOf(deps.store, null, today);
      const [listed, updates] = await Promise.all([
        listPlans(deps.store),
        deps.store.updates.all(),
      ]);
      const plans = listed.length > 0 ? listed.map((p) => p.plan) : [await currentPlan(deps.store)];
      for (const plan of plans) {
        const awaitingCount = updates.filter(
          (u) => updatePlanId(u) === plan.id && u.quarter <= quarter && u.state === "submitted",
        ).length;
        const card = buildReportLinkCard({
          planName: plan.name,
          quarter,
          url: reportUrl(deps, plan.id, quarter),
          awaitingCount,
        });
        await turn.reply(card, `${plan.name}: the ${quarter} report is ready to download.`);
      }
    },
  };
}
