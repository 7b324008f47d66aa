import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeCardText } from "../../../src/cards/escape-card-text.ts";

/** What a Markdown renderer shows for escaped text: backslash-escapes undone, blank lines as breaks. */
function rendered(escaped: string): string {
  return escaped
    .split("\n\n")
    .map((line) => line.replace(/\\(.)/g, "$1"))
    .join("\n");
}

describe("escapeCardText", () => {
  it("escapes emphasis, links, code, headings and angle brackets anywhere in a line", () => {
    expect(escapeCardText("*urgent* _now_ [audit](x) `code` #3 <b>")).toBe(
      "\\*urgent\\* \\_now\\_ \\[audit\\]\\(x\\) \\`code\\` \\#3 \\<b\\>",
    );
  });

  it("escapes list markers only at the start of a line", () => {
    expect(escapeCardText("- first\n  + second\n12. third")).toBe(
      "\\- first\n\n  \\+ second\n\n12\\. third",
    );
    expect(escapeCardText("audit 2026. half-way - done")).toBe("audit 2026. half-way - done");
  });

  it("escapes backslashes so they show as typed", () => {
    expect(escapeCardText("S:\\Audits\\*")).toBe("S:\\\\Audits\\\\\\*");
  });

  it("keeps each typed line on its own line", () => {
    expect(escapeCardText("line one\r\nline two")).toBe("line one\n\nline two");
  });

  it("leaves ordinary text alone", () => {
    expect(escapeCardText("Jo Bloggs's update: 9 of 12 cases good.")).toBe(
      "Jo Bloggs's update: 9 of 12 cases good.",
    );
  });

  it("always renders back to exactly what was typed", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab 1.-+*_[]()#`<>\\\n") }), (typed) => {
        expect(rendered(escapeCardText(typed))).toBe(typed);
      }),
    );
  });
});
