/**
 * What the welcome card says in demo mode, so nobody mistakes the moved dates for Rutland's own.
 * Shown by the bot when `DEMO_MODE=1` (see WelcomeInput.note).
 */
export const DEMO_WELCOME_NOTE =
  "Demo data: Rutland's published 2022–23 plan with its dates moved forward by whole years, so the plan runs from this quarter. Last quarter's updates, sign-offs and the people are made up.";
