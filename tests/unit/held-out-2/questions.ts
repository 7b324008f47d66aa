/**
 * A second held-out check of the question feature: questions a busy manager might type about the
 * Kestlewood plan (tests/fixtures/held-out-2/kestlewood-plan.csv), each with the answer worked out
 * by hand from the plan, written without reading the parser or the generated corpus.
 *
 * `expect` is the Refs the answer should list, "WHICH" when the words fit two names so the answer
 * should ask which, "NO SUCH ACTION" for a Ref the plan lacks, "NOTHING" for an answer with no rows.
 * Alternatives a reasonable reading allows are separated by " | " (the first is the reading
 * preferred here); a question with an alternative is marked in the report.
 *
 * Facts used, with today 23 November 2026 and this quarter October–December 2026:
 * Red R1.4 R2.1 R3.2 R3.5 R5.1 R6.3 R8.3; Amber R1.2 R1.5 R2.2 R2.4 R2.5 R3.1 R3.4 R4.1 R4.3 R5.3
 * R6.1 R7.1 R8.1; Green R1.1 R1.3 R1.6 R2.3 R3.3 R4.2 R4.4 R5.2 R5.4 R6.2 R7.2 R8.2, of which
 * R1.1 and R5.2 are Blue (complete). Overdue (past due, not complete): R2.1 R2.5 R3.2.
 */
export interface HeldOutQuestion {
  category: string;
  text: string;
  expect: string;
}

const RED = "R1.4 R2.1 R3.2 R3.5 R5.1 R6.3 R8.3";
const AMBER = "R1.2 R1.5 R2.2 R2.4 R2.5 R3.1 R3.4 R4.1 R4.3 R5.3 R6.1 R7.1 R8.1";
const GREEN = "R1.1 R1.3 R1.6 R2.3 R3.3 R4.2 R4.4 R5.2 R5.4 R6.2 R7.2 R8.2";
const R1 = "R1.1 R1.2 R1.3 R1.4 R1.5 R1.6";
const R2 = "R2.1 R2.2 R2.3 R2.4 R2.5";
const R3 = "R3.1 R3.2 R3.3 R3.4 R3.5";
const R4 = "R4.1 R4.2 R4.3 R4.4";
const R5 = "R5.1 R5.2 R5.3 R5.4";
const R7 = "R7.1 R7.2";
const R8 = "R8.1 R8.2 R8.3";
const PSW = "R1.1 R7.2 R8.2";
const HOS_SAFEGUARDING = "R1.2 R1.3 R2.3 R2.5";
const FOSTERING_SM = "R3.2 R4.2 R5.3 R7.1";
const HEAD_CIC = "R3.1 R3.4 R4.4 R5.4";
const BY_XMAS = "R1.1 R2.1 R2.2 R2.5 R3.2 R5.2 R8.2 R8.3";
const BY_XMAS_OPEN = "R2.1 R2.2 R2.5 R3.2 R8.2 R8.3";
const BY_DEC = `${BY_XMAS} R1.2 R3.1 R5.1 R5.4 R6.1`;
const BY_DEC_OPEN = `${BY_XMAS_OPEN} R1.2 R3.1 R5.1 R5.4 R6.1`;
const BY_MARCH = `${BY_DEC} R1.6 R2.3 R4.1 R7.1 R1.4 R1.5 R2.4 R3.5 R5.3 R8.1`;
const BY_MARCH_OPEN = `${BY_DEC_OPEN} R1.6 R2.3 R4.1 R7.1 R1.4 R1.5 R2.4 R3.5 R5.3 R8.1`;
const BY_SUMMER = `${BY_MARCH} R6.2 R4.2 R6.3`;
const BY_SUMMER_OPEN = `${BY_MARCH_OPEN} R6.2 R4.2 R6.3`;
const THIS_QUARTER = "R2.1 R5.2 R2.2 R8.2 R8.3 R1.2 R3.1 R5.1 R5.4 R6.1";
const THIS_QUARTER_OPEN = "R2.1 R2.2 R8.2 R8.3 R1.2 R3.1 R5.1 R5.4 R6.1";

const q = (category: string, text: string, expect: string): HeldOutQuestion => ({
  category,
  text,
  expect,
});

