import type { Action } from "../domain/action.ts";
import { DomainError } from "../domain/errors.ts";
import type { Person } from "../domain/person.ts";
import { type Update, updateId } from "../domain/update.ts";
import type { Versioned } from "../store/document-repo.ts";
import type { Store } from "../store/store.ts";
import type { ValidSubmission } from "./update-validation.ts";

export type SaveOutcome =
  /** Stored (first submit, an edit, or a revision after DMT returned it). */
  | { kind: "saved"; update: Update }
  /** The same submission was stored already: a replay or a double click. */
  | { kind: "same"; update: Update }
  /** DMT approved it; it can no longer change. */
  | { kind: "decided"; update: Update }
  /** The stored update moved on since the form was drawn (edited elsewhere). */
  | { kind: "stale"; update: Update };

const CONTENT = [
  "progress",
  "proposedRag",
  "ragJustification",
  "revisedDate",
  "revisedDateReason",
  "evidenceUrl",
  "proposeCompletion",
] as const;

/** Optional answers: absent on the update (stored before the form asked, or left empty) reads as "". */
const OPTIONAL_CONTENT = ["difference", "nextSteps"] as const;

export function sameContent(update: Update, submission: ValidSubmission): boolean {
  return (
    CONTENT.every((field) => update[field] === submission[field]) &&
    OPTIONAL_CONTENT.every((field) => (update[field] ?? "") === submission[field])
  );
}

/** An empty answer is left out, so an update sent without them is stored exactly as before. */
function optionalAnswers(submission: ValidSubmission): Pick<Update, "difference" | "nextSteps"> {
  return {
    ...(submission.difference ? { difference: submission.difference } : {}),
    ...(submission.nextSteps ? { nextSteps: submission.nextSteps } : {}),
  };
}

function updateFrom(
  submission: ValidSubmission,
  action: Action,
  person: Person,
  now: Date,
  revision: number,
): Update {
  return {
    id: updateId(submission.quarter, action.ref, action.planId),
    quarter: submission.quarter,
    ref: action.ref,
    planId: action.planId,
    progress: submission.progress,
    ...optionalAnswers(submission),
    proposedRag: submission.proposedRag,
    ragJustification: submission.ragJustification,
    revisedDate: submission.revisedDate,
    revisedDateReason: submission.revisedDateReason,
    evidenceUrl: submission.evidenceUrl,
    proposeCompletion: submission.proposeCompletion,
    author: person.id,
    authorName: person.name,
    state: "submitted",
    submittedAt: now.toISOString(),
    revision,
    previousRag: action.rag,
    decision: null,
  };
}

/** A read of the quarter's update on an action, already on its way. */
export interface StartedRead {
  quarter: string;
  ref: string;
  planId: string;
  read: Promise<Versioned<Update> | null>;
}

/** Starts reading the quarter's update on an action; a failure waits for whoever uses the read. */
export function startReadingUpdate(
  store: Store,
  quarter: string,
  ref: string,
  planId: string,
): StartedRead {
  const read = store.updates.get(quarter, ref, planId);
  read.catch(() => {});
  return { quarter, ref, planId, read };
}

/**
 * Stores a lead's submission exactly once. The first submit creates the quarter's update (a
 * concurrent replay gets `conflict` and re-reads); later ones replace it with the ETag read, and
 * only when the form was drawn from the stored revision, so an edit made elsewhere is never
 * overwritten silently.
 */
export async function saveUpdate(
  store: Store,
  action: Action,
  person: Person,
  submission: ValidSubmission,
  now: Date,
  /** The same read, started earlier (alongside the action's), for the first attempt. */
  prefetched?: StartedRead,
): Promise<SaveOutcome> {
  const actor = { id: person.id, name: person.name };
  for (let attempt = 0; attempt < 5; attempt++) {
    const early =
      attempt === 0 &&
      prefetched?.quarter === submission.quarter &&
      prefetched.ref === action.ref &&
      prefetched.planId === action.planId;
    const existing = early
      ? await prefetched.read
      : await store.updates.get(submission.quarter, action.ref, action.planId);
    try {
      if (!existing) {
        return {
          kind: "saved",
          update: (
            await store.updates.create(updateFrom(submission, action, person, now, 1), actor)
          ).doc,
        };
      }
      const stored = existing.doc;
      // A returned update is revised on purpose, even with the same words.
      if (stored.state !== "returned" && sameContent(stored, submission))
        return { kind: "same", update: stored };
      if (stored.state === "approved") return { kind: "decided", update: stored };
      if (stored.revision !== submission.revision) return { kind: "stale", update: stored };
      const next = updateFrom(submission, action, person, now, stored.revision + 1);
      return {
        kind: "saved",
        update: (await store.updates.replace(next, existing.etag, actor, stored)).doc,
      };
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "conflict")) throw error;
    }
  }
  throw new DomainError(
    "conflict",
    `The update for ${action.ref} kept changing while it was being saved; please press Submit again.`,
  );
}
