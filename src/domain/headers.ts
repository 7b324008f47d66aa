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

/** Every name a council's plan uses for each column, canonical name first. */
export const HEADER_NAMES: Readonly<Record<PlanField, readonly string[]>> = {
  ref: ["Ref", "Action ref", "ID", "Reference"],
  priorities: ["Priority", "Priorities", "Priority outcome"],
  section: ["Section", "Service area"],
  deliveryArea: ["Delivery Area", "Area for improvement", "Issue", "Key theme"],
  developmentAction: ["Development Action", "Action", "Actions"],
  expectedOutcome: ["Expected Outcome", "Outcome", "Outcomes", "Objectives"],
  lead: ["Lead", "Delivery lead", "Who will lead", "Owner"],
  completionDate: ["Completion Date", "Target date", "Due date", "Date", "Dates", "Timescale"],
  rag: ["RAG", "RAG rating", "Status"],
  actionWeWillTake: ["Action We Will Take", "Progress milestones", "Milestones"],
  howWillWeKnow: [
    "How Will We Know",
    "Measured by",
    "Measures",
    "How will we know we have achieved these outcomes?",
  ],
  progressUpdate: ["Progress Update", "Progress", "Update"],
};

const REQUIRED: readonly PlanField[] = ["ref", "developmentAction", "lead"];

/**
 * Fields the product reads meaning from (who, when, which rating). A second column for one of these
 * is ambiguous, so the file is refused; a second column of free text is kept as an extra column.
 */
const MUST_BE_UNIQUE: ReadonlySet<PlanField> = new Set([
  "ref",
  "priorities",
  "developmentAction",
  "lead",
  "completionDate",
  "rag",
]);

/** "Action ref", "ACTION-REF" and "action_ref" are the same header. */
const normalise = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const FIELD_BY_NAME: ReadonlyMap<string, PlanField> = new Map(
  (Object.entries(HEADER_NAMES) as [PlanField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normalise(name), field] as const),
  ),
);

/** The name a person would use for the field: the canonical header. */
const canonical = (field: PlanField): string => HEADER_NAMES[field][0] ?? field;

function acceptedNames(field: PlanField): string {
  const names = HEADER_NAMES[field];
  return names.length > 1
    ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`
    : canonical(field);
}

export type HeaderMapping =
  | { ok: true; columns: Map<number, PlanField>; extra: Map<number, string> }
  | { ok: false; reason: string };

/**
 * Works out which column of a plan file holds which field. Columns the product has no field for
 * are kept in `extra` by header text so export gives them back; a column with a blank header is
 * kept as "Column 13" (its position), because text under it is still something a person typed.
 */
export function mapHeaders(headers: string[]): HeaderMapping {
  const columns = new Map<number, PlanField>();
  const extra = new Map<number, string>();
  const firstHeader = new Map<PlanField, string>();
  for (const [index, raw] of headers.entries()) {
    const header = raw.replace(/^\uFEFF/, "").trim();
    if (header === "") {
      extra.set(index, `Column ${index + 1}`);
      continue;
    }
    const field = FIELD_BY_NAME.get(normalise(header));
    if (!field) {
      extra.set(index, header);
      continue;
    }
    const earlier = firstHeader.get(field);
    if (earlier === undefined) {
      firstHeader.set(field, header);
      columns.set(index, field);
    } else if (MUST_BE_UNIQUE.has(field)) {
      return {
        ok: false,
        reason: `The columns "${earlier}" and "${header}" both look like the ${canonical(field)} column: rename or remove one of them`,
      };
    } else {
      extra.set(index, header);
    }
  }
  const missing = REQUIRED.filter((field) => !firstHeader.has(field));
  if (missing.length > 0) {
    const wanted = missing.map(
      (field) => `a ${canonical(field)} column (named ${acceptedNames(field)})`,
    );
    const it = missing.length > 1 ? "them" : "it";
    return {
      ok: false,
      reason: `The file needs ${wanted.join(", and ")}: add ${it} to the header row`,
    };
  }
  return { ok: true, columns, extra };
}
