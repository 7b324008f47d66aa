import { z } from "zod";

export const PrioritySchema = z.object({
  number: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string().default(""),
});
export type Priority = z.infer<typeof PrioritySchema>;

export const PlanSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  priorities: z.array(PrioritySchema),
});
export type Plan = z.infer<typeof PlanSchema>;

/**
 * The id of a store's first plan. Stores written before there could be several plans hold their one
 * plan under it, and the chat and the tab still show this plan only, so the first plan keeps it.
 */
export const DEFAULT_PLAN_ID = "default";

/** The sample plan, named as Rutland published it, with its five priorities. */
export const SAMPLE_PLAN: Plan = {
  id: DEFAULT_PLAN_ID,
  name: "Rutland Children and Young People Development Plan 2022-23",
  priorities: [
    {
      number: 1,
      name: "Transition to adulthood",
      description:
        "Support the effective transition of vulnerable young people into adulthood and independent living.",
    },
    {
      number: 2,
      name: "Emotional Health and Wellbeing",
      description:
        "Promote emotional resilience and make sure support is in place to recognise and respond early.",
    },
    {
      number: 3,
      name: "Protecting children at risk of harm",
      description: "Work with partners to reduce risk at home and in the community.",
    },
    {
      number: 4,
      name: "Tackling Domestic Abuse",
      description:
        "Raise awareness of domestic abuse and improve local services for victims, including child victims, and their families.",
    },
    {
      number: 5,
      name: "Children who become vulnerable in their education, including children with SEND",
      description:
        "Children receive their education entitlement, with additional support when they need it.",
    },
  ],
};
