import type { Action } from "./action.ts";
import { DomainError } from "./errors.ts";
import { hasRole, leadsAction, type Person, type Role } from "./person.ts";

export const CAPABILITIES = [
  "submitUpdate",
  "decideSignOff",
  "startReview",
  "viewReviewStatus",
  "askQuestions",
  "manageDirectory",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Which roles hold each capability. Updating an action also needs the person to lead it. */
export const CAPABILITY_ROLES: Readonly<Record<Capability, readonly Role[]>> = {
  submitUpdate: ["lead"],
  decideSignOff: ["dmt"],
  startReview: ["dmt", "admin"],
  viewReviewStatus: ["dmt", "manager", "admin"],
  askQuestions: ["dmt", "manager", "admin", "lead"],
  manageDirectory: ["admin"],
};

/** What each capability lets a person do, in the words of a refusal. */
const WHAT: Record<Capability, string> = {
  submitUpdate: "send progress updates",
  decideSignOff: "approve or return updates",
  startReview: "start a review",
  viewReviewStatus: "see the review's status",
  askQuestions: "ask questions about the plan",
  manageDirectory: "add or remove people",
};

const ROLE_NAMES: Record<Role, string> = {
  lead: "action leads",
  manager: "managers",
  dmt: "DMT members",
  admin: "admins",
};

/**
 * Whether `person` may do `capability`. For "submitUpdate" with an action, the person must lead
 * that action (their leads match its Lead cell); without an action, being a lead is enough.
 */
export function can(
  person: Person,
  capability: Capability,
  action?: Pick<Action, "lead">,
): boolean {
  if (!hasRole(person, ...CAPABILITY_ROLES[capability])) return false;
  if (capability === "submitUpdate" && action) return leadsAction(person, action.lead);
  return true;
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
  const who = listOf(CAPABILITY_ROLES[capability].map((role) => ROLE_NAMES[role]));
  throw new DomainError(
    "forbidden",
    `Only ${who} can ${WHAT[capability]}. Ask an admin if you need to.`,
    {
      capability,
    },
  );
}
