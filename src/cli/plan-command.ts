import { parseArgs } from "node:util";
import { prioritiesFromFile } from "../import/priorities-file-read.ts";
import {
  awaitingSignOff,
  previewRemoval,
  type RemovalPreview,
  removePlan,
  renamePlan,
  setPriorities,
} from "../plans/change-plan.ts";
import { CLI_ACTOR } from "../store/audit-log.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

const USAGE = `plan-tracker plan rename <NAME> <NEW NAME>
plan-tracker plan remove <NAME> --yes
plan-tracker plan priorities <NAME> --from FILE`;

/** `plan-tracker plan rename|remove|priorities …`: manage one plan. */
export async function planCommand(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "rename") return rename(rest, io);
  if (sub === "remove") return remove(rest, io);
  if (sub === "priorities") return priorities(rest, io);
  throw new CliError(`Say what to do with the plan:\n${USAGE}`, 2);
}

async function rename(args: string[], io: CommandIo): Promise<number> {
  const [name, newName, ...extra] = args;
  if (!name || newName === undefined || extra.length > 0)
    throw new CliError('Rename a plan with: plan-tracker plan rename "OLD NAME" "NEW NAME"', 2);
  const done = await withStore(io.env, (store) => renamePlan(store, name, newName, CLI_ACTOR));
  io.out(`Renamed "${done.before}" to "${done.after}".`);
  return 0;
}

async function remove(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { yes: { type: "boolean" } },
    strict: true,
  });
  const [name] = positionals;
  if (!name || positionals.length > 1)
    throw new CliError('Remove a plan with: plan-tracker plan remove "NAME" --yes', 2);
  return withStore(io.env, async (store) => {
    if (!values.yes) {
      const preview = await previewRemoval(store, name);
      if (preview.awaitingSignOff.length > 0) throw awaitingSignOff(preview);
      io.out(
        `This would remove ${removalText(preview)}. Nothing was removed: to remove it, run plan-tracker plan remove "${preview.plan.name}" --yes (export it first to keep a copy).`,
      );
      return 1;
    }
    // removePlan looks at what it removes (and refuses while sign-off waits) itself.
    io.out(`Removed ${removalText(await removePlan(store, name, CLI_ACTOR))}.`);
    return 0;
  });
}

function removalText(preview: RemovalPreview): string {
  const { plan, actions, updates } = preview;
  return `"${plan.name}" with its ${actions} ${actions === 1 ? "action" : "actions"} and ${updates} ${updates === 1 ? "update" : "updates"}`;
}

async function priorities(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: "string" } },
    strict: true,
  });
  const [name] = positionals;
  if (!name || !values.from || positionals.length > 1)
    throw new CliError(
      'Set a plan\'s priorities with: plan-tracker plan priorities "NAME" --from priorities.csv (columns Number, Name, Description)',
      2,
    );
  const list = await prioritiesFromFile(values.from);
  const done = await withStore(io.env, (store) => setPriorities(store, name, list, CLI_ACTOR));
  io.out(`Priorities of "${done.plan.name}":`);
  for (const p of done.plan.priorities) {
    const was = done.before.find((b) => b.number === p.number);
    const note = !was ? " (new)" : was.name !== p.name ? ` (was "${was.name}")` : "";
    io.out(`  ${p.number}. ${p.name}${note}`);
  }
  return 0;
}
