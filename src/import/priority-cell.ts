import type { Priority } from "../domain/plan.ts";
import { readPriorityPart } from "./priority-words.ts";

export type PriorityRead =
  | { ok: true; value: number[]; pending: Priority[] }
  | { ok: false; reason: string };

/**
 * Reads Priority cells against a plan's priorities, defining new ones as a council's file names
 * them. A cell holds one or more of `2`, `P2`, `Priority 2: Name`, `Priority One – Name`, `2. Name`
 * or a name alone, separated by `;` or line breaks. A name met for the first time becomes the plan's
 * next priority; a number the plan lacks becomes priority N ("Priority N" until a file names it).
 * What a row would add is only `pending` until `accept`: a rejected row defines nothing.
 *
 * With `fixedBy` (a Priorities sheet set them outright), nothing new is defined: a cell naming
 * something else is that row's problem, since it is more likely a slip than a new priority.
 */
export class PriorityReader {
  private readonly list: Priority[];
  private readonly addedNumbers: number[] = [];

  constructor(
    priorities: readonly Priority[],
    private readonly fixedBy?: string,
  ) {
    this.list = priorities.map((p) => ({ ...p }));
  }

  get priorities(): Priority[] {
    return [...this.list].sort((a, b) => a.number - b.number);
  }

  /** The priorities this file defined or first named, in the order met. */
  get added(): Priority[] {
    return this.addedNumbers.flatMap((n) => this.list.filter((p) => p.number === n));
  }

  read(text: string): PriorityRead {
    const view = new PlanPriorities(this.list);
    const found: number[] = [];
    for (const part of splitCell(text, view)) {
      const result = this.readOne(part, view);
      if (!result.ok) return result;
      if (!found.includes(result.number)) found.push(result.number);
    }
    return { ok: true, value: found, pending: view.pending };
  }

  accept(pending: readonly Priority[]): void {
    for (const p of pending) {
      const known = this.list.find((k) => k.number === p.number);
      if (known) known.name = p.name;
      else this.list.push({ ...p });
      if (!this.addedNumbers.includes(p.number)) this.addedNumbers.push(p.number);
    }
  }

  private readOne(
    part: string,
    view: PlanPriorities,
  ): { ok: true; number: number } | { ok: false; reason: string } {
    const { number, name } = readPriorityPart(part);
    if (number !== undefined) {
      const known = view.byNumber(number);
      if (known && (!name || sameName(known.name, name))) return { ok: true, number };
      if (known && isPlaceholder(known) && name && !this.fixedBy) {
        const other = view.byName(name);
        if (other) return this.clash(part, other);
        view.define({ number, name, description: "" });
        return { ok: true, number };
      }
      if (known && name)
        return {
          ok: false,
          reason: `"${part}" gives priority ${number} another name: this plan calls it "${known.name}". Write ${number} or its name, or rename the plan's priorities with plan priorities "PLAN" --from FILE`,
        };
      if (this.fixedBy) return this.notFixed(part, view);
      const other = name ? view.byName(name) : undefined;
      if (other) return this.clash(part, other);
      view.define({ number, name: name || `Priority ${number}`, description: "" });
      return { ok: true, number };
    }
    const named = view.byName(part) ?? view.byDistinctivePart(part);
    if (named) return { ok: true, number: named.number };
    if (this.fixedBy) return this.notFixed(part, view);
    return { ok: true, number: view.define({ number: view.next(), name: part, description: "" }) };
  }

  private clash(part: string, other: Priority): { ok: false; reason: string } {
    return {
      ok: false,
      reason: `"${part}" names priority ${other.number} ("${other.name}") with another number: write ${other.number} or the name alone`,
    };
  }

  private notFixed(part: string, view: PlanPriorities): { ok: false; reason: string } {
    return {
      ok: false,
      reason: `"${part}" is not one of the priorities on ${this.fixedBy}: use a number or name from ${view.known()}, several separated by ;`,
    };
  }
}

/** The plan's priorities while one cell is read, with that cell's own additions. */
class PlanPriorities {
  readonly pending: Priority[] = [];

  constructor(private readonly list: readonly Priority[]) {}

  private all(): Priority[] {
    const pendingNumbers = new Set(this.pending.map((p) => p.number));
    return [...this.list.filter((p) => !pendingNumbers.has(p.number)), ...this.pending];
  }

  byNumber(n: number): Priority | undefined {
    return this.all().find((p) => p.number === n);
  }

  byName(name: string): Priority | undefined {
    return this.all().find((p) => sameName(p.name, name));
  }

  /** A distinctive part of a name ("domestic abuse") counts when it points at one priority only. */
  byDistinctivePart(part: string): Priority | undefined {
    const wanted = simplify(part);
    if (wanted.length < 4) return undefined;
    const matches = this.all().filter(
      (p) => !isPlaceholder(p) && simplify(p.name).includes(wanted),
    );
    return matches.length === 1 ? matches[0] : undefined;
  }

  next(): number {
    return Math.max(0, ...this.all().map((p) => p.number)) + 1;
  }

  define(p: Priority): number {
    this.pending.push(p);
    return p.number;
  }

  known(): string {
    return this.all()
      .map((p) => `${p.number} (${p.name})`)
      .join(", ");
  }
}

/**
 * `;` and line breaks separate priorities. A comma does only when every piece is a number or a
 * known priority ("2, 3"), since councils' priority names have commas of their own ("…education,
 * including children with SEND").
 */
function splitCell(text: string, view: PlanPriorities): string[] {
  const parts = text
    .split(/[;\n\r]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.flatMap((part) => {
    if (!part.includes(",") || view.byName(part)) return [part];
    const pieces = part
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const eachKnown = pieces.every((piece) => {
      const read = readPriorityPart(piece);
      if (read.number !== undefined && !read.name) return true;
      return view.byName(piece) !== undefined || view.byDistinctivePart(piece) !== undefined;
    });
    return eachKnown ? pieces : [part];
  });
}

const isPlaceholder = (p: Priority) => p.name === `Priority ${p.number}`;
const simplify = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
const sameName = (a: string, b: string) => simplify(a) !== "" && simplify(a) === simplify(b);
