import type { Priority } from "../domain/plan.ts";
import { readPrioritiesTable } from "./priorities-file.ts";
import { readTable } from "./read-table.ts";

/** A priorities file (CSV, or a workbook whose Priorities sheet or first sheet lists them). */
export async function prioritiesFromFile(path: string): Promise<Priority[]> {
  const table = await readTable(path);
  return readPrioritiesTable(table.priorities ?? table, path);
}
