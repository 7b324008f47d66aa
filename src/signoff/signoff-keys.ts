import type { IsoDate } from "../domain/iso-date.ts";
import { quarterOfPlan } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";

/**
 * Idempotency keys of every message sign-off sends. The messenger never queues a key twice, so a
 * retried press, a repeated daily run or two instances at once cannot send a message twice.
 * Keys about one update carry its plan (`quarterOfPlan`), so Ref 1.1 of two plans are two messages
 * while the first plan's keys stay as they were.
 */

/** One DMT member's sign-off card for an update; `revision` is the one the card round began at. */
export const signOffCardKey = (
  quarter: Quarter,
  action: { ref: string; planId: string },
  revision: number,
  personId: string,
): string =>
  `signoff:${quarterOfPlan(quarter, action.planId)}:${action.ref}:${revision}:${personId}`;

/** The lead hears each decided revision's outcome once. */
export const outcomeKey = (
  quarter: Quarter,
  action: { ref: string; planId: string },
  revision: number,
): string => `outcome:${quarterOfPlan(quarter, action.planId)}:${action.ref}:${revision}`;

/** At most one "waiting for a decision" reminder per DMT member per day. */
export const decisionReminderKey = (today: IsoDate, personId: string): string =>
  `signoff-reminder:${today}:${personId}`;

/** Each plan's quarterly summary goes to each DMT member once per quarter. */
export const summaryKey = (quarter: Quarter, personId: string, planId: string): string =>
  `summary:${quarterOfPlan(quarter, planId)}:${personId}`;
