import { executeAction } from "../cards/elements.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import { CARD_VERBS } from "../cards/verbs.ts";
import type { NameChoice } from "../domain/question/index.ts";
import type { Answer } from "./answer-query.ts";

/** Button titles longer than this are cut, so a priority written as a sentence still fits. */
const BUTTON_TITLE = 60;

/**
 * Asked when part of a question fits several of the plan's names ("wellbeing" of a priority and
 * of an area): one button per name asks the same question with that whole name in place of the
 * part, so the answer is read afresh for whoever presses it.
 */
export function askWhichName(text: string, choice: NameChoice): Answer {
  const labels = choice.options.map((option) => option.label);
  const card = buildNoticeCard({
    title: "Which did you mean?",
    lines: [
      `\u201c${choice.typed}\u201d is in more than one name in the plan: ${labels.join("; ")}. Choose one, or ask again with more of the name.`,
    ],
    buttons: choice.options.map((option) =>
      executeAction(shorten(option.label), CARD_VERBS.askQuestion, {
        text: withName(text, choice.typed, option.name),
      }),
    ),
  });
  return { card, summary: `Which did you mean? ${labels.join("; ")}` };
}

/**
 * The question with the typed part swapped for the whole name. The part is found as typed,
 * words apart by any spacing or punctuation; a part read through a spelling correction is not in
 * the text as typed, so the whole name is then added to the question instead.
 */
export function withName(text: string, typed: string, name: string): string {
  const words = typed.split(/\s+/).filter(Boolean).map(escapeRegExp);
  const pattern = new RegExp(
    `(^|[^\\p{L}\\p{N}])${words.join("[^\\p{L}\\p{N}]+")}(?=$|[^\\p{L}\\p{N}])`,
    "iu",
  );
  const match = words.length ? pattern.exec(text) : null;
  if (!match) return `${text} \u2014 ${name}`;
  const at = match.index + (match[1] ?? "").length;
  return `${text.slice(0, at)}${name}${text.slice(match.index + match[0].length)}`;
}

function shorten(title: string): string {
  return title.length <= BUTTON_TITLE
    ? title
    : `${title.slice(0, BUTTON_TITLE - 1).trimEnd()}\u2026`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
