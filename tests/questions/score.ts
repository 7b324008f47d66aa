import type { ProductAnswer } from "./ask-product.ts";
import type { Expected } from "./reference-answer.ts";

/** Whether the product's answer is the reference answer: the same Refs, or the same kind of reply. */
export function agrees(expected: Expected, got: ProductAnswer): boolean {
  if (expected.kind === "refs") {
    return (
      got.kind === "refs" && got.refs.join("\u0000") === [...expected.refs].sort().join("\u0000")
    );
  }
  // "No such action" is said plainly, not as "Sorry, I didn't understand that".
  return got.kind === expected.kind;
}

export function describe(answer: Expected | ProductAnswer): string {
  switch (answer.kind) {
    case "refs":
      return answer.refs.length > 8
        ? `${answer.refs.slice(0, 8).join(", ")} … (${answer.refs.length})`
        : `[${answer.refs.join(", ")}]`;
    case "asksWhich":
      return "asks which";
    case "noSuchAction":
      return "no such action";
    case "notUnderstood":
      return `not understood (${answer.text.slice(0, 80)})`;
  }
}

export type Tally = { passed: number; total: number; failures: string[] };

export function tallyInto(
  tallies: Map<string, Tally>,
  key: string,
  ok: boolean,
  failure: string,
): void {
  const tally = tallies.get(key) ?? { passed: 0, total: 0, failures: [] };
  tally.total++;
  if (ok) tally.passed++;
  else tally.failures.push(failure);
  tallies.set(key, tally);
}
