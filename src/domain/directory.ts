import { z } from "zod";
import { normaliseLead } from "./action.ts";
import { EmailSchema, type Person, ROLES, type Role } from "./person.ts";

/** Input for adding to the directory, from the CLI or a spreadsheet row, parsed at the edge. */
export const PersonInputSchema = z.object({
  email: EmailSchema,
  roles: z.array(z.enum(ROLES, { message: "a role: lead, manager, dmt or admin" })),
  name: z.string().trim().optional(),
  leads: z.array(z.string().trim().min(1, "a Lead value as written in the plan")).default([]),
});
export type PersonInput = z.infer<typeof PersonInputSchema>;

/**
 * Adds roles and lead values to a person (or creates them). Roles and leads accumulate: a person
 * may hold several roles, added by repeating the command; a lead value already held (ignoring case
 * and spacing) is not added twice.
 */
export function mergePerson(existing: Person | null, input: PersonInput): Person {
  const roles: Role[] = [...(existing?.roles ?? [])];
  for (const role of input.roles) if (!roles.includes(role)) roles.push(role);
  const leads = [...(existing?.leads ?? [])];
  for (const lead of input.leads) {
    if (!leads.some((l) => normaliseLead(l) === normaliseLead(lead))) leads.push(lead);
  }
  return {
    id: input.email,
    email: input.email,
    name: input.name || existing?.name || nameFromEmail(input.email),
    roles,
    leads,
  };
}

/** "jo.bloggs@council.gov.uk" → "Jo Bloggs", until a real name is given. */
export function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join(" ");
}
