import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Action } from "../../src/domain/action.ts";
import type { Person } from "../../src/domain/person.ts";
import type { Plan } from "../../src/domain/plan.ts";
import type { Rag } from "../../src/domain/rag.ts";
import { type Decision, type Update, updateId } from "../../src/domain/update.ts";
import { importPlanFile } from "../../src/import/import-plan.ts";
import type { TestApp, TestPerson } from "./start-test-app.ts";

/**
 * The test data written once: a plan action, a lead's update, a person, a DMT decision, and a plan
 * imported from CSV rows. Each builder returns a whole, valid record; a test overrides only what it
 * is about, so what a test says is the difference that matters.
 */

/** A plan action as the store holds it (CSC-07, Amber, due March 2027, led by HoS). */
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

/**
 * An action described by what plan-wide views count: its Ref, priorities, rating and due date
 * (null: "TBC"). Named "Action <ref>" and led by a Service Manager.
 */
export function aRatedAction(
  ref: string,
  priorities: number[],
  rag: Rag | null,
  due: string | null,
  overrides: Partial<Action> = {},
): Action {
  return anAction({
    ref,
    priorities,
    section: "Children's Social Care",
    deliveryArea: "",
    developmentAction: `Action ${ref}`,
    lead: "Service Manager",
    completionDate: { text: due ?? "TBC", due, tbc: due === null, milestones: due ? [due] : [] },
    rag,
    ...overrides,
  });
}

/**
 * A lead's update awaiting sign-off (2026-Q3, CSC-07 unless overridden). Its id follows the
 * quarter, Ref and plan it is given, as the store's would.
 */
export function anUpdate(overrides: Partial<Update> = {}): Update {
  const quarter = overrides.quarter ?? "2026-Q3";
  const ref = overrides.ref ?? "CSC-07";
  return {
    id: updateId(quarter, ref, overrides.planId ?? "default"),
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

/** DMT's approval, by Dee Director at `at`. */
export function approvedBy(at: string, overrides: Partial<Decision> = {}): Decision {
  return {
    outcome: "approved",
    by: "dee@council.gov.uk",
    byName: "Dee Director",
    at,
    comment: "",
    ...overrides,
  };
}

/** A directory person (Sam Patel on DMT unless overridden). */
export function aPerson(overrides: Partial<Person> = {}): Person {
  const email = overrides.email ?? overrides.id ?? "sam@council.gov.uk";
  return {
    id: email,
    email,
    name: "Sam Patel",
    roles: ["dmt"],
    leads: [],
    ...overrides,
  };
}

/** The columns a small plan file needs. */
export const PLAN_CSV_HEADER = "Ref,Priority,Development Action,Lead,Completion Date,RAG";

/** Imports `rows` (under PLAN_CSV_HEADER) into `plan`, as `plan-tracker import` does. */
export async function importPlanRows(
  t: TestApp,
  plan: Pick<Plan, "id" | "name">,
  rows: string[],
): Promise<void> {
  const path = join(t.dataDir, `${plan.id}.csv`);
  writeFileSync(path, `${[PLAN_CSV_HEADER, ...rows].join("\n")}\n`);
  await importPlanFile(t.store, { ...plan, priorities: [] }, path, {
    dryRun: false,
    actor: { id: "test", name: "Test" },
  });
}

/** The review tests' pair: Jo Lead, who leads `leads`, and Dee Director on DMT, both with the bot installed. */
export async function leadAndDirector(
  t: TestApp,
  leads: string[],
): Promise<{ jo: TestPerson; dee: TestPerson }> {
  const jo = await t.addPerson({
    email: "jo.lead@council.gov.uk",
    name: "Jo Lead",
    roles: ["lead"],
    leads,
  });
  const dee = await t.addPerson({
    email: "dee.director@council.gov.uk",
    name: "Dee Director",
    roles: ["dmt"],
  });
  for (const person of [jo, dee]) {
    const { status } = await t.install(person);
    if (status >= 300) throw new Error(`Installing for ${person.name} answered ${status}.`);
  }
  await t.idle();
  return { jo, dee };
}
