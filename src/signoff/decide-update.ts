import { formatDateTime } from "../cards/date-time-text.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import type { Action } from "../domain/action.ts";
import { checkDecision, type DecisionRequest, recordDecision } from "../domain/decision-rules.ts";
import { isDomainError } from "../domain/errors.ts";
import { requireCapability } from "../domain/permissions.ts";
import type { Decision, Update } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card, CardActionTurn } from "../messaging.ts";
import { noReviewForDmtCard, reviewExists } from "../review/review-exists.ts";
import type { Versioned } from "../store/document-repo.ts";
import { signOffCardFor } from "./dmt-cards.ts";
import { finishDecision, repairDecision } from "./finish-decision.ts";

/** Two DMT members pressing at once: the loser re-reads and is told who won; a few rounds suffice. */
const ATTEMPTS = 5;

export const COMMENT_REQUIRED =
  "Please write a comment saying what the lead should add or change, then press Return again.";

/** "Already approved by Sam Patel on 3 December 2026 at 10:42. Nothing was changed." */
export function alreadyDecidedNote(decision: Decision, timeZone: string): string {
  const outcome = decision.outcome === "approved" ? "approved" : "returned";
  return `Already ${outcome} by ${decision.byName} on ${formatDateTime(decision.at, timeZone)}. Nothing was changed.`;
}

export function staleRevisionNote(update: Update): string {
  return `${update.authorName} changed this update after your copy was sent, so nothing was decided. This is the current version: please read it and decide again.`;
}

function notice(title: string, line: string): Card {
  return buildNoticeCard({ title, tone: "attention", lines: [line] });
}

type Loaded = { update: Versioned<Update>; action: Action } | { missing: Card };

async function load(
  deps: FeatureDeps,
  quarter: string,
  ref: string,
  planId: string,
): Promise<Loaded> {
  const update = await deps.store.updates.get(quarter, ref, planId);
  const action = update && (await deps.store.actions.get(ref, planId));
  if (!update || !action) {
    return {
      missing: notice(
        "Nothing to decide",
        `There is no ${quarter} update on ${ref} any more. Type \u201creview status\u201d to see what awaits sign-off.`,
      ),
    };
  }
  return { update, action: action.doc };
}

/**
 * Approve or Return pressed on a sign-off card. The decision is written into the update with a
 * conditional replace, so of two presses at once exactly one is recorded; the other, and any later
 * press, gets the decided card with who decided and when. Returns the card shown to the presser.
 */
export async function decideUpdate(
  deps: FeatureDeps,
  turn: CardActionTurn<"approveUpdate" | "returnUpdate">,
): Promise<Card> {
  // Only people the directory lists as DMT may decide; the payload's word is never taken.
  requireCapability(turn.person, "decideSignOff");
  const outcome: Decision["outcome"] = turn.verb === "approveUpdate" ? "approved" : "returned";
  const { quarter, ref, planId, revision, comment } = turn.data;
  // The card names its quarter itself: an update stored under a made-up one is never decided.
  if (!(await reviewExists(deps, quarter))) return noReviewForDmtCard(quarter);
  const request: DecisionRequest = { outcome, revision, comment };
  const timeZone = deps.config.REVIEW_TIMEZONE;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const loaded = await load(deps, quarter, ref, planId);
    if ("missing" in loaded) return loaded.missing;
    const { update, action } = loaded;
    const check = checkDecision(update.doc, request);
    if (!check.ok) {
      if (check.reason === "already_decided") {
        await repairDecision(deps, update.doc);
        const note = alreadyDecidedNote(check.decision, timeZone);
        return signOffCardFor(deps, turn.person.id, action, update.doc, { note });
      }
      if (check.reason === "stale_revision") {
        return signOffCardFor(deps, turn.person.id, action, update.doc, {
          note: staleRevisionNote(update.doc),
        });
      }
      return signOffCardFor(deps, turn.person.id, action, update.doc, {
        errors: { comment: COMMENT_REQUIRED },
        draftComment: comment,
      });
    }
    const decided = recordDecision(update.doc, turn.person, request, deps.clock.now());
    const actor = { id: turn.person.id, name: turn.person.name };
    let saved: Versioned<Update>;
    try {
      saved = await deps.store.updates.replace(decided, update.etag, actor, update.doc);
    } catch (error) {
      if (isDomainError(error) && error.code === "conflict") continue;
      throw error;
    }
    const now = await finishDecision(deps, saved.doc, action);
    return signOffCardFor(deps, turn.person.id, now, saved.doc);
  }
  return notice(
    "Please try again",
    `${ref} was changing as you pressed. Please press the button again.`,
  );
}

/** A sign-off card being opened (Universal Actions refresh): the current state, for DMT only. */
export async function refreshSignOff(
  deps: FeatureDeps,
  turn: CardActionTurn<"refreshSignOff">,
): Promise<Card> {
  requireCapability(turn.person, "decideSignOff");
  const { quarter, ref, planId } = turn.data;
  const loaded = await load(deps, quarter, ref, planId);
  if ("missing" in loaded) return loaded.missing;
  return signOffCardFor(deps, turn.person.id, loaded.action, loaded.update.doc);
}
