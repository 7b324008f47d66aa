import { describe, expect, it } from "vitest";
import type { Person } from "../../../src/domain/person.ts";
import { interleaved } from "../../../src/review/opening-forms.ts";
import { makeAction } from "../cards/card-fixtures.ts";

const lead = (id: string, refs: string[]) => ({
  person: { id, email: id, name: id, roles: ["lead"], leads: [] } satisfies Person,
  actions: refs.map((ref) => makeAction({ ref })),
});

describe("the order the opening forms are queued in", () => {
  it("takes every lead's first form before anyone's second, each lead's in plan order", () => {
    const order = interleaved([
      lead("hana", ["CSC-01", "CSC-02", "CSC-03"]),
      lead("ira", ["CSC-04"]),
      lead("tom", ["CSC-09", "CSC-15"]),
    ]).map(({ person, action }) => `${person.id} ${action.ref}`);
    expect(order).toEqual([
      "hana CSC-01",
      "ira CSC-04",
      "tom CSC-09",
      "hana CSC-02",
      "tom CSC-15",
      "hana CSC-03",
    ]);
  });

  it("queues nothing when nobody owes anything", () => {
    expect(interleaved([])).toEqual([]);
    expect(interleaved([lead("hana", [])])).toEqual([]);
  });
});
