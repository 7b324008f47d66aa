import type { Action } from "../../src/domain/action.ts";
import type { Rag } from "../../src/domain/rag.ts";
import type { Update, UpdateState } from "../../src/domain/update.ts";
import { seededRandom } from "./seeded-random.ts";

export const LAST_QUARTER = "2026-Q2";
export const CURRENT_QUARTER = "2026-Q3";

const RAGS: Rag[] = ["Red", "Amber", "Green"];

function update(
  action: Action,
  quarter: string,
  state: UpdateState,
  proposedRag: Rag,
  previousRag: Rag | null,
  day: string,
): Update {
  return {
    id: `${quarter}:${action.ref}`,
    quarter,
    ref: action.ref,
    planId: action.planId,
    progress: "Progress as described.",
    proposedRag,
    ragJustification: "",
    revisedDate: null,
    revisedDateReason: "",
    evidenceUrl: "",
    proposeCompletion: false,
    author: "lead@council.gov.uk",
    authorName: "A Lead",
    state,
    submittedAt: `${day}T10:00:00.000Z`,
    revision: 0,
    previousRag,
    decision:
      state === "submitted"
        ? null
        : {
            outcome: state,
            by: "dmt@council.gov.uk",
            byName: "D M T",
            at: `${day}T12:00:00.000Z`,
            comment: "",
          },
  };
}

/**
 * Two quarters of reviews laid over a plan, as the store would hold them: most actions had an
 * approved update last quarter; this quarter some are approved, some await DMT, some were returned
 * and some have none. The store is kept consistent the way sign-off keeps it: an action's official
 * RAG is the RAG its latest approved update proposed, and each update's previous RAG is the official
 * RAG it replaced. The plan's own RAG is taken as the RAG before last quarter's review.
 */
export function withHistory(
  actions: Action[],
  seed: number,
): { actions: Action[]; updates: Update[] } {
  const random = seededRandom(seed);
  const updates: Update[] = [];
  const result = actions.map((action) => {
    if (action.complete) return action;
    let official = action.rag;
    if (random.chance(0.8)) {
      const rag = random.pick(RAGS);
      updates.push(update(action, LAST_QUARTER, "approved", rag, official, "2026-07-10"));
      official = rag;
    }
    const roll = random.next();
    const rag = random.pick(RAGS);
    if (roll < 0.35) {
      updates.push(update(action, CURRENT_QUARTER, "approved", rag, official, "2026-10-15"));
      official = rag;
    } else if (roll < 0.55) {
      updates.push(update(action, CURRENT_QUARTER, "submitted", rag, official, "2026-11-18"));
    } else if (roll < 0.65) {
      updates.push(update(action, CURRENT_QUARTER, "returned", rag, official, "2026-11-02"));
    }
    return { ...action, rag: official };
  });
  return { actions: result, updates };
}
