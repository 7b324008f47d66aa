export type PlanField =
  | "ref"
  | "priorities"
  | "section"
  | "deliveryArea"
  | "developmentAction"
  | "expectedOutcome"
  | "lead"
  | "completionDate"
  | "rag"
  | "actionWeWillTake"
  | "howWillWeKnow"
  | "progressUpdate";

/** The plan's columns with their canonical names, in the order of the sample plan (and of export). */
export const PLAN_COLUMNS: readonly { field: PlanField; header: string }[] = [
  { field: "ref", header: "Ref" },
  { field: "priorities", header: "Priority" },
  { field: "section", header: "Section" },
  { field: "deliveryArea", header: "Delivery Area" },
  { field: "developmentAction", header: "Development Action" },
  { field: "expectedOutcome", header: "Expected Outcome" },
  { field: "lead", header: "Lead" },
  { field: "completionDate", header: "Completion Date" },
  { field: "rag", header: "RAG" },
  { field: "actionWeWillTake", header: "Action We Will Take" },
  { field: "howWillWeKnow", header: "How Will We Know" },
  { field: "progressUpdate", header: "Progress Update" },
];

/**
 * Every name a council's plan uses for each column, canonical name first. Besides the names in
 * the product's interface, some come from the published plans in the seeds: Rutland's 2016-19
 * plan asks "Who will lead on this?", "What are we going to do and how are we going to do it?" and
 * "What are the measureable outcomes and targets?" (its own spelling); its scrutiny storyboards
 * report "What we have done" and "What else we need to do".
 */
export const HEADER_NAMES: Readonly<Record<PlanField, readonly string[]>> = {
  ref: [
    "Ref",
    "Action ref",
    "ID",
    "Reference",
    "No.",
    "Number",
    "Action no",
    "Action number",
    "Ref no",
    "#",
    "Item",
    "Item no",
  ],
  priorities: ["Priority", "Priorities", "Priority outcome"],
  section: ["Section", "Service area", "Theme", "Workstream", "Work stream"],
  deliveryArea: ["Delivery Area", "Area for improvement", "Issue", "Key theme"],
  developmentAction: ["Development Action", "Action", "Actions"],
  expectedOutcome: [
    "Expected Outcome",
    "Outcome",
    "Outcomes",
    "Objectives",
    "Success measure",
    "Success measures",
    "Success criteria",
    "Impact",
  ],
  lead: [
    "Lead",
    "Delivery lead",
    "Who will lead",
    "Who will lead on this?",
    "Owner",
    "Action owner",
    "Responsible officer",
    "Lead officer",
    "Accountable",
    "Accountable officer",
  ],
  completionDate: [
    "Completion Date",
    "Target date",
    "Due date",
    "Date",
    "Dates",
    "Timescale",
    "Timescales",
    "Deadline",
    "By when",
    "Target",
    "Due by",
    "End date",
    "Target completion date",
  ],
  rag: [
    "RAG",
    "RAG rating",
    "Status",
    "BRAG",
    "RAG status",
    "BRAG rating",
    "BRAG status",
    "Rating",
  ],
  actionWeWillTake: [
    "Action We Will Take",
    "Progress milestones",
    "Milestones",
    "What are we going to do and how are we going to do it?",
    "What else we need to do",
    "Next steps",
  ],
  howWillWeKnow: [
    "How Will We Know",
    "Measured by",
    "Measures",
    "How will we know we have achieved these outcomes?",
    "What are the measureable outcomes and targets?",
    "Measurable outcomes and targets",
  ],
  progressUpdate: [
    "Progress Update",
    "Progress",
    "Update",
    "Commentary",
    "Latest update",
    "Progress to date",
    "What we have done",
  ],
};

/**
 * "Action ref", "ACTION-REF" and "action_ref" are the same header. `#`, `No.`, `No` and `Num`
 * all mean "number" first, because stripping punctuation would leave `#` as nothing and `No.` as
 * a word that reads like "no".
 */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/#/g, " number ")
    .replace(/(?<![a-z0-9])(?:no|nos|num|nbr)(?![a-z0-9])\.?/g, " number ")
    .replace(/[^a-z0-9]/g, "");
}

const FIELD_BY_NAME: ReadonlyMap<string, PlanField> = new Map(
  (Object.entries(HEADER_NAMES) as [PlanField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normaliseHeader(name), field] as const),
  ),
);

/** The field a header (or a `--map` field name) names, by its canonical name or a synonym. */
export function fieldNamed(header: string): PlanField | undefined {
  return FIELD_BY_NAME.get(normaliseHeader(header));
}

/** The name a person would use for the field: the canonical header. */
export const canonicalHeader = (field: PlanField): string =>
  PLAN_COLUMNS.find((c) => c.field === field)?.header ?? field;

/** "Lead, Delivery lead, … or Accountable officer", for messages that say what a column may be called. */
export function acceptedNames(field: PlanField): string {
  const names = HEADER_NAMES[field];
  return names.length > 1
    ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`
    : canonicalHeader(field);
}
