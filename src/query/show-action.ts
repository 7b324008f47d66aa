import { buildActionDetailCard } from "../cards/action-detail-card.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import { actionTitle } from "../domain/action.ts";
import type { Answer, AskContext } from "./answer-query.ts";
import { mayView } from "./asker.ts";

/**
 * One action in full (the plan row, its latest update, every update with its decision), from
 * the index. A lead who asks about another lead's action is told whose it is, not shown it.
 */
export function showAction(context: AskContext, ref: string): Answer {
  const { snapshot, person, reach } = context;
  const action = snapshot.actionByRef(ref);
  if (!action) {
    const message = `There is no action ${ref} in the plan.`;
    return {
      card: buildNoticeCard({
        title: "I can't find that action",
        lines: [
          message,
          "Ask \u201cwhat's red\u201d or \u201coverdue actions\u201d to see the plan's Refs.",
        ],
      }),
      summary: message,
    };
  }
  if (!mayView(person, reach, action.lead)) {
    const message = `${action.ref} is led by ${action.lead}, and you can ask only about the actions you lead.`;
    return {
      card: buildNoticeCard({
        title: "That action isn't one of yours",
        lines: [message, "A manager or DMT member can tell you about it."],
      }),
      summary: message,
    };
  }
  const card = buildActionDetailCard({
    action,
    plan: snapshot.plan,
    updates: snapshot.updatesOf(action.ref),
    historyUrl: context.actionUrl(action.ref),
    timeZone: context.timeZone,
  });
  return {
    card,
    summary: `${action.ref}: ${actionTitle(action, 100)} (${action.rag ?? "not rated"})`,
  };
}
