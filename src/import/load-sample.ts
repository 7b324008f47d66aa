import { DEFAULT_PLAN_ID, SAMPLE_PLAN } from "../domain/plan.ts";
import type { Logger } from "../logger.ts";
import { projectFile } from "../project-files.ts";
import { SYSTEM_ACTOR } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { importPlanFile } from "./import-plan.ts";

export const SAMPLE_PLAN_PATH = projectFile("data/sample-plan.csv");

/**
 * On first start of an empty store, loads the sample plan so there is something to try. A store
 * with any plan is left alone: a council that removed the sample plan doesn't get it back. In
 * production an empty store stays empty: a made-up council's plan must never look like the real
 * one, so the log says how to import it instead.
 */
export async function loadSamplePlanIfEmpty(
  store: Store,
  logger: Logger,
  o: { production?: boolean } = {},
): Promise<boolean> {
  // Any plan document or any action (of a plan written before plans had documents) means a plan.
  if ((await store.plans.list()).length > 0 || (await store.actions.hasAny())) return false;
  if (o.production) {
    logger.warn(
      'the store holds no plan yet; the sample plan is loaded only in development. Import the council\'s plan with: npx plan-tracker import plan.xlsx --plan "Improvement plan"',
    );
    return false;
  }
  if (!(await store.plans.get(DEFAULT_PLAN_ID)))
    await store.plans.save(SAMPLE_PLAN, SYSTEM_ACTOR, null);
  const report = await importPlanFile(store, SAMPLE_PLAN, SAMPLE_PLAN_PATH, {
    dryRun: false,
    actor: SYSTEM_ACTOR,
  });
  logger.info("loaded the sample plan into the empty store", {
    actions: report.created.length,
    rejected: report.rejected.length,
  });
  return true;
}
