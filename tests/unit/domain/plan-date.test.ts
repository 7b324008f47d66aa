import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isRealDate,
  lastDayOfMonth,
  MONTH_NAMES,
  toIsoDate,
} from "../../../src/domain/iso-date.ts";
import { readPlanDate } from "../../../src/domain/plan-date.ts";

/** The due date a cell reads as, failing the test with the reason when it cannot be read. */
function dueOf(text: string): string | null {
  const result = readPlanDate(text);
  if (!result.ok) throw new Error(`expected "${text}" to read, got: ${result.reason}`);
  return result.value.due;
}

function reasonFor(text: string): string {
  const result = readPlanDate(text);
  if (result.ok)
    throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result.value)}`);
  return result.reason;
}

describe("readPlanDate: the forms councils write", () => {
  it.each([
    ["30/09/2022", "2022-09-30"],
    ["30.09.2022", "2022-09-30"],
    ["30-09-2022", "2022-09-30"],
    ["30/9/22", "2022-09-30"],
    ["1/2/2023", "2023-02-01"],
    ["2022-09-30", "2022-09-30"],
    ["30 September 2022", "2022-09-30"],
    ["30th Sept 2022", "2022-09-30"],
    ["1st of March 2023", "2023-03-01"],
    ["30-Sep-22", "2022-09-30"],
    ["September 30, 2022", "2022-09-30"],
  ])("reads the day %s as %s", (text, due) => {
    expect(dueOf(text)).toBe(due);
  });

  it.each([
    ["September 2022", "2022-09-30"],
    ["Sept 22", "2022-09-30"],
    ["Sep-22", "2022-09-30"],
    ["Sep 2022", "2022-09-30"],
    ["sep '22", "2022-09-30"],
    ["FEBRUARY 2024", "2024-02-29"],
    ["Feb 23", "2023-02-28"],
    ["09/2022", "2022-09-30"],
    ["end of March 2023", "2023-03-31"],
    ["March 2022 onwards", "2022-03-31"],
  ])("reads the month %s as its last day, %s", (text, due) => {
    expect(dueOf(text)).toBe(due);
  });

  it.each([
    ["Q1 2022/23", "2022-06-30"],
    ["Q2 2022/23", "2022-09-30"],
    ["Q3 2022/23", "2022-12-31"],
    ["Q4 2022/23", "2023-03-31"],
    ["Q4 22/23", "2023-03-31"],
    ["Quarter 2 2022-23", "2022-09-30"],
    ["2026-Q3", "2026-12-31"],
    ["2022/23", "2023-03-31"],
  ])("reads the financial-year quarter %s as its last day, %s", (text, due) => {
    expect(dueOf(text)).toBe(due);
  });

  it.each(["TBC", "tbc", "To be confirmed", " T.B.C. "])(
    "keeps %s as to be confirmed, with no date",
    (text) => {
      const result = readPlanDate(text);
      expect(result).toEqual({
        ok: true,
        value: { text: text.trim(), due: null, tbc: true, milestones: [] },
      });
    },
  );

  it("reads an empty cell as no date, not TBC", () => {
    expect(readPlanDate("  ")).toEqual({
      ok: true,
      value: { text: "", due: null, tbc: false, milestones: [] },
    });
  });

  it("keeps the cell's text as written", () => {
    const result = readPlanDate("Sept 22");
    expect(result.ok && result.value.text).toBe("Sept 22");
  });
});

describe("readPlanDate: several dates in one cell", () => {
  it.each([
    "June 2022\nSeptember 2022\nDecember 2022",
    "June 2022, September 2022, December 2022",
    "June 2022; September 2022; December 2022",
    "June 2022 and September 2022 and December 2022",
    "June 2022 - September 2022 - December 2022",
    "June 2022 then September 2022 then December 2022",
    "30/06/2022\n30/09/2022\n31/12/2022",
  ])("lists each date as a milestone and the last as due: %j", (text) => {
    const result = readPlanDate(text);
    expect(result).toMatchObject({
      ok: true,
      value: {
        due: "2022-12-31",
        tbc: false,
        milestones: ["2022-06-30", "2022-09-30", "2022-12-31"],
      },
    });
  });

  it("takes the last date in the cell's order as due, even when an earlier one is later", () => {
    const result = readPlanDate("March 2023, then review in December 2022");
    expect(result).toMatchObject({
      ok: true,
      value: { due: "2022-12-31", milestones: ["2023-03-31", "2022-12-31"] },
    });
  });

  it("reads labelled milestones, ignoring the words around them", () => {
    expect(dueOf("Phase 1: Sept 22\nPhase 2: March 2023")).toBe("2023-03-31");
  });

  it("treats a cell ending in TBC as to be confirmed, keeping the dates before it", () => {
    expect(readPlanDate("Sept 22; final phase TBC")).toMatchObject({
      ok: true,
      value: { due: null, tbc: true, milestones: ["2022-09-30"] },
    });
  });
});

describe("readPlanDate: mistakes get a reason that names the fix", () => {
  it("refuses a day that does not exist and says to write it day first", () => {
    expect(reasonFor("31/31/2022")).toBe(
      '"31/31/2022" is not a date: write it day first, like 30/09/2022, or as a month, like September 2022',
    );
  });

  it.each(["09/30/2022", "29/02/2023", "31 April 2023", "2022-13-01"])("refuses %s", (text) => {
    expect(reasonFor(text)).toContain(`"${text}" is not a date: write it day first`);
  });

  it("refuses a year alone and asks for the month", () => {
    expect(reasonFor("2023")).toContain("needs a month: write it like March 2023");
  });

  it("refuses a quarter without its financial year rather than guess", () => {
    expect(reasonFor("Q3 2026")).toContain("like Q3 2026/27");
  });

  it("refuses a financial year whose years do not follow on", () => {
    expect(reasonFor("Q2 2022/24")).toContain("like Q2 2022/23");
  });

  it("refuses the whole cell when one of its dates is wrong, naming that one", () => {
    expect(reasonFor("September 2022, 31/31/2022")).toContain('"31/31/2022"');
  });

  it("shortens very long text in its reason", () => {
    expect(reasonFor(`${"x".repeat(500)} 31/31/2022`).length).toBeLessThan(200);
    const words = readPlanDate("x".repeat(500));
    expect(words.ok && words.warning && words.warning.length < 250).toBe(true);
  });
});

describe("readPlanDate: properties", () => {
  it("never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const result = readPlanDate(text);
        if (result.ok) {
          expect(result.value.due === null || isRealDate(result.value.due)).toBe(true);
          for (const milestone of result.value.milestones) expect(isRealDate(milestone)).toBe(true);
        } else {
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on text made of date-like pieces", () => {
    const piece = fc.constantFrom(
      "30",
      "/",
      "09",
      "2022",
      "Sep",
      " ",
      "-",
      "Q2",
      "TBC",
      ".",
      "th",
      "'",
      "\n",
      "of",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        expect(() => readPlanDate(pieces.join(""))).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it("reads 'Month YYYY' as the month's last day for every month of 2000–2099", () => {
    for (let year = 2000; year <= 2099; year += 1) {
      for (const [index, name] of MONTH_NAMES.entries()) {
        const month = index + 1;
        expect(dueOf(`${name} ${year}`)).toBe(toIsoDate(year, month, lastDayOfMonth(year, month)));
      }
    }
  });

  it("reads dd/mm/yyyy day first, giving back the same date", () => {
    const validDate = fc
      .date({
        min: new Date("1950-01-01T00:00:00Z"),
        max: new Date("2199-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    fc.assert(
      fc.property(validDate, (iso) => {
        const [y, m, d] = iso.split("-");
        expect(dueOf(`${d}/${m}/${y}`)).toBe(iso);
      }),
    );
  });
});
