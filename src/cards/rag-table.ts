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

/** The name a plan without priorities groups an action under when it has no section. */
export const NO_SECTION = "No section";

/**
 * Actions by section, in the order first met (the actions come in Ref order): a plan without
 * priorities is summed up by its sections, matched ignoring case and spacing as files vary.
 */
function bySection(actions: readonly Action[]): Array<{ label: string; actions: Action[] }> {
  const groups = new Map<string, { label: string; actions: Action[] }>();
  for (const action of actions) {
    const label = action.section.trim().replace(/\s+/g, " ") || NO_SECTION;
    const key = label.toLowerCase();
    const group = groups.get(key) ?? { label, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** What the table's rows are: the plan's priorities, or its sections when it has none. */
export const ragTableRows = (plan: Plan): "priority" | "section" =>
  plan.priorities.length > 0 ? "priority" : "section";

/**
 * Actions counted by RAG for each priority (or each section, for a plan without priorities), as
 * rows of columns (the header shows each rating's colour and word). An action serving two
 * priorities counts in both rows, once in the total.
 */
export function ragTable(
  plan: Plan,
  actions: readonly Action[],
  rows: "priority" | "section" = "priority",
): CardElement[] {
  const bySections = rows === "section";
  const header = row(bySections ? "Section" : "Priority", RATINGS.map(ragLabel), {
    bold: true,
    header: true,
  });
  const groups = bySections
    ? bySection(actions)
    : plan.priorities.map((priority) => ({
        label: `${priority.number} \u2014 ${priority.name}`,
        actions: actions.filter((a) => a.priorities.includes(priority.number)),
      }));
  const groupRows = groups.map((group) => {
    const counts = countRags(group.actions);
    return row(
      escapeCardText(group.label),
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
  return [header, ...groupRows, total];
}
