import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { mapHeaders, PLAN_COLUMNS, type PlanField } from "../../../src/domain/headers.ts";

/** The header row as a field per column, or the reason the file is refused. */
function fieldsOf(headers: string[]): (PlanField | string)[] | string {
  const result = mapHeaders(headers);
  if (!result.ok) return result.reason;
  return headers.map((_, i) => result.columns.get(i) ?? `extra:${result.extra.get(i)}`);
}

describe("mapHeaders", () => {
  it("maps the sample plan's header row to every field, in order", () => {
    const [headerRow] = parse(readFileSync("data/sample-plan.csv"), { to_line: 1 }) as string[][];
    expect(fieldsOf(headerRow ?? [])).toEqual(PLAN_COLUMNS.map((column) => column.field));
  });

  it("maps the canonical header names of PLAN_COLUMNS to their fields", () => {
    expect(PLAN_COLUMNS.map((column) => column.header)).toEqual([
      "Ref",
      "Priority",
      "Section",
      "Delivery Area",
      "Development Action",
      "Expected Outcome",
      "Lead",
      "Completion Date",
      "RAG",
      "Action We Will Take",
      "How Will We Know",
      "Progress Update",
    ]);
  });

  it("maps a Plymouth-style header row, keeping the second outcome column as an extra", () => {
    const headers = [
      "Area for improvement",
      "Objectives",
      "Outcomes",
      "Measured by",
      "Action ref",
      "Action",
      "Progress milestones",
      "Target date",
      "Delivery lead",
    ];
    expect(fieldsOf(headers)).toEqual([
      "deliveryArea",
      "expectedOutcome",
      "extra:Outcomes",
      "howWillWeKnow",
      "ref",
      "developmentAction",
      "actionWeWillTake",
      "completionDate",
      "lead",
    ]);
  });

  it.each<[string, PlanField]>([
    ["ID", "ref"],
    ["Reference", "ref"],
    ["Priorities", "priorities"],
    ["Priority outcome", "priorities"],
    ["Service area", "section"],
    ["Issue", "deliveryArea"],
    ["Key theme", "deliveryArea"],
    ["Outcome", "expectedOutcome"],
    ["Who will lead", "lead"],
    ["Owner", "lead"],
    ["Due date", "completionDate"],
    ["Date", "completionDate"],
    ["Dates", "completionDate"],
    ["Timescale", "completionDate"],
    ["RAG rating", "rag"],
    ["Status", "rag"],
    ["Milestones", "actionWeWillTake"],
    ["Measures", "howWillWeKnow"],
    ["How will we know we have achieved these outcomes?", "howWillWeKnow"],
    ["Progress", "progressUpdate"],
    ["Update", "progressUpdate"],
  ])("knows %s as %s", (header, field) => {
    // The required columns, with the synonym standing in for its own field's column.
    const required: Partial<Record<PlanField, string>> = {
      ref: "Ref",
      developmentAction: "Actions",
      lead: "Lead",
    };
    const headers = [...Object.values({ ...required, [field]: header })];
    const result = mapHeaders(headers);
    expect(result.ok && result.columns.get(headers.indexOf(header))).toBe(field);
  });

  it("ignores case, punctuation and spacing", () => {
    expect(
      fieldsOf(["  action-REF ", "development_action", "LEAD:", "completion  date", "R.A.G."]),
    ).toEqual(["ref", "developmentAction", "lead", "completionDate", "rag"]);
  });

  it("keeps unknown columns by their header text", () => {
    const result = mapHeaders(["Ref", "Development Action", "Lead", "Budget (£k)", "Notes"]);
    expect(result.ok && [...result.extra]).toEqual([
      [3, "Budget (£k)"],
      [4, "Notes"],
    ]);
  });

  it("keeps a column with a blank header as an extra, named by its position", () => {
    const result = mapHeaders(["Ref", "Development Action", "Lead", ""]);
    expect(result.ok && result.extra.get(3)).toBe("Column 4");
  });

  it("reads a header row that starts with a byte-order mark", () => {
    expect(fieldsOf(["\uFEFFRef", "Action", "Lead"])).toEqual(["ref", "developmentAction", "lead"]);
  });

  it("refuses a file without a required column, naming it, its accepted names and --map", () => {
    const reason = fieldsOf(["Ref", "Development Action", "Target date"]);
    expect(reason).toContain(
      "The file needs a Lead column (named Lead, Delivery lead, Who will lead",
    );
    expect(reason).toContain('--map "Your header=Lead"');
  });

  it("names every missing required column at once", () => {
    const reason = fieldsOf(["Notes"]);
    expect(reason).toContain("a Ref column (named Ref, Action ref, ID, Reference, No.");
    expect(reason).toContain(
      "a Development Action column (named Development Action, Action or Actions)",
    );
    expect(reason).toContain("a Lead column");
  });

  it("takes neither of two columns that could be the same meaningful field, naming both and the --map", () => {
    expect(fieldsOf(["Ref", "Action", "Lead", "Target date", "Due date"])).toBe(
      '"Target date" and "Due date" could each be the Completion Date column: say which with --map "Target date=Completion Date" (the other is then kept as an extra column), or rename one of them',
    );
    expect(fieldsOf(["Ref", "Action", "Lead", "Owner"])).toContain('"Lead" and "Owner"');
    const result = mapHeaders(["Ref", "Action", "Lead", "Target date", "Due date"]);
    expect(result.readings.slice(3).map((r) => [r.field, r.note])).toEqual([
      [null, "could be Completion Date: not read until mapped"],
      [null, "could be Completion Date: not read until mapped"],
    ]);
  });

  it("keeps a second free-text column for the same field as an extra, so nothing is lost", () => {
    expect(fieldsOf(["Ref", "Action", "Lead", "Progress", "Update"])).toEqual([
      "ref",
      "developmentAction",
      "lead",
      "progressUpdate",
      "extra:Update",
    ]);
  });
});
