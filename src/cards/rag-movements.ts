import type { Action } from "../domain/action.ts";
import type { Rag } from "../domain/rag.ts";
import { countOf } from "./list-text.ts";
import { ragWord } from "./rag-badge.ts";

export type RagMovement = { from: Rag | null; to: Rag | null; refs: string[] };

/**
 * How official ratings changed since last quarter, biggest group first: "2 actions Green → Amber".
 * Actions with no rating last quarter on record (new to the plan) are not counted as moves.
 */
export function ragMovements(
  actions: readonly Action[],
  previousRags: Readonly<Record<string, Rag | null>>,
): RagMovement[] {
  const groups = new Map<string, RagMovement>();
  for (const action of actions) {
    if (!Object.hasOwn(previousRags, action.ref)) continue;
    const from = previousRags[action.ref] ?? null;
    if (from === action.rag) continue;
    const key = `${from}>${action.rag}`;
    const group = groups.get(key) ?? { from, to: action.rag, refs: [] };
    group.refs.push(action.ref);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.refs.length - a.refs.length);
}

export function movementText(movement: RagMovement): string {
  return `${countOf(movement.refs.length, "action")} ${ragWord(movement.from)} \u2192 ${ragWord(movement.to)}`;
}
