import { buildNotUnderstoodCard } from "../cards/not-understood-card.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import type { Query } from "../domain/question/index.ts";
import { EXAMPLE_QUESTIONS, parseQuestion } from "../domain/question/index.ts";
import { correctionsNote, ignoredNote, namesReadNote, withNotes } from "./answer-notes.ts";
import { type Answer, type AskContext, answerQuery } from "./answer-query.ts";
import { withinReach } from "./asker.ts";
import { matchesByPlan } from "./find-matches.ts";
import { showAction } from "./show-action.ts";
import { answerSummary } from "./summary-answer.ts";
import { askWhichName } from "./which-name.ts";
import { askWhichPlan } from "./which-plan.ts";

/**
 * A typed question (or a pressed example) answered: a list, one action, a summary, or "sorry".
 * `planId` is the plan picked on a "which plan?" card: the question is read again and answered
 * from that plan, if it is still one the question may mean.
 */
export function answerQuestion(context: AskContext, text: string, planId?: string): Answer {
  const parsed = parseQuestion(
    text,
    context.snapshot.vocabulary,
    context.today,
    context.currentQuarter,
  );
  switch (parsed.kind) {
    case "query": {
      const choices = (parsed.choosePlans ?? []).filter((id) =>
        context.snapshot.plans?.some((plan) => plan.plan.id === id),
      );
      const picked =
        planId && choices.includes(planId) ? planId : choices.length === 1 ? choices[0] : undefined;
      if (choices.length > 1 && !picked) return askWhichPlan(context, text, choices);
      if (parsed.chooseName) return askWhichName(text, parsed.chooseName);
      const named = picked ? { ...parsed.query, plans: [picked] } : parsed.query;
      // "childrens homes": a phrase of the plan's text beats a one-word name that finds nothing.
      const asText = parsed.asText && {
        ...parsed.asText,
        query: picked ? { ...parsed.asText.query, plans: [picked] } : parsed.asText.query,
      };
      const useText =
        asText !== undefined &&
        findsNothing(context, named) &&
        !findsNothing(context, asText.query);
      const query = useText ? asText.query : named;
      return answerQuery(context, query, {
        notes: [
          useText ? `I looked for “${asText.phrase}” in the plan's text.` : null,
          useText ? null : namesReadNote(parsed.namesRead ?? []),
          correctionsNote(parsed.corrections),
          ignoredNote(parsed.ignored),
        ],
      });
    }
    case "ref":
      return showAction(context, parsed.ref, parsed.plans);
    case "missingRef":
      return noSuchAction(context, parsed.ref);
    case "summary":
      return answerSummary(context, parsed.priorities);
    case "unknown":
      return notUnderstood(text, parsed.reason);
  }
}

function findsNothing(context: AskContext, query: Query): boolean {
  return matchesByPlan(context, withinReach(query, context.reach)).every(
    (group) => group.matches.length === 0,
  );
}

/** Says why, under "You wrote: …", and offers three questions that work on any plan. */
export function notUnderstood(text: string, reason: string): Answer {
  const card = buildNotUnderstoodCard({ text, examples: EXAMPLE_QUESTIONS });
  return {
    card: withNotes(card, [reason], 2),
    summary: `Sorry, I didn't understand that. ${reason}`,
  };
}

/**
 * A Ref written like the plan's that it does not hold: the question was understood, so the answer
 * says only that, and where the plan's Refs run.
 */
function noSuchAction(context: AskContext, ref: string): Answer {
  const plans = context.snapshot.plans ?? [context.snapshot];
  const where =
    plans.length === 1
      ? `the ${context.snapshot.plan.name}`
      : `any of the plans (${plans.map((plan) => plan.plan.name).join(", ")})`;
  const line = `There is no action ${ref} in ${where}.`;
  const refs = plans.length === 1 ? context.snapshot.actions.map((action) => action.ref) : [];
  const range = refs.length > 1 ? `Its actions run from ${refs[0]} to ${refs.at(-1)}.` : null;
  const card = buildNoticeCard({ title: "No such action", lines: range ? [line, range] : [line] });
  return { card, summary: line };
}
