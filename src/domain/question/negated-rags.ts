import type { RagChoice } from "./query.ts";
import type { Span } from "./terms.ts";

const ALL_RAGS: RagChoice[] = ["Red", "Amber", "Green", "none"];

/**
 * "isn't green", "that aren't red", "not rated red": a negation whose next word is a RAG means the
 * other ratings, however it is worded, so it is read as them (the grammar has no other "leave
 * out"). Only filler may come between the two.
 */
export function foldNegatedRags(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    if (span.term.kind === "negation") {
      let next = i + 1;
      while (spans[next]?.term.kind === "filler") next++;
      const rag = spans[next];
      if (rag?.term.kind === "rag") {
        const left = new Set(rag.term.rags);
        out.push({
          term: { kind: "rag", rags: ALL_RAGS.filter((choice) => !left.has(choice)) },
          start: span.start,
          end: rag.end,
        });
        i = next;
        continue;
      }
    }
    out.push(span);
  }
  return out;
}
