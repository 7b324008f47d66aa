import { isDeepStrictEqual } from "node:util";
import { normaliseLead } from "../domain/action.ts";
import { nameFromEmail, PersonInputSchema } from "../domain/directory.ts";
import { DomainError } from "../domain/errors.ts";
import type { Person } from "../domain/person.ts";
import type { Actor } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { readTable } from "./read-table.ts";
import type { RowProblem } from "./rows-to-actions.ts";

export interface PeopleImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: RowProblem[];
}

const simplify = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");
const COLUMNS = {
  email: ["email", "emailaddress", "upn", "userprincipalname"],
  name: ["name", "fullname", "displayname"],
  roles: ["roles", "role"],
  leads: ["leads", "lead", "leadvalues", "answersfor"],
} as const;

/**
 * Upserts people by email from a sheet with columns email, name, roles, leads (roles and leads
 * separated by `;`). Unlike `people add`, a row states the person's whole entry: roles and leads are
 * replaced, so a spreadsheet stays the source of truth.
 */
export async function importPeopleFile(
  store: Store,
  path: string,
  o: { dryRun: boolean; actor: Actor },
): Promise<PeopleImportReport> {
  const table = await readTable(path);
  const index = (field: keyof typeof COLUMNS) =>
    table.header.findIndex((h) => (COLUMNS[field] as readonly string[]).includes(simplify(h)));
  const at = {
    email: index("email"),
    name: index("name"),
    roles: index("roles"),
    leads: index("leads"),
  };
  if (at.email < 0 || at.roles < 0) {
    throw new DomainError(
      "invalid_input",
      `${path} needs the columns email and roles (and optionally name and leads) in its header row.`,
    );
  }
  const report: PeopleImportReport = { created: [], updated: [], unchanged: [], rejected: [] };
  const seen = new Set<string>();
  for (const { rowNumber, cells } of table.rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
    const split = (s: string) =>
      s
        .split(";")
        .map((v) => v.trim())
        .filter(Boolean);
    const parsed = PersonInputSchema.safeParse({
      email: cell(at.email),
      roles: split(cell(at.roles).toLowerCase()),
      name: cell(at.name),
      leads: split(cell(at.leads)),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? "email");
      const column = table.header[at[field as keyof typeof at] ?? at.email] ?? field;
      report.rejected.push({ rowNumber, column, reason: `use ${issue?.message}` });
      continue;
    }
    const input = parsed.data;
    if (seen.has(input.email)) {
      report.rejected.push({
        rowNumber,
        column: table.header[at.email] ?? "email",
        reason: `${input.email} appears twice`,
      });
      continue;
    }
    seen.add(input.email);
    const existing = (await store.people.get(input.email))?.doc ?? null;
    const next: Person = {
      id: input.email,
      email: input.email,
      name: input.name || existing?.name || nameFromEmail(input.email),
      roles: [...new Set(input.roles)],
      // "HoS / Service Manager" and "HoS/Service Manager" are one Lead value: keep the first spelling.
      leads: input.leads.filter(
        (lead, i) => input.leads.findIndex((l) => normaliseLead(l) === normaliseLead(lead)) === i,
      ),
    };
    if (existing && isDeepStrictEqual(existing, next)) {
      report.unchanged.push(input.email);
      continue;
    }
    (existing ? report.updated : report.created).push(input.email);
    if (!o.dryRun) await store.people.save(next, o.actor, existing);
  }
  return report;
}
