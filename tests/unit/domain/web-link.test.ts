import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkOrText } from "../../../src/cards/safe-link.ts";
import { webLink } from "../../../src/domain/web-link.ts";

/** The form, the cards and the report agree on what an evidence link is. */
describe("an evidence link", () => {
  it("is an http or https address with a host", () => {
    expect(webLink(" https://council.sharepoint.com/sites/CSC/Evidence.docx ")).toBe(
      "https://council.sharepoint.com/sites/CSC/Evidence.docx",
    );
    expect(webLink("http://intranet/page")).toBe("http://intranet/page");
    for (const refused of [
      "javascript:alert(1)",
      "ftp://x/y",
      "www.council.gov.uk",
      "https://",
      "",
    ]) {
      expect(webLink(refused)).toBeNull();
    }
  });

  it("keeps a pasted SharePoint path with spaces working, encoded", () => {
    expect(webLink("https://council.sharepoint.com/sites/CSC/Shared Documents/QA audit.pdf")).toBe(
      "https://council.sharepoint.com/sites/CSC/Shared%20Documents/QA%20audit.pdf",
    );
  });

  it("is linked by the cards exactly when the form accepts it", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl(), fc.string(), fc.constant("https://a.gov.uk/x y (1).pdf")),
        (typed) => {
          const accepted = webLink(typed) !== null;
          const shown = linkOrText("Evidence", typed);
          expect(shown.startsWith("[Evidence](")).toBe(accepted);
        },
      ),
    );
  });
});
