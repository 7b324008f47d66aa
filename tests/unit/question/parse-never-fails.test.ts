import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuerySchema } from "../../../src/domain/question/index.ts";
import { adversarialQuestion } from "../../questions/adversarial-questions.ts";
import { parseSample } from "./ask.ts";
import { loadSamplePlan } from "./load-sample.ts";

/** Words the grammar knows, so generated messages reach deep into it, not just its edges. */
const WORDS = `red amber green not or and for priority p 3 31 / by before end of march since due
  this quarter about csc 07 HoS LADO fostering summary how many my overdue updated sign-off
  31/12/2026 q 4 send tbc`.split(/\s+/);

const sample = loadSamplePlan();
const SAMPLE_NAMES = [
  ...sample.plan.priorities.map((p) => p.name),
  ...new Set(sample.actions.flatMap((a) => [a.lead, a.section, a.deliveryArea])),
];

const messages = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ maxLength: 2000, unit: "grapheme" }),
  fc
    .array(fc.constantFrom(...WORDS), { maxLength: 300 })
    .map((words) => words.join(" ").slice(0, 2000)),
);

describe("the parser on any text", () => {
  it("never throws, and always answers with JSON-safe data", () => {
    fc.assert(
      fc.property(messages, (message) => {
        const parsed = parseSample(message);
        expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
        if (parsed.kind === "query") QuerySchema.parse(parsed.query);
        if (parsed.kind === "unknown") expect(parsed.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  // How long such messages take is measured by `npm run bench` (bench/question-scaling.ts: 4× the
  // text may take at most 6× the time), not here, where a busy machine would fail a time limit.
  it("reads long, adversarial messages: names over and over, near-misses, many dates, nested negations", () => {
    fc.assert(
      fc.property(adversarialQuestion(SAMPLE_NAMES, 2000), (message) => {
        const parsed = parseSample(message);
        expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
        if (parsed.kind === "query") QuerySchema.parse(parsed.query);
      }),
      { numRuns: 40 },
    );
  });

  it("turns away a message longer than 2,000 characters", () => {
    expect(parseSample("red ".repeat(600))).toMatchObject({ kind: "unknown" });
  });
});
