import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  HEADER_NAMES,
  type HeaderMap,
  mapHeaders,
  PLAN_COLUMNS,
  type PlanField,
  parseHeaderMap,
} from "../../../src/domain/headers.ts";

const FIELDS = PLAN_COLUMNS.map((c) => c.field);
const REQUIRED: PlanField[] = ["ref", "developmentAction", "lead"];

/** The field each column was read as, "extra" for an extra column, or the refusal. */
function read(headers: string[], maps: HeaderMap[] = []): (PlanField | "extra")[] | string {
  const result = mapHeaders(headers, maps);
  if (!result.ok) return result.reason;
  return headers.map((_, i) => result.columns.get(i) ?? "extra");
}

/** A header row with each required field's canonical name, plus `header` standing for `field`. */
function rowWith(field: PlanField, header: string): string[] {
  const names = new Map<PlanField, string>(
    REQUIRED.map((f) => [f, PLAN_COLUMNS.find((c) => c.field === f)?.header ?? f]),
  );
  names.set(field, header);
  return [...names.values()];
}

describe("header names councils use", () => {
  it.each<[string, PlanField]>([
    ["No.", "ref"],
    ["No", "ref"],
    ["#", "ref"],
    ["Action no", "ref"],
    ["Action No.", "ref"],
    ["Action number", "ref"],
    ["Item", "ref"],
    ["Item No.", "ref"],
    ["Owner", "lead"],
    ["Responsible officer", "lead"],
    ["Lead officer", "lead"],
    ["Accountable", "lead"],
    ["Who will lead on this?", "lead"],
    ["Deadline", "completionDate"],
    ["By when", "completionDate"],
    ["By when?", "completionDate"],
    ["Target", "completionDate"],
    ["Due by", "completionDate"],
    ["End date", "completionDate"],
    ["Timescales", "completionDate"],
    ["BRAG", "rag"],
    ["B.R.A.G.", "rag"],
    ["RAG status", "rag"],
    ["Status", "rag"],
    ["Rating", "rag"],
    ["Success measure", "expectedOutcome"],
    ["Success measures", "expectedOutcome"],
    ["Success measure(s)", "expectedOutcome"],
    ["Success criteria", "expectedOutcome"],
    ["Impact", "expectedOutcome"],
    ["Commentary", "progressUpdate"],
    ["Latest update", "progressUpdate"],
    ["Progress to date", "progressUpdate"],
    ["What we have done", "progressUpdate"],
    ["Theme", "section"],
    ["Workstream", "section"],
    ["Work stream", "section"],
    ["What are we going to do and how are we going to do it?", "actionWeWillTake"],
    ["Next steps", "actionWeWillTake"],
    ["What are the measureable outcomes and targets?", "howWillWeKnow"],
  ])("reads %j as %s", (header, field) => {
    const headers = rowWith(field, header);
    expect(read(headers)[headers.indexOf(header)]).toBe(field);
  });

  it("does not read look-alikes of No. as the Ref: Notes, Nominated lead, No. of children", () => {
    expect(read(["Ref", "Action", "Lead", "Notes", "No. of children"])).toEqual([
      "ref",
      "developmentAction",
      "lead",
      "extra",
      "extra",
    ]);
  });

  it("reads the issue's layout: No., Priority, Action, Success measure, Owner, Deadline, BRAG, Update", () => {
    expect(
      read(["No.", "Priority", "Action", "Success measure", "Owner", "Deadline", "BRAG", "Update"]),
    ).toEqual([
      "ref",
      "priorities",
      "developmentAction",
      "expectedOutcome",
      "lead",
      "completionDate",
      "rag",
      "progressUpdate",
    ]);
  });
});

describe("--map", () => {
  it("reads a header the product has no name for as the field named", () => {
    const headers = ["Ref", "Action", "Lead", "Go-live"];
    expect(read(headers, [{ header: "go live", field: "completionDate" }])).toEqual([
      "ref",
      "developmentAction",
      "lead",
      "completionDate",
    ]);
  });

  it("settles two columns that could both be the Completion Date, keeping the other", () => {
    const headers = ["Ref", "Action", "Lead", "Target date", "Deadline"];
    expect(read(headers, [{ header: "Deadline", field: "completionDate" }])).toEqual([
      "ref",
      "developmentAction",
      "lead",
      "extra",
      "completionDate",
    ]);
    const result = mapHeaders(headers, [{ header: "Deadline", field: "completionDate" }]);
    expect(result.readings[4]).toMatchObject({
      field: "Completion Date",
      note: "mapped with --map",
    });
    expect(result.readings[3]?.note).toContain(
      'also looks like Completion Date, read from "Deadline"',
    );
  });

  it("keeps a column as an extra when mapped to Extra", () => {
    expect(read(["Ref", "Action", "Lead", "Status"], [{ header: "Status", field: null }])).toEqual([
      "ref",
      "developmentAction",
      "lead",
      "extra",
    ]);
  });

  it("refuses a map naming a header the file does not have, listing the file's headers", () => {
    expect(read(["Ref", "Action", "Lead"], [{ header: "Deadlin", field: "completionDate" }])).toBe(
      '--map names "Deadlin", which is not a header of this file: its headers are "Ref", "Action", "Lead"',
    );
  });

  it.each([
    ["Deadline=Completion Date", { header: "Deadline", field: "completionDate" }],
    ["Deadline=due date", { header: "Deadline", field: "completionDate" }],
    ["Head of = service=Lead", { header: "Head of = service", field: "lead" }],
    ["Notes=Extra", { header: "Notes", field: null }],
  ])("reads --map %j", (text, map) => {
    expect(parseHeaderMap(text)).toEqual(map);
  });

  it("refuses a field it does not know, naming the fields", () => {
    const refused = parseHeaderMap("Deadline=When");
    expect(refused).toHaveProperty("error");
    expect((refused as { error: string }).error).toContain(
      '"When" is not a field: use one of Ref, Priority, Section',
    );
    expect(parseHeaderMap("Deadline")).toHaveProperty("error");
  });
});

describe("header matching: properties", () => {
  /** A header as people type it: any case, extra spaces, punctuation between the words. */
  const typed = (name: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }),
        fc.constantFrom(" ", "_", "-", "  ", ". "),
        fc.constantFrom("", " ", ":", "*", " ?"),
      )
      .map(([upper, space, end]) => {
        const cased = [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase()));
        return `${cased.join("").replace(/ /g, space)}${end}`;
      });

  const synonym = fc.constantFrom(
    ...(Object.entries(HEADER_NAMES) as [PlanField, string[]][]).flatMap(([field, names]) =>
      names.map((name) => ({ field, name })),
    ),
  );

  it("reads every synonym as its field however it is cased, spaced or punctuated", () => {
    fc.assert(
      fc.property(
        synonym.chain(({ field, name }) => typed(name).map((header) => ({ field, header }))),
        ({ field, header }) => {
          const headers = rowWith(field, header);
          expect(read(headers)[headers.indexOf(header)]).toBe(field);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("accounts for every column: each is a field or an extra, and no field is read twice", () => {
    const header = fc.oneof(
      synonym.map((s) => s.name),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(header, { maxLength: 14 }), (headers) => {
        const result = mapHeaders(headers);
        expect(result.readings).toHaveLength(headers.length);
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        for (let i = 0; i < headers.length; i++)
          expect(result.columns.has(i) !== result.extra.has(i)).toBe(true);
        const fields = [...result.columns.values()];
        expect(new Set(fields).size).toBe(fields.length);
        for (const f of fields) expect(FIELDS).toContain(f);
      }),
      { numRuns: 400 },
    );
  });
});
