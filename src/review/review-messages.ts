import { countOf } from "../cards/list-text.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import { buildReviewStatusCard } from "../cards/review-status-card.ts";
import { quarterLabel, reviewRoundDates } from "../domain/calendar.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import type { Card } from "../messaging.ts";
import type { ReviewLists, ReviewStatus } from "./review-status.ts";
import type { StartReviewResult } from "./start-review.ts";

/** What `start review` says back, in chat and (as plain lines) on the command line. */
export function startReviewLines(result: StartReviewResult): { title: string; lines: string[] } {
  const label = quarterLabel(result.quarter);
  const date = formatLongDate(result.reviewDate);
  if (!result.started) {
    return {
      title: `The ${label} review is already open`,
      lines: [
        `It opened${result.openedAt ? ` on ${formatLongDate(result.openedAt.slice(0, 10))}` : ""} and its reminders have gone out, so nothing was sent again. The review date is ${date}.`,
        "Say \u201creview status\u201d to see who still owes an update.",
      ],
    };
  }
  const r = result.report;
  if (!r.recorded) {
    return {
      title: `Nothing sent for the ${label} review yet`,
      lines: [
        `Nobody in the directory leads the ${countOf(r.withoutLead, "open action")}, so no reminders went out.`,
        'Add the leads (plan-tracker people add <email> --role lead --leads "HoS / Service Manager") and start the review again.',
      ],
    };
  }
  const rounds = reviewRoundDates(result.reviewDate);
  const lines = [
    r.leads > 0
      ? `Update forms are on their way to ${countOf(r.leads, "lead")}, one for each of ${countOf(r.actions, "action")}. Updates are due by ${date}.`
      : `Every action already has an update, so no reminders were needed. The review date is ${date}.`,
    `Chasers go on ${formatLongDate(rounds.chase)} and ${formatLongDate(rounds.final)} to anyone who still owes an update.`,
  ];
  if (r.withoutLead > 0) {
    lines.push(
      `${countOf(r.withoutLead, "action")} ${r.withoutLead === 1 ? "has" : "have"} no lead in the directory: see \u201creview status\u201d.`,
    );
  }
  return { title: `The ${label} review is open`, lines };
}

export function startReviewCard(result: StartReviewResult): Card {
  const { title, lines } = startReviewLines(result);
  return buildNoticeCard({
    title,
    lines,
    tone: result.started && result.report.recorded ? "good" : "default",
  });
}

/** Who owes what: people by name, then Lead values nobody in the directory answers for. */
function owingOf(lists: ReviewLists) {
  return [
    ...lists.owing.map((o) => ({ who: o.name, refs: o.refs })),
    ...lists.noLeadInDirectory.map((n) => ({
      who: `${n.lead} (no lead in the directory)`,
      refs: n.refs,
    })),
  ];
}

export function reviewStatusCard(status: ReviewStatus, timeZone: string): Card {
  return buildReviewStatusCard({
    quarter: status.quarter,
    reviewDate: status.reviewDate,
    owing: owingOf(status),
    awaiting: status.awaitingSignOff,
    returned: status.returned,
    approvedCount: status.approved.length,
    ...(status.plans
      ? {
          plans: status.plans.map((plan) => ({
            name: plan.planName,
            owing: owingOf(plan),
            awaiting: plan.awaitingSignOff,
            returned: plan.returned,
          })),
        }
      : {}),
    timeZone,
  });
}
