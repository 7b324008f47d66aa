import { setTimeout as sleep } from "node:timers/promises";
import { buildNoticeCard } from "../cards/notice-card.ts";
import { quarterLabel } from "../domain/calendar.ts";
import { requireCapability } from "../domain/permissions.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { MessageCommand } from "../messaging.ts";
import type { ActionCache } from "./action-cache.ts";
import { loadReviewStatus } from "./load-review-status.ts";
import { myActionCards } from "./my-actions.ts";
import { reviewStatusCard, startReviewCard } from "./review-messages.ts";
import { startReview } from "./start-review.ts";

/** "Who hasn't updated?" → "who hasnt updated": commands match however they are punctuated. */
export function commandWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const phrases =
  (...accepted: string[]) =>
  (text: string) =>
    accepted.includes(commandWords(text));

export function reviewCommands(deps: FeatureDeps, cache: ActionCache): MessageCommand[] {
  return [
    {
      name: "my actions",
      matches: phrases("my actions", "my action", "show my actions", "my updates", "my forms"),
      handle: async (turn) => {
        requireCapability(turn.person, "submitUpdate");
        const { quarter, cards } = await myActionCards(deps, cache, turn.person);
        if (cards.length === 0) {
          const lines = turn.person.leads.length
            ? [
                `None of the plan's open actions has a Lead matching yours (${turn.person.leads.join("; ")}).`,
                "If that's wrong, ask an admin to check your leads in the directory.",
              ]
            : ["The directory doesn't list any Lead values for you yet. Ask an admin to add them."];
          await turn.reply(
            buildNoticeCard({ title: "You have no open actions", lines }),
            "You have no open actions.",
          );
          return;
        }
        for (const { ref, card } of cards)
          await turn.reply(card, `${ref}: your update for ${quarterLabel(quarter)}`);
      },
    },
    {
      name: "start review",
      matches: phrases("start review", "start the review", "open review", "open the review"),
      handle: async (turn) => {
        requireCapability(turn.person, "startReview");
        const running = startReview(deps);
        // Teams waits about 15 s for a turn; a large plan takes longer to queue. Past a few
        // seconds the person hears that it is under way, and the round finishes in the
        // background (every message has a key, so nothing is sent twice if it is retried).
        const result = await Promise.race([running, delay(REPLY_WITHIN_MS)]);
        if (!result) {
          running.catch((error: unknown) =>
            deps.logger.error("starting the review failed", { error: String(error) }),
          );
          await turn.reply(
            buildNoticeCard({
              title: "The review is opening",
              lines: [
                "Update forms are being sent to every lead now. Say review status in a few minutes to see who still owes an update.",
              ],
            }),
            "The review is opening: update forms are on their way.",
          );
          return;
        }
        await turn.reply(
          startReviewCard(result),
          `Review ${result.quarter}: ${result.started ? "opened" : "already open"}`,
        );
      },
    },
    {
      name: "review status",
      matches: phrases(
        "review status",
        "who hasnt updated",
        "who has not updated",
        "who hasnt updated yet",
        "who still owes an update",
      ),
      handle: async (turn) => {
        requireCapability(turn.person, "viewReviewStatus");
        const status = await loadReviewStatus(
          deps.store,
          deps.clock.now(),
          deps.config.REVIEW_TIMEZONE,
        );
        await turn.reply(
          reviewStatusCard(status, deps.config.REVIEW_TIMEZONE),
          `Review ${status.quarter} status`,
        );
      },
    },
  ];
}

/** How long `start review` may hold the chat turn before answering that it is under way. */
const REPLY_WITHIN_MS = 8_000;

const delay = (ms: number) => sleep(ms, undefined, { ref: false });
