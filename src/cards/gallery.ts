import { SAMPLE_PLAN } from "../domain/plan.ts";
import { emptyQuery } from "../domain/question/query.ts";
import { buildActionDetailCard } from "./action-detail-card.ts";
import { buildAnswerCard } from "./answer-card.ts";
import type { AdaptiveCardJson } from "./card-json.ts";
import { buildDmtOutstandingCard } from "./dmt-outstanding-card.ts";
import {
  SAMPLE_ACTIONS,
  SAMPLE_APPROVED_NOW,
  SAMPLE_APPROVED_UPDATE,
  SAMPLE_CSC_07,
  SAMPLE_RETURNED_UPDATE,
  SAMPLE_SUBMITTED_UPDATE,
} from "./gallery-sample-data.ts";
import { buildHelpCard } from "./help-card.ts";
import { buildNotUnderstoodCard } from "./not-understood-card.ts";
import { buildNotInDirectoryCard, buildStoreDownCard } from "./notice-card.ts";
import { buildOutcomeCard } from "./outcome-card.ts";
import { buildReminderCard } from "./reminder-card.ts";
import { buildReportLinkCard } from "./report-link-card.ts";
import { buildReviewStatusCard } from "./review-status-card.ts";
import { buildSignOffCard } from "./sign-off-card.ts";
import { buildSummaryCard } from "./summary-card.ts";
import { buildUpdateFormCard } from "./update-form-card.ts";
import { buildUpdateSubmittedCard } from "./update-submitted-card.ts";
import { buildWelcomeCard } from "./welcome-card.ts";

export type GalleryCard = { name: string; card: AdaptiveCardJson };

const TAB_URL =
  "https://teams.microsoft.com/l/entity/plan-tracker/dashboard?context=%7B%22subEntityId%22%3A%22CSC-07%22%7D";
const SUGGESTION = {
  rag: "Red" as const,
  reason: "due 31 August 2026 has passed: the plan's key says Red",
};
const JO = {
  name: "Jo Bloggs",
  roles: ["lead" as const, "manager" as const],
  leads: ["HoS / Service Manager"],
};
/** Cards sent to one person refresh for them (Universal Actions), so their refresh is shown too. */
const JO_TEAMS_ID = "29:jo-bloggs";
const amberPriority3 = SAMPLE_ACTIONS.filter((a) => a.rag === "Amber" && a.priorities.includes(3));
/** 57 matches, to show paging: the sample actions three times over with new Refs. */
const many = [0, 1, 2].flatMap((round) =>
  SAMPLE_ACTIONS.map((a, i) => ({
    ...a,
    ref: `CSC-${String(round * 19 + i + 1).padStart(2, "0")}`,
  })),
);
const owing = [
  { who: "Jo Bloggs", refs: ["CSC-02", "CSC-03", "CSC-11"] },
  { who: "IRO (nobody in the directory leads this)", refs: ["CSC-05"] },
];
const awaiting = [
  {
    ref: "CSC-07",
    title: "Regular review of CP cases",
    submittedBy: "Jo Bloggs",
    submittedAt: "2026-12-01T16:20:00Z",
    workingDaysWaiting: 7,
  },
  {
    ref: "CSC-15",
    title: "Increase children's participation in annual reviews",
    submittedBy: "Priya Shah",
    submittedAt: "2026-12-08T11:00:00Z",
    workingDaysWaiting: 2,
  },
];

