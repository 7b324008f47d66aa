import { describe, expect, it } from "vitest";
import { assignToLeads, isOwed } from "../../../src/domain/lead-assignment.ts";
import type { Person } from "../../../src/domain/person.ts";
import { makeAction, makeUpdate } from "../cards/card-fixtures.ts";

const person = (id: string, leads: string[], roles: Person["roles"] = ["lead"]): Person => ({
  id,
  email: id,
  name: id.split("@")[0] ?? id,
  roles,
  leads,
});

describe("who leads each action", () => {
  const actions = [
    makeAction({ ref: "CSC-01", lead: "HoS / Service Manager" }),
    makeAction({ ref: "CSC-02", lead: "HoS/Service Manager" }),
    makeAction({ ref: "CSC-05", lead: "IRO" }),
    makeAction({ ref: "CSC-19", lead: "LADO/HoS" }),
  ];

  it("matches Lead cells ignoring case and spacing", () => {
    const hos = person("hos@council.gov.uk", ["hos / SERVICE manager"]);
    const { byPerson } = assignToLeads(actions, [hos]);
    expect(byPerson.get(hos.id)?.actions.map((a) => a.ref)).toEqual(["CSC-01", "CSC-02"]);
  });

  it("asks everyone who shares a Lead value, and each person once for all their leads", () => {
    const a = person("a@council.gov.uk", ["IRO", "LADO/HoS"]);
    const b = person("b@council.gov.uk", ["iro"]);
    const { byPerson } = assignToLeads(actions, [a, b]);
    expect(byPerson.get(a.id)?.actions.map((x) => x.ref)).toEqual(["CSC-05", "CSC-19"]);
    expect(byPerson.get(b.id)?.actions.map((x) => x.ref)).toEqual(["CSC-05"]);
  });

  it("lists actions nobody in the directory leads", () => {
    const { unmatched } = assignToLeads(actions, [person("iro@council.gov.uk", ["IRO"])]);
    expect(unmatched.map((a) => a.ref)).toEqual(["CSC-01", "CSC-02", "CSC-19"]);
  });

  it("does not count someone without the lead role, even if lead values were recorded for them", () => {
    const dmt = person("dmt@council.gov.uk", ["IRO"], ["dmt"]);
    const { byPerson, unmatched } = assignToLeads(actions, [dmt]);
    expect(byPerson.size).toBe(0);
    expect(unmatched).toHaveLength(4);
  });
});

describe("what is still owed", () => {
  it("is an open action with no update, or one DMT returned", () => {
    expect(isOwed(makeAction(), undefined)).toBe(true);
    expect(isOwed(makeAction(), makeUpdate({ state: "returned" }))).toBe(true);
    expect(isOwed(makeAction(), makeUpdate({ state: "submitted" }))).toBe(false);
    expect(isOwed(makeAction(), makeUpdate({ state: "approved" }))).toBe(false);
  });

  it("never includes completed or signed-off actions", () => {
    expect(isOwed(makeAction({ complete: true }), undefined)).toBe(false);
    expect(isOwed(makeAction({ signedOff: true }), undefined)).toBe(false);
  });
});
