import type { Action } from "../action.ts";

export type RagCounts = { Red: number; Amber: number; Green: number; none: number };

/** How many actions carry each rating, for "how many" answers; unrated ones count as `none`. */
export function countSummary(actions: Pick<Action, "rag">[]): RagCounts {
  const counts: RagCounts = { Red: 0, Amber: 0, Green: 0, none: 0 };
  for (const action of actions) counts[action.rag ?? "none"]++;
  return counts;
}
