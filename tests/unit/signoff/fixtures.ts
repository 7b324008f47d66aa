import type { Action } from "../../../src/domain/action.ts";
import type { Person } from "../../../src/domain/person.ts";
import type { Update } from "../../../src/domain/update.ts";

export function anAction(overrides: Partial<Action> = {}): Action {
  return {
    ref: "CSC-07",
    planId: "default",
    priorities: [3],
    section: "Children in need of help and protection",
    deliveryArea: "Information Sharing",
    developmentAction: "Improve the quality of strategy discussions",
    expectedOutcome: "",
    lead: "HoS / Service Manager",
    completionDate: {
      text: "March 2027",
      due: "2027-03-31",
      tbc: false,
      milestones: ["2027-03-31"],
    },
    rag: "Amber",
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
    ...overrides,
  };
}

export function anUpdate(overrides: Partial<Update> = {}): Update {
  const quarter = overrides.quarter ?? "2026-Q3";
  const ref = overrides.ref ?? "CSC-07";
  return {
    id: `${quarter}:${ref}`,
    quarter,
    ref,
    progress: "Dip sample done: 92% rated good.",
    proposedRag: "Green",
    ragJustification: "",
    revisedDate: null,
    revisedDateReason: "",
    evidenceUrl: "",
    proposeCompletion: false,
    author: "hos@council.gov.uk",
    authorName: "Hana Osei",
    state: "submitted",
    submittedAt: "2026-12-01T10:00:00.000Z",
    revision: 1,
    previousRag: "Amber",
    decision: null,
    ...overrides,
  };
}

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: "sam@council.gov.uk",
    email: "sam@council.gov.uk",
    name: "Sam Patel",
    roles: ["dmt"],
    leads: [],
    ...overrides,
  };
}
