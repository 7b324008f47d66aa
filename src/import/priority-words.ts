/**
 * One priority as councils write it in a Priority cell or a heading: `2`, `P2`, `Priority 2`,
 * `Priority 2: Name`, `Priority One – Name` (Rutland's education plan), `2. Name`, `2: Name`,
 * `2) Name`, `2 - Name`, or a name alone. Without a number, `number` is undefined and `name` is the
 * whole text.
 */
export function readPriorityPart(text: string): { number?: number; name: string } {
  const part = text.trim().replace(/\s+/g, " ");
  // Number words only after "Priority": "One team approach" is a name.
  const prefixed = /^(?:priority\s*(\d{1,3}|[a-z]+)|p\s*(\d{1,3}))\b(.*)$/i.exec(part);
  if (prefixed) {
    const number = toNumber((prefixed[1] ?? prefixed[2]) as string);
    const rest = prefixed[3] ?? "";
    // "Priority schools" is a name, not a numbered priority.
    if (number !== undefined) {
      const name = /^\s*(?:[:.)\u2013\u2014-]\s*)?(.*)$/.exec(rest)?.[1] ?? "";
      return { number, name: cleanName(name) };
    }
  }
  // A bare number needs a clear separator before a name: "16-19 provision" is a name.
  const bare = /^(\d{1,3})\s*[.:)\u2013\u2014-]?$/.exec(part);
  if (bare && Number(bare[1]) > 0) return { number: Number(bare[1]), name: "" };
  const numbered = /^(\d{1,3})(?:\s*[:)\u2013\u2014]\s*|\.\s+|\s+-\s+)(.+)$/.exec(part);
  if (numbered && Number(numbered[1]) > 0)
    return { number: Number(numbered[1]), name: cleanName(numbered[2] as string) };
  return { name: part };
}

const WORDS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

function toNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word) > 0 ? Number(word) : undefined;
  const index = WORDS.indexOf(word.toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

/** A heading's trailing colon or emphasis ("**Transition to adulthood:**") is not part of the name. */
function cleanName(name: string): string {
  return name
    .replace(/^[*_\s]+|[*_\s]+$/g, "")
    .replace(/[:\s]+$/, "")
    .trim();
}
