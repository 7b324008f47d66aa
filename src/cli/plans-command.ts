import { parseArgs } from "node:util";
import { describePriorities } from "../domain/plan-names.ts";
import { listPlans } from "../plans/plan-list.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

/** `plan-tracker plans [--json]`: every plan with its id, name, number of actions and priorities. */
export async function plansCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } }, strict: true });
  const plans = await withStore(io.env, listPlans);
  if (values.json) {
    const list = plans.map(({ plan, actions }) => ({
      id: plan.id,
      name: plan.name,
      actions,
      priorities: plan.priorities.map(({ number, name }) => ({ number, name })),
    }));
    io.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  if (plans.length === 0) {
    io.out('No plans yet: import one with plan-tracker import plan.csv --plan "NAME".');
    return 0;
  }
  for (const { plan, actions } of plans) {
    io.out(`${plan.name} (id ${plan.id}): ${actions} ${actions === 1 ? "action" : "actions"}`);
    io.out(`  priorities: ${describePriorities(plan)}`);
  }
  return 0;
}