/** Every card the bot sends, built from sample data, for the card playground page. */
export const SAMPLE_CARDS: GalleryCard[] = [
  {
    name: "Welcome",
    card: buildWelcomeCard({
      person: JO,
      ledActions: [{ lead: "HoS / Service Manager", count: 5 }],
      note: "Demo data: the sample plan's dates are moved forward to run from this quarter.",
    }),
  },
  {
    name: "Help (DMT and admin)",
    card: buildHelpCard({ person: { roles: ["lead", "manager", "dmt", "admin"] } }),
  },
  {
    name: "Update form",
    card: buildUpdateFormCard({
      action: SAMPLE_CSC_07,
      quarter: "2026-Q3",
      suggestion: SUGGESTION,
      lastApproved: SAMPLE_APPROVED_UPDATE,
      revision: 0,
      refreshUserIds: [JO_TEAMS_ID],
    }),
  },
  {
    name: "Update form, returned with errors",
    card: buildUpdateFormCard({
      action: SAMPLE_CSC_07,
      quarter: "2026-Q3",
      suggestion: SUGGESTION,
      lastApproved: SAMPLE_APPROVED_UPDATE,
      revision: 2,
      banner:
        "Returned by Sam Patel on 3 December 2026: please add the audit figures for the two remaining teams.",
      draft: { ...SAMPLE_SUBMITTED_UPDATE, proposeCompletion: true, evidenceUrl: "" },
      errors: { evidenceUrl: "To propose completion, add a link to the evidence." },
    }),
  },
  {
    name: "Update submitted",
    card: buildUpdateSubmittedCard({
      action: SAMPLE_CSC_07,
      update: SAMPLE_SUBMITTED_UPDATE,
      refreshUserIds: [JO_TEAMS_ID],
    }),
  },
  {
    name: "Update approved (lead's copy)",
    card: buildUpdateSubmittedCard({ action: SAMPLE_CSC_07, update: SAMPLE_APPROVED_NOW }),
  },
  {
    name: "Sign-off",
    card: buildSignOffCard({
      action: SAMPLE_CSC_07,
      update: SAMPLE_SUBMITTED_UPDATE,
      historyUrl: TAB_URL,
      refreshUserIds: ["29:dee-director"],
    }),
  },
  {
    name: "Sign-off, Return without a comment",
    card: buildSignOffCard({
      action: SAMPLE_CSC_07,
      update: SAMPLE_SUBMITTED_UPDATE,
      errors: { comment: "To return an update, say what the lead should change." },
    }),
  },
  {
    name: "Sign-off, already decided",
    card: buildSignOffCard({
      action: SAMPLE_CSC_07,
      update: SAMPLE_RETURNED_UPDATE,
      note: "Sam Patel decided this before you; nothing was changed.",
    }),
  },
  {
    name: "Answer",
    card: buildAnswerCard({
      understood: "Amber \u00b7 Priority 3 \u2014 Protecting children at risk of harm",
      matches: amberPriority3,
      query: { ...emptyQuery(), rags: ["Amber"], priorities: [3] },
    }),
  },
  {
    name: "Answer, paged",
    card: buildAnswerCard({ understood: "All actions", matches: many, query: emptyQuery() }),
  },
  {
    name: "Answer, nothing found",
    card: buildAnswerCard({
      understood: "Red \u00b7 Priority 2",
      matches: [],
      query: { ...emptyQuery(), rags: ["Red"], priorities: [2] },
    }),
  },
  {
    name: "Action detail",
    card: buildActionDetailCard({
      action: SAMPLE_CSC_07,
      plan: SAMPLE_PLAN,
      updates: [SAMPLE_APPROVED_UPDATE, SAMPLE_RETURNED_UPDATE],
      historyUrl: TAB_URL,
    }),
  },
  { name: "Not understood", card: buildNotUnderstoodCard({ text: "whats the score" }) },
  {
    name: "Review status",
    card: buildReviewStatusCard({
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      owing,
      awaiting,
      returned: [
        {
          ref: "CSC-12",
          title: "Pathway plans co-created with young people",
          returnedBy: "Sam Patel",
          comment: "Please add the care leaver feedback.",
        },
      ],
      approvedCount: 12,
    }),
  },
  {
    name: "DMT outstanding (two days before)",
    card: buildDmtOutstandingCard({
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      owing,
      awaiting,
    }),
  },
  {
    name: "Summary",
    card: buildSummaryCard({
      quarter: "2026-Q3",
      plan: SAMPLE_PLAN,
      actions: SAMPLE_ACTIONS,
      previousRags: { "CSC-01": "Green", "CSC-07": "Green", "CSC-09": "Green", "CSC-10": "Amber" },
      today: "2026-12-15",
      owing,
      awaitingCount: 2,
      completedRefs: ["CSC-17"],
      tabUrl: TAB_URL,
    }),
  },
  {
    name: "Board report (the quarter's Word report)",
    card: buildReportLinkCard({
      planName: SAMPLE_PLAN.name,
      quarter: "2026-Q3",
      url: `${TAB_URL}?report=2026-Q3`,
      awaitingCount: 1,
    }),
  },
  {
    name: "Not in directory",
    card: buildNotInDirectoryCard([{ name: "Alex Admin", email: "alex@council.gov.uk" }]),
  },
  { name: "Couldn't save", card: buildStoreDownCard() },
  {
    name: "Outcome: returned",
    card: buildOutcomeCard({ action: SAMPLE_CSC_07, update: SAMPLE_RETURNED_UPDATE }),
  },
  {
    name: "Outcome: approved",
    card: buildOutcomeCard({ action: SAMPLE_CSC_07, update: SAMPLE_APPROVED_NOW }),
  },
  {
    name: "Reminder: review open",
    card: buildReminderCard({
      leadName: "Jo Bloggs",
      round: "open",
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      actions: SAMPLE_ACTIONS.filter(
        (a) => a.lead.replace(/\s/g, "").toLowerCase() === "hos/servicemanager",
      ),
    }),
  },
  {
    name: "Reminder: last",
    card: buildReminderCard({
      leadName: "Jo Bloggs",
      round: "final",
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      actions: [SAMPLE_CSC_07],
    }),
  },
];
