import { normaliseLead } from "../domain/action.ts";
import { RAGS } from "../domain/rag.ts";
import { ApiError } from "./api-error.ts";

/** The dashboard's filters, as kept in the page's address (and sent on to /api/plan unchanged). */
export interface PlanFilters {
  priority: number | null;
  /** A section's name, for a plan without priorities: its chart groups by section instead. */
  section: string | null;
  lead: string | null;
  /** A RAG word, or "none" for actions not yet rated. */
  rag: (typeof RAGS)[number] | "none" | null;
  overdue: boolean;
  awaitingSignOff: boolean;
  /** Only the actions the viewer leads. */
  mine: boolean;
}

const YES = new Set(["1", "true", "yes", "on"]);

/** Reads filters from a query string; a value that cannot be right is refused, naming what would be. */
export function parsePlanFilters(query: URLSearchParams): PlanFilters {
  const priorityText = query.get("priority")?.trim() ?? "";
  const priority = priorityText === "" ? null : Number(priorityText);
  if (priority !== null && !(Number.isInteger(priority) && priority > 0)) {
    throw new ApiError(
      400,
      "invalid_filter",
      `priority must be a priority number such as 3 (got "${priorityText}").`,
    );
  }
  const ragText = query.get("rag")?.trim() ?? "";
  const rag =
    ragText === ""
      ? null
      : (RAGS.find((r) => r.toLowerCase() === ragText.toLowerCase()) ??
        (ragText.toLowerCase() === "none" ? "none" : undefined));
  if (rag === undefined) {
    throw new ApiError(
      400,
      "invalid_filter",
      `rag must be Red, Amber, Green or none (got "${ragText}").`,
    );
  }
  const lead = query.get("lead")?.trim() || null;
  const section = query.get("section")?.trim() || null;
  const flag = (name: string) => YES.has((query.get(name) ?? "").trim().toLowerCase());
  return {
    priority,
    section,
    lead,
    rag,
    overdue: flag("overdue"),
    awaitingSignOff: flag("awaiting"),
    mine: flag("mine"),
  };
}

/** The facts a filter looks at, per action. */
export interface FilterableAction {
  priorities: number[];
  section: string;
  lead: string;
  rag: string | null;
  overdue: boolean;
  awaitingSignOff: boolean;
  ledByViewer: boolean;
}

export function matchesFilters(a: FilterableAction, f: PlanFilters): boolean {
  if (f.priority !== null && !a.priorities.includes(f.priority)) return false;
  if (f.section !== null && sectionKey(a.section) !== sectionKey(f.section)) return false;
  if (f.lead !== null && normaliseLead(a.lead) !== normaliseLead(f.lead)) return false;
  if (f.rag === "none" ? a.rag !== null : f.rag !== null && a.rag !== f.rag) return false;
  if (f.overdue && !a.overdue) return false;
  if (f.awaitingSignOff && !a.awaitingSignOff) return false;
  if (f.mine && !a.ledByViewer) return false;
  return true;
}

/** The chart's name for actions whose plan gives them no section. */
export const NO_SECTION = "No section";

/** Sections match ignoring case and spacing, as a council's file spells them a little differently. */
export function sectionKey(section: string): string {
  const key = section.trim().toLowerCase().replace(/\s+/g, " ");
  return key === "" ? NO_SECTION.toLowerCase() : key;
}
