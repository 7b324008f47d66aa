import type { Action } from "../domain/action.ts";
import { can, requireCapability, visibleActions } from "../domain/permissions.ts";
import type { Person } from "../domain/person.ts";
import { ApiError } from "./api-error.ts";

/**
 * The tab's side of the one access rule (`src/domain/permissions.ts`): the same answers the bot
 * gives, as the API's statuses and messages.
 */

/** What `/api/me` tells the tab it may show. */
export function tabAccess(person: Person): {
  canSeePlan: boolean;
  canSeeSignOffQueue: boolean;
  canGetReport: boolean;
} {
  return {
    canSeePlan: can(person, "seeAction"),
    canSeeSignOffQueue: can(person, "seeSignOffQueue"),
    canGetReport: can(person, "downloadReport"),
  };
}

/** Anyone the directory gives a role may open the plan; a lead then sees only their actions. */
export function requirePlanAccess(person: Person): void {
  if (!can(person, "seeAction")) {
    throw new ApiError(
      403,
      "forbidden",
      "Your entry in Plan Tracker's directory has no role yet: ask an admin to give you one.",
    );
  }
}

export function requireSignOffQueueAccess(person: Person): void {
  if (!can(person, "seeSignOffQueue")) {
    throw new ApiError(
      403,
      "forbidden",
      "Only DMT members can see the sign-off queue. Ask an admin if you need to.",
    );
  }
}

/**
 * One action's page: refused, with whose it is, to a lead who does not lead it (the "forbidden"
 * DomainError becomes a 403 in the API's one error handler).
 */
export function requireActionAccess(person: Person, action: { ref: string; lead: string }): void {
  requirePlanAccess(person);
  requireCapability(person, "seeAction", action);
}

/** The board report's actions: a lead's holds the actions they lead, as their plan view does. */
export function actionsForExport<A extends Pick<Action, "lead">>(
  person: Person,
  actions: readonly A[],
): A[] {
  requirePlanAccess(person);
  return visibleActions(person, actions);
}
