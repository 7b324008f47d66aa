import { buildActionDetailCard } from "../cards/action-detail-card.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import { actionTitle } from "../domain/action.ts";
import { emptyQuery } from "../domain/question/index.ts";
import { type Answer, type AskContext, answerQuery } from "./answer-query.ts";
import { mayView } from "./asker.ts";

/**
 * One action in full (the plan row, its latest update, every update with its decision), from
 * the index. A lead who asks about another lead's action is told whose it is, not shown it.
 */
export function showAction(context: AskContext, ref: string, planIds?: readonly string[]): Answer {
  if (context.snapshot.plans) return showInPlans(context, ref, planIds);
  return showOne(context, ref);
}

/**
 * With several plans a Ref may be in more than one ("1.1"): each is listed under its plan, a tap
 * away from its details; a Ref in one plan (or in the plan named) is shown in full.
 */
function showInPlans(context: AskContext, ref: string, planIds?: readonly string[]): Answer {
  const plans = (context.snapshot.plans ?? []).filter(
    (plan) => !planIds?.length || planIds.includes(plan.plan.id),
  );
  const found = plans.filter((plan) => plan.actionByRef(ref));
  const [only] = found;
  if (found.length === 1 && only) {
    return showOne({ ...context, snapshot: only }, ref, only.plan.name);
  }
  if (found.length === 0) {
    const where = plans.length === 1 && plans[0] ? `the ${plans[0].plan.name}` : "any plan";
    return notFound(`There is no action ${ref} in ${where}.`);
  }
  const refs = [...new Set(found.map((plan) => plan.actionByRef(ref)?.ref ?? ref))];
  const plansNamed = planIds?.length ? { plans: found.map((plan) => plan.plan.id) } : {};
  return answerQuery(context, { ...emptyQuery(), refs, ...plansNamed });
}

/** `planName` is given when the store holds several plans, so the card says which plan's Ref it is. */
function showOne(context: AskContext, ref: string, planName?: string): Answer {
  const { snapshot, person, reach } = context;
  const action = snapshot.actionByRef(ref);
  if (!action) return notFound(`There is no action ${ref} in the plan.`);
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
    planName,
    updates: snapshot.updatesOf(action.ref),
    historyUrl: context.actionUrl(action.ref, action.planId),
    timeZone: context.timeZone,
  });
  return {
    card,
    summary: `${action.ref}: ${actionTitle(action, 100)} (${action.rag ?? "not rated"})`,
  };
}

function notFound(message: string): Answer {
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
