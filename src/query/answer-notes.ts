import type { AdaptiveCardJson } from "../cards/card-json.ts";
import { textBlock } from "../cards/elements.ts";
import { escapeCardText } from "../cards/escape-card-text.ts";
import type { Action } from "../domain/action.ts";
import type { Person } from "../domain/person.ts";
import { type Correction, countSummary } from "../domain/question/index.ts";
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

export function ignoredNote(ignored: readonly string[]): string | null {
  const words = [...new Set(ignored)];
  if (words.length === 0) return null;
  return `I left out ${list(words.map(quoted))}, which I didn't recognise.`;
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
