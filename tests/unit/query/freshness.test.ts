import { describe, expect, it } from "vitest";
import {
  backgroundPeriodFor,
  isFreshEnough,
  MIN_MAX_AGE_MS,
  maxAgeFor,
} from "../../../src/query/freshness.ts";

describe("how fresh answers are kept", () => {
  it("answers from an index at most a second old while reading the store is quick", () => {
    expect(maxAgeFor(3)).toBe(MIN_MAX_AGE_MS);
    expect(isFreshEnough(10_000, 10_000 + MIN_MAX_AGE_MS, 3)).toBe(true);
    expect(isFreshEnough(10_000, 10_001 + MIN_MAX_AGE_MS, 3)).toBe(false);
  });

  it("reads a slow store less often, so reading never takes more than a small share of the time", () => {
    expect(maxAgeFor(300)).toBe(12_000);
    expect(backgroundPeriodFor(300)).toBe(6_000);
    expect(isFreshEnough(0, 11_000, 300)).toBe(true);
  });

  it("refreshes in the background twice as often as answers may age", () => {
    expect(backgroundPeriodFor(1)).toBe(MIN_MAX_AGE_MS / 2);
  });

  it("always reads first when nothing was read yet", () => {
    expect(isFreshEnough(null, 0, 0)).toBe(false);
  });
});
