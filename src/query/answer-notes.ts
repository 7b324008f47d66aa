import type { AdaptiveCardJson } from "../cards/card-json.ts";
import { textBlock } from "../cards/elements.ts";
import { escapeCardText } from "../cards/escape-card-text.ts";
import type { Action } from "../domain/action.ts";
import { quarterLabel } from "../domain/calendar.ts";
import type { Person } from "../domain/person.ts";
import type { Quarter } from "../domain/quarter.ts";
import { shiftQuarter } from "../domain/question/fiscal-calendar.ts";
import {
  type Correction,
  countSummary,
  type NameRead,
  type Query,
} from "../domain/question/index.ts";
import type { AskerReach } from "./asker.ts";

/**
 * The lines under an answer's heading that say how the question was read, so nothing is guessed
 * silently: words read as others, words left out, and a lead's answer limited to their actions.
 */

const quoted = (word: string) => `\u201c${word}\u201d`;

function list(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export function correctionsNote(corrections: readonly Correction[]): string | null {
  if (corrections.length === 0) return null;
  const readings = corrections.map(({ typed, readAs }) => `${quoted(typed)} as ${quoted(readAs)}`);
  return `I read ${list(readings)}.`;
}

/** "Priority 5: Children who become vulnerable … SEND (from “SEND”)": a name read from a part. */
export function namesReadNote(read: readonly NameRead[]): string | null {
  if (read.length === 0) return null;
  return `Read as ${list(read.map(({ typed, readAs }) => `${readAs} (from ${quoted(typed)})`))}.`;
}

export function ignoredNote(ignored: readonly string[]): string | null {
  const words = [...new Set(ignored)];
  if (words.length === 0) return null;
  return `I left out ${list(words.map(quoted))}, which I didn't recognise.`;
}

/**
 * Which quarter's ratings an answer about the past used, so it is never mistaken for today's:
 * ratings DMT approved by the end of a quarter (see `recordedRagAt`).
 */
export function historyNote(query: Query, currentQuarter: Quarter): string | null {
  const changes = query.review.some((r) => ["changedRag", "worse", "better"].includes(r.kind));
  const quarter = query.asAt ?? currentQuarter;
  const before = shiftQuarter(quarter, -1);
  if (changes) {
    return `From the ratings DMT approved: the end of ${quarterLabel(before)} compared with ${quarter === currentQuarter ? "now" : `the end of ${quarterLabel(quarter)}`}.`;
  }
  if (query.asAt) return `RAGs as DMT had approved them by the end of ${quarterLabel(query.asAt)}.`;
  return null;
}

export function reachNote(person: Person, reach: AskerReach): string | null {
  if (reach !== "ownActions") return null;
  if (person.leads.length === 0) {
    return "You can ask about the actions you lead, but the directory lists no Lead for you yet. Ask an admin to add yours.";
  }
  return `You can ask about the actions you lead (${person.leads.join("; ")}), so I searched only those.`;
}

/** "Red 4 · Amber 3 · Green 2 · Not rated 1", for "how many" questions. */
export function countsNote(actions: readonly Pick<Action, "rag">[]): string {
  const counts = countSummary([...actions]);
  return `Red ${counts.Red} \u00b7 Amber ${counts.Amber} \u00b7 Green ${counts.Green} \u00b7 Not rated ${counts.none}`;
}

/** Puts plain-text notes into a card right after its first `after` elements (its heading). */
export function withNotes(
  card: AdaptiveCardJson,
  notes: ReadonlyArray<string | null>,
  after = 1,
): AdaptiveCardJson {
  const blocks = notes
    .filter((note): note is string => note !== null)
    .map((note) => textBlock(escapeCardText(note), { size: "small", spacing: "small" }));
  if (blocks.length === 0) return card;
  return { ...card, body: [...card.body.slice(0, after), ...blocks, ...card.body.slice(after)] };
}