export const QUESTIONS: readonly HeldOutQuestion[] = [
  // RAG alone, as the plan's key words and typed quickly.
  q("rag", "whats red", RED),
  q("rag", "anything amber?", AMBER),
  q("rag", "show me the greens pls", GREEN),
  q("rag", "whats at risk", AMBER),
  q("rag", "red or amber", `${RED} ${AMBER}`),
  q("rag", "not green", `${RED} ${AMBER}`),
  q("rag", "anything not red", `${AMBER} ${GREEN}`),
  q("rag", "which actions are complete", "R1.1 R5.2"),
  q("rag", "whats off track", RED),
  q("rag", "what is rde", RED),
  // Overdue: past its due date and not complete.
  q("overdue", "whats overdue", "R2.1 R2.5 R3.2"),
  q("overdue", "anything overdue pls", "R2.1 R2.5 R3.2"),
  q("overdue", "overdue for the PSW", "NOTHING"),
  q("overdue", "what's red or overdue", `${RED} R2.5`),
  q("overdue", "overdue amber", "R2.5"),
  q("overdue", "anything late", "R2.1 R2.5 R3.2"),
  // A recommendation (the plan's priorities) by an acronym in its name.
  q("priority acronym", "whats red for PLO", "R8.3"),
  q("priority acronym", "anything on CSE", R2),
  q("priority acronym", "cce actions", R2),
  q("priority acronym", "SGO", R3),
  q("priority acronym", "amber IFA", "R4.1 R4.3"),
  q("priority acronym", "CWD red", "R6.3"),
  q("priority acronym", "whats not green in PLO", "R8.1 R8.3"),
  q("priority acronym", "sgo red pls", "R3.2 R3.5"),
  // A recommendation by a distinctive phrase of its name.
  q("priority phrase", "private fostering", R7),
  q("priority phrase", "public law outline", R8),
  q("priority phrase", "pathway planning", `${R5} | WHICH`),
  q("priority phrase", "management oversight", R1),
  q("priority phrase", "whats amber for management oversight", "R1.2 R1.5"),
  q("priority phrase", "multi agency response", R2),
  q("priority phrase", "timely permanence", R3),
  q("priority phrase", "local homes", R4),
  q("priority phrase", "suitable accommodation", `${R5} | WHICH`),
  q("priority phrase", "red for awareness and assessment of private fostering", "NOTHING"),
  q("priority phrase", "reliance on independent fostering", R4),
  q("priority phrase", "anything red for the private fostering recommendation", "NOTHING"),
  // A recommendation by the plan's own label, R1–R8, or its number.
  q("recommendation label", "whats red under R3", "R3.2 R3.5"),
  q("recommendation label", "R5 amber", "R5.3"),
  q("recommendation label", "anything overdue in R2", "R2.1 R2.5"),
  q("recommendation label", "recommendation 8", R8),
  q("recommendation label", "priority 6 not green", "R6.1 R6.3"),
  q("recommendation label", "r7", R7),
  q("recommendation label", "pls list the red ones for R1 and R2", "R1.4 R2.1"),
  q("recommendation label", "whats not amber in R6", "R6.2 R6.3"),
  // A workstream (the plan's sections).
  q("section", "anything in corporate parenting", "R5.4"),
  q("section", "whats red in legal and court", "R3.5 R8.3"),
  q("section", "MASH actions", "R2.1 R2.2 R2.5 R7.1"),
  q("section", "amber in the front door section", "R2.2 R2.5 R7.1"),
  q("section", "practice quality", "R1.1 R1.2 R1.3 R1.6 R2.3 R7.2"),
  q("section", "whats not green in the disabled childrens service", "R6.1 R6.3"),
  q("section", "court", "R3.5 R8.1 R8.2 R8.3"),
  q("section", "leaving care service", "R5.1 R5.2 R5.3 | WHICH"),
  q("section", "workforce development section", "R1.4 R1.5 R2.4"),
  q("section", "quality and assurance workstream red", "NOTHING"),
  // An area for improvement (the plan's delivery areas).
  q("area", "staying put", "R5.3"),
  q("area", "return home interviews", "R2.2"),
  q("area", "childrens homes", "R4.3 | R4.1 R4.3"),
  q("area", "anything on caseloads", "R1.4"),
  q("area", "life story work", "R3.4"),
  q("area", "family group conferences", "R8.3"),
  q("area", "strategy discussions amber", "R2.5"),
  q("area", "placement stability", "R4.4"),
  q("area", "whats red in transitions", "R6.3"),
  q("area", "recruitment and retention", "R1.5"),
  q("area", "local offer", "R5.4"),
  q("area", "contextual safeguarding", "R2.3"),
  // A lead, by role, initials or a part of the role.
  q("lead", "PSW actions", PSW),
  q("lead", "principal social worker", PSW),
  q("lead", "LADO", "R1.6"),
  q("lead", "whats red for the legal services manager", "R3.5"),
  q("lead", "IRO", "R3.3"),
  q("lead", "head of commissioning amber", "R4.1 R4.3"),
  q("lead", "service manager fostering", FOSTERING_SM),
  q("lead", "anything for the fostering service manager not green", "R3.2 R5.3 R7.1 | WHICH"),
  q("lead", "head of early help", "R8.3"),
  q("lead", "early help", "R8.3"),
  q("lead", "team manager leaving care red", "R5.1"),
  q("lead", "exploitation and missing coordinator", "R2.1 R2.2"),
  q("lead", "missing coordinator overdue", "R2.1"),
  q("lead", "head of children in care", HEAD_CIC),
  q("lead", "workforce development manager", "R1.5 R2.4"),
  q("lead", "HoS safeguarding", HOS_SAFEGUARDING),
  q("lead", "for the head of service front door", "R1.4"),
  q("lead", "service manager disabled children red", "R6.3"),
  // Words two or more names share: the answer should ask which.
  q("asks which", "permanence", "WHICH"),
  q("asks which", "for the HoS", `WHICH | ${HOS_SAFEGUARDING}`),
  q("asks which", "children in care", "WHICH"),
  q("asks which", "fostering", "WHICH"),
  q("asks which", "exploitation", "WHICH"),
  q("asks which", "whats red in commissioning", "WHICH | NOTHING"),
  q("asks which", "sufficiency", "WHICH"),
  q("asks which", "supervision", "WHICH"),
  q("asks which", "short breaks", "WHICH"),
  q("asks which", "disabled children", "WHICH"),
  q("asks which", "front door", "WHICH"),
  q("asks which", "legal", "WHICH"),
  q("asks which", "workforce", "WHICH"),
  q("asks which", "special guardianship", "WHICH"),
  q("asks which", "anything red on care leavers", "WHICH | R5.1"),
  // A shared phrase settled by a word saying which kind of name it is.
  q("kind word", "the permanence priority", R3),
  q("kind word", "permanence section", "R3.1 R3.2 R3.3 R3.4 R4.4"),
  q("kind word", "the short breaks priority red", "R6.3"),
  q("kind word", "care leavers section", "R5.1 R5.2 R5.3"),
  q("kind word", "care leavers priority amber", "R5.3"),
  q("kind word", "commissioning section", "R4.1 R4.2 R4.3"),
  q("kind word", "short breaks area", "R6.2"),
  // A Ref the plan holds.
  q("ref", "R3.2", "R3.2"),
  q("ref", "r8.3", "R8.3"),
  q("ref", "tell me about R5.4", "R5.4"),
  q("ref", "whats happening with r1.6", "R1.6"),
  // A Ref the plan lacks.
  q("missing ref", "R9.1", "NO SUCH ACTION"),
  q("missing ref", "r2.7", "NO SUCH ACTION"),
  q("missing ref", "whats happening with R4.5", "NO SUCH ACTION"),
  q("missing ref", "CSC-07", "NO SUCH ACTION"),
  // Dates, in the words people use.
  q("date", "whats due by end of march", `${BY_MARCH} | ${BY_MARCH_OPEN}`),
  q("date", "due before xmas", `${BY_XMAS} | ${BY_XMAS_OPEN}`),
  q("date", "red before christmas", "R2.1 R3.2 R8.3 | R8.3"),
  q("date", "whats due this quarter", `${THIS_QUARTER} | ${THIS_QUARTER_OPEN}`),
  q("date", "amber due this quarter", "R1.2 R2.2 R3.1 R6.1"),
  q("date", "due in january", "R1.6 R2.3 R4.1"),
  q("date", "anything due after march", "R4.2 R4.3 R6.2 R6.3"),
  q("date", "red due after march", "R6.3"),
  q("date", "due next quarter", "R1.4 R1.5 R1.6 R2.3 R2.4 R3.5 R4.1 R5.3 R7.1 R8.1"),
  q("date", "due this month", "R2.2 R8.2"),
  q("date", "whats due by summer", `${BY_SUMMER} | ${BY_SUMMER_OPEN}`),
  q("date", "due by end of december", `${BY_DEC} | ${BY_DEC_OPEN}`),
  // A lead, RAG and date together, negations included.
  q("combination", "whats red for the head of children in care", "NOTHING"),
  q(
    "combination",
    "head of children in care - whats due before the end of december that isnt green",
    "R3.1",
  ),
  q("combination", "legal services manager not green by end of march", "R3.5 R8.1"),
  q("combination", "service manager fostering amber due by end of feb", "R7.1"),
  q("combination", "PSW green due this month", "R8.2"),
  q("combination", "anything red for HoS safeguarding", "NOTHING"),
  q("combination", "whats amber for hos safeguarding and overdue", "R2.5"),
  q("combination", "head of commissioning - anything due before summer thats not green", "R4.1"),
  q("combination", "CSE red in the MASH", "R2.1"),
  q("combination", "PLO red for head of early help", "R8.3"),
  q("combination", "anything not green for the LADO", "NOTHING"),
  q("combination", "exploitation and missing coordinator not green before xmas", "R2.1 R2.2"),
  // Typos in names.
  q("typo", "privat fostring", R7),
  q("typo", "staying putt", "R5.3"),
  q("typo", "principle social worker", PSW),
  q("typo", "whats red in corperate parenting", "NOTHING"),
  q("typo", "retrun home interviews", "R2.2"),
  q("typo", "exploitaion screening", "R2.1"),
  q("typo", "head of comissioning", "R4.1 R4.3 R6.2"),
  // Words that name nothing, looked for in the plan's text.
  q("free text", "MACE", "R2.3"),
  q("free text", "bed and breakfast", "R5.2"),
  q("free text", "ASYE", "R1.5"),
  q("free text", "anything about the parents panel", "R8.2"),
  q("free text", "council tax", "R5.4"),
  q("free text", "police", "R2.1 R2.3 R2.5"),
  q("free text", "dfe", "R5.3"),
  q("free text", "ofsted registration", "R4.3"),
  // History, from the stored reviews (kestlewood-history.ts): last quarter is 2026-Q2. An action
  // with no approved update on record keeps the plan's rating for last quarter too.
  q("history", "what was red last quarter", "R1.4 R3.2 R3.5 R6.1 R6.3 R8.3 | R1.4 R3.2 R3.5 R6.1"),
  q("history", "whats gone red this quarter", "R2.1 R5.1"),
  q("history", "which actions got worse", "R2.1 R2.5 R5.1"),
  q("history", "anything improved", "R4.2 R6.1 R8.2"),
  q(
    "history",
    "what changed since the last review",
    "R2.1 R2.5 R4.2 R5.1 R6.1 R8.2 | R1.4 R2.1 R2.5 R3.5 R4.2 R5.1 R6.1 R8.2",
  ),
  q(
    "history",
    "what was amber last quarter",
    "R1.2 R1.5 R2.1 R2.2 R2.4 R3.1 R3.4 R4.1 R4.2 R4.3 R5.1 R5.3 R7.1 R8.1 R8.2 | R1.2 R2.1 R4.2 R5.1 R8.2",
  ),
  q("history", "what was red last quarter for the legal services manager", "R3.5"),
  q("history", "what went red this quarter in the care leavers section", "R5.1"),
  q("history", "which actions got worse for the exploitation and missing coordinator", "R2.1"),
  q("history", "what went amber this quarter", "R2.5 R6.1"),
];
