import { parseArgs } from "node:util";
import { mergePerson, PersonInputSchema } from "../domain/directory.ts";
import { CLI_ACTOR } from "../store/audit-log.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

const USAGE =
  'Usage: plan-tracker people add <email> --role <lead|manager|dmt|admin> [--name NAME] [--leads "LEAD TEXT"]... | people remove <email> | people list [--json]';

/** `plan-tracker people add|remove|list` */
export async function peopleCommand(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "add") return add(rest, io);
  if (sub === "remove") return remove(rest, io);
  if (sub === "list") return list(rest, io);
  if (sub === "import") {
    const { peopleImportCommand } = await import("./people-import-command.ts");
    return peopleImportCommand(rest, io);
  }
  throw new CliError(USAGE, 2);
}

async function add(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: "string", multiple: true },
      name: { type: "string" },
      leads: { type: "string", multiple: true },
    },
  });
  if (positionals.length !== 1) throw new CliError(USAGE, 2);
  if (!values.role?.length)
    throw new CliError("Say what the person does: add --role lead, manager, dmt or admin.", 2);
  const parsed = PersonInputSchema.safeParse({
    email: positionals[0],
    roles: values.role,
    name: values.name,
    leads: values.leads ?? [],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "input");
    const given =
      field === "email"
        ? ` "${positionals[0]}"`
        : field === "roles"
          ? ` "${values.role.join(", ")}"`
          : "";
    throw new CliError(
      `The ${field === "roles" ? "role" : field}${given} is not valid: use ${issue?.message}.`,
    );
  }
  const person = await withStore(io.env, async (store) => {
    const existing = await store.people.get(parsed.data.email);
    const next = mergePerson(existing?.doc ?? null, parsed.data);
    await store.people.save(next, CLI_ACTOR, existing?.doc ?? null);
    return next;
  });
  io.out(
    `${person.name} <${person.email}>: ${person.roles.join(", ")}${person.leads.length ? `; leads ${person.leads.map((l) => `"${l}"`).join(", ")}` : ""}`,
  );
  return 0;
}

async function remove(args: string[], io: CommandIo): Promise<number> {
  if (args.length !== 1) throw new CliError("Usage: plan-tracker people remove <email>", 2);
  const email = (args[0] as string).trim().toLowerCase();
  await withStore(io.env, async (store) => {
    const existing = await store.people.get(email);
    if (!existing)
      throw new CliError(`${email} is not in the directory: see plan-tracker people list.`);
    await store.people.remove(existing.doc, CLI_ACTOR);
  });
  io.out(`Removed ${email}`);
  return 0;
}

async function list(args: string[], io: CommandIo): Promise<number> {
  const people = await withStore(io.env, (store) => store.people.list());
  if (args.includes("--json")) {
    io.write(`${JSON.stringify(people, null, 2)}\n`);
    return 0;
  }
  if (people.length === 0)
    io.out("The directory is empty: add people with plan-tracker people add.");
  for (const p of people) {
    io.out(`${p.email}\t${p.name}\t${p.roles.join(",")}\t${p.leads.join(" | ")}`);
  }
  return 0;
}
