import { describe, expect, it } from "vitest";
import { type PlanVocabulary, parseQuestion } from "../../../src/domain/question/index.ts";
import { leadMatches } from "../../../src/domain/question/lead-match.ts";

const TODAY = "2026-11-23";

const vocab = (leads: string[], extra: Partial<PlanVocabulary> = {}): PlanVocabulary => ({
  priorities: [{ number: 1, name: "Priority 1: Workforce" }],
  leads,
  sections: [],
  deliveryAreas: [],
  refs: ["1.1"],
  ...extra,
});

/** The Lead cells a question reads as, or the names it asks between. */
function readAs(question: string, plan: PlanVocabulary, cells: string[]) {
  const parsed = parseQuestion(question, plan, TODAY);
  if (parsed.kind !== "query") return parsed.kind;
  if (parsed.chooseName) return { asks: parsed.chooseName.options.map((o) => o.name) };
  return cells.filter((cell) => parsed.query.leads.some((lead) => leadMatches(lead, cell)));
}

describe("abbreviations written in a name, role names written out, and initials", () => {
  it("reads an abbreviation written in a Lead as that Lead, before a longer name's initials", () => {
    const leads = ["Head of SEND & Inclusion", "HoS Safeguarding & Quality"];
    expect(readAs("for the HoS", vocab(leads), leads)).toEqual(["HoS Safeguarding & Quality"]);
    expect(readAs("what is overdue for HoS", vocab(leads), leads)).toEqual([
      "HoS Safeguarding & Quality",
    ]);
  });

  it("reads a role's abbreviation as every Lead that writes the role out, not a lookalike's initials", () => {
    const leads = [
      "Head of Service, Children in Care",
      "Head of Service, Early Help",
      "Head of SEND",
    ];
    expect(readAs("HoS", vocab(leads), leads)).toEqual([
      "Head of Service, Children in Care",
      "Head of Service, Early Help",
    ]);
  });

  it("reads initials in lower case when the plan writes them in capitals in its text", () => {
    const leads = ["Designated Clinical Officer", "Head of Prevention"];
    const plan = vocab(leads, { words: ["dco", "health"], acronyms: ["dco"] });
    expect(readAs("dco", plan, leads)).toEqual(["Designated Clinical Officer"]);
  });

  it("asks which name two-word initials mean when two names spell them", () => {
    const leads = ["Head of Quality Assurance"];
    const plan = vocab(leads, { sections: ["Quality Assurance and Audit"] });
    expect(readAs("qa actions", plan, leads)).toEqual({
      asks: ["Head of Quality Assurance", "Quality Assurance and Audit"],
    });
  });

  it("does not read initials of a piece cut from a phrase (“Head of Early” of Head of Early Help)", () => {
    const leads = ["Head of Early Help", "Head of Education"];
    expect(readAs("HOE", vocab(leads), leads)).toEqual(["Head of Education"]);
  });
});
