import type { CardElement } from "./card-json.ts";
import { formatDateTime } from "./date-time-text.ts";
import { subtleText, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { andMore, limitList } from "./list-text.ts";

/** Someone (a person, or a Lead with nobody behind it) and the Refs they still owe. */
export type OwedGroup = { who: string; refs: readonly string[] };

/** An update waiting for DMT. */
export type AwaitingItem = {
  ref: string;
  title: string;
  submittedBy: string;
  submittedAt: string;
  /** Working days since it was sent; shown when given. */
  workingDaysWaiting?: number;
};

export type ReturnedItem = { ref: string; title: string; returnedBy: string; comment: string };

/** Lists are cut at this many lines so the card stays small however far behind a review is. */
export const REVIEW_LIST_LIMIT = 15;
const REFS_PER_LINE = 10;

function refList(refs: readonly string[]): string {
  const { shown, hidden } = limitList(refs, REFS_PER_LINE);
  const list = shown.map(escapeCardText).join(", ");
  return hidden > 0 ? `${list} ${andMore(hidden)}` : list;
}

function capped<T>(
  items: readonly T[],
  line: (item: T) => CardElement,
  [singular, plural]: [string, string],
): CardElement[] {
  const { shown, hidden } = limitList(items, REVIEW_LIST_LIMIT);
  const more = hidden > 0 ? [subtleText(andMore(hidden, singular, plural))] : [];
  return [...shown.map(line), ...more];
}

const bullet = (text: string) => textBlock(`\u2022 ${text}`, { spacing: "none" });

export function owedLines(groups: readonly OwedGroup[]): CardElement[] {
  if (groups.length === 0) return [subtleText("Nobody: every action has an update.")];
  return capped(groups, (g) => bullet(`${escapeCardText(g.who)}: ${refList(g.refs)}`), [
    "person",
    "people",
  ]);
}

export function awaitingLines(items: readonly AwaitingItem[], timeZone: string): CardElement[] {
  if (items.length === 0) return [subtleText("Nothing is waiting for sign-off.")];
  return capped(
    items,
    (item) => {
      const waiting =
        item.workingDaysWaiting === undefined
          ? ""
          : `, waiting ${item.workingDaysWaiting} working days`;
      return bullet(
        `${escapeCardText(item.ref)} ${escapeCardText(item.title)} (sent by ${escapeCardText(item.submittedBy)} on ${formatDateTime(item.submittedAt, timeZone)}${waiting})`,
      );
    },
    ["update", "updates"],
  );
}

export function returnedLines(items: readonly ReturnedItem[]): CardElement[] {
  if (items.length === 0) return [subtleText("Nothing has been returned.")];
  return capped(
    items,
    (item) =>
      bullet(
        `${escapeCardText(item.ref)} ${escapeCardText(item.title)}: returned by ${escapeCardText(item.returnedBy)}${item.comment.trim() ? ` \u2014 \u201c${escapeCardText(item.comment.trim())}\u201d` : ""}`,
      ),
    ["update", "updates"],
  );
}

export const refCount = (groups: readonly OwedGroup[]): number =>
  groups.reduce((sum, group) => sum + group.refs.length, 0);
