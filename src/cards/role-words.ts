import type { Role } from "../domain/person.ts";

/** What each role means to the person holding it, in their own terms. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  lead: "an action lead: you update your actions each quarter",
  manager: "a manager: you can ask about any action in the plan",
  dmt: "a DMT member: you approve or return updates, and can start a review",
  admin: "an admin: you manage who uses Plan Tracker and when reviews happen",
};
