import { describe, expect, it } from "vitest";
import { domainErrorCard } from "../../../src/bot/bot-cards.ts";
import { DOMAIN_ERROR_CODES, DomainError } from "../../../src/domain/errors.ts";
import { cardText } from "../../support/stand-in-connector.ts";

describe("a domain error as a card", () => {
  it.each(DOMAIN_ERROR_CODES)("%s gets a title of its own and the error's own words", (code) => {
    const card = domainErrorCard(new DomainError(code, "Ask an admin to add you."));
    const [title, ...rest] = cardText(card).split("\n");
    expect(title).toBeTruthy();
    expect(title).not.toBe("undefined");
    expect(rest.join("\n")).toContain("Ask an admin to add you.");
  });

  it("tells the codes apart by title", () => {
    const titles = DOMAIN_ERROR_CODES.map(
      (code) => cardText(domainErrorCard(new DomainError(code, "x"))).split("\n")[0],
    );
    expect(new Set(titles).size).toBe(DOMAIN_ERROR_CODES.length);
  });
});
