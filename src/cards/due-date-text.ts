import type { PlanDate } from "../domain/action.ts";
import { formatLongDate } from "../domain/iso-date.ts";

/** "30 September 2026", "No date (TBC)", or the plan's own wording when it named no day. Unescaped. */
export function dueDateText(date: PlanDate): string {
  if (date.due) return formatLongDate(date.due);
  if (date.tbc) return "No date (TBC)";
  const written = date.text.trim();
  return written ? written : "No date";
}
