import { z } from "zod";
import { normaliseLead } from "./action.ts";

export const ROLES = ["lead", "manager", "dmt", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "an email address such as jo.bloggs@council.gov.uk" }));

export const PersonSchema = z.object({
  /** The lower-cased email / UPN: how Teams members are matched to the directory. */
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(RoleSchema),
  /** Lead cell values this person answers for, as written in the plan. */
  leads: z.array(z.string()),
});
export type Person = z.infer<typeof PersonSchema>;

export function hasRole(person: Pick<Person, "roles">, ...roles: Role[]): boolean {
  return roles.some((role) => person.roles.includes(role));
}

/** Whether this person answers for an action whose Lead cell reads `lead`. */
export function leadsAction(person: Pick<Person, "leads">, lead: string): boolean {
  const wanted = normaliseLead(lead);
  return person.leads.some((value) => normaliseLead(value) === wanted);
}
