import type { Action } from "../domain/action.ts";
import type { Plan } from "../domain/plan.ts";
import { RAGS, type Rag } from "../domain/rag.ts";
import type { CardElement } from "./card-json.ts";
import { column, columnSet, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { ragColour, ragLabel } from "./rag-badge.ts";

const RATINGS: ReadonlyArray<Rag | null> = [...RAGS, null];

type Counts = Map<Rag | null, number>;

function countRags(actions: readonly Action[]): Counts {
  const counts: Counts = new Map(RATINGS.map((rag) => [rag, 0]));
  for (const action of actions) counts.set(action.rag, (counts.get(action.rag) ?? 0) + 1);
  return counts;
}

/** One table row; the first cell is wider, the counts share the rest equally. */
function row(
  label: string,
  cells: string[],
  options: { bold?: boolean; header?: boolean },
): CardElement {
  const weight = options.bold ? ("bolder" as const) : undefined;
  return columnSet(
    [
      column([textBlock(label, { weight, size: "small" })], 4),
      ...cells.map((cell, i) =>
        column(
          [
            textBlock(cell, {
              weight,
              size: "small",
              ...(options.header ? { color: ragColour(RATINGS[i] ?? null) } : {}),
            }),
          ],
          1,
        ),
      ),
    ],
    { spacing: "small", separator: options.header !== true },
  );
}

/**
 * Actions counted by RAG for each priority, as rows of columns (the header shows each rating's
 * colour and word). An action serving two priorities counts in both rows, once in the total.
 */
export function ragTable(plan: Plan, actions: readonly Action[]): CardElement[] {
  const header = row("Priority", RATINGS.map(ragLabel), { bold: true, header: true });
  const rows = plan.priorities.map((priority) => {
    const counts = countRags(actions.filter((a) => a.priorities.includes(priority.number)));
    return row(
      `${priority.number} \u2014 ${escapeCardText(priority.name)}`,
      RATINGS.map((rag) => String(counts.get(rag) ?? 0)),
      {},
    );
  });
  const totals = countRags(actions);
  const total = row(
    "All actions",
    RATINGS.map((rag) => String(totals.get(rag) ?? 0)),
    {
      bold: true,
    },
  );
  return [header, ...rows, total];
}
