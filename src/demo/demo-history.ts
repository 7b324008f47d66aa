import type { Action } from "../domain/action.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { leadsAction, type Person } from "../domain/person.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Rag } from "../domain/rag.ts";
import { type Decision, type Update, updateId } from "../domain/update.ts";
import { addWorkingDays } from "../domain/working-days.ts";

/**
 * Last quarter as the demo tells it: every lead sent an update, DMT approved most (three of them
 * Red, so "what's red for priority 3" has answers), returned one with a comment, and one arrived
 * late and still awaits sign-off. Pure: the loader writes what this returns.
 */

type Outcome = Update["state"];

interface Chapter {
  outcome: Outcome;
  rag?: Rag;
  progress?: string;
  comment?: string;
}

/** The actions with a story of their own; the others are approved at the plan's RAG and progress. */
export const DEMO_STORY: Record<string, Chapter> = {
  "CSC-06": {
    outcome: "approved",
    rag: "Red",
    progress:
      "The new supervision template is not agreed yet and the supervision observations have not started. Two team manager posts are vacant, so this will not be done by the due date.",
  },
  "CSC-11": {
    outcome: "approved",
    rag: "Red",
    progress:
      "There is no early permanence pathway yet: the regional training was cancelled and no new date is set. We will miss the timescale unless we find training elsewhere.",
  },
  "CSC-16": {
    outcome: "approved",
    rag: "Red",
    progress:
      "The short breaks offer has not started: only one foster carer has come forward. The recruitment campaign will run again, but the due date will not be met.",
  },
  "CSC-02": {
    outcome: "approved",
    rag: "Green",
    progress:
      "Two service development days on writing to children took place this quarter. A dip sample of 20 plans found 17 written clearly to the child.",
  },
  "CSC-08": {
    outcome: "returned",
    rag: "Amber",
    progress: "Threshold work is continuing.",
    comment:
      "Please say what the quality assurance audit found and when the threshold training will finish, then send it again.",
  },
  "CSC-05": {
    outcome: "submitted",
    rag: "Green",
    progress:
      "Participation is now recorded on the child's file in 7 of 10 reviews audited (target 9 of 10). The participation service is training IROs this month.",
  },
};

/** Progress for an action whose plan row has none. */
const QUIET_PROGRESS = "Work has started; the first audit results are due next quarter.";

export interface DemoHistoryInput {
  actions: readonly Action[];
  people: readonly Person[];
  quarter: Quarter;
  /** The past quarter's review date: updates arrive in the fortnight before it. */
  reviewDate: IsoDate;
  /** The DMT member who decided last quarter's updates. */
  decider: Pick<Person, "id" | "name">;
  now: Date;
}

const at = (date: IsoDate, time: string) => new Date(`${date}T${time}Z`);
const earlier = (a: Date, b: Date) => (a < b ? a : b);
const HOUR = 3_600_000;

/** Last quarter's updates, one per action whose Lead someone in the directory answers for. */
export function buildDemoHistory(input: DemoHistoryInput): Update[] {
  const updates: Update[] = [];
  const open = input.actions.filter((a) => !a.complete && !a.signedOff);
  for (const [index, action] of open.entries()) {
    const author = input.people.find(
      (p) => p.roles.includes("lead") && leadsAction(p, action.lead),
    );
    if (!author) continue;
    const chapter = DEMO_STORY[action.ref] ?? { outcome: "approved" };
    // Spread over the fortnight before the review, in the past whatever today is.
    const submitted = earlier(
      at(addWorkingDays(input.reviewDate, -(index % 8) - 1), "09:30:00"),
      new Date(input.now.getTime() - 2 * HOUR),
    );
    // The late one arrived two days ago; DMT has not got to it yet.
    const submittedAt =
      chapter.outcome === "submitted" ? new Date(input.now.getTime() - 48 * HOUR) : submitted;
    const decidedAt = earlier(
      at(addWorkingDays(input.reviewDate, 2), "14:00:00"),
      new Date(input.now.getTime() - HOUR),
    );
    const decision: Decision | null =
      chapter.outcome === "submitted"
        ? null
        : {
            outcome: chapter.outcome,
            by: input.decider.id,
            byName: input.decider.name,
            at: decidedAt.toISOString(),
            comment: chapter.comment ?? "",
          };
    updates.push({
      id: updateId(input.quarter, action.ref, action.planId),
      quarter: input.quarter,
      ref: action.ref,
      planId: action.planId,
      progress: chapter.progress ?? (action.progressUpdate || QUIET_PROGRESS),
      proposedRag: chapter.rag ?? action.rag ?? "Amber",
      ragJustification: "",
      revisedDate: null,
      revisedDateReason: "",
      evidenceUrl: "",
      proposeCompletion: false,
      author: author.id,
      authorName: author.name,
      state: chapter.outcome,
      submittedAt: submittedAt.toISOString(),
      revision: 0,
      previousRag: action.rag,
      decision,
    });
  }
  return updates;
}
