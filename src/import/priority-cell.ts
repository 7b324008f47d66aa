import type { Priority } from "../domain/plan.ts";

/** Reads a Priority cell: numbers or priority names, several separated by `;` (or `,`). */
export function readPriorities(
  text: string,
  priorities: Priority[],
): { ok: true; value: number[] } | { ok: false; reason: string } {
  const parts = text
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const found: number[] = [];
  for (const part of parts) {
    const number = matchPriority(part, priorities);
    if (number === undefined) {
      const known = priorities.map((p) => `${p.number} (${p.name})`).join(", ");
      return {
        ok: false,
        reason: `"${part}" is not one of the plan's priorities: use a number or name from ${known}, several separated by ;`,
      };
    }
    if (!found.includes(number)) found.push(number);
  }
  return { ok: true, value: found };
}

function matchPriority(part: string, priorities: Priority[]): number | undefined {
  const numeric = /^(?:p|priority\s*)?(\d+)$/i.exec(part);
  if (numeric) {
    const n = Number(numeric[1]);
    return priorities.some((p) => p.number === n) ? n : undefined;
  }
  const wanted = simplify(part);
  const exact = priorities.find((p) => simplify(p.name) === wanted);
  if (exact) return exact.number;
  // A distinctive part of a name ("domestic abuse") counts when it points at one priority only.
  const partial = priorities.filter((p) => wanted.length >= 4 && simplify(p.name).includes(wanted));
  return partial.length === 1 ? partial[0]?.number : undefined;
}

const simplify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
