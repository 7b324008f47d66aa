import { describe, expect, it } from "vitest";
import { byRef, compareRefs } from "../../../src/domain/ref-order.ts";

/** Every order of `items` (few enough to try them all). */
function orderings<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    orderings([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("plan order of Refs", () => {
  it("compares the numbers in a Ref as numbers", () => {
    expect(["1.10", "1.2", "1.1"].sort(compareRefs)).toEqual(["1.1", "1.2", "1.10"]);
    expect(["CSC-10", "CSC-2", "CSC-01"].sort(compareRefs)).toEqual(["CSC-01", "CSC-2", "CSC-10"]);
    expect(["P3.10", "P3.2", "P3.1", "P10.1"].sort(compareRefs)).toEqual([
      "P3.1",
      "P3.2",
      "P3.10",
      "P10.1",
    ]);
    expect(["A-10", "A-4"].sort(compareRefs)).toEqual(["A-4", "A-10"]);
  });

  it("puts a lettered Ref after its number and before the next, whatever its case", () => {
    expect(["3", "2b", "2", "2A", "10"].sort(compareRefs)).toEqual(["2", "2A", "2b", "3", "10"]);
  });

  it("sorts a mixed plan the same way whatever order it was read in", () => {
    // Refs equal as people read them ("2a" and "2A", "1.1" and "1.01") still get one fixed place,
    // so two lists of the same plan (the tab and an export) never disagree.
    const refs = ["2A", "1.01", "2a", "1.1", "P3.1"];
    const sorted = orderings(refs).map((order) => order.sort(compareRefs).join(" "));
    expect(new Set(sorted)).toEqual(new Set(["1.01 1.1 2a 2A P3.1"]));
  });

  it("is zero only for the same Ref", () => {
    expect(compareRefs("CSC-07", "CSC-07")).toBe(0);
    expect(compareRefs("CSC-07", "CSC-7")).not.toBe(0);
    expect(Math.sign(compareRefs("2a", "2A"))).toBe(-Math.sign(compareRefs("2A", "2a")));
  });

  it("orders actions by their Refs", () => {
    const actions = [{ ref: "1.10" }, { ref: "1.9" }];
    expect(actions.sort(byRef).map((a) => a.ref)).toEqual(["1.9", "1.10"]);
  });
});
