/**
 * What chat and the dashboard say on a production store that holds no plan yet: a production
 * server never loads the sample plan, so the council's own plan has to be imported first.
 */
export const NO_PLAN_YET = {
  title: "No plan has been imported yet",
  message: "No plan has been imported yet, so there is nothing to show or answer from.",
  fix: 'An admin imports the council\'s plan with: npx plan-tracker import plan.xlsx --plan "Improvement plan" (a CSV file works too).',
} as const;
