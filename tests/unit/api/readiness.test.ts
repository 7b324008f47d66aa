import { describe, expect, it } from "vitest";
import { STARTING, STOPPING, startupReadiness } from "../../../src/http/readiness.ts";

describe("start-up readiness", () => {
  it("is not ready while starting, ready once started, and never again once stopping", () => {
    const readiness = startupReadiness();
    expect(readiness.notReadyReason()).toBe(STARTING);
    readiness.started();
    expect(readiness.notReadyReason()).toBeNull();
    readiness.stopping();
    expect(readiness.notReadyReason()).toBe(STOPPING);
    readiness.started();
    expect(readiness.notReadyReason()).toBe(STOPPING);
  });

  it("says a server stopped part-way through start-up is stopping, not starting", () => {
    const readiness = startupReadiness();
    readiness.stopping();
    expect(readiness.notReadyReason()).toBe(STOPPING);
  });
});
