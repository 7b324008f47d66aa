import { buildNotInDirectoryCard, buildNoticeCard } from "../cards/notice-card.ts";
import type { DomainError, DomainErrorCode } from "../domain/errors.ts";
import { hasRole } from "../domain/person.ts";
import type { Card } from "../messaging.ts";
import type { PeopleRepo } from "../store/people-repo.ts";

/** The cards the bot itself answers with when no feature does: refusals, stale buttons, errors. */

export async function notInDirectoryCard(people: PeopleRepo): Promise<Card> {
  const admins = (await people.list())
    .filter((person) => hasRole(person, "admin"))
    .map(({ name, email }) => ({ name, email }));
  return buildNotInDirectoryCard(admins);
}

/**
 * The one answer to a button that can't be used: a verb no feature answers any more, or data its
 * verb's schema refuses (an older card, or one changed by hand). Nothing was changed.
 */
export function outOfDateButtonCard(): Card {
  return buildNoticeCard({
    title: "This button is out of date",
    lines: [
      "This card is from an older message, so its button no longer works and nothing was changed.",
      "Type \u201chelp\u201d to see what you can do now, \u201cmy actions\u201d for fresh update forms, or ask your question again.",
    ],
  });
}

/** Each domain error's card title; the error's own message names the fix. A new code must be added here. */
const TITLE_OF_CODE = {
  invalid_input: "Please check that",
  not_found: "I couldn't find that",
  forbidden: "That isn't something you can do",
  not_in_directory: "Plan Tracker doesn't know you yet",
  conflict: "Someone else changed this just now",
  already_decided: "That has already been decided",
  store_unavailable: "Couldn't reach the plan store",
  config: "Plan Tracker isn't set up fully yet",
} satisfies Record<DomainErrorCode, string>;

/** A mistake the person can fix, or a refusal: the message says what went wrong and what to do. */
export function domainErrorCard(error: DomainError): Card {
  return buildNoticeCard({
    title: TITLE_OF_CODE[error.code],
    tone: "attention",
    lines: [error.message],
  });
}

export function somethingWentWrongCard(): Card {
  return buildNoticeCard({
    title: "Something went wrong",
    tone: "attention",
    lines: [
      "Something went wrong on my side, so nothing was changed.",
      "Please try again in a minute. If it keeps happening, tell your Plan Tracker administrator.",
    ],
  });
}
