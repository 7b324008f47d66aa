import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MONTH_NAMES, toIsoDate } from "../../../src/domain/iso-date.ts";
import { readPlanDate } from "../../../src/domain/plan-date.ts";

function read(text: string) {
  const result = readPlanDate(text);
  if (!result.ok) throw new Error(`expected "${text}" to read, got: ${result.reason}`);
  return result;
}

const refused = (text: string) => {
  const result = readPlanDate(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result)}`);
  return result.reason;
};

describe("readPlanDate: more of the forms councils write", () => {
  it.each([
    ["31.03.2026", "2026-03-31"],
    ["31-03-2026", "2026-03-31"],
    ["31 Mar 26", "2026-03-31"],
    ["30th June 2025", "2025-06-30"],
    ["2nd Dec 2025", "2025-12-02"],
    // Week commencing: due by the Friday of that week.
    ["w/c 3 March 2025", "2025-03-07"],
    ["W/C 03/03/2025", "2025-03-07"],
    ["w/b 3rd March 2025", "2025-03-07"],
    ["week commencing 3 March 2025", "2025-03-07"],
    ["w/c Monday 3 March 2025", "2025-03-07"],
  ])("reads %s as %s", (text, due) => {
    expect(read(text).value.due).toBe(due);
  });

  it.each([
    // School terms end: Autumn 31 December, Spring 31 March, Summer 31 July.
    ["Autumn term 2025", "2025-12-31"],
    ["Spring term 2026", "2026-03-31"],
    ["Summer term 2025", "2025-07-31"],
    ["by the end of the summer term 2026", "2026-07-31"],
    ["Autumn term 2025/26", "2025-12-31"],
    ["Spring term 2025/26", "2026-03-31"],
    ["Summer term 2025-26", "2026-07-31"],
    // Seasons (the Met Office's) end: Spring 31 May, Summer 31 August, Autumn 30 November.
    ["Summer 2025", "2025-08-31"],
    ["Spring 2026", "2026-05-31"],
    ["Autumn 2025", "2025-11-30"],
    ["Winter 2025/26", "2026-02-28"],
    ["Winter 2027/28", "2028-02-29"],
  ])("reads the term or season %s as its last day, %s", (text, due) => {
    expect(read(text).value.due).toBe(due);
  });

  it("asks which winter, suggesting how to write it", () => {
    expect(refused("Winter 2025")).toContain("write it like Winter 2025/26, or as a month");
  });

  it.each([
    "Ongoing",
    "ongoing",
    "On-going",
    "Ongoing throughout",
    "Continuous",
    "Annually",
    "Termly",
    "Half termly",
    "Quarterly",
    "Monthly",
    "Six monthly",
    "Business as usual",
    "BAU",
    "Every term",
    "March 2025 then ongoing",
  ])("reads %j as no single due date, kept as written, with no warning", (text) => {
    const result = read(text);
    expect(result.value).toMatchObject({ text, due: null, tbc: false });
    expect(result.warning).toBeUndefined();
  });

  it("takes a date written after the recurring word as the due date", () => {
    expect(read("Ongoing; review by 31/03/2026").value.due).toBe("2026-03-31");
  });

  it.each([
    "Board to agree the target date in January",
    "Immediate",
    "When the new system is live",
    "Complete",
  ])("keeps %j as words with no due date, and warns", (text) => {
    const result = read(text);
    expect(result.value).toEqual({ text, due: null, tbc: false, milestones: [] });
    expect(result.warning).toContain("has no date in it, so the action has no due date");
  });
});

describe("readPlanDate: properties of the council forms", () => {
  const date = fc
    .record({
      year: fc.integer({ min: 2000, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ year, month, day }) => ({ year, month, day, iso: toIsoDate(year, month, day) }));
  const pad = (n: number) => String(n).padStart(2, "0");
  const ordinal = (n: number) =>
    `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

  it("reads a day written dotted, dashed, slashed, with a short year or an ordinal", () => {
    const forms = fc.constantFrom(
      (d: number, m: number, y: number) => `${pad(d)}.${pad(m)}.${y}`,
      (d: number, m: number, y: number) => `${pad(d)}-${pad(m)}-${y}`,
      (d: number, m: number, y: number) => `${d}/${m}/${y}`,
      (d: number, m: number, y: number) =>
        `${d} ${MONTH_NAMES[m - 1]?.slice(0, 3)} ${pad(y % 100)}`,
      (d: number, m: number, y: number) => `${ordinal(d)} ${MONTH_NAMES[m - 1]} ${y}`,
      (d: number, m: number, y: number) => `${ordinal(d)} of ${MONTH_NAMES[m - 1]}, ${y}`,
    );
    fc.assert(
      fc.property(date, forms, fc.constantFrom("", " ", "by "), (d, form, lead) => {
        const text = `${lead}${form(d.day, d.month, d.year)}`;
        expect(read(text).value.due).toBe(d.iso);
      }),
      { numRuns: 500 },
    );
  });

  it("reads week commencing as a Friday no more than six days after the day written", () => {
    const prefix = fc.constantFrom("w/c ", "W/C ", "w/b ", "week commencing ", "Week beginning ");
    fc.assert(
      fc.property(date, prefix, (d, p) => {
        const due = read(`${p}${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`).value.due ?? "";
        expect(new Date(`${due}T00:00:00Z`).getUTCDay()).toBe(5);
        const days = (Date.parse(due) - Date.parse(d.iso)) / 86_400_000;
        expect(days >= 0 && days <= 6).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never loses an action to words: text without digits is read, possibly with a warning", () => {
    const words = fc.stringMatching(/^[A-Za-z ,.'()&-]{0,80}$/);
    fc.assert(
      fc.property(words, (text) => {
        const result = readPlanDate(text);
        // Only words that name a season or term without a year can't be read on their own.
        if (!result.ok) expect(result.reason).toMatch(/winter|year/i);
        else expect(result.value.text).toBe(text.trim());
      }),
      { numRuns: 500 },
    );
  });
});
