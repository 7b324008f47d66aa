import { DomainError } from "../domain/errors.ts";
import type { Priority } from "../domain/plan.ts";
import { readPriorityPart } from "./priority-words.ts";
import type { Table } from "./read-table.ts";

const NUMBER = ["number", "no", "num", "ref", "prioritynumber", "priorityno", ""];
const NAME = ["name", "priorityname", "title", "priorityarea", "theme"];
/** "Priority" is the name beside a number column, else the one column of "2. Name" or names. */
const EITHER = ["priority", "priorities"];
const DESCRIPTION = ["description", "detail", "details", "outcome", "aim", "summary"];

/**
 * A plan's priorities from a table: columns number, name and description (headers matched
 * ignoring case and punctuation: "No.", "Priority", "Title", "Details", …). Without a number
 * column the name may carry it ("Priority 2: Emotional health", "2. Emotional health"), or the
 * rows are numbered in order. Every problem is named with its row, and nothing is set from a file
 * with any problem.
 */
export function readPrioritiesTable(table: Table, source: string): Priority[] {
  const simple = table.header.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ""));
  const column = (names: string[]) => simple.findIndex((h) => names.includes(h));
  const named = column(NAME);
  const either = column(EITHER);
  const nameAt = named >= 0 ? named : either;
  const strictNumber = simple.length > 1 ? column(NUMBER) : -1;
  const numberAt = strictNumber >= 0 || named < 0 ? strictNumber : either;
  if (nameAt < 0)
    throw new DomainError(
      "invalid_input",
      `${source} has no Name column: give it the columns Number, Name and Description (headers found: ${table.header.join(", ") || "none"}).`,
    );
  const descriptionAt = column(DESCRIPTION);
  const problems: string[] = [];
  const priorities: Priority[] = [];
  for (const { rowNumber, cells } of table.rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
    const written = readPriorityPart(cell(nameAt));
    const numberText = cell(numberAt);
    const number = numberText ? readPriorityPart(numberText).number : written.number;
    const name = numberText || written.number === undefined ? cell(nameAt) : written.name;
    if (numberText && number === undefined) {
      problems.push(`row ${rowNumber}: "${numberText}" is not a priority number such as 2 or P2`);
      continue;
    }
    if (!name) {
      problems.push(`row ${rowNumber}: the priority has no name`);
      continue;
    }
    priorities.push({
      number: number ?? priorities.length + 1,
      name,
      description: cell(descriptionAt),
    });
  }
  const seen = new Map<string, number>();
  for (const p of priorities) {
    const again = priorities.find((o) => o !== p && o.number === p.number);
    if (again && !seen.has(`n${p.number}`))
      problems.push(`priority ${p.number} is given twice ("${again.name}" and "${p.name}")`);
    seen.set(`n${p.number}`, 1);
    const key = p.name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
    if (seen.has(`k${key}`)) problems.push(`"${p.name}" is named twice`);
    seen.set(`k${key}`, 1);
  }
  if (problems.length > 0)
    throw new DomainError(
      "invalid_input",
      `${source}: ${problems.join("; ")}. Nothing was changed: fix the priorities and try again.`,
    );
  if (priorities.length === 0)
    throw new DomainError(
      "invalid_input",
      `${source} lists no priorities: one row per priority, with columns Number, Name and Description.`,
    );
  return priorities.sort((a, b) => a.number - b.number);
}
