import type { Action } from "../domain/action.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import type { Update } from "../domain/update.ts";
import type { CardElement } from "./card-json.ts";
import { dueDateText } from "./due-date-text.ts";
import { factSet, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { linkOrText } from "./safe-link.ts";

/**
 * "Completion date change: 31 March 2027 → 30 June 2027 — reason: staff vacancies", on its own
 * line so a date change is never missed in sign-off. Null when no new date was asked for.
 */
export function dateChangeLine(action: Action, update: Update): string | null {
  if (!update.revisedDate) return null;
  const from = dueDateText(action.completionDate);
  const to = formatLongDate(update.revisedDate);
  const change =
    from === to
      ? `New completion date: ${to}`
      : `Completion date change: ${escapeCardText(from)} \u2192 ${to}`;
  const reason = update.revisedDateReason.trim();
  return reason ? `${change} \u2014 reason: ${escapeCardText(reason)}` : change;
}

/**
 * The optional answers the board paper uses, each under its question; nothing when left empty
 * (and on updates sent before the form asked).
 */
export function paperAnswerBlocks(update: Update, weight: "bolder" | "subtle"): CardElement[] {
  const answers = [
    ["What difference has this made for children and families?", update.difference],
    ["What happens next?", update.nextSteps],
  ] as const;
  return answers.flatMap(([question, answer]) => {
    const text = answer?.trim();
    if (!text) return [];
    const title =
      weight === "bolder"
        ? textBlock(question, { weight: "bolder", spacing: "medium" })
        : textBlock(question, { isSubtle: true, size: "small", spacing: "small" });
    return [title, textBlock(escapeCardText(text), { spacing: "small" })];
  });
}

/**
 * What a lead sent: the progress text and the optional answers, then the date change, evidence
 * and completion request.
 */
export function updateDetails(action: Action, update: Update): CardElement[] {
  const dateChange = dateChangeLine(action, update);
  const evidence = update.evidenceUrl.trim();
  const justification = update.ragJustification.trim();
  return [
    textBlock("Progress", { weight: "bolder", spacing: "medium" }),
    textBlock(escapeCardText(update.progress), { spacing: "small" }),
    ...paperAnswerBlocks(update, "bolder"),
    ...(dateChange ? [textBlock(dateChange, { weight: "bolder" })] : []),
    factSet([
      ["Evidence", evidence ? linkOrText("Open the evidence", evidence) : "None given"],
      [
        "Completion",
        update.proposeCompletion ? "Proposed for completion sign-off" : "Not proposed",
      ],
      ...(justification ? [["Why Green", escapeCardText(justification)] as const] : []),
    ]),
  ];
}
