import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";

describe("REPORT_OF, whose the quarter's report is", () => {
  it("says the Director of Children's Services unless set, and trims what is set", () => {
    expect(loadConfig({}).REPORT_OF).toBe("the Director of Children's Services");
    expect(loadConfig({ REPORT_OF: "  " }).REPORT_OF).toBe("the Director of Children's Services");
    expect(loadConfig({ REPORT_OF: " the Director of People " }).REPORT_OF).toBe(
      "the Director of People",
    );
  });

  it("refuses a value too long for a cover, naming the setting", () => {
    expect(() => loadConfig({ REPORT_OF: "x".repeat(201) })).toThrow(
      /^REPORT_OF must be at most 200 characters/,
    );
  });
});
