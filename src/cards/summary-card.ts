import { type Action, actionTitle } from "../domain/action.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import type { Plan } from "../domain/plan.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Rag } from "../domain/rag.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { dueDateText } from "./due-date-text.ts";
import {
  column,
  columnSet,
  heading,
  openUrlAction,
  sectionTitle,
  subtleText,
  textBlock,
} from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { andMore, countOf, limitList } from "./list-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { ragBadge } from "./rag-badge.ts";
import { type RagMovement, ragMovements } from "./rag-movements.ts";
import { ragTable, ragTableRows } from "./rag-table.ts";
import { type OwedGroup, owedLines } from "./review-lists.ts";

export type SummaryInput = {
  quarter: Quarter;
  plan: Plan;
  /** Every action with its current official RAG. */
  actions: readonly Action[];
  /** Each action's official RAG at the end of last quarter, by Ref. */
  previousRags: Readonly<Record<string, Rag | null>>;
  today: IsoDate;
  owing: readonly OwedGroup[];
  awaitingCount: number;
  /** Refs DMT signed off as complete this quarter. */
  completedRefs: readonly string[];
  tabUrl?: string;
};

const LIST_LIMIT = 10;

function movementRow(movement: RagMovement): CardElement {
  const refs = limitList(movement.refs, 6);
  const refText = refs.shown.join(", ") + (refs.hidden > 0 ? ` ${andMore(refs.hidden)}` : "");
  return columnSet(
    [
      column([textBlock(countOf(movement.refs.length, "action"))], "auto"),
      column([ragBadge(movement.from)], "auto"),
      column([textBlock("\u2192")], "auto"),
      column([ragBadge(movement.to)], "auto"),
      column([textBlock(escapeCardText(`(${refText})`), { isSubtle: true })], "stretch"),
    ],
    { spacing: "small" },
  );
}

function overdueLines(actions: readonly Action[], today: IsoDate): CardElement[] {
  const overdue = actions.filter(
    (a) => !a.complete && a.completionDate.due !== null && a.completionDate.due < today,
  );
  if (overdue.length === 0) return [subtleText("None.")];
  const { shown, hidden } = limitList(overdue, LIST_LIMIT);
  return [
    ...shown.map((a) =>
      textBlock(
        `\u2022 ${escapeCardText(a.ref)} ${escapeCardText(actionTitle(a, 90))} \u2014 due ${escapeCardText(dueDateText(a.completionDate))}`,
        { spacing: "none" },
      ),
    ),
    ...(hidden > 0 ? [subtleText(andMore(hidden, "action"))] : []),
  ];
}

/** DMT's quarterly picture: RAG by priority, what moved, what is late, what is still owed. */
export function buildSummaryCard(input: SummaryInput): AdaptiveCardJson {
  const movements = ragMovements(input.actions, input.previousRags);
  const completed = limitList(input.completedRefs, LIST_LIMIT);
  const body: CardElement[] = [
    heading(`Plan summary: ${quarterMonthsLabel(input.quarter)}`),
    textBlock(
      `${escapeCardText(input.plan.name)} \u00b7 ${countOf(input.actions.length, "action")}`,
      {
        isSubtle: true,
        spacing: "small",
      },
    ),
    sectionTitle(`RAG by ${ragTableRows(input.plan)}`),
    ...ragTable(input.plan, input.actions, ragTableRows(input.plan)),
    sectionTitle("Changes since last quarter"),
    ...(movements.length > 0
      ? movements.map(movementRow)
      : [subtleText("No RAG changes since last quarter.")]),
    sectionTitle("Overdue"),
    ...overdueLines(input.actions, input.today),
    sectionTitle("Not yet updated this quarter"),
    ...owedLines(input.owing),
    sectionTitle("Awaiting a DMT decision"),
    textBlock(input.awaitingCount === 0 ? "None." : countOf(input.awaitingCount, "update")),
    sectionTitle("Signed off as complete this quarter"),
    textBlock(
      completed.shown.length === 0
        ? "None."
        : escapeCardText(completed.shown.join(", ")) +
            (completed.hidden > 0 ? ` ${andMore(completed.hidden)}` : ""),
    ),
  ];
  const actions = input.tabUrl ? [openUrlAction("Open the dashboard", input.tabUrl)] : [];
  return adaptiveCard(body, { actions, fullWidth: true });
}
