import { describe, expect, it } from "vitest";
import type { Person, Role } from "../../../src/domain/person.ts";
import { emptyQuery } from "../../../src/domain/question/index.ts";
import { askerReach, mayView, withinReach } from "../../../src/query/asker.ts";

const person = (roles: Role[], leads: string[] = []): Person => ({
  id: "p@council.gov.uk",
  email: "p@council.gov.uk",
  name: "P",
  roles,
  leads,
});

describe("who may ask about what", () => {
  it.each([
    [["manager"], "wholePlan"],
    [["dmt"], "wholePlan"],
    [["admin"], "wholePlan"],
    [["lead", "manager"], "wholePlan"],
    [["lead"], "ownActions"],
    [[], "nothing"],
  ] as const)("roles %j may ask about %s", (roles, reach) => {
    expect(askerReach(person([...roles]))).toBe(reach);
  });

  it("narrows a lead's question to their own actions and leaves a manager's alone", () => {
    const query = { ...emptyQuery(), rags: ["Red" as const] };
    expect(withinReach(query, "ownActions")).toEqual({ ...query, mine: true });
    expect(withinReach(query, "wholePlan")).toBe(query);
  });

  it("shows a lead an action in full only when they lead it, ignoring case and spacing", () => {
    const lead = person(["lead"], ["HoS / Service Manager"]);
    expect(mayView(lead, "ownActions", "hos/service manager")).toBe(true);
    expect(mayView(lead, "ownActions", "LADO/HoS")).toBe(false);
    expect(mayView(person(["manager"]), "wholePlan", "LADO/HoS")).toBe(true);
    expect(mayView(person([]), "nothing", "LADO/HoS")).toBe(false);
  });
});
