import { describe, expect, it } from "vitest";
import { SendRateController } from "../../../src/outbox/send-rate-controller.ts";

/** The controller on a hand-moved clock (milliseconds), halving on each cut for easy sums. */
function controller(maxPerSecond = 50, decreaseFactor = 0.5) {
  const clock = { now: 0 };
  const rate = new SendRateController({ maxPerSecond, decreaseFactor }, () => clock.now);
  return { clock, rate };
}

describe("the app-wide sending rate when Teams throttles the whole app", () => {
  it("sends at the configured cap until Teams throttles", () => {
    const { clock, rate } = controller(50);
    expect(rate.perSecond()).toBe(50);
    clock.now = 60_000;
    expect(rate.perSecond()).toBe(50);
  });

  it("halves on a throttle, holds through Retry-After, then climbs back a step each second", () => {
    const { clock, rate } = controller(50);
    clock.now = 1_000;
    rate.throttled(990, 1_000);
    expect(rate.perSecond()).toBe(25);
    clock.now = 1_999;
    expect(rate.perSecond()).toBe(25);
    clock.now = 3_000; // the pause ended at 2,000: one second of climbing
    expect(rate.perSecond()).toBe(26);
    clock.now = 12_000;
    expect(rate.perSecond()).toBe(35);
    clock.now = 100_000;
    expect(rate.perSecond()).toBe(50);
  });

  it("cuts once for a burst of 429s to requests sent before the cut", () => {
    const { clock, rate } = controller(40);
    clock.now = 1_000;
    for (let i = 0; i < 30; i++) rate.throttled(900 + i, 1_000);
    expect(rate.perSecond()).toBe(20);
    // A request sent after the cut, at the lower rate, and still refused: Teams is stricter yet.
    clock.now = 2_500;
    rate.throttled(2_400, 1_000);
    expect(rate.perSecond()).toBe(10);
  });

  it("finds a stricter Teams: throttles in a row bring the rate down, never below the floor", () => {
    const { clock, rate } = controller(50);
    const seen: number[] = [];
    for (let n = 0; n < 8; n++) {
      clock.now = n * 1_500; // each refusal half a second after the last pause ended
      rate.throttled(clock.now - 1, 1_000);
      seen.push(rate.perSecond());
    }
    expect(seen).toEqual([25, 12.5, 6.25, 3.125, 1.5625, 1, 1, 1]);
  });

  it("a later throttle during the pause extends it before the climb starts", () => {
    const { clock, rate } = controller(20);
    clock.now = 0;
    rate.throttled(0, 1_000);
    clock.now = 500;
    rate.throttled(-10, 3_000); // sent before the cut: no second cut, but Teams asked for longer
    clock.now = 3_400;
    expect(rate.perSecond()).toBe(10);
    clock.now = 4_600;
    expect(rate.perSecond()).toBe(11);
  });

  it("cuts from the rate it has climbed back to, and a stale 429 keeps that rate", () => {
    const { clock, rate } = controller(20);
    rate.throttled(0, 1_000);
    clock.now = 5_000;
    expect(rate.perSecond()).toBe(14);
    rate.throttled(-5, 1_000); // sent before the cut at 0: a pause, not a cut
    expect(rate.perSecond()).toBe(14);
    clock.now = 7_000;
    expect(rate.perSecond()).toBe(15);
    rate.throttled(6_900, 1_000);
    expect(rate.perSecond()).toBe(7.5);
  });

  it("cuts from what Teams took in the last second when that is below the rate", () => {
    const { clock, rate } = controller(50, 0.7);
    clock.now = 1_000;
    rate.throttled(990, 1_000, 7);
    expect(rate.perSecond()).toBeCloseTo(4.9);
    // Teams took more than the rate (it was climbing): the rate is what is cut.
    clock.now = 10_000;
    rate.throttled(9_990, 1_000, 50);
    expect(rate.perSecond()).toBeCloseTo((4.9 + 8) * 0.7);
  });
});
