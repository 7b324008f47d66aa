import type { Action } from "../domain/action.ts";
import type { Rag } from "../domain/rag.ts";
import type { Update } from "../domain/update.ts";

/**
 * Realistic sample data for the card gallery: the sample plan's 19 actions (first line of each
 * development action), with dates moved forward four years as the demo does, and a few updates.
 */
type Row = [string, number[], string, string, string, string, string, Rag | null, string];

const ROWS: Row[] = [
  [
    "CSC-01",
    [3],
    "Children in need of help and protection",
    "Information Sharing",
    "HoS / Service Manager",
    "March 2026",
    "2026-03-31",
    "Green",
    "Improve robustness of information gathering in understanding the child's needs early and at the first point of contact.",
  ],
  [
    "CSC-02",
    [3],
    "Children in need of help and protection",
    "Information Sharing",
    "HoS/Service Manager",
    "September 2026",
    "2026-09-30",
    "Amber",
    "Review the way assessments and plans are written when written to the child to ensure that the severity of the concerns is not lost in using child friendly terminology.",
  ],
  [
    "CSC-03",
    [3],
    "Children in need of help and protection",
    "Collaboration",
    "HoS / Service Manager",
    "September 2026",
    "2026-09-30",
    "Amber",
    "Continued collaborative practice with families, ensuring that intervention is child focused and informed by level of risk and history of concerns.",
  ],
  [
    "CSC-04",
    [3],
    "Children in need of help and protection",
    "Collaboration",
    "HoS/Service Manager/ IRO",
    "September 2026",
    "2026-09-30",
    "Amber",
    "Child protection and Child in Need plans focus on specific outcomes to be achieved with timescales, rather than just describing an 'activity' to be completed.",
  ],
  [
    "CSC-05",
    [3],
    "Children in need of help and protection",
    "Collaboration",
    "IRO",
    "September 2026",
    "2026-09-30",
    "Amber",
    "Participation of children and young people is encouraged at every level and recorded on file. Their engagement with services such as SUSO clearly recorded.",
  ],
  [
    "CSC-06",
    [3],
    "Children in need of help and protection",
    "Decision-making",
    "Service Manager/ Team Managers",
    "September 2026",
    "2026-09-30",
    "Amber",
    "Supervision is on file and is of good quality with clear updates on current developments within case work and next steps recorded.",
  ],
  [
    "CSC-07",
    [3],
    "Children in need of help and protection",
    "Decision-making",
    "HoS/ Service Manager",
    "August 2026",
    "2026-08-31",
    "Green",
    "Regular review of CP cases to determine whether threshold for escalation to pre-proceedings has been met or is being missed.",
  ],
  [
    "CSC-08",
    [3],
    "Children in need of help and protection",
    "Decision-making",
    "Service Manager /PSW",
    "December 2026",
    "2026-12-31",
    "Amber",
    "Review of threshold decisions at the front door and those around S47 to ensure that appropriate support is offered at the right time to children and families.",
  ],
  [
    "CSC-09",
    [3, 4],
    "Children in need of help and protection",
    "Workforce Development",
    "HoS/ Service Manager/ Team Manager",
    "March 2026",
    "2026-03-31",
    "Amber",
    "Better understanding of parental conflict cases through the lens of affluent neglect.",
  ],
  [
    "CSC-10",
    [3],
    "Children Looked After and Care Leavers",
    "Placements and achieving permanence",
    "HoS/ Service Manager/ IROs",
    "March 2026",
    "2026-03-31",
    "Green",
    "The monthly Permanence Panel Meeting chaired by the Service Manager has ensured that the proportion of children in care now have a current care plan.",
  ],
  [
    "CSC-11",
    [3],
    "Children Looked After and Care Leavers",
    "Placements and achieving permanence",
    "HoS / Service Manager",
    "December 2026",
    "2026-12-31",
    "Amber",
    "The development of fostering for adoption (FfA) as a route to early permanency",
  ],
  [
    "CSC-12",
    [1],
    "Children Looked After and Care Leavers",
    "Care Leavers",
    "HoS/ Service Manager / Team Manager",
    "March 2026",
    "2026-03-31",
    "Amber",
    "Pathway plans to be co-created with young people (including with care leavers) – plans to explicitly record reasons where this has not been possible, and evidence of efforts made to engage the young person.",
  ],
  [
    "CSC-13",
    [1],
    "Children Looked After and Care Leavers",
    "Care Leavers",
    "HoS / Service Manager/ Supervising Social Worker / Team Manager",
    "March 2026",
    "2026-03-31",
    "Green",
    "'Staying Put' arrangements to be regularly considered as an option for our care leavers with the view of ensuring it provides them with the best possible start to their adult lives.",
  ],
  [
    "CSC-14",
    [1],
    "Children Looked After and Care Leavers",
    "Care Leavers",
    "HoS / Service Manager/ Through Care Team Manager",
    "January 2027",
    "2027-01-31",
    "Amber",
    "Staying Close/ Staying connected- project to look at support for young people leaving care to remain living in the local area. Providing young people with the support they need.",
  ],
  [
    "CSC-15",
    [3],
    "Children Looked After and Care Leavers",
    "Fostering",
    "HoS / Service Manager / Team Manager",
    "December 2026",
    "2026-12-31",
    "Amber",
    "Increase children's participation in foster carers' and connected person annual reviews both of children and young people directly, and their social workers (sharing their perception of the carers' ability to meet the child's needs).",
  ],
  [
    "CSC-16",
    [3],
    "Children Looked After and Care Leavers",
    "Fostering",
    "HoS / Service Manager / Team Manager/ Supervising Social Worker",
    "December 2026",
    "2026-12-31",
    "Amber",
    "Increase resilience within the in-house foster carers to support carers to take on more challenging placements and including developing a short breaks provision.",
  ],
  [
    "CSC-17",
    [3],
    "Children Looked After and Care Leavers",
    "Fostering",
    "Service Manager / Team Manager",
    "March 2026",
    "2026-03-31",
    "Green",
    "Better evidence on case file and understanding of the quality of work being done with carers.",
  ],
  [
    "CSC-18",
    [3],
    "Children Looked After and Care Leavers",
    "Fostering",
    "HoS/ Service Manager / Team Manager",
    "March 2026",
    "2026-03-31",
    "Green",
    "Better scrutiny around value for money and quality of care provided to children and young people in care.",
  ],
  [
    "CSC-19",
    [3],
    "IRO/CP/LADO",
    "LADO",
    "LADO/HoS",
    "August 2026",
    "2026-08-31",
    "Amber",
    "Clear recording processes that lead to robust recording of information and ability easily collate and report on service demand.",
  ],
];

