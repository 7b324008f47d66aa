import { buildNoticeCard } from "../cards/notice-card.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { hasRole, type Person } from "../domain/person.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import type { OutboxItem } from "../store/outbox-repo.ts";

/** The notices' own keys: a notice that cannot be delivered is logged, never noticed in turn. */
const NOTICE_PREFIX = "undelivered:";

/** At most one notice per DMT member or admin per day. */
export const undeliveredNoticeKey = (today: IsoDate, personId: string): string =>
  `${NOTICE_PREFIX}${today}:${personId}`;

/** A notice names this many people at most; the tab's list has them all. */
const NAMED = 15;

/**
 * Tells every DMT member and admin, in one message a day, whom Plan Tracker could not reach:
 * messages given up since the last notice (Teams refused them for good, the person has no chat
 * with Plan Tracker, or Teams kept failing past the deadline). Each given-up message is told of
 * once. Returns the messages told of.
 */
export async function tellOfUndelivered(
  deps: Pick<FeatureDeps, "store" | "messenger" | "clock" | "logger">,
  today: IsoDate,
): Promise<OutboxItem[]> {
  const failed = (await deps.store.outbox.listFailed()).filter(
    (item) => !item.key.startsWith(NOTICE_PREFIX) && !item.failureNoticedAt,
  );
  if (failed.length === 0) return [];
  const people = await deps.store.people.list();
  const told = people.filter((person) => hasRole(person, "dmt", "admin"));
  if (told.length === 0) {
    deps.logger.warn(
      "messages could not be delivered and nobody in the directory is DMT or admin",
      {
        count: failed.length,
      },
    );
    return [];
  }
  const card = noticeCard(failed, people);
  const unreached = new Set(failed.map((item) => item.to)).size;
  const summary = `${count(failed.length, "message")} could not be delivered to ${count(unreached, "person", "people")}.`;
  await deps.messenger.sendMany(
    told.map((person) => ({
      key: undeliveredNoticeKey(today, person.id),
      to: person.id,
      card,
      summary,
    })),
  );
  const at = deps.clock.now().toISOString();
  for (const item of failed) {
    await deps.store.outbox.mutate(item.id, (doc) => ({ ...doc, failureNoticedAt: at }));
  }
  deps.logger.warn("DMT and admins were told of messages that could not be delivered", {
    count: failed.length,
    people: unreached,
  });
  return failed;
}

function noticeCard(failed: readonly OutboxItem[], people: readonly Person[]): Card {
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const byPerson = new Map<string, OutboxItem[]>();
  for (const item of failed) byPerson.set(item.to, [...(byPerson.get(item.to) ?? []), item]);
  const lines = [...byPerson].slice(0, NAMED).map(([to, items]) => {
    const last = items.at(-1) as OutboxItem;
    const who = nameOf.has(to) ? `${nameOf.get(to)} (${to})` : to;
    return `${who}: ${count(items.length, "message")}, e.g. "${last.summary}" (${whyNot(last)}).`;
  });
  if (byPerson.size > NAMED)
    lines.push(`… and ${count(byPerson.size - NAMED, "more person", "more people")}.`);
  return buildNoticeCard({
    title: `Plan Tracker could not reach ${count(byPerson.size, "person", "people")} in Teams`,
    tone: "attention",
    lines: [
      ...lines,
      'Please ask them to open Plan Tracker in Teams (adding it again if they removed or blocked it), then type "my actions" there to get their update forms.',
    ],
  });
}

/** Why, in a person's words; the technical reason stays in the log and the outbox. */
function whyNot(item: OutboxItem): string {
  const failure = item.failure;
  if (failure?.reason.startsWith("Still not delivered")) {
    return "Teams kept failing or throttling it until it was too late to help";
  }
  if (failure?.status === 403) return "Teams says they blocked or removed Plan Tracker";
  if (failure?.status === 404) return "Teams no longer knows their chat with Plan Tracker";
  if (failure?.status === null) return "they have no chat with Plan Tracker in Teams yet";
  return `Teams refused it (${failure?.status ?? "no answer"})`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
