import type { Plan } from "./plan.ts";

/** Plan names match ignoring case and spacing: "SEND  plan" is "send plan". */
export function planNameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export function findPlanByName<P extends Pick<Plan, "name">>(
  plans: readonly P[],
  name: string,
): P | undefined {
  const wanted = planNameKey(name);
  return plans.find((p) => planNameKey(p.name) === wanted);
}

/**
 * A new plan's id, from its name: lower-case letters, digits and dashes only, so it is safe as a
 * Cosmos id and partition key and readable in JSON exports. It never changes after creation (a
 * rename keeps it), and a clash with a plan already stored takes the next free "-2", "-3", ….
 */
export function planIdFor(name: string, takenIds: ReadonlySet<string>): string {
  const slug =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "plan";
  let id = slug;
  for (let n = 2; takenIds.has(id); n++) id = `${slug}-${n}`;
  return id;
}

/** The words a plan list shows for a plan's priorities: "1 Transition to adulthood; 2 …". */
export function describePriorities(plan: Pick<Plan, "priorities">): string {
  if (plan.priorities.length === 0) return "no priorities";
  return plan.priorities.map((p) => `${p.number} ${p.name}`).join("; ");
}