export const SAMPLE_ACTIONS: Action[] = ROWS.map(
  ([ref, priorities, section, deliveryArea, lead, text, due, rag, developmentAction]) => ({
    ref,
    planId: "default",
    priorities,
    section,
    deliveryArea,
    developmentAction,
    expectedOutcome: "",
    lead,
    completionDate: { text, due, tbc: false, milestones: [due] },
    rag,
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
  }),
);

function sampleAction(ref: string): Action {
  const found = SAMPLE_ACTIONS.find((action) => action.ref === ref);
  if (!found) throw new Error(`No sample action ${ref}`);
  return found;
}

/** CSC-07 in full, as the plan writes it. */
export const SAMPLE_CSC_07: Action = {
  ...sampleAction("CSC-07"),
  rag: "Amber",
  expectedOutcome:
    "Develop a contingency section on the case recording system (E.g., PLO minute template) to ensure that parallel planning for children is clearly discussed and recorded.\nProduce PLO practice guidance for staff to improve consistency and effectiveness of the process.",
  actionWeWillTake:
    "Parallel Planning within pre-proceedings to be outlined at Review Conferences when positive changes are not being achieved through a Child Protection Plan, in a timeframe that is appropriate to the child's age, development and need.",
  howWillWeKnow:
    "Appropriate management of cases operating within the public law outline (PLO).\nThematic audits to confirm if practice is consistently reviewing appropriateness of implementing the PLO process.",
  progressUpdate:
    "Regional tool kit for effective PLO is being launched in March- this will be used across the service for good practice.\nThis will be looked at in the service development day in June",
};

export const SAMPLE_APPROVED_UPDATE: Update = {
  id: "2026-Q2:CSC-07",
  quarter: "2026-Q2",
  ref: "CSC-07",
  progress:
    "PLO minute template drafted with legal services.\nPractice guidance out for consultation with team managers until 15 October.",
  difference: "Families now get the PLO letter with a plain-English summary of what happens next.",
  nextSteps: "Template live by November; audit 12 cases in the new year.",
  proposedRag: "Amber",
  ragJustification: "",
  revisedDate: null,
  revisedDateReason: "",
  evidenceUrl: "",
  proposeCompletion: false,
  author: "jo.bloggs@council.gov.uk",
  authorName: "Jo Bloggs",
  state: "approved",
  submittedAt: "2026-09-24T14:05:00Z",
  revision: 1,
  previousRag: "Green",
  decision: {
    outcome: "approved",
    by: "sam.patel@council.gov.uk",
    byName: "Sam Patel",
    at: "2026-09-29T09:30:00Z",
    comment: "",
  },
};

export const SAMPLE_SUBMITTED_UPDATE: Update = {
  id: "2026-Q3:CSC-07",
  quarter: "2026-Q3",
  ref: "CSC-07",
  progress:
    "Template live on the case recording system since 2 November.\nThematic PLO audit of 12 cases: 9 rated *good* - 3 need parallel plans (see audit_v2).",
  difference:
    "Fewer children wait in pre-proceedings: 9 of 12 audited cases had a clear plan within 12 weeks.",
  nextSteps: "Second audit cycle in February; parallel plans training for the 3 teams.",
  proposedRag: "Red",
  ragJustification: "",
  revisedDate: "2027-03-31",
  revisedDateReason: "Audit follow-up needs a second cycle",
  evidenceUrl: "https://council.sharepoint.com/sites/csc/Shared%20Documents/PLO-audit-(Nov).docx",
  proposeCompletion: false,
  author: "jo.bloggs@council.gov.uk",
  authorName: "Jo Bloggs",
  state: "submitted",
  submittedAt: "2026-12-01T16:20:00Z",
  revision: 2,
  previousRag: "Amber",
  decision: null,
};

export const SAMPLE_RETURNED_UPDATE: Update = {
  ...SAMPLE_SUBMITTED_UPDATE,
  state: "returned",
  decision: {
    outcome: "returned",
    by: "sam.patel@council.gov.uk",
    byName: "Sam Patel",
    at: "2026-12-03T10:42:00Z",
    comment: "Please add the audit figures for the two remaining teams.",
  },
};

export const SAMPLE_APPROVED_NOW: Update = {
  ...SAMPLE_SUBMITTED_UPDATE,
  state: "approved",
  decision: {
    outcome: "approved",
    by: "sam.patel@council.gov.uk",
    byName: "Sam Patel",
    at: "2026-12-03T10:42:00Z",
    comment: "Thanks, clear and well evidenced.",
  },
};
