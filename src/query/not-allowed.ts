import { buildNoticeCard } from "../cards/notice-card.ts";
import type { Answer } from "./answer-query.ts";

/** For someone in the directory with no role that may ask: what they can do instead. */
export function notAllowedAnswer(): Answer {
  const message =
    "Questions about the plan are for managers, DMT members, admins and action leads.";
  return {
    card: buildNoticeCard({
      title: "I can't answer questions for you yet",
      tone: "attention",
      lines: [
        message,
        "Type \u201chelp\u201d to see what you can do, or ask an admin to give you a role.",
      ],
    }),
    summary: message,
  };
}
