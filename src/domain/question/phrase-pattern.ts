/**
 * Writes many phrasings in one line: `(a|b c)` is one of the choices, `[a|b c]` is optional, and
 * groups nest. "not [yet] updated [this (quarter|review)]" is six phrasings.
 */
export function expandPattern(pattern: string): string[] {
  let results: string[][] = [[]];
  for (const part of splitTopLevel(pattern)) {
    const choices = choicesOf(part);
    results = results.flatMap((prefix) => choices.map((choice) => [...prefix, ...choice]));
  }
  return results.map((words) => words.join(" "));
}

function choicesOf(part: string): string[][] {
  const optional = part.startsWith("[");
  if (!optional && !part.startsWith("(")) return [[part]];
  const inner = part.slice(1, -1);
  const choices = splitAlternatives(inner).flatMap((alternative) =>
    expandPattern(alternative).map((phrase) => phrase.split(" ").filter(Boolean)),
  );
  return optional ? [[], ...choices] : choices;
}

/** Splits on spaces outside brackets. */
function splitTopLevel(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of pattern) {
    if (char === "(" || char === "[") depth++;
    if (char === ")" || char === "]") depth--;
    if (char === " " && depth === 0) {
      if (current) parts.push(current);
      current = "";
    } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

/** Splits on "|" outside brackets. */
function splitAlternatives(inner: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of inner) {
    if (char === "(" || char === "[") depth++;
    if (char === ")" || char === "]") depth--;
    if (char === "|" && depth === 0) {
      alternatives.push(current);
      current = "";
    } else current += char;
  }
  alternatives.push(current);
  return alternatives;
}
