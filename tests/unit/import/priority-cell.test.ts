import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PriorityReader } from "../../../src/import/priority-cell.ts";
import { readPriorityPart } from "../../../src/import/priority-words.ts";

// Priority names as councils publish them (Rutland's 2022-23 plan and its education plan, Plymouth's
// areas for improvement): several words, capitals, commas, "and", hyphens, SEND and the like.
const WORDS = [
  "Transition",
  "to",
  "adulthood",
  "Emotional",
  "Health",
  "and",
  "Wellbeing",
  "Protecting",
  "children",
  "at",
  "risk",
  "of",
  "harm",
  "Tackling",
  "Domestic",
  "Abuse",
  "SEND",
  "workloads",
  "post-16",
  "Early",
  "Help",
  "Care",
  "Leavers",
];
const nameArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 6 })
  .map((w) => w.join(" "))
  .filter((n) => !/^\d/.test(n));
const ONES = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"];

/** Every way a Priority cell may give priority `n` called `name`. */
function written(n: number, name: string, form: number): string {
  const forms = [
    `${n}`,
    `P${n}`,
    `Priority ${n}`,
    `Priority ${n}: ${name}`,
    `Priority ${ONES[n - 1] ?? n} \u2013 ${name}`,
    `${n}. ${name}`,
    `${n}: ${name}`,
    name,
    name.toUpperCase(),
  ];
  return forms[form % forms.length] as string;
}

describe("Priority cells as councils write them", () => {
  it("reads each form of a number and a name", () => {
    expect(readPriorityPart("Priority 2: Emotional Health")).toEqual({
      number: 2,
      name: "Emotional Health",
    });
    expect(readPriorityPart("Priority One \u2013 Improve outcomes")).toEqual({
      number: 1,
      name: "Improve outcomes",
    });
    expect(readPriorityPart("2. Emotional Health")).toEqual({
      number: 2,
      name: "Emotional Health",
    });
    expect(readPriorityPart("P2")).toEqual({ number: 2, name: "" });
    // A name that starts like a number or a prefix stays a name.
    expect(readPriorityPart("16-19 provision")).toEqual({ name: "16-19 provision" });
    expect(readPriorityPart("Priority schools")).toEqual({ name: "Priority schools" });
    expect(readPriorityPart("Parenting")).toEqual({ name: "Parenting" });
  });

  it("defines a plan's priorities from named cells in the order met, and matches every later form", () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(nameArb, {
            minLength: 1,
            maxLength: 6,
            selector: (n) => n.toLowerCase(),
          })
          // A name met alone that is part of an earlier one ("Care to" after "Care to adulthood")
          // is read as that priority, by design: such plans are left to the next case.
          .filter((names) =>
            names.every((a, i) =>
              names.every((b, j) => i === j || !b.toLowerCase().includes(a.toLowerCase())),
            ),
          ),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }),
        (names, later) => {
          // Each name is first met in a form that names it, then referred to in any form.
          const reader = new PriorityReader([]);
          names.forEach((name, i) => {
            const first = reader.read(i % 2 === 0 ? `Priority ${i + 1}: ${name}` : name);
            expect(first).toMatchObject({ ok: true, value: [i + 1] });
            if (first.ok) reader.accept(first.pending);
          });
          expect(reader.added.map((p) => [p.number, p.name])).toEqual(
            names.map((name, i) => [i + 1, name]),
          );
          for (const [pick, form] of later) {
            const i = pick % names.length;
            const read = reader.read(written(i + 1, names[i] as string, form));
            expect(read).toMatchObject({ ok: true, value: [i + 1], pending: [] });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads several priorities in one cell, separated by ; or line breaks, and commas between numbers", () => {
    const reader = new PriorityReader([
      {
        number: 5,
        name: "Children who become vulnerable in their education, including children with SEND",
        description: "",
      },
      { number: 4, name: "Tackling Domestic Abuse", description: "" },
    ]);
    expect(reader.read("4; 5")).toMatchObject({ ok: true, value: [4, 5] });
    expect(reader.read("P4\nP5")).toMatchObject({ ok: true, value: [4, 5] });
    expect(reader.read("4, 5")).toMatchObject({ ok: true, value: [4, 5] });
    // A name with a comma of its own is one priority, not two.
    expect(
      reader.read(
        "Children who become vulnerable in their education, including children with SEND",
      ),
    ).toMatchObject({ ok: true, value: [5], pending: [] });
    expect(reader.read("Early help, family support")).toMatchObject({
      ok: true,
      value: [6],
      pending: [{ number: 6, name: "Early help, family support" }],
    });
  });

  it("reads a name alone that is part of one earlier priority's name as that priority", () => {
    const reader = new PriorityReader([]);
    const first = reader.read("Priority 1: Care leavers to adulthood");
    if (first.ok) reader.accept(first.pending);
    expect(reader.read("Care leavers")).toMatchObject({ ok: true, value: [1], pending: [] });
  });

  it("defines nothing for a rejected row, and refuses a number given another name", () => {
    const reader = new PriorityReader([{ number: 1, name: "Early Help", description: "" }]);
    const rejected = reader.read("Care Leavers");
    expect(rejected).toMatchObject({ ok: true, value: [2] });
    // Not accepted (the row was rejected for another reason): the next new name still gets 2.
    expect(reader.read("Fostering")).toMatchObject({ ok: true, value: [2] });
    expect(reader.added).toEqual([]);
    const clash = reader.read("1. Fostering");
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.reason).toMatch(/this plan calls it "Early Help"/);
  });

  it("a Priorities sheet fixes the list: a cell naming another priority is the row's problem", () => {
    const reader = new PriorityReader(
      [{ number: 1, name: "Early Help", description: "" }],
      "the Priorities sheet of plan.xlsx",
    );
    expect(reader.read("P1")).toMatchObject({ ok: true, value: [1] });
    const other = reader.read("Fostering");
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.reason).toMatch(/Priorities sheet of plan.xlsx.*1 \(Early Help\)/);
  });
});
