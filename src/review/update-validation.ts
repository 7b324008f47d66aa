import type { UpdateFormErrors } from "../cards/update-form-fields.ts";
import { PROGRESS_MAX_LENGTH, type SubmitUpdateData } from "../cards/verbs.ts";
import type { Action } from "../domain/action.ts";
import { formatLongDate, type IsoDate } from "../domain/iso-date.ts";
import type { Rag } from "../domain/rag.ts";
import { greenNeedsJustification } from "../domain/rag-rules.ts";
import { webLink } from "../domain/web-link.ts";

/** A submission that passed every check: the rating is known. */
export type ValidSubmission = SubmitUpdateData & { proposedRag: Rag };

/**
 * The server's checks on a submitted update, each error worded for the field it sits under.
 * The card checks some of these too, but a card can be old, edited or replayed.
 */
export function checkSubmission(
  data: SubmitUpdateData,
  action: Pick<Action, "completionDate" | "complete">,
  today: IsoDate,
): { ok: true; value: ValidSubmission } | { ok: false; errors: UpdateFormErrors } {
  const errors: UpdateFormErrors = {};
  if (data.progress === "") {
    errors.progress = "Please write what has happened this quarter: progress can't be empty.";
  } else if (data.progress.length > PROGRESS_MAX_LENGTH) {
    errors.progress = tooLong(data.progress);
  }
  // The two optional answers go into the board paper beside progress: the same limit applies.
  for (const field of ["difference", "nextSteps"] as const) {
    if (data[field].length > PROGRESS_MAX_LENGTH) errors[field] = tooLong(data[field]);
  }
  if (data.proposedRag === null) {
    errors.proposedRag = "Choose Red, Amber or Green.";
  } else if (
    greenNeedsJustification(action, data.proposedRag, today) &&
    data.ragJustification === ""
  ) {
    const due = action.completionDate.due
      ? formatLongDate(action.completionDate.due)
      : "the due date";
    errors.ragJustification = `The due date (${due}) has passed and the action isn't complete, so the plan's key says Red. Say in one line why Green is right.`;
  }
  if (data.revisedDate !== null && data.revisedDateReason === "") {
    errors.revisedDateReason = "Say why the completion date is changing.";
  }
  if (data.revisedDate !== null && data.revisedDate < today) {
    errors.revisedDate = `The revised date ${formatLongDate(data.revisedDate)} has already passed: choose today or a later date.`;
  }
  if (data.evidenceUrl !== "" && webLink(data.evidenceUrl) === null) {
    errors.evidenceUrl =
      "Give the evidence as a web link starting with https://, for example a SharePoint page.";
  } else if (data.proposeCompletion && data.evidenceUrl === "") {
    errors.evidenceUrl =
      "To propose this action for completion sign-off, add a link to the evidence.";
  }
  if (Object.keys(errors).length > 0 || data.proposedRag === null) return { ok: false, errors };
  return { ok: true, value: { ...data, proposedRag: data.proposedRag } };
}

function tooLong(text: string): string {
  return `Please shorten this to ${PROGRESS_MAX_LENGTH.toLocaleString("en-GB")} characters (it is ${text.length.toLocaleString("en-GB")}).`;
}
