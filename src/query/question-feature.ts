import { todayIn } from "../domain/calendar.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Feature } from "../messaging.ts";
import { summaryQuarter } from "../signoff/quarterly-summary.ts";
import { actionTabUrl } from "../signoff/tab-links.ts";
import { answerQuestion } from "./answer-question.ts";
import { askerReach } from "./asker.ts";
import { type Answering, questionCardActions } from "./card-actions.ts";
import { holdsNoPlan, noPlanYetAnswer } from "./no-plan-answer.ts";
import { notAllowedAnswer } from "./not-allowed.ts";
import { QuestionIndex } from "./question-index.ts";

/**
 * The question feature, with a way to read the plan ahead of the first question (once start-up is
 * done, so the read does not hold up the rest of it) and to stop its background refresh.
 */
export type QuestionFeature = Feature & { warmUp(): void; close(): void };

/**
 * Plain-English questions about the plan ("what's red for priority 3", "CSC-07", "summary for
 * priority 1"): any message no command took, in a personal chat or where the bot was @mentioned
 * (answered in the thread), and the answer cards' buttons. Answers come from an index in memory.
 */
export function createQuestionFeature(deps: FeatureDeps): QuestionFeature {
  const index = new QuestionIndex(deps);
  const timeZone = deps.config.REVIEW_TIMEZONE;
  // The day changes only at midnight, on a minute boundary; working it out takes a little while.
  let dayOf = { minute: Number.NaN, today: "" };
  const today = () => {
    const now = deps.clock.now();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== dayOf.minute) dayOf = { minute, today: todayIn(timeZone, now) };
    return dayOf.today;
  };

  const answering: Answering = async (person, work) => {
    const reach = askerReach(person);
    if (reach === "nothing") return notAllowedAnswer();
    const snapshot = await index.current();
    if (holdsNoPlan(snapshot)) return noPlanYetAnswer();
    const day = today();
    return work({
      snapshot,
      person,
      reach,
      today: day,
      currentQuarter: summaryQuarter(day, snapshot.reviews),
      timeZone,
      // The tab opens another plan's action from ?plan=, as its own links do.
      actionUrl: (ref, planId) =>
        !planId || planId === DEFAULT_PLAN_ID
          ? actionTabUrl(deps.config, ref)
          : `${actionTabUrl(deps.config, ref)}?plan=${encodeURIComponent(planId)}`,
    });
  };

  return {
    name: "questions",
    async fallback(turn) {
      const answer = await answering(turn.person, (context) => answerQuestion(context, turn.text));
      await turn.reply(answer.card, answer.summary);
      return true;
    },
    cardActions: questionCardActions(answering),
    warmUp: () => index.warmUp(),
    close: () => index.close(),
  };
}
