import { type AdaptiveCardJson, adaptiveCard } from "./card-json.ts";
import { actionSet, executeAction, heading, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { CARD_VERBS } from "./verbs.ts";

export const DEFAULT_EXAMPLE_QUESTIONS = [
  "what's red for priority 3",
  "show overdue actions for HoS",
  "summary",
] as const;

export type NotUnderstoodInput = {
  /** What the person typed. */
  text: string;
  /** Three questions to offer as buttons; sensible defaults otherwise. */
  examples?: readonly string[];
};

/** The reply to a message the bot could not read, offering questions it can answer. */
export function buildNotUnderstoodCard(input: NotUnderstoodInput): AdaptiveCardJson {
  const examples = (input.examples ?? DEFAULT_EXAMPLE_QUESTIONS).slice(0, 3);
  const typed = input.text.trim();
  // One question per row: side by side, long questions are cut off on narrow screens.
  const buttons = examples.map((question) =>
    actionSet([executeAction(question, CARD_VERBS.askQuestion, { text: question })]),
  );
  return adaptiveCard([
    heading("Sorry, I didn't understand that"),
    textBlock(
      typed
        ? `You wrote: \u201c${escapeCardText(typed)}\u201d`
        : "Your message had no words I could read.",
    ),
    textBlock(
      "I answer questions about the plan by Ref, RAG, priority, lead or date. Try one of these, or type \u201chelp\u201d:",
    ),
    ...buttons,
  ]);
}
