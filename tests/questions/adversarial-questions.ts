import fc from "fast-check";

/**
 * Messages built to find a parser's worst case: a name said over and over, near-misses of real
 * words (each one edit away, so spelling tolerance has to try them all), many dates, and negations
 * nested in negations. `length` characters each (the product turns away more than 2,000).
 */
export function adversarialFamilies(
  names: readonly string[],
  length: number,
): Record<string, fc.Arbitrary<string>> {
  const words = [
    ...new Set(names.flatMap((n) => n.split(/[^A-Za-z]+/)).filter((w) => w.length >= 4)),
  ];
  const nearMiss = fc
    .tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom("swap", "drop", "double"))
    .map(([word, at, how]) => slip(word, at % (word.length - 1), how));
  const date = fc.constantFrom(
    "by 31/12/2026",
    "before March",
    "due after June",
    "by end of march 2027",
    "due in Q4",
    "since 1 November",
    "this quarter",
  );
  const negation = fc
    .nat({ max: 12 })
    .map((depth) => `${"not ".repeat(depth)}${["green", "red", "amber"][depth % 3]}`);
  const name = fc.constantFrom(...names);
  const message = (piece: fc.Arbitrary<string>) =>
    fc
      .array(piece, { minLength: 1, maxLength: 400 })
      .map((pieces) => repeatTo(pieces.join(" "), length));
  return {
    "repeated names": message(name),
    "near-miss words": message(nearMiss),
    "many dates": message(date),
    "nested negations": message(negation.map((n) => `${n} and isn't`)),
    "all mixed": message(fc.oneof(name, nearMiss, date, negation)),
  };
}

export function adversarialQuestion(
  names: readonly string[],
  length: number,
): fc.Arbitrary<string> {
  return fc.oneof(...Object.values(adversarialFamilies(names, length)));
}

/** The same message at two lengths, for comparing the time they take. */
export function repeatTo(text: string, length: number): string {
  const body = text.trim() === "" ? "red " : `${text.trim()} `;
  return body.repeat(Math.ceil(length / body.length)).slice(0, length);
}

function slip(word: string, at: number, how: "swap" | "drop" | "double"): string {
  if (how === "drop") return word.slice(0, at) + word.slice(at + 1);
  if (how === "double") return word.slice(0, at) + (word[at] ?? "") + word.slice(at);
  return word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2);
}
