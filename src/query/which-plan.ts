import { executeAction } from "../cards/elements.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import { CARD_VERBS } from "../cards/verbs.ts";
import type { Answer, AskContext } from "./answer-query.ts";

/**
 * Asked when a question's plan words fit several plans equally: one button per plan asks the same
 * question of that plan alone. Answering for all of them would mix plans whose Refs and priority
 * numbers mean different things. The button carries the question as typed, so the answer is read
 * afresh, and narrowed to what the person pressing may see, when it is pressed.
 */
export function askWhichPlan(context: AskContext, text: string, planIds: string[]): Answer {
  const plans = (context.snapshot.plans ?? []).filter((plan) => planIds.includes(plan.plan.id));
  const names = plans.map((plan) => plan.plan.name);
  const card = buildNoticeCard({
    title: "Which plan?",
    lines: [
      `\u201c${text}\u201d could mean ${names.map((name) => `the ${name}`).join(" or ")}. Choose one, or ask again naming it.`,
    ],
    buttons: plans.map((plan) =>
      executeAction(plan.plan.name, CARD_VERBS.askInPlan, { text, planId: plan.plan.id }),
    ),
  });
  return { card, summary: `Which plan? ${names.join(", ")}` };
}
