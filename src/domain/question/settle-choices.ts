import type { NameTerm, Span, Term } from "./terms.ts";
import type { Token } from "./tokens.ts";

/** Words that say which kind of name is meant: "the family hubs priority", "the hubs section". */
const KIND_WORDS: Record<string, NameTerm["kind"]> = {
  priority: "priority",
  priorities: "priority",
  section: "section",
  sections: "section",
  theme: "section",
  themes: "section",
  workstream: "section",
  area: "area",
  lead: "lead",
  officer: "lead",
};

/** Words that may stand between a name and the word saying its kind ("the priority of …"). */
const BETWEEN = new Set(["the", "a", "this", "that"]);

/**
 * Settles a "which one?" the rest of the question already answers: a word beside the phrase
 * saying its kind ("the family hubs priority"), or another word of the question naming one of
 * the choices ("adolescents exploitation": only the priority holds "exploitation"). What is left
 * with one choice is read as that name; otherwise the question still asks.
 */
export function settleChoices(spans: Span[], tokens: Token[]): Span[] {
  const named = spans.flatMap((span) => {
    const term = span.term.kind === "namePart" ? span.term.name : span.term;
    return isName(term) ? [JSON.stringify(term)] : [];
  });
  const settled = [...spans];
  for (const [i, span] of spans.entries()) {
    if (span.term.kind !== "nameChoice") continue;
    const beside = kindBeside(spans, tokens, i);
    let options = span.term.options;
    if (beside) {
      options = options.filter((option) => option.term.kind === beside.kind);
      // The word said which kind was meant; it is not a word to search the plan's text for.
      const word = settled[beside.at] as Span;
      settled[beside.at] = { ...word, term: { kind: "filler" } };
    }
    const alsoNamed = options.filter((option) => named.includes(JSON.stringify(option.term)));
    if (alsoNamed.length > 0) options = alsoNamed;
    const [only] = options;
    if (options.length === 1 && only) {
      const term: Term = { kind: "namePart", name: only.term, label: only.label };
      if (beside) term.kindSaid = true;
      settled[i] = { ...span, term };
    }
  }
  return settled;
}

function isName(term: Term): term is NameTerm {
  return (
    term.kind === "priority" ||
    term.kind === "section" ||
    term.kind === "area" ||
    term.kind === "lead"
  );
}

/** The kind named by the word just after the phrase, or just before it ("priority hubs"). */
function kindBeside(
  spans: Span[],
  tokens: Token[],
  at: number,
): { kind: NameTerm["kind"]; at: number } | undefined {
  const wordAt = (i: number) => {
    const span = spans[i];
    return span && span.end - span.start === 1 ? (tokens[span.start] as Token).text : undefined;
  };
  let after = at + 1;
  while (BETWEEN.has(wordAt(after) ?? "")) after++;
  const next = KIND_WORDS[wordAt(after) ?? ""];
  if (next) return { kind: next, at: after };
  let before = at - 1;
  while (BETWEEN.has(wordAt(before) ?? "")) before--;
  const previous = KIND_WORDS[wordAt(before) ?? ""];
  return previous ? { kind: previous, at: before } : undefined;
}
