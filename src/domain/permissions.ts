import type { Action } from "./action.ts";
import { DomainError } from "./errors.ts";
import { hasRole, leadsAction, type Person, type Role } from "./person.ts";

/**
 * Everything a person may see or do, in one list, so the bot's card actions and the tab's API
 * answer the same question with the same rule.
 */
export const CAPABILITIES = [
  "seeAction",
  "seeUpdates",
  "submitUpdate",
  "decideSignOff",
  "startReview",
  "viewReviewStatus",
  "askQuestions",
  "seeSignOffQueue",
  "downloadExport",
  "downloadReport",
  "manageDirectory",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Roles that see the whole plan; an action lead sees only the actions they lead. */
export const WHOLE_PLAN_ROLES: readonly Role[] = ["manager", "dmt", "admin"];
const ANY_ROLE: readonly Role[] = ["lead", ...WHOLE_PLAN_ROLES];

/** Which roles hold each capability. */
export const CAPABILITY_ROLES: Readonly<Record<Capability, readonly Role[]>> = {
  seeAction: ANY_ROLE,
  seeUpdates: ANY_ROLE,
  submitUpdate: ["lead"],
  decideSignOff: ["dmt"],
  startReview: ["dmt", "admin"],
  viewReviewStatus: ["dmt", "manager", "admin"],
  askQuestions: ANY_ROLE,
  seeSignOffQueue: ["dmt"],
  downloadExport: ANY_ROLE,
  /** The quarter's Word report speaks for the whole plan, so it is for those who see the whole plan. */
  downloadReport: ["dmt", "manager", "admin"],
  manageDirectory: ["admin"],
};

/**
 * Capabilities that, asked about one action, also need the person to reach that action: leading it,
 * or (except for updating) holding a whole-plan role. The export is narrowed row by row the same way.
 */
const PER_ACTION: ReadonlySet<Capability> = new Set([
  "seeAction",
  "seeUpdates",
  "submitUpdate",
  "downloadExport",
]);

/** What each capability lets a person do, in the words of a refusal. */
const WHAT: Record<Capability, string> = {
  seeAction: "see the plan",
  seeUpdates: "see progress updates",
  submitUpdate: "send progress updates",
  decideSignOff: "approve or return updates",
  startReview: "start a review",
  viewReviewStatus: "see the review's status",
  askQuestions: "ask questions about the plan",
  seeSignOffQueue: "see the sign-off queue",
  downloadExport: "download the board report",
  downloadReport: "get the quarter's Word report",
  manageDirectory: "add or remove people",
};

const ROLE_NAMES: Record<Role, string> = {
  lead: "action leads",
  manager: "managers",
  dmt: "DMT members",
  admin: "admins",
};

/**
 * How much of the plan a person may see: managers, DMT and admins all of it; someone who is only
 * an action lead, the actions they lead; anyone else, nothing.
 */
export type PlanReach = "wholePlan" | "ownActions" | "nothing";

export function planReach(person: Person): PlanReach {
  if (hasRole(person, ...WHOLE_PLAN_ROLES)) return "wholePlan";
  return hasRole(person, "lead") ? "ownActions" : "nothing";
}

/**
 * Whether `person` may do `capability`, for one action when given. Updating an action needs its
 * lead, whatever other roles the person holds; seeing it (or its updates, or its export row) needs
 * its lead or a whole-plan role. Without an action the answer is whether the role allows it at all.
 */
export function can(
  person: Person,
  capability: Capability,
  action?: Pick<Action, "lead">,
): boolean {
  if (!hasRole(person, ...CAPABILITY_ROLES[capability])) return false;
  if (!action || !PER_ACTION.has(capability)) return true;
  if (capability === "submitUpdate") return leadsAction(person, action.lead);
  return planReach(person) === "wholePlan" || leadsAction(person, action.lead);
}

/** The actions this person may see, in the order given. */
export function visibleActions<A extends Pick<Action, "lead">>(
  person: Person,
  actions: readonly A[],
): A[] {
  if (planReach(person) === "wholePlan") return [...actions];
  return actions.filter((action) => can(person, "seeAction", action));
}

function listOf(words: string[]): string {
  return words.length > 1
    ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`
    : (words[0] ?? "");
}

/** Throws a "forbidden" DomainError naming who can do it when `person` cannot. */
export function requireCapability(
  person: Person,
  capability: Capability,
  action?: Pick<Action, "lead" | "ref">,
): void {
  if (can(person, capability, action)) return;
  if (capability === "submitUpdate" && action) {
    throw new DomainError(
      "forbidden",
      `Only the lead for ${action.ref} (${action.lead}) can update it. If that is you, ask an admin to add "${action.lead}" to your leads.`,
      { capability, ref: action.ref },
    );
  }
  if (action && PER_ACTION.has(capability) && planReach(person) === "ownActions") {
    throw new DomainError(
      "forbidden",
      `${action.ref} is led by ${action.lead}, and you can see only the actions you lead. A manager or DMT member can tell you about it; if you lead it, ask an admin to add "${action.lead}" to your leads.`,
      { capability, ref: action.ref },
    );
  }
  const who = listOf(CAPABILITY_ROLES[capability].map((role) => ROLE_NAMES[role]));
  throw new DomainError(
    "forbidden",
    `Only ${who} can ${WHAT[capability]}. Ask an admin if you need to.`,
    { capability },
  );
}
