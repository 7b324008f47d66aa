import { buildNotInDirectoryCard, buildNoticeCard } from "../cards/notice-card.ts";
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

export function outOfDateButtonCard(): Card {
  return buildNoticeCard({
    title: "This button is out of date",
    lines: [
      "This card comes from an older version of Plan Tracker, so its button no longer does anything.",
      "Type \u201chelp\u201d to see what you can do now.",
    ],
  });
}

/** A mistake the person can fix: the message says what went wrong and what to do. */
export function problemCard(message: string): Card {
  return buildNoticeCard({ title: "That didn't work", tone: "attention", lines: [message] });
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
