import { describe, expect, it } from "vitest";
import { CLOCK_ALLOWANCE_SECONDS, nextPollSince } from "../../../src/query/poll-window.ts";

describe("where the next read for changes starts", () => {
  const at = (seconds: number) => seconds * 1000 + 400;

  it("starts at the newest change seen while that change is recent, so a write in the same second is not missed", () => {
    expect(nextPollSince(1_000, at(1_000))).toBe(1_000);
    expect(nextPollSince(1_000, at(1_000 + CLOCK_ALLOWANCE_SECONDS))).toBe(1_000);
  });

  it("moves on once the store has been quiet for longer than the clocks may disagree", () => {
    expect(nextPollSince(1_000, at(1_060))).toBe(1_060 - CLOCK_ALLOWANCE_SECONDS);
  });

  it("never starts after the newest change seen, even when this clock is behind the store's", () => {
    expect(nextPollSince(2_000, at(1_000))).toBe(2_000);
  });
});
