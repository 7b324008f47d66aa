import type { ImportReport } from "../import/import-plan.ts";

/** The import report's lines about the plan: which plan, and the priorities the file gave it. */
export function importPlanLines(report: ImportReport, isNew: boolean): string[] {
  const would = report.dryRun ? "would be " : "";
  const lines = [
    isNew
      ? `Plan "${report.plan.name}" (new: ${would}created by this import, id ${report.plan.id})`
      : `Plan "${report.plan.name}"`,
  ];
  if (report.prioritiesSet) {
    lines.push(`Priorities ${would}set from the Priorities sheet:`);
    for (const p of report.prioritiesSet) lines.push(`  ${p.number}. ${p.name}`);
  }
  if (report.addedPriorities.length > 0) {
    const n = report.addedPriorities.length;
    lines.push(
      `${n} ${n === 1 ? "priority" : "priorities"} ${would}added from the Priority column:`,
    );
    for (const p of report.addedPriorities) lines.push(`  ${p.number}. ${p.name}`);
  }
  return lines;
}
