/** Offered as buttons when a message was not understood; each is answerable on any plan. */
export const EXAMPLE_QUESTIONS: string[] = [
  "what's red for priority 3",
  "show overdue actions for HoS",
  "what's awaiting sign-off",
];
