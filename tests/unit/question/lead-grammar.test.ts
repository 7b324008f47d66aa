import { describe, expect, it } from "vitest";
import { leadMatches } from "../../../src/domain/question/lead-match.ts";
import { parseSample, sampleQuery } from "./ask.ts";

describe("leads in questions", () => {
  it.each([
    ["for HoS", { match: "part", value: "HoS" }],
    ["for hos", { match: "part", value: "HoS" }],
    ["what is the LADO doing", { match: "part", value: "LADO" }],
    ["led by the PSW", { match: "part", value: "PSW" }],
    ["head of service", { match: "part", value: "HoS" }],
    ["service manager", { match: "part", value: "Service Manager" }],
    ["HoS / Service Manager", { match: "exact", value: "HoS / Service Manager" }],
    ["hos/service manager", { match: "exact", value: "HoS / Service Manager" }],
    ["HOS SERVICE MANAGER", { match: "exact", value: "HoS / Service Manager" }],
    ["lado/hos", { match: "exact", value: "LADO/HoS" }],
  ])("%s", (question, lead) => {
    expect(sampleQuery(question).leads).toEqual([lead]);
  });

  it("reads several leads as either", () => {
    expect(sampleQuery("for HoS or PSW").leads).toEqual([
      { match: "part", value: "HoS" },
      { match: "part", value: "PSW" },
    ]);
  });

  it("asks which is meant when a role is also in another name (IRO and the IRO/CP/LADO section)", () => {
    const parsed = parseSample("IROs");
    expect(parsed.kind === "query" && parsed.chooseName?.options.map((o) => o.label)).toEqual([
      "Lead: IRO",
      "Section: IRO/CP/LADO",
    ]);
  });

  it("reads “my actions” as the asker's own", () => {
    expect(sampleQuery("my actions")).toMatchObject({ mine: true, leads: [] });
    expect(sampleQuery("what's overdue that I lead")).toMatchObject({
      mine: true,
      dates: [{ kind: "overdue" }],
    });
  });
});

describe("matching a lead filter to a Lead cell", () => {
  it("finds a role inside a cell of several, whatever the spacing", () => {
    const hos = { match: "part", value: "HoS" } as const;
    expect(leadMatches(hos, "LADO/HoS")).toBe(true);
    expect(leadMatches(hos, "HoS/ Service Manager/ IROs")).toBe(true);
    expect(leadMatches(hos, "Service Manager /PSW")).toBe(false);
  });

  it("finds a role as words within a part, singular or plural", () => {
    const teamManager = { match: "part", value: "Team Manager" } as const;
    expect(leadMatches(teamManager, "HoS / Service Manager/ Through Care Team Manager")).toBe(true);
    expect(leadMatches(teamManager, "Service Manager/ Team Managers")).toBe(true);
    expect(leadMatches({ match: "part", value: "IRO" }, "HoS/ Service Manager/ IROs")).toBe(true);
  });

  it("matches a whole cell only to the same cell, ignoring case and spacing", () => {
    const exact = { match: "exact", value: "HoS / Service Manager" } as const;
    expect(leadMatches(exact, "HoS/Service Manager")).toBe(true);
    expect(leadMatches(exact, "hos/ service manager")).toBe(true);
    expect(leadMatches(exact, "HoS/Service Manager/ IRO")).toBe(false);
  });
});
