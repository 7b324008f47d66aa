import { type AdaptiveCardJson, adaptiveCard, type ExecuteAction } from "./card-json.ts";
import { heading, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";

export type NoticeInput = {
  title: string;
  /** Shown literally, one paragraph each. */
  lines: readonly string[];
  /** Colours the title: "attention" for errors and refusals. */
  tone?: "default" | "attention" | "good";
  /** At most five buttons (Teams shows no more). */
  buttons?: readonly ExecuteAction[];
};

/** A short titled message for refusals, errors and confirmations. */
export function buildNoticeCard(input: NoticeInput): AdaptiveCardJson {
  const tone = input.tone ?? "default";
  return adaptiveCard(
    [
      { ...heading(escapeCardText(input.title)), ...(tone === "default" ? {} : { color: tone }) },
      ...input.lines.map((line) => textBlock(escapeCardText(line))),
    ],
    { actions: [...(input.buttons ?? [])].slice(0, 5) },
  );
}

export type AdminContact = { name: string; email: string };

/** For someone Teams knows but the directory does not: names who can add them. */
export function buildNotInDirectoryCard(admins: readonly AdminContact[]): AdaptiveCardJson {
  const who =
    admins.length > 0
      ? `Please ask an admin to add you: ${admins.map((a) => `${a.name} (${a.email})`).join(", ")}.`
      : "Please ask whoever runs Plan Tracker in your council to add you.";
  return buildNoticeCard({
    title: "I don't know you yet",
    tone: "attention",
    lines: ["Plan Tracker only answers people in its directory, and you are not in it yet.", who],
  });
}

/** When the store could not save: the card the person pressed still holds what they typed. */
export function buildStoreDownCard(): AdaptiveCardJson {
  return buildNoticeCard({
    title: "Couldn't save",
    tone: "attention",
    lines: ["Couldn't save \u2014 please press Submit again. Your text is still in the card."],
  });
}
