import { type Action, actionTitle } from "../domain/action.ts";
import type { Rag } from "../domain/rag.ts";
import type { CardElement } from "./card-json.ts";
import { dueDateText } from "./due-date-text.ts";
import { column, columnSet, factSet, heading, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { ragBadge } from "./rag-badge.ts";

/**
 * The top of every card about one action: its Ref as the heading (how people name actions in
 * meetings), its title, and who leads it by when. With several plans in the store, `planName`
 * says which plan's action it is (two plans may each have a 1.1); with one plan there is none.
 */
export function actionHeader(
  action: Action,
  headingText = escapeCardText(action.ref),
  planName?: string,
): CardElement[] {
  return [
    heading(headingText),
    textBlock(escapeCardText(actionTitle(action)), { weight: "bolder", spacing: "small" }),
    factSet([
      ...(planName ? [["Plan", escapeCardText(planName)] as const] : []),
      ["Lead", escapeCardText(action.lead)],
      ["Due", escapeCardText(dueDateText(action.completionDate))],
    ]),
  ];
}

/** "Official RAG  ● Red": a label and a RAG badge side by side. */
export function labelledRag(label: string, rag: Rag | null): CardElement {
  return columnSet(
    [column([textBlock(label, { isSubtle: true })], "auto"), column([ragBadge(rag)], "stretch")],
    { spacing: "small" },
  );
}
