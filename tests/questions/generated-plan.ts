import type { Action } from "../../src/domain/action.ts";
import type { Plan } from "../../src/domain/plan.ts";
import type { Rag } from "../../src/domain/rag.ts";
import { seededRandom } from "./seeded-random.ts";

/**
 * A council-like plan of 60 actions written for the corpus, unlike any plan the parser was tuned
 * on: five named priorities with the acronyms managers use (SEND, CAMHS, EHCP, LADO, IRO), five
 * sections, delivery areas, leads written the way councils write them, Refs in two styles, dates
 * either side of the corpus's today (23 November 2026), TBC and unrated rows, and some complete.
 */
export const GENERATED_PLAN: Plan = {
  id: "northmoor",
  name: "Northmoor Childrens Services Improvement Plan 2026-28",
  priorities: [
    { number: 1, name: "Early help and prevention", description: "" },
    {
      number: 2,
      name: "Children and young people with SEND and their EHCP reviews",
      description: "",
    },
    { number: 3, name: "Emotional wellbeing and CAMHS waiting times", description: "" },
    { number: 4, name: "Safeguarding adolescents from exploitation", description: "" },
    { number: 5, name: "Stability for children in care and care leavers", description: "" },
  ],
};

const SECTIONS = [
  { name: "Front Door and MASH", areas: ["Threshold decisions", "Contact handling"] },
  { name: "Family Support", areas: ["Parenting programmes", "Neglect strategy"] },
  { name: "Inclusion and Attendance", areas: ["Exclusions", "Alternative provision"] },
  { name: "Corporate Parenting", areas: ["Sufficiency", "Pathway planning"] },
  { name: "Quality Assurance", areas: ["Audit programme", "Allegations management"] },
  // "Missing" is a word questions use ("missing a RAG"), yet it names this section alone.
  { name: "Missing from Home", areas: ["Return interviews"] },
];

const LEADS = [
  "Head of Education",
  "Head of Early Help",
  "LADO",
  "IRO Manager",
  "Virtual School Head",
  "Designated Clinical Officer",
  "Principal Social Worker",
  "CAMHS Commissioner",
  "Head of Safeguarding / Quality Assurance Manager",
  "Corporate Parenting Lead",
  // An abbreviation written in one Lead ("HoS") that another Lead's initials also spell.
  "HoS Children in Care",
  "Head of Standards",
];

const VERBS = ["Review", "Embed", "Launch", "Audit", "Strengthen", "Publish", "Agree", "Track"];
const OBJECTS = [
  "the multi-agency referral pathway",
  "return home interviews",
  "transition plans at 14+",
  "annual reviews within 20 weeks",
  "supervision records",
  "placement stability meetings",
  "the neglect toolkit",
  "school attendance panels",
  // The plan's text writes a Lead's initials in capitals, as plans do: still the Lead when typed "dco".
  "health advice with the Designated Clinical Officer (DCO)",
];

const RAGS: Array<Rag | null> = ["Red", "Amber", "Amber", "Green", "Green", null];

function isoDay(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/** Month ends from June 2026 to September 2027, so "overdue", "before March" and "after March" each pick some. */
function dueDate(n: number): string {
  const offset = (n * 7) % 16;
  const month = 6 + offset;
  return isoDay(2026 + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1);
}

export function generatedActions(): Action[] {
  const random = seededRandom(2026);
  return Array.from({ length: 60 }, (_, n) => {
    const section = SECTIONS[n % SECTIONS.length] as (typeof SECTIONS)[number];
    const area = section.areas[Math.floor(n / SECTIONS.length) % section.areas.length] as string;
    const ref =
      n < 30 ? `NM-${String(n + 1).padStart(2, "0")}` : `${Math.floor(n / 10) - 2}.${(n % 10) + 1}`;
    const tbc = n % 13 === 5;
    const due = tbc ? null : dueDate(n);
    const rag = RAGS[random.int(RAGS.length)] ?? null;
    const complete = rag === "Green" && n % 4 === 0;
    // Not in step with the sections, so a priority and a section never pick the same actions.
    const first = (n + Math.floor(n / 5)) % 5;
    const priorities = [first + 1, ...(n % 11 === 3 ? [((first + 2) % 5) + 1] : [])];
    return {
      ref,
      planId: GENERATED_PLAN.id,
      priorities,
      section: section.name,
      deliveryArea: area,
      developmentAction: `${random.pick(VERBS)} ${random.pick(OBJECTS)} (${ref})`,
      expectedOutcome: "Children and families get the right help at the right time.",
      lead: LEADS[(n * 3 + Math.floor(n / 10)) % LEADS.length] as string,
      completionDate: {
        text: tbc ? "TBC" : (due ?? ""),
        due,
        tbc,
        milestones: due ? [due] : [],
      },
      rag,
      complete,
      signedOff: complete,
      actionWeWillTake: "",
      howWillWeKnow: "",
      // A word only progress notes hold: free text covers the plan's progress note too.
      progressUpdate: n % 7 === 2 ? "Waiting on the tribunal listing for the CAMHS pathway." : "",
      extra: {},
    };
  });
}
