import { describe, expect, it } from "vitest";
import { DomainError } from "../../../src/domain/errors.ts";
import { type Capability, can, requireCapability } from "../../../src/domain/permissions.ts";
import type { Person, Role } from "../../../src/domain/person.ts";

function person(roles: Role[], leads: string[] = []): Person {
  return { id: "jo@council.gov.uk", email: "jo@council.gov.uk", name: "Jo", roles, leads };
}

const CSC_07 = { ref: "CSC-07", lead: "HoS/ Service Manager" };

describe("can", () => {
  it("lets a lead update an action whose Lead matches theirs, ignoring case and spacing", () => {
    expect(can(person(["lead"], ["hos / service manager"]), "submitUpdate", CSC_07)).toBe(true);
  });

  it("does not let a lead update someone else's action", () => {
    expect(can(person(["lead"], ["IRO"]), "submitUpdate", CSC_07)).toBe(false);
  });

  it("does not let a non-lead update an action even with a matching lead value", () => {
    expect(can(person(["manager"], ["HoS/ Service Manager"]), "submitUpdate", CSC_07)).toBe(false);
  });

  const expected: [Capability, Role[]][] = [
    ["decideSignOff", ["dmt"]],
    ["startReview", ["dmt", "admin"]],
    ["viewReviewStatus", ["dmt", "manager", "admin"]],
    ["askQuestions", ["dmt", "manager", "admin", "lead"]],
    ["manageDirectory", ["admin"]],
  ];
  it.each(expected)("allows %s for exactly %j", (capability, allowed) => {
    for (const role of ["lead", "manager", "dmt", "admin"] as Role[]) {
      expect(can(person([role]), capability)).toBe(allowed.includes(role));
    }
  });

  it("lets a person with several roles do what any of them allows", () => {
    expect(can(person(["lead", "admin"]), "startReview")).toBe(true);
  });

  it("allows nothing to a person with no roles", () => {
    expect(can(person([]), "askQuestions")).toBe(false);
  });
});

describe("requireCapability", () => {
  it("lets an allowed person through", () => {
    expect(() => requireCapability(person(["dmt"]), "decideSignOff")).not.toThrow();
  });

  it("refuses with a forbidden error naming who can do it", () => {
    let error: unknown;
    try {
      requireCapability(person(["lead"]), "startReview");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("forbidden");
    expect((error as DomainError).message).toBe(
      "Only DMT members and admins can start a review. Ask an admin if you need to.",
    );
  });

  it("tells a lead whose action it is not who leads it and how to fix their leads", () => {
    expect(() => requireCapability(person(["lead"], ["IRO"]), "submitUpdate", CSC_07)).toThrow(
      'Only the lead for CSC-07 (HoS/ Service Manager) can update it. If that is you, ask an admin to add "HoS/ Service Manager" to your leads.',
    );
  });
});
