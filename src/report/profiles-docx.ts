import { HeadingLevel, Paragraph, TextRun } from "docx";
import { quarterMonthsLabel } from "../cards/quarter-label.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import { RAG_KEY } from "../domain/rag.ts";
import type { ActionProfile } from "./action-profile.ts";
import { heading, labelled, link, plain, question, ragRun, textParagraphs } from "./docx-parts.ts";
import type { ReportModel } from "./report-model.ts";

/** What the report may say as progress: DMT's approved words, or why there are none. */
function progressParagraphs(p: ActionProfile, quarter: string): Paragraph[] {
  const state = p.thisQuarter;
  const earlier =
    p.agreedProgress && p.agreedProgress.quarter !== quarter
      ? [
          plain(`Last agreed progress (${quarterMonthsLabel(p.agreedProgress.quarter)}):`, {
            italics: true,
          }),
          ...textParagraphs(p.agreedProgress.text),
        ]
      : [];
  if (state.kind === "approved" && p.agreedProgress) return textParagraphs(p.agreedProgress.text);
  if (state.kind === "awaiting")
    return [
      plain(
        `This quarter's update from ${state.submittedBy} is awaiting DMT's decision, so it is not reported as progress yet.`,
        { italics: true },
      ),
      ...earlier,
    ];
  if (state.kind === "returned")
    return [
      plain(
        "This quarter's update was returned to the lead for more detail, so there is no agreed progress yet.",
        { italics: true },
      ),
      ...earlier,
    ];
  return [plain("No update was agreed this quarter.", { italics: true }), ...earlier];
}

function ragLine(p: ActionProfile): Paragraph {
  return new Paragraph({
    children: [
      new TextRun({ text: "RAG: ", bold: true }),
      ragRun(p.rag),
      ...(p.rag ? [new TextRun(` – ${RAG_KEY[p.rag].toLowerCase()}`)] : []),
      ...(p.overdue ? [new TextRun({ text: " (overdue)", bold: true })] : []),
    ],
    spacing: { before: 120, after: 60 },
  });
}

function facts(p: ActionProfile): Paragraph[] {
  return [
    ragLine(p),
    labelled("Lead", p.lead),
    labelled("Due", p.dueText),
    ...(p.revisedDate
      ? [
          labelled(
            "Revised date approved by DMT",
            `${formatLongDate(p.revisedDate.date)}${p.revisedDate.reason ? ` (${p.revisedDate.reason})` : ""}`,
          ),
        ]
      : []),
    ...(p.evidenceUrl
      ? [
          new Paragraph({
            children: [
              new TextRun({ text: "Evidence: ", bold: true }),
              link(p.evidenceUrl, p.evidenceUrl),
            ],
          }),
        ]
      : []),
  ];
}

/**
 * One action as a short storyboard profile, in the council's order: where we were (the action and
 * what it aimed for), what we have done, what difference it has made, what happens next. The two
 * optional answers appear only when a lead gave them and DMT approved them.
 */
export function profileParagraphs(p: ActionProfile, quarter: string): Paragraph[] {
  return [
    heading(`${p.ref} ${p.title}`, HeadingLevel.HEADING_3),
    question("Where we were and what we aimed for"),
    ...textParagraphs(p.developmentAction),
    ...(p.expectedOutcome ? [labelled("Expected outcome", p.expectedOutcome)] : []),
    question("What we have done (progress achieved)"),
    ...progressParagraphs(p, quarter),
    ...(p.difference
      ? [
          question("What difference has this made for children and families?"),
          ...textParagraphs(p.difference),
        ]
      : []),
    ...(p.nextSteps ? [question("What happens next?"), ...textParagraphs(p.nextSteps)] : []),
    ...facts(p),
  ];
}

/** Every Red or overdue action first, each with its progress, next steps and any revised date. */
export function exceptionsSection(model: ReportModel): Paragraph[] {
  const list = model.exceptions;
  return [
    heading("Exceptions: Red and overdue actions", HeadingLevel.HEADING_1),
    ...(list.length === 0
      ? [plain("No action is Red or overdue.")]
      : list.flatMap((p) => [
          heading(`${p.ref} ${p.title}`, HeadingLevel.HEADING_2),
          ...facts(p),
          question("Progress"),
          ...progressParagraphs(p, model.quarter),
          ...(p.nextSteps ? [question("What happens next?"), ...textParagraphs(p.nextSteps)] : []),
        ])),
  ];
}

/** Per priority (or section), each action's profile. */
export function prioritiesSection(model: ReportModel): Paragraph[] {
  return [
    heading("Progress by priority", HeadingLevel.HEADING_1),
    ...model.groups.flatMap((g) => [
      heading(g.heading, HeadingLevel.HEADING_2),
      ...g.profiles.flatMap((p) => profileParagraphs(p, model.quarter)),
    ]),
  ];
}
